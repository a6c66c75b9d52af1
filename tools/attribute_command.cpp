// journeysim attribute: channel attribution by removal effect.
#include "attribute_command.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include "cli_common.h"
#include "event_log_options.h"
#include "interrupt.h"
#include "journeysim/attribution.h"
#include "report_formats.h"

namespace journeysim::cli {
namespace {

bool all_fixed(const Scenario& s) {
  for (const Touchpoint& tp : s.touchpoints) {
    if (tp.channel != "fixed") {
      return false;
    }
  }
  return true;
}

}  // namespace

int run_attribute(const AttributeArgs& args) {
  Attribution result;
  refuse_outputs_that_overwrite({args.output.out}, {args.paths, args.journey});
  if (!args.paths.empty()) {
    if (!args.journey.empty()) {
      throw InputError(SourceLocation{}, "give a journey or --paths, not both");
    }
    EventLogArgs log = args.log;
    log.path_format = true;
    uint64_t bad = 0;
    const LogSummary summary = read_log_summary(args.paths, log, args.control.quiet, bad);
    const FittedJourney fitted = fit_journey(summary, -1, args.paths);
    result = attribute_exact(chain_from_fit(fitted));
    result.journey = args.paths;
  } else {
    if (args.journey.empty()) {
      throw InputError(SourceLocation{}, "give a journey file or --paths paths.csv");
    }
    const PluginCatalog catalog =
        PluginCatalog::discover(plugin_directories(args.scenario_options));
    const auto model = load_model(args.journey, args.scenario_options, catalog);
    refuse_outputs_that_overwrite({args.output.out}, input_files(*model));
    const std::optional<Diagnostic> obstacle = exact_attribution_obstacle(*model);
    if (!args.simulate && !obstacle) {
      result = attribute_exact(chain_from_model(*model));
    } else {
      RunOptions options = run_options(args.control, model->scenario());
      options.cancel = cancel_flag();
      result = attribute_by_simulation(*model, catalog, options);
      // A plugin journey is simulated as it always was; a journey of fixed
      // touchpoints is told why its answer is not exact.
      if (!args.simulate && all_fixed(model->scenario())) {
        result.simulated_because = obstacle->message;
      }
    }
    result.journey = args.journey;
  }
  const std::string text = render_as(attribution_formats(), args.output.format, result);
  throw_if_interrupted();
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace journeysim::cli
