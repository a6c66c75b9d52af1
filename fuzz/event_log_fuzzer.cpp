// libFuzzer target: arbitrary bytes as an event log, read, summarised and
// fitted; the fitted journey must load. Every input must end in a summary or
// an InputError naming the problem; anything else — a crash, a sanitizer
// report, a leak, another exception type, a hang — is a bug.
//
// The first byte picks the reader: even, the CSV event log (its low bits
// also choose --strict and the epoch unit); odd, the path format, fitted
// or (bit 16) attributed as attribute --paths --models all does.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "journeysim/attribution.h"
#include "journeysim/attribution_bootstrap.h"
#include "journeysim/calibrate.h"
#include "journeysim/plugin_host.h"
#include "journeysim/scenario_loader.h"
#include "journeysim/simulation_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const journeysim::PluginCatalog catalog;
  if (size == 0) {
    return 0;
  }
  const uint8_t mode = data[0];
  std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  journeysim::BadRows bad("fuzz.csv", (mode & 2) != 0);
  try {
    journeysim::LogSummary summary;
    if ((mode & 1) != 0 && (mode & 16) != 0) {
      const journeysim::PathSet paths = journeysim::read_path_set(in, "fuzz.csv", {}, bad);
      journeysim::PathModels models;
      models.value_rule = (mode & 8) != 0 ? journeysim::PathValueRule::ConversionShare
                                          : journeysim::PathValueRule::LastChannel;
      models.heuristics = {journeysim::kHeuristicModels.begin(),
                           journeysim::kHeuristicModels.end()};
      models.shapley = true;
      journeysim::Attribution a = journeysim::attribute_paths(paths, "fuzz.csv", models);
      // A few replicates: the resampled paths go through every model too.
      journeysim::BootstrapOptions bootstrap;
      bootstrap.replicates = 3;
      bootstrap.threads = 1;
      journeysim::add_bootstrap(a, paths, "fuzz.csv", models, bootstrap);
      journeysim::render_attribution_json(a);
      return 0;
    }
    if ((mode & 1) != 0) {
      summary = journeysim::summarize_path_log(in, "fuzz.csv", {}, bad);
    } else {
      journeysim::EventLogOptions options;
      options.epoch_unit = (mode & 4) != 0 ? journeysim::EpochUnit::Milliseconds
                                           : journeysim::EpochUnit::Seconds;
      if ((mode & 8) != 0) {
        options.conversion_event = "buy";
      }
      summary = journeysim::summarize_event_log(in, "fuzz.csv", options, bad);
    }
    const journeysim::FittedJourney fit = journeysim::fit_journey(summary, -1, "fuzz.csv");
    // What calibrate writes must load: a failure here is a bug, not bad input.
    const std::string toml = journeysim::render_fitted_toml(fit);
    try {
      journeysim::Scenario scenario =
          journeysim::load_scenario_text(toml, "fitted.toml", ".", {});
      const journeysim::SimulationModel model(std::move(scenario), catalog);
    } catch (const journeysim::InputError&) {
      __builtin_trap();
    }
  } catch (const journeysim::InputError&) {
    // The expected answer to bad input.
  }
  return 0;
}
