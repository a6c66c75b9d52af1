// journeysim attribute: channel attribution by removal effect.
#include <filesystem>
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "event_log_options.h"
#include "interrupt.h"
#include "journeysim/attribution.h"

namespace journeysim::cli {
namespace {

struct AttributeArgs {
  std::string journey;
  std::string paths;
  bool simulate = false;
  OutputTarget output;
  RunControl control;
  ScenarioOptions scenario_options;
  EventLogArgs log;
};

bool all_fixed(const Scenario& s) {
  for (const Touchpoint& tp : s.touchpoints) {
    if (tp.channel != "fixed") {
      return false;
    }
  }
  return true;
}

int attribute(const AttributeArgs& args) {
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
    if (!args.simulate && all_fixed(model->scenario())) {
      result = attribute_exact(chain_from_model(*model));
    } else {
      RunOptions options = run_options(args.control, model->scenario());
      options.cancel = cancel_flag();
      result = attribute_by_simulation(*model, catalog, options);
    }
    result.journey = args.journey;
  }
  const std::string text = args.output.format == "json" ? render_attribution_json(result)
                                                         : render_attribution_table(result);
  throw_if_interrupted();
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace

void add_attribute_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<AttributeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "attribute", "Channel attribution by removal effect (exact for fixed journeys)");
  cmd->footer(
      "Example:\n  journeysim attribute fitted.toml\n"
      "  journeysim attribute scenarios/store-launch.toml --agents 200000 --format json\n"
      "  journeysim attribute --paths paths.csv");
  cmd->add_option("journey", args->journey, "Journey (TOML)");
  cmd->add_option("--paths", args->paths,
                  "Attribute from the aggregated path format instead of a journey");
  cmd->add_flag("--simulate", args->simulate,
                "Simulate even when the exact absorbing-chain answer is available");
  add_output_options(*cmd, args->output, {"table", "json"});
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  add_event_log_options(*cmd, args->log, false);
  cmd->callback([args, &action] { action = [args] { return attribute(*args); }; });
}

}  // namespace journeysim::cli
