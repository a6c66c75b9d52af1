// journeysim sweep: a grid of variants of one scenario on the same agents.
#include "cli_common.h"
#include "commands.h"
#include "distributed_run.h"
#include "execution.h"
#include "journeysim/sweep.h"
#include "mpi_runtime.h"
#include "progress_bar.h"

namespace journeysim::cli {
namespace {

struct SweepArgs {
  std::string scenario;
  std::vector<std::string> sets;
  std::vector<std::string> metrics;
  std::string optimize, minimize;
  OutputTarget output;
  RunControl control;
  std::vector<std::string> plugin_dirs;
  bool allow_outside = false;
};

int sweep_on_ranks(const SweepArgs& args, ReadyGate& gate) {
  ScenarioOptions scenario_options;
  scenario_options.plugin_dirs = args.plugin_dirs;
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(scenario_options));
  LoadOptions load;
  load.allow_outside = args.allow_outside;
  const ScenarioTemplate base = ScenarioTemplate::from_file(args.scenario, load);

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
                [&] { report = run_sweep(base, catalog, request); });
  if (!mpi::is_root()) {
    return kOk;  // rank 0 writes the results of the whole job
  }
  report.execution = execution_facts(args.control);
  std::string text;
  if (args.output.format == "json") {
    text = render_sweep_json(report);
  } else if (args.output.format == "csv") {
    text = render_sweep_csv(report);
  } else {
    text = render_sweep_table(report);
  }
  emit(args.output, text, args.control.quiet);
  return kOk;
}

// Under mpirun, a rank that fails before the first point runs (bad input)
// meets the others at the gate, so all stop together with exit code 2.
int sweep(const SweepArgs& args) {
  ReadyGate gate;
  try {
    return sweep_on_ranks(args, gate);
  } catch (const JobStopped&) {
    return kBadInput;
  } catch (const std::exception&) {
    return gate.fail(std::current_exception());
  }
}

}  // namespace

void add_sweep_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run a grid of variants of one scenario on the same customers; name the best");
  cmd->footer(
      "Each --set is one axis: path=FROM..TO[:STEP], path=a,b,c or path=value.\n"
      "Every point runs with the same seed on the same agents.\n"
      "Example:\n  journeysim sweep scenarios/store-launch.toml \\\n"
      "    --set touchpoints.checkout.params.steps=2..7 \\\n"
      "    --set touchpoints.checkout.params.page_load_s=1,2,4 --optimize conversion_rate");
  cmd->add_option("scenario", args->scenario, "Base scenario file (TOML)")->required();
  cmd->add_option("--set", args->sets, "An axis of the grid (repeatable)")->required();
  cmd->add_option("--metric,-m", args->metrics,
                  "Metric to show per point (repeatable; default: headline metrics)");
  auto* optimize = cmd->add_option("--optimize", args->optimize, "Name the point maximising this metric");
  auto* minimize = cmd->add_option("--minimize", args->minimize, "Name the point minimising this metric");
  optimize->excludes(minimize);
  add_output_options(*cmd, args->output, {"table", "json", "csv"});
  add_run_control(*cmd, args->control);
  cmd->add_option("--plugin-dir", args->plugin_dirs,
                  "Also load channel plugins from this directory (repeatable)");
  cmd->add_flag("--allow-outside", args->allow_outside,
                "Let `extends` reach files outside the scenario's directory");
  cmd->callback([args, &action] { action = [args] { return sweep(*args); }; });
}

}  // namespace journeysim::cli
