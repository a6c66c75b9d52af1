// journeysim check, first half: everything that can be wrong with the input
// (scenarios, thresholds, tolerances, baselines, output paths) is found
// before any simulation runs, so bad input is reported all at once, quickly,
// and always wins over a failed gate (exit 2, not 1).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check_command.h"
#include "cli_common.h"
#include "journeysim/check.h"

namespace journeysim::cli {

struct PreparedScenario {
  std::string file;
  std::unique_ptr<SimulationModel> model;
  RunOptions options;
  std::vector<ThresholdSpec> thresholds;
  std::string baseline_file;         // "" = no baseline
  std::optional<Baseline> baseline;  // read (the old one, when updating)
};

struct PreparedCheck {
  std::vector<PreparedScenario> scenarios;
  std::vector<Tolerance> tolerances;
};

/// Loads and checks everything. Throws one InputError listing every problem.
PreparedCheck prepare_check(const CheckArgs& args, const PluginCatalog& catalog);

}  // namespace journeysim::cli
