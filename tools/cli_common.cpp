#include "cli_common.h"

#include <unistd.h>

#include <boost/dll/runtime_symbol_info.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace journeysim::cli {

void add_scenario_options(CLI::App& command, ScenarioOptions& options) {
  command.add_option("--plugin-dir", options.plugin_dirs,
                     "Also load channel plugins from this directory (repeatable)");
  command.add_option("--set", options.overrides,
                     "Override a scenario value, e.g. touchpoints.checkout.params.steps=3 "
                     "(repeatable; same paths as a variant file)");
  command.add_flag("--allow-outside", options.allow_outside,
                   "Let `extends` reach files outside the scenario's directory");
}

std::vector<std::filesystem::path> plugin_directories(const ScenarioOptions& options) {
  std::vector<std::filesystem::path> dirs;
  const std::filesystem::path exe_dir = boost::dll::program_location().parent_path().string();
  for (const auto& candidate : {exe_dir / ".." / "plugins",
                                exe_dir / JOURNEYSIM_INSTALLED_PLUGIN_DIR}) {
    std::error_code ec;
    if (std::filesystem::is_directory(candidate, ec)) {
      dirs.push_back(std::filesystem::weakly_canonical(candidate, ec));
    }
  }
  if (const char* env = std::getenv("JOURNEYSIM_PLUGIN_PATH"); env != nullptr) {
    std::string list = env;
    size_t start = 0;
    while (start <= list.size()) {
      const size_t colon = std::min(list.find(':', start), list.size());
      if (colon > start) {
        dirs.emplace_back(list.substr(start, colon - start));
      }
      start = colon + 1;
    }
  }
  for (const auto& dir : options.plugin_dirs) {
    dirs.emplace_back(dir);
  }
  return dirs;
}

std::unique_ptr<SimulationModel> load_model(const std::string& file,
                                            const ScenarioOptions& options,
                                            const PluginCatalog& catalog) {
  LoadOptions load;
  load.overrides = options.overrides;
  load.allow_outside = options.allow_outside;
  return std::make_unique<SimulationModel>(load_scenario(file, load), catalog);
}

void print_errors(const InputError& error) {
  for (const Diagnostic& d : error.diagnostics()) {
    std::cerr << d.to_string() << "\n";
    if (d.where.line == 0) {
      continue;
    }
    std::ifstream in(d.where.file);
    std::string line;
    for (uint32_t n = 0; n < d.where.line && std::getline(in, line); ++n) {
    }
    if (in) {
      std::cerr << "  " << line << "\n";
      if (d.where.column > 0) {
        std::cerr << "  " << std::string(d.where.column - 1, ' ') << "^\n";
      }
    }
  }
}

uint64_t parse_agent_count(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c != '_') {
      digits += c;
    }
  }
  char* end = nullptr;
  const double value = std::strtod(digits.c_str(), &end);
  if (digits.empty() || end == nullptr || *end != '\0' || !std::isfinite(value) ||
      value != std::floor(value) || value < 1 || value > 1e12) {
    throw InputError(SourceLocation{"--agents", 0, 0},
                     "'" + text + "' is not a whole number of agents between 1 and 10^12");
  }
  return static_cast<uint64_t>(value);
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace journeysim::cli
