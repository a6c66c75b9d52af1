// journeysim calibrate: fit a journey of fixed touchpoints to an event log.
#pragma once

#include <string>

#include "event_log_options.h"

namespace journeysim::cli {

struct CalibrateArgs {
  std::string input;
  std::string out;
  std::string name;
  bool per_segment = false;
  bool quiet = false;
  EventLogArgs log;
};

int run_calibrate(const CalibrateArgs& args);

}  // namespace journeysim::cli
