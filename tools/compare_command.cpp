// journeysim compare: a baseline and its what-if variants on the same agents.
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "distributed_run.h"
#include "execution.h"
#include "journeysim/comparison.h"
#include "journeysim/output_file.h"
#include "journeysim/report_writers.h"
#include "mpi_runtime.h"
#include "progress_bar.h"

namespace journeysim::cli {
namespace {

struct CompareArgs {
  std::string baseline;
  std::vector<std::string> variants;
  OutputTarget output;
  RunControl control;
  ScenarioOptions scenario_options;
  std::string report;  // --report: the comparison as an HTML page, "" = none
};

int compare_on_ranks(const CompareArgs& args, ReadyGate& gate) {
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
  // Under mpirun each rank runs a slice of the clusters of agents and rank
  // 0 merges them: the single-process report (docs/mpi.md).
  gate.pass(*baseline, options);
  ComparePart part{mpi::rank(), mpi::size(),
                   [](const std::string& bytes) { return mpi::gather_to_root(bytes); }};
  ComparisonReport report;
  with_progress(options.agents / static_cast<unsigned>(mpi::size()), done,
                show_progress(args.control) && mpi::is_root(), [&] {
                  report = compare_on_every_rank(
                      [&] { return compare_runs(*baseline, views, options, part); });
                });
  if (!mpi::is_root()) {
    return kOk;  // rank 0 writes the results of the whole job
  }
  report.execution = execution_facts(args.control);
  std::string text;
  if (args.output.format == "json") {
    text = render_comparison_json(report);
  } else if (args.output.format == "csv") {
    text = render_comparison_csv(report);
  } else if (args.output.format == "markdown") {
    text = render_comparison_markdown(report);
  } else {
    text = render_comparison_table(report);
  }
  if (!args.report.empty()) {
    // Written before stdout so a bad --report path fails the comparison whole.
    write_file_atomically(args.report, render_comparison_html(report, baseline->scenario()));
    if (!args.control.quiet) {
      std::cerr << "wrote " << args.report << "\n";
    }
  }
  emit(args.output, text, args.control.quiet);
  return kOk;
}

// Under mpirun, a rank that fails before the comparison runs (bad input)
// meets the others at the gate, so all stop together with exit code 2.
int compare(const CompareArgs& args) {
  ReadyGate gate;
  try {
    return compare_on_ranks(args, gate);
  } catch (const JobStopped&) {
    return kBadInput;
  } catch (const std::exception&) {
    return gate.fail(std::current_exception());
  }
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
      "  journeysim compare base.toml a.toml b.toml --format json --out changes.json\n"
      "  journeysim compare base.toml a.toml --report comparison.html\n"
      "  journeysim compare base.toml a.toml --format markdown   # a pull-request comment");
  cmd->add_option("baseline", args->baseline, "Baseline scenario file (TOML)")->required();
  cmd->add_option("variants", args->variants, "Variant scenario files (usually `extends` the baseline)")
      ->required();
  add_output_options(*cmd, args->output, {"table", "json", "csv", "markdown"});
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  cmd->add_option("--report", args->report,
                  "Also write the comparison as a self-contained HTML page (atomically)");
  cmd->callback([args, &action] { action = [args] { return compare(*args); }; });
}

}  // namespace journeysim::cli
