// journeysim run: simulate a journey and print its map.
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "journeysim/engine.h"
#include "journeysim/output_file.h"
#include "journeysim/report_writers.h"
#include "progress_bar.h"

namespace journeysim::cli {
namespace {

struct RunArgs {
  std::string scenario;
  OutputTarget output;
  RunControl control;
  ScenarioOptions scenario_options;
  std::string report;  // --report: the HTML journey map, "" = none
};

int run(const RunArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  const auto model = load_model(args.scenario, args.scenario_options, catalog);
  RunOptions options = run_options(args.control, model->scenario());
  std::atomic<uint64_t> done{0};
  options.progress = &done;
  RunTally tally;
  with_progress(options.agents, done, show_progress(args.control),
                [&] { tally = run_agents(*model, options); });
  const RunReport report = summarize(*model, tally, options);
  std::string text;
  if (args.output.format == "json") {
    text = render_json(report);
  } else if (args.output.format == "csv") {
    text = render_csv(report);
  } else if (args.output.format == "markdown") {
    text = render_markdown(report);
  } else if (args.output.format == "mermaid") {
    text = render_mermaid(report);
  } else {
    text = render_table(report);
  }
  if (!args.report.empty()) {
    // Written before stdout so a bad --report path fails the run whole.
    HtmlReportParts parts;
    parts.time_to_convert = &tally.journey.time_to_convert;
    write_file_atomically(args.report, render_html(report, model->scenario(), parts));
    if (!args.control.quiet) {
      std::cerr << "wrote " << args.report << "\n";
    }
  }
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace

void add_run_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a journey and print its map");
  cmd->footer(
      "Example:\n  journeysim run scenarios/store-launch.toml\n"
      "  journeysim run scenarios/store-launch.toml --format json --out result.json\n"
      "  journeysim run scenarios/store-launch.toml --set touchpoints.checkout.params.steps=3\n"
      "  journeysim run scenarios/store-launch.toml --report journey.html");
  cmd->add_option("scenario", args->scenario, "Scenario file (TOML)")->required();
  add_output_options(*cmd, args->output, {"table", "json", "csv", "markdown", "mermaid"});
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  cmd->add_option("--report", args->report,
                  "Also write the journey map as a self-contained HTML page (atomically)");
  cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace journeysim::cli
