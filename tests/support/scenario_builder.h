// Test helpers: turn TOML text into a runnable model and run it.
#pragma once

#include <string>

#include "journeysim/engine.h"
#include "journeysim/run_report.h"
#include "journeysim/scenario_loader.h"
#include "build_paths.h"

namespace journeysim::testing {

/// Loads `toml` as a scenario named `name` and binds it to the built-in
/// channels plus, when given, the build's plugin directory.
inline SimulationModel model_from_text(const std::string& toml, bool with_plugins = false,
                                       const std::string& name = "test.toml") {
  const PluginCatalog catalog = with_plugins
                                    ? PluginCatalog::discover({journeysim::testing::plugin_dir()})
                                    : PluginCatalog();
  return SimulationModel(load_scenario_text(toml, name, journeysim::testing::test_data_dir()), catalog);
}

inline RunReport run_report(const SimulationModel& model, uint64_t agents, uint64_t seed = 1,
                            unsigned threads = 1) {
  RunOptions options;
  options.agents = agents;
  options.seed = seed;
  options.threads = threads;
  return summarize(model, run_agents(model, options), options);
}

/// A metric by path from a report, e.g. "touchpoints.ad.drop_rate".
inline Estimate metric(const RunReport& report, const std::string& path) {
  for (const MetricRow& row : metric_rows(report)) {
    if (row.path == path) {
      return row.estimate;
    }
  }
  return {};
}

}  // namespace journeysim::testing
