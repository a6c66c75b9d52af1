// journeysim plugin-test: the conformance harness for channel authors.
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "journeysim/conformance.h"

namespace journeysim::cli {
namespace {

int plugin_test(const std::vector<std::string>& files) {
  bool all = true;
  for (const std::string& file : files) {
    const ConformanceReport report = test_channel_library(file);
    std::cout << render_conformance(report) << std::flush;
    all = all && report.passed();
  }
  return all ? kOk : kFailed;
}

}  // namespace

void add_plugin_test_command(CLI::App& app, std::function<int()>& action) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "plugin-test", "Check that a channel plugin library behaves before anyone loads it");
  cmd->footer(
      "Loads the library through the same host as a run and checks: the descriptor, "
      "configuration at\nthe defaults and at every parameter's extremes, that the host refuses "
      "out-of-range values, valid\noutcomes for generated agents, determinism, batch versus "
      "single calls, and that the declared\ncontinue probability matches behaviour. Exit 0 when "
      "every check passes, 1 otherwise.\nExample:\n  journeysim plugin-test "
      "build/plugins/libjourneysim_email.so");
  cmd->add_option("library", *files, "Channel plugin shared libraries")->required();
  cmd->callback([files, &action] { action = [files] { return plugin_test(*files); }; });
}

}  // namespace journeysim::cli
