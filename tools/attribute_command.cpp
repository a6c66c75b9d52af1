// journeysim attribute: channel attribution by removal effect.
#include "attribute_command.h"

#include <filesystem>
#include <iostream>

#include "cli_common.h"
#include "event_log_options.h"
#include "interrupt.h"
#include "journeysim/attribution.h"
#include "report_formats.h"

namespace journeysim::cli {
namespace {

// Attribution removes channels from the touchpoint chain; it does not yet
// know steps or `on` routes, and would answer wrongly (a wait reads as a
// dead end), so such journeys are refused until it does.
void refuse_model_2(const Scenario& s) {
  if (!s.steps.empty()) {
    throw InputError(s.steps.front().where,
                     "attribute does not handle journeys with steps yet (step '" +
                         s.steps.front().id + "'); run or compare them instead");
  }
  for (const Touchpoint& tp : s.touchpoints) {
    if (!tp.on.empty()) {
      throw InputError(tp.on.front().event_where,
                       "attribute does not handle `on` routes yet (touchpoint '" + tp.id +
                           "'); run or compare the journey instead");
    }
  }
}

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
    refuse_model_2(model->scenario());
    if (!args.simulate && all_fixed(model->scenario())) {
      result = attribute_exact(chain_from_model(*model));
    } else {
      RunOptions options = run_options(args.control, model->scenario());
      options.cancel = cancel_flag();
      result = attribute_by_simulation(*model, catalog, options);
    }
    result.journey = args.journey;
  }
  const std::string text = render_as(attribution_formats(), args.output.format, result);
  throw_if_interrupted();
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace journeysim::cli
