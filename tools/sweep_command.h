// journeysim sweep: a grid of variants of one scenario on the same agents.
#pragma once

#include <string>
#include <vector>

#include "cli_common.h"

namespace journeysim::cli {

// Not ScenarioOptions: here --set names an axis of the grid, not an override.
struct SweepArgs {
  std::string scenario;
  std::vector<std::string> sets;
  std::vector<std::string> metrics;
  std::string optimize, minimize;
  OutputTarget output;
  RunControl control;
  std::vector<std::string> plugin_dirs;
  bool allow_outside = false;
};

int run_sweep(const SweepArgs& args);

}  // namespace journeysim::cli
