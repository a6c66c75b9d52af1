// journeysim attribute: channel attribution by removal effect.
#pragma once

#include <string>

#include "cli_common.h"
#include "event_log_options.h"
#include "journeysim/attribution_bootstrap.h"

namespace journeysim::cli {

struct AttributeArgs {
  std::string journey;
  std::string paths;
  bool simulate = false;
  // Models besides the removal effect (comma list: markov, first_touch,
  // last_touch, linear, time_decay, position_based, heuristics, all).
  std::string models = "markov";
  double half_life = 1.0;                           // time decay, in steps
  std::string position_weights = "0.4,0.2,0.4";    // position based: first, middle, last
  std::string value_rule = "last-channel";          // paths: or "conversion-share"
  // Paths: bootstrap replicates for the intervals (0 = none); the seed is
  // --seed's, kDefaultBootstrapSeed without it.
  uint32_t bootstrap = kDefaultBootstrapReplicates;
  bool bootstrap_given = false;
  OutputTarget output;
  RunControl control;
  ScenarioOptions scenario_options;
  EventLogArgs log;
};

int run_attribute(const AttributeArgs& args);

}  // namespace journeysim::cli
