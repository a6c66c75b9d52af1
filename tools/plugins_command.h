// journeysim plugins: what channels are available and what they accept.
#pragma once

#include "cli_common.h"

namespace journeysim::cli {

struct PluginsArgs {
  ScenarioOptions scenario_options;  // only --plugin-dir is offered
};

int run_plugins(const PluginsArgs& args);

}  // namespace journeysim::cli
