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
  std::string format = "table";
  std::string out;
  std::string agents;
  int64_t seed = -1;
  unsigned threads = 0;
  bool quiet = false;
  bool progress = false;
  bool no_progress = false;
  ScenarioOptions scenario_options;
};

int run(const RunArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  const auto model = load_model(args.scenario, args.scenario_options, catalog);
  RunOptions options;
  options.seed = args.seed >= 0 ? static_cast<uint64_t>(args.seed) : model->scenario().journey.seed;
  options.agents = args.agents.empty() ? model->scenario().journey.agents
                                       : parse_agent_count(args.agents);
  options.threads = args.threads;
  std::atomic<uint64_t> done{0};
  options.progress = &done;
  const bool show_progress =
      !args.no_progress && !args.quiet && (args.progress || stderr_is_terminal());
  RunTally tally;
  with_progress(options.agents, done, show_progress,
                [&] { tally = run_agents(*model, options); });
  const RunReport report = summarize(*model, tally, options);
  std::string text;
  if (args.format == "json") {
    text = render_json(report);
  } else if (args.format == "csv") {
    text = render_csv(report);
  } else {
    text = render_table(report);
  }
  if (args.out.empty()) {
    std::cout << text << std::flush;
  } else {
    write_file_atomically(args.out, text);
    if (!args.quiet) {
      std::cerr << "wrote " << args.out << "\n";
    }
  }
  return kOk;
}

}  // namespace

void add_run_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a journey and print its map");
  cmd->footer(
      "Example:\n  journeysim run scenarios/store-launch.toml\n"
      "  journeysim run scenarios/store-launch.toml --format json --out result.json\n"
      "  journeysim run scenarios/store-launch.toml --set touchpoints.checkout.params.steps=3");
  cmd->add_option("scenario", args->scenario, "Scenario file (TOML)")->required();
  cmd->add_option("--format,-f", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_option("--out,-o", args->out, "Write to this file (atomically) instead of stdout");
  cmd->add_option("--agents,-n", args->agents, "Number of agents (overrides the scenario)");
  cmd->add_option("--seed", args->seed, "Random seed (overrides the scenario)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads,-j", args->threads,
                  "Worker threads (0 = one per core; never changes results)");
  cmd->add_flag("--quiet,-q", args->quiet, "No progress or messages on stderr");
  cmd->add_flag("--progress", args->progress, "Show progress even when stderr is not a terminal");
  cmd->add_flag("--no-progress", args->no_progress, "Never show progress");
  add_scenario_options(*cmd, args->scenario_options);
  cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace journeysim::cli
