// journeysim validate-fit: simulate a fitted journey and compare it with
// the log it was fitted to.
#include "validate_fit_command.h"

#include <iostream>

#include "cli_common.h"
#include "event_log_options.h"
#include "interrupt.h"
#include "journeysim/fit_check.h"

namespace journeysim::cli {
int run_validate_fit(const ValidateFitArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  const auto model = load_model(args.fitted, args.scenario_options, catalog);
  uint64_t bad = 0;
  const LogSummary observed = read_log_summary(args.against, args.log, args.control.quiet, bad);
  RunOptions options = run_options(args.control, model->scenario());
  options.cancel = cancel_flag();
  const LogSummary simulated = simulate_summary(*model, options);
  const FitCheck check = compare_fit(observed, simulated, args.tolerance);
  write_stdout(render_fit_check(check, args.fitted, args.against));
  return check.passed ? kOk : kFailed;
}

}  // namespace journeysim::cli
