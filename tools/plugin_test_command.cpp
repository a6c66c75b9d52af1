// journeysim plugin-test: the conformance harness for channel authors.
#include "plugin_test_command.h"

#include <iostream>

#include "cli_common.h"
#include "journeysim/conformance.h"

namespace journeysim::cli {
int run_plugin_test(const PluginTestArgs& args) {
  bool all = true;
  for (const std::string& file : args.libraries) {
    ConformanceOptions options;
    options.timeout_seconds = args.timeout_seconds;
    const ConformanceReport report = test_channel_library(file, options);
    write_stdout(render_conformance(report));
    all = all && report.passed();
  }
  return all ? kOk : kFailed;
}

}  // namespace journeysim::cli
