// journeysim attribute: channel attribution by removal effect.
#pragma once

#include <string>

#include "cli_common.h"
#include "event_log_options.h"

namespace journeysim::cli {

struct AttributeArgs {
  std::string journey;
  std::string paths;
  bool simulate = false;
  OutputTarget output;
  RunControl control;
  ScenarioOptions scenario_options;
  EventLogArgs log;
};

int run_attribute(const AttributeArgs& args);

}  // namespace journeysim::cli
