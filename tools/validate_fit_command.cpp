// journeysim validate-fit: simulate a fitted journey and compare it with
// the log it was fitted to.
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "event_log_options.h"
#include "interrupt.h"
#include "journeysim/fit_check.h"

namespace journeysim::cli {
namespace {

struct ValidateFitArgs {
  std::string fitted;
  std::string against;
  double tolerance = 0.05;
  RunControl control;
  ScenarioOptions scenario_options;
  EventLogArgs log;
};

int validate_fit(const ValidateFitArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  const auto model = load_model(args.fitted, args.scenario_options, catalog);
  uint64_t bad = 0;
  const LogSummary observed = read_log_summary(args.against, args.log, args.control.quiet, bad);
  RunOptions options = run_options(args.control, model->scenario());
  options.cancel = cancel_flag();
  const LogSummary simulated = simulate_summary(*model, options);
  const FitCheck check = compare_fit(observed, simulated, args.tolerance);
  std::cout << render_fit_check(check, args.fitted, args.against);
  return check.passed ? kOk : kFailed;
}

}  // namespace

void add_validate_fit_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<ValidateFitArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate-fit", "Simulate a fitted journey and compare it with its event log");
  cmd->footer(
      "Example:\n  journeysim validate-fit fitted.toml --against events.csv --tolerance 0.03\n"
      "Exit 1 when a rate differs by more than --tolerance (times: relative difference).");
  cmd->add_option("fitted", args->fitted, "Fitted journey (TOML)")->required();
  cmd->add_option("--against", args->against, "The event log to compare with")->required();
  cmd->add_option("--tolerance", args->tolerance,
                  "Largest accepted |difference| of a rate or share (times: relative)")
      ->check(CLI::Range(0.0, 1e9));
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  add_event_log_options(*cmd, args->log, false);
  cmd->callback([args, &action] { action = [args] { return validate_fit(*args); }; });
}

}  // namespace journeysim::cli
