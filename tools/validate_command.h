// journeysim validate: load and check scenarios without running them.
#pragma once

#include <string>
#include <vector>

#include "cli_common.h"

namespace journeysim::cli {

struct ValidateArgs {
  std::vector<std::string> scenarios;
  ScenarioOptions scenario_options;
};

int run_validate(const ValidateArgs& args);

}  // namespace journeysim::cli
