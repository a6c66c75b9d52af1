// journeysim compare: a baseline and its what-if variants on the same agents.
#include "cli_common.h"
#include "commands.h"
#include "journeysim/comparison.h"
#include "progress_bar.h"

namespace journeysim::cli {
namespace {

struct CompareArgs {
  std::string baseline;
  std::vector<std::string> variants;
  OutputTarget output;
  RunControl control;
  ScenarioOptions scenario_options;
};

int compare(const CompareArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  const auto baseline = load_model(args.baseline, args.scenario_options, catalog);
  std::vector<std::unique_ptr<SimulationModel>> variants;
  std::vector<const SimulationModel*> views;
  std::vector<Diagnostic> problems;
  for (const std::string& file : args.variants) {
    try {
      variants.push_back(load_model(file, args.scenario_options, catalog));
      views.push_back(variants.back().get());
    } catch (const InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  RunOptions options = run_options(args.control, baseline->scenario());
  std::atomic<uint64_t> done{0};
  options.progress = &done;
  ComparisonReport report;
  with_progress(options.agents, done, show_progress(args.control),
                [&] { report = compare_runs(*baseline, views, options); });
  std::string text;
  if (args.output.format == "json") {
    text = render_comparison_json(report);
  } else if (args.output.format == "csv") {
    text = render_comparison_csv(report);
  } else {
    text = render_comparison_table(report);
  }
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace

void add_compare_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run a baseline and what-if variants on the same customers; report every change");
  cmd->footer(
      "Each agent meets every version with the same random numbers (common random numbers),\n"
      "so differences measure the change, not the noise. Intervals are 95%, from the paired runs.\n"
      "Example:\n  journeysim compare scenarios/store-launch.toml "
      "scenarios/store-launch.guest-checkout.toml\n"
      "  journeysim compare base.toml a.toml b.toml --format json --out changes.json");
  cmd->add_option("baseline", args->baseline, "Baseline scenario file (TOML)")->required();
  cmd->add_option("variants", args->variants, "Variant scenario files (usually `extends` the baseline)")
      ->required();
  add_output_options(*cmd, args->output, {"table", "json", "csv"});
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  cmd->callback([args, &action] { action = [args] { return compare(*args); }; });
}

}  // namespace journeysim::cli
