// journeysim plugin-test: the conformance harness for channel authors.
#pragma once

#include <string>
#include <vector>

#include "plugin_isolation.h"

namespace journeysim::cli {

struct PluginTestArgs {
  std::vector<std::string> libraries;
  double timeout_seconds = kDefaultPluginTimeoutSeconds;  // --plugin-timeout
};

int run_plugin_test(const PluginTestArgs& args);

}  // namespace journeysim::cli
