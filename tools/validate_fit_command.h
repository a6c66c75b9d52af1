// journeysim validate-fit: simulate a fitted journey and compare it with
// the log it was fitted to.
#pragma once

#include <string>

#include "cli_common.h"
#include "event_log_options.h"

namespace journeysim::cli {

struct ValidateFitArgs {
  std::string fitted;
  std::string against;
  double tolerance = 0.05;
  RunControl control;
  ScenarioOptions scenario_options;
  EventLogArgs log;
};

int run_validate_fit(const ValidateFitArgs& args);

}  // namespace journeysim::cli
