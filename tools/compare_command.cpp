// journeysim compare: a baseline and its what-if variants on the same agents.
#include "compare_command.h"


#include "cli_common.h"
#include "distributed_run.h"
#include "execution.h"
#include "journeysim/comparison.h"
#include "journeysim/report_writers.h"
#include "mpi_runtime.h"
#include "progress_bar.h"
#include "report_formats.h"

namespace journeysim::cli {
namespace {

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
  std::vector<std::string> inputs = input_files(*baseline);
  for (const auto& variant : variants) {
    const std::vector<std::string> files = input_files(*variant);
    inputs.insert(inputs.end(), files.begin(), files.end());
  }
  refuse_outputs_that_overwrite({args.report, args.output.out}, inputs);
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
  const std::string text = render_as(comparison_formats(), args.output.format, report);
  if (!args.report.empty()) {
    // Written before stdout so a bad --report path fails the comparison whole.
    write_output_file(args.report, render_comparison_html(report, baseline->scenario()),
                      args.control.quiet);
  }
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace

int run_compare(const CompareArgs& args) {
  return run_behind_ready_gate([&](ReadyGate& gate) { return compare_on_ranks(args, gate); });
}

}  // namespace journeysim::cli
