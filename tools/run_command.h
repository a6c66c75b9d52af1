// journeysim run: simulate a journey and print its map.
#pragma once

#include <string>

#include "cli_common.h"

namespace journeysim::cli {

struct RunArgs {
  std::string scenario;
  OutputTarget output;
  RunControl control;
  ScenarioOptions scenario_options;
  std::string report;          // --report: the HTML journey map, "" = none
  std::string events;          // --events: every agent's events as CSV, "" = none
  std::string series;          // --series: the time series as CSV, "" = none
  bool manifest_only = false;  // --manifest-only: print the manifest, simulate nothing
  bool format_given = false;   // --format was on the command line
};

int run_run(const RunArgs& args);

}  // namespace journeysim::cli
