// journeysim: test a customer journey before it goes live.
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "journeysim/run_report.h"

int main(int argc, char** argv) {
  using namespace journeysim::cli;
  CLI::App app{"journeysim — simulate customer journeys through channel plugins"};
  app.set_version_flag("--version,-V", journeysim::journeysim_version());
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok; 1 a threshold or regression failed; 2 bad input (scenario, "
      "options, plugin).\nRun `journeysim <command> --help` for a command's options.");
  std::function<int()> action;
  add_run_command(app, action);
  add_validate_command(app, action);
  add_plugins_command(app, action);
  add_compare_command(app, action);
  add_sweep_command(app, action);
  add_plugin_test_command(app, action);
  add_check_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every other parse error is bad input.
    const int code = app.exit(e);
    return code == 0 ? kOk : kBadInput;
  }
  try {
    return action();
  } catch (const journeysim::InputError& e) {
    print_errors(e);
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "journeysim: error: " << e.what() << "\n";
    return kBadInput;
  }
}
