// journeysim compare: a baseline and its what-if variants on the same agents.
#pragma once

#include <string>
#include <vector>

#include "cli_common.h"

namespace journeysim::cli {

struct CompareArgs {
  std::string baseline;
  std::vector<std::string> variants;
  OutputTarget output;
  RunControl control;
  ScenarioOptions scenario_options;
  std::string report;  // --report: the comparison as an HTML page, "" = none
};

int run_compare(const CompareArgs& args);

}  // namespace journeysim::cli
