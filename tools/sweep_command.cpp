// journeysim sweep: a grid of variants of one scenario on the same agents.
#include "sweep_command.h"

#include "cli_common.h"
#include "distributed_run.h"
#include "execution.h"
#include "journeysim/sweep.h"
#include "mpi_runtime.h"
#include "progress_bar.h"
#include "report_formats.h"

namespace journeysim::cli {
namespace {

int sweep_on_ranks(const SweepArgs& args, ReadyGate& gate) {
  ScenarioOptions scenario_options;
  scenario_options.plugin_dirs = args.plugin_dirs;
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(scenario_options));
  LoadOptions load;
  load.allow_outside = args.allow_outside;
  const ScenarioTemplate base = ScenarioTemplate::from_file(args.scenario, load);

  // The scenario itself; its `extends` bases are not listed by the template.
  refuse_outputs_that_overwrite({args.output.out}, {args.scenario});
  SweepRequest request;
  for (const std::string& set : args.sets) {
    request.axes.push_back(parse_sweep_axis(set));
  }
  request.metrics = args.metrics;
  if (request.metrics.empty()) {
    request.metrics = {"conversion_rate", "time_to_convert.median_days", "csat", "nps",
                       "revenue_per_agent"};
  }
  request.objective = args.optimize.empty() ? args.minimize : args.optimize;
  request.maximize = args.minimize.empty();
  request.agents = args.control.agents;
  request.seed = args.control.seed;
  request.threads = args.control.threads;
  std::atomic<uint64_t> done{0};
  request.progress = &done;
  if (mpi::size() > 1) {
    // Under mpirun every point's agents are spread over the ranks, and
    // rank 0 gets the merged tally: the single-process numbers.
    request.run = [&gate](const SimulationModel& model, const RunOptions& options) {
      gate.pass(model, options);
      return run_and_reduce(model, this_rank_share(options));
    };
  }
  size_t points = 1;
  for (const SweepAxis& axis : request.axes) {
    points *= axis.values.size();
  }
  const uint64_t total = sweep_agents_per_point(base, request) * std::min(points, kMaxSweepPoints);
  SweepReport report;
  with_progress(total, done, show_progress(args.control) && mpi::is_root(),
                // The library's grid runner, not this command (cli::run_sweep).
                [&] { report = journeysim::run_sweep(base, catalog, request); });
  if (!mpi::is_root()) {
    return kOk;  // rank 0 writes the results of the whole job
  }
  report.execution = execution_facts(args.control);
  const std::string text = render_as(sweep_formats(), args.output.format, report);
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace

int run_sweep(const SweepArgs& args) {
  return run_behind_ready_gate([&](ReadyGate& gate) { return sweep_on_ranks(args, gate); });
}

}  // namespace journeysim::cli
