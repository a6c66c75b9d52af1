// libFuzzer target: arbitrary bytes as a scenario file. The loader must turn
// every input into a Scenario or an InputError naming the problem; anything
// else — a crash, a sanitizer report, a leak, another exception type, a
// hang — is a bug.
//
// Lines starting with "#set " (TOML comments, so the parser ignores them)
// are also applied as `--set` overrides, so the fuzzer explores the override
// parser and merging as well.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "journeysim/plugin_host.h"
#include "journeysim/scenario_loader.h"
#include "journeysim/simulation_model.h"

namespace {

std::vector<std::string> overrides_in(std::string_view text) {
  constexpr std::string_view kPrefix = "#set ";
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (line.substr(0, kPrefix.size()) == kPrefix) {
      out.emplace_back(line.substr(kPrefix.size()));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Built once: the catalog of built-in channels (no plugin is loaded, so
  // every input is judged by the loader and the binding alone).
  static const journeysim::PluginCatalog catalog;
  const std::string text(reinterpret_cast<const char*>(data), size);
  journeysim::LoadOptions options;
  options.overrides = overrides_in(text);
  try {
    journeysim::Scenario scenario = journeysim::load_scenario_text(
        text, "fuzz.toml", JOURNEYSIM_FUZZ_BASE_DIR, options);
    const journeysim::SimulationModel model(std::move(scenario), catalog);
  } catch (const journeysim::InputError&) {
    // The expected answer to bad input (PluginError is one too).
  }
  return 0;
}
