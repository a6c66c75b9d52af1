// journeysim plugin-test: the conformance harness for channel authors.
#pragma once

#include <string>
#include <vector>

namespace journeysim::cli {

struct PluginTestArgs {
  std::vector<std::string> libraries;
};

int run_plugin_test(const PluginTestArgs& args);

}  // namespace journeysim::cli
