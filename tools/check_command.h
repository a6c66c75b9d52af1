// journeysim check: run journeys and gate a pipeline on their thresholds and
// on regressions against stored baselines.
#pragma once

#include <string>
#include <vector>

#include "cli_common.h"

namespace journeysim::cli {

struct CheckArgs {
  std::vector<std::string> scenarios;
  std::string baseline;                 // a file, or a directory of <stem>.json
  std::vector<std::string> tolerances;  // metric=VALUE
  bool update_baseline = false;
  std::string junit;
  std::string report;   // --report: the check as an HTML page, "" = none
  OutputTarget output;  // text | json | markdown, stdout or --out
  bool no_color = false;
  RunControl control;
  ScenarioOptions scenario_options;
};

int run_check(const CheckArgs& args);

}  // namespace journeysim::cli
