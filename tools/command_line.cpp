#include "command_line.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <iostream>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "attribute_command.h"
#include "calibrate_command.h"
#include "check_command.h"
#include "cli_common.h"
#include "compare_command.h"
#include "event_log_options.h"
#include "init_command.h"
#include "journeysim/diagnostics.h"
#include "journeysim/run_report.h"
#include "plugin_test_command.h"
#include "plugins_command.h"
#include "report_formats.h"
#include "run_command.h"
#include "schema_command.h"
#include "sweep_command.h"
#include "validate_command.h"
#include "validate_fit_command.h"

namespace journeysim::cli {
namespace {

// When `command` is chosen, main() runs `run` on the parsed `args` (so errors
// are handled in one place).
template <class Args>
void set_action(CLI::App* command, const std::shared_ptr<Args>& args, int (*run)(const Args&),
                std::function<int()>& action) {
  command->callback([args, run, &action] { action = [args, run] { return run(*args); }; });
}

// ---- option groups several commands share

// --plugin-timeout of every command but plugin-test (which keeps its own in
// its args): main installs the plugin guard with it before the command runs.
double g_plugin_timeout = kDefaultPluginTimeoutSeconds;

// Seconds, checked on the text: a finite number from 0 (no limit) to a week;
// "nan" and "inf" are refused, not taken as "no limit".
CLI::Validator timeout_seconds() {
  return CLI::Validator(
      [](const std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || end == nullptr || *end != '\0' || !std::isfinite(value) ||
            value < 0 || value > 7 * 86400.0) {
          return "'" + text + "' is not a time limit: expected seconds from 0 (no limit) to " +
                 "604800 (a week)";
        }
        return "";
      },
      "SECONDS");
}

void add_plugin_timeout_option(CLI::App& command, double& seconds) {
  command.add_option("--plugin-timeout", seconds,
                     "Longest a single plugin call may take, in seconds (0 = no limit); past "
                     "it the command stops naming the plugin and touchpoint, exit 4")
      ->check(timeout_seconds())
      ->capture_default_str();
}

void add_plugin_dir_option(CLI::App& command, std::vector<std::string>& plugin_dirs) {
  command.add_option("--plugin-dir", plugin_dirs,
                     "Also load channel plugins from this directory (repeatable)");
  add_plugin_timeout_option(command, g_plugin_timeout);
}

void add_allow_outside_flag(CLI::App& command, bool& allow_outside) {
  command.add_flag("--allow-outside", allow_outside,
                   "Let `extends` reach files outside the scenario's directory");
}

void add_scenario_options(CLI::App& command, ScenarioOptions& options) {
  add_plugin_dir_option(command, options.plugin_dirs);
  command.add_option("--set", options.overrides,
                     "Override a scenario value, e.g. touchpoints.checkout.params.steps=3 "
                     "(repeatable; same paths as a variant file)");
  add_allow_outside_flag(command, options.allow_outside);
}

// A seed is what a scenario's `seed` can hold: a TOML integer, 0 to 2^63 - 1.
// Checked on the text, so a larger one is refused rather than converted to
// the largest (2^64 - 1 ran as 2^63 - 1).
CLI::Validator seed_range() {
  return CLI::Validator(
      [](const std::string& text) -> std::string {
        uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, error] = std::from_chars(text.data(), end, value);
        constexpr auto kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
        if (error != std::errc{} || ptr != end || value > kMax) {
          return "'" + text + "' is not a seed: expected a whole number from 0 to " +
                 std::to_string(kMax);
        }
        return "";
      },
      "SEED");
}

// Far more than any machine has cores; a typo beyond it is refused.
constexpr unsigned long long kMaxThreads = 1024;

// Arguments no option of the command takes: each one named, with the
// nearest option of that same command (never another command's).
void report_unknown_options(const CLI::App& app, const CLI::ExtrasError& e) {
  const CLI::App* command = &app;
  for (const CLI::App* sub : app.get_subcommands()) {
    command = sub;  // the command in use
  }
  std::vector<std::string> names;
  for (const CLI::Option* option : command->get_options()) {
    for (const std::string& name : option->get_lnames()) {
      names.push_back("--" + name);
    }
  }
  const std::string prefix =
      "journeysim" + (command == &app ? std::string() : " " + command->get_name());
  bool named = false;
  for (const std::string& arg : command->remaining()) {
    if (arg.rfind("--", 0) != 0) {
      continue;
    }
    const std::string flag = arg.substr(0, arg.find('='));
    std::cerr << prefix << ": error: unknown option '" << flag << "'" << did_you_mean(flag, names)
              << "\n";
    named = true;
  }
  if (!named) {
    std::cerr << prefix << ": error: " << e.what() << "\n";
  }
  std::cerr << "Run `" << prefix << " --help` for its options.\n";
}

void add_run_control(CLI::App& command, RunControl& control) {
  command.add_option("--agents,-n", control.agents,
                     "Number of agents, e.g. 200000 or 1e6 (default: the scenario's)");
  command.add_option("--seed", control.seed, "Random seed (default: the scenario's)")
      ->check(seed_range());
  command.add_option("--threads,-j", control.threads,
                     "Worker threads (0 = one per core; never changes results)")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            // Every worker holds a block of agents and a tally: a typo's
            // hundred thousand threads would exhaust memory, not speed up.
            unsigned long long n = 0;
            try {
              n = std::stoull(text);
            } catch (const std::exception&) {
              return "";  // the option's own conversion reports it
            }
            return n > kMaxThreads ? "--threads " + text + ": at most " +
                                         std::to_string(kMaxThreads) +
                                         " worker threads (0 = one per core)"
                                   : "";
          },
          "THREADS"));
  command.add_flag("--quiet,-q", control.quiet, "No progress or messages on stderr");
  command.add_flag("--progress", control.progress,
                   "Show progress even when stderr is not a terminal");
  command.add_flag("--no-progress", control.no_progress, "Never show progress");
  command.add_flag("--manifest-execution", control.manifest_execution,
                   "Also record threads, MPI ranks and the command line in the outputs' "
                   "manifest (they then differ between machines and thread counts)");
}

// Every option naming an output file: an empty name is a mistake (a
// variable that was never set, say), not a request for stdout, which is
// what leaving the option out means.
CLI::Validator output_path() {
  return CLI::Validator(
      [](const std::string& value) {
        return value.empty() ? std::string("the output path is empty: name a file")
                             : std::string();
      },
      "FILE");
}

// --format takes the names of `formats`; the first is the default.
template <class Report>
CLI::Option* add_output_options(CLI::App& command, OutputTarget& target,
                                ReportFormats<Report> formats) {
  target.format = formats.front().name;
  CLI::Option* format = command.add_option("--format,-f", target.format, "Output format")
                            ->check(CLI::IsMember(format_names(formats)));
  command.add_option("--out,-o", target.out, "Write to this file (atomically) instead of stdout")
      ->check(output_path());
  return format;
}

// Column names, timestamp unit and --strict for the commands that read event
// logs; `with_path_switch` adds --paths (a flag that says the input is the
// path format).
void add_event_log_options(CLI::App& cmd, EventLogArgs& args, bool with_path_switch) {
  EventLogColumns& c = args.log.columns;
  cmd.add_option("--customer-column", c.customer, "Customer id column (default customer_id)");
  cmd.add_option("--timestamp-column", c.timestamp,
                 "Timestamp column: ISO 8601 or epoch (default timestamp)");
  cmd.add_option("--touchpoint-column", c.touchpoint,
                 "Touchpoint / event name column (default touchpoint or event)");
  cmd.add_option("--channel-column", c.channel, "Channel column (optional; default channel)");
  cmd.add_option("--segment-column", c.segment,
                 "Segment / persona column (optional; default persona or segment)");
  cmd.add_option("--revenue-column", c.revenue, "Revenue column (optional; default revenue)");
  cmd.add_option("--converted-column", c.converted,
                 "Conversion flag column, 1 on the converting event (default converted)");
  cmd.add_option("--conversion-event", args.log.conversion_event,
                 "Events with this touchpoint name convert");
  cmd.add_option("--epoch-unit", args.epoch_unit, "Unit of numeric timestamps")
      ->check(CLI::IsMember({"s", "ms", "us"}));
  cmd.add_flag("--strict", args.strict, "Any bad row is an error (exit 2) instead of a count");
  if (with_path_switch) {
    cmd.add_flag("--paths", args.path_format,
                 "The input is the aggregated path format (path,total_conversions,total_null"
                 "[,total_conversion_value])");
  }
  cmd.add_option("--path-column", args.paths.path, "Path format: path column (default path)");
  cmd.add_option("--conversions-column", args.paths.conversions,
                 "Path format: conversions column (default total_conversions)");
  cmd.add_option("--nulls-column", args.paths.nulls,
                 "Path format: non-conversions column (optional; default total_null)");
  cmd.add_option("--value-column", args.paths.value,
                 "Path format: conversion value column (default total_conversion_value)");
  cmd.add_option("--separator", args.separator,
                 "Path format: field separator (default: detected from the header)")
      ->check(CLI::IsMember({",", ";", "tab"}));
}

// ---- the commands, in the order --help lists them

void add_run_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a journey and print its map");
  cmd->footer(
      "Example:\n  journeysim run scenarios/store-launch.toml\n"
      "  journeysim run scenarios/store-launch.toml --format json --out result.json\n"
      "  journeysim run scenarios/store-launch.toml --set touchpoints.checkout.params.steps=3\n"
      "  journeysim run scenarios/store-launch.toml --report journey.html\n"
      "  journeysim run scenarios/store-launch.toml --manifest-only");
  cmd->add_option("scenario", args->scenario, "Scenario file (TOML)")->required();
  CLI::Option* format = add_output_options(*cmd, args->output, run_report_formats());
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  auto* report =
      cmd->add_option("--report", args->report,
                      "Also write the journey map as a self-contained HTML page (atomically)")
          ->check(output_path());
  auto* events = cmd->add_option("--events", args->events,
                                 "Also write every agent's events as CSV in the calibrate input "
                                 "format (atomically; same bytes for any --threads)")
                     ->check(output_path());
  auto* series = cmd->add_option("--series", args->series,
                                 "Also write the run over calendar time (arrivals, conversions, "
                                 "messages and each queue per hour or day) as CSV (atomically); "
                                 "needs a journey with a calendar")
                     ->check(output_path());
  cmd->add_flag("--manifest-only", args->manifest_only,
                "Load and check everything, then print the run's manifest (JSON: versions, "
                "scenario files, plugins with their SHA-256, seed, agents) without simulating")
      ->excludes(report)
      ->excludes(events)
      ->excludes(series);
  cmd->callback([args, format, &action] {
    args->format_given = format->count() > 0;
    action = [args] { return run_run(*args); };
  });
}

void add_validate_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check scenario files (keys, types, graph, plugin parameters) without running");
  cmd->footer("Example:\n  journeysim validate scenarios/*.toml");
  cmd->add_option("scenarios", args->scenarios, "Scenario files (TOML)")->required();
  add_scenario_options(*cmd, args->scenario_options);
  set_action(cmd, args, run_validate, action);
}

void add_plugins_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<PluginsArgs>();
  CLI::App* cmd =
      app.add_subcommand("plugins", "List the channel plugins found and their parameters");
  cmd->footer("Example:\n  journeysim plugins --plugin-dir ./my-plugins");
  add_plugin_dir_option(*cmd, args->scenario_options.plugin_dirs);
  set_action(cmd, args, run_plugins, action);
}

void add_init_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<InitArgs>();
  CLI::App* cmd = app.add_subcommand(
      "init", "Write a commented starter journey of a given type, valid and runnable as written");
  cmd->footer("Types: " + init_type_list() +
              "\nExample:\n  journeysim init --type lead_generation --name \"Webinar sign-ups\" "
              "--out webinar.toml\n  journeysim validate webinar.toml && journeysim run webinar.toml");
  cmd->add_option("--type,-t", args->type, "Journey type (default purchase): " + init_type_list());
  cmd->add_option("--name", args->name, "The journey's name (default: the template's)");
  cmd->add_option("--out,-o", args->out, "Write the journey here instead of stdout");
  cmd->add_flag("--force", args->force, "Overwrite --out when it exists");
  set_action(cmd, args, run_init, action);
}

void add_schema_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<SchemaArgs>();
  CLI::App* cmd = app.add_subcommand(
      "schema", "Print the JSON Schema of a scenario file, for completion and checks in editors");
  cmd->footer(
      "Every key the loader accepts, with its description; each channel's params (with ranges\n"
      "and defaults) and the events `on` may route, for every plugin found.\n"
      "Example:\n  journeysim schema > journeysim.schema.json\n"
      "  then put `#:schema ./journeysim.schema.json` on the first line of a scenario file\n"
      "  (Even Better TOML / Taplo).");
  add_plugin_dir_option(*cmd, args->scenario_options.plugin_dirs);
  set_action(cmd, args, run_schema, action);
}

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
  cmd->add_option("variants", args->variants,
                  "Variant scenario files (usually `extends` the baseline)")
      ->required();
  add_output_options(*cmd, args->output, comparison_formats());
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  cmd->add_option("--report", args->report,
                  "Also write the comparison as a self-contained HTML page (atomically)")
      ->check(output_path());
  set_action(cmd, args, run_compare, action);
}

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
  auto* optimize =
      cmd->add_option("--optimize", args->optimize, "Name the point maximising this metric");
  auto* minimize =
      cmd->add_option("--minimize", args->minimize, "Name the point minimising this metric");
  optimize->excludes(minimize);
  add_output_options(*cmd, args->output, sweep_formats());
  add_run_control(*cmd, args->control);
  // Not add_scenario_options: here --set names an axis of the grid.
  add_plugin_dir_option(*cmd, args->plugin_dirs);
  add_allow_outside_flag(*cmd, args->allow_outside);
  set_action(cmd, args, run_sweep, action);
}

void add_plugin_test_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<PluginTestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "plugin-test", "Check that a channel plugin library behaves before anyone loads it");
  cmd->footer(
      "Loads the library through the same host as a run and checks: the descriptor, "
      "configuration at\nthe defaults and at every parameter's extremes, that the host refuses "
      "out-of-range values, valid\noutcomes for generated agents, determinism, batch versus "
      "single calls, that the declared\ncontinue probability matches behaviour, and that it "
      "prints nothing to stdout. The plugin runs\nin a child process: a crash, an exit() or a "
      "call past --plugin-timeout fails the check it was in.\nExit 0 when every check passes, "
      "1 otherwise.\nExample:\n  journeysim plugin-test "
      "build/plugins/libjourneysim_email.so");
  cmd->add_option("library", args->libraries, "Channel plugin shared libraries")->required();
  add_plugin_timeout_option(*cmd, args->timeout_seconds);
  set_action(cmd, args, run_plugin_test, action);
}

void add_check_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Run journeys and gate CI on their [thresholds] and on regressions against a "
      "baseline");
  cmd->footer(
      "Conditions in [thresholds]: \"<op> <value>[%] [@<level>%]\", op one of < <= > >= == !=;\n"
      "  \">= 4%\" is \">= 0.04\" (NPS, CES and other scores are plain numbers: \"nps >= 20\");\n"
      "  \"@95%\" (or @90%, @99%) asks the whole interval to satisfy the condition.\n"
      "  A threshold on a metric with no data (n = 0) fails.\n"
      "Baselines: --baseline FILE (or DIR holding <scenario>.json) written by\n"
      "  `journeysim run --format json --out FILE` or --update-baseline. Metrics with a\n"
      "  --tolerance fail when worse by more than it (0.5pp = percentage points, 10% = of the\n"
      "  baseline, 0.3 = absolute); conversion_rate, csat, ces, nps, time_to_convert.median_days,\n"
      "  revenue_per_agent, bounce_rate and cart_abandonment_rate fail on a statistically\n"
      "  significant worsening (95%). Which inputs differ from the baseline's run (scenario\n"
      "  files, plugin versions and libraries, seed, agents...) is read from the manifests.\n"
      "--format markdown: the summary as a pull-request comment.\n"
      "Exit codes: 0 every check holds; 1 a threshold or regression failed; 2 bad input\n"
      "  (scenario, option, baseline, plugin) — bad input wins over a failed check.\n"
      "Examples:\n"
      "  journeysim check scenarios/*.toml --junit results.xml\n"
      "  journeysim check scenarios/store-launch.toml --baseline baselines/store-launch.json \\\n"
      "      --tolerance conversion_rate=0.5pp --tolerance touchpoints.checkout.drop_rate=2pp\n"
      "  journeysim check scenarios/*.toml --baseline baselines/ --update-baseline");
  cmd->add_option("scenarios", args->scenarios, "Scenario files (TOML); shell globs welcome")
      ->required();
  cmd->add_option("--baseline", args->baseline,
                  "Stored run to compare against (`run --format json`: journeysim.run/3, or "
                  "an older run/2 or run/1), or a directory "
                  "holding <scenario>.json per scenario");
  cmd->add_option("--tolerance", args->tolerances,
                  "METRIC=VALUE: worsening allowed against the baseline, e.g. "
                  "conversion_rate=0.5pp, revenue_per_agent=10%, nps=5 (repeatable)");
  cmd->add_flag("--update-baseline", args->update_baseline,
                "Rewrite the baseline with this run's results (atomically) and exit 0");
  cmd->add_option("--junit", args->junit, "Also write JUnit XML to this file (atomically)")
      ->check(output_path());
  cmd->add_option("--report", args->report,
                  "Also write every verdict and each scenario's journey map as a "
                  "self-contained HTML page (atomically)")
      ->check(output_path());
  add_output_options(*cmd, args->output, check_formats());
  cmd->add_flag("--no-color", args->no_color, "No colours in the summary");
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  set_action(cmd, args, run_check, action);
}

void add_calibrate_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<CalibrateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "calibrate", "Fit a journey of fixed touchpoints to an event log (or a path file)");
  cmd->footer(
      "Example:\n  journeysim calibrate events.csv --out fitted.toml\n"
      "  journeysim calibrate export.csv --customer-column user_pseudo_id "
      "--timestamp-column event_timestamp --epoch-unit us --touchpoint-column event_name "
      "--conversion-event purchase --out fitted.toml\n"
      "  journeysim calibrate paths.csv --paths --out fitted.toml\n"
      "Bad rows are counted and listed with file:line:column; --strict makes them exit 2.");
  cmd->add_option("input", args->input, "Event log (CSV with a header)")->required();
  cmd->add_option("--out,-o", args->out, "Write the fitted journey here (atomically)")
      ->check(output_path());
  cmd->add_option("--name", args->name, "Journey name (default: Fitted from <file>)");
  cmd->add_flag("--per-segment", args->per_segment,
                "Also fit each segment alone: <out>.<segment>.toml beside --out");
  cmd->add_flag("--quiet,-q", args->quiet, "No summary on stderr");
  add_event_log_options(*cmd, args->log, true);
  set_action(cmd, args, run_calibrate, action);
}

void add_validate_fit_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<ValidateFitArgs>();
  CLI::App* cmd = app.add_subcommand("validate-fit",
                                     "Simulate a fitted journey and compare it with its event log");
  cmd->footer(
      "Example:\n  journeysim validate-fit fitted.toml --against events.csv --tolerance 0.03\n"
      "Exit 1 when a rate differs by more than --tolerance (times: relative difference).");
  cmd->add_option("fitted", args->fitted, "Fitted journey (TOML)")->required();
  cmd->add_option("--against", args->against, "The event log to compare with")->required();
  cmd->add_option("--tolerance", args->tolerance,
                  "Largest accepted |difference| of a rate or share (times: relative)")
      ->check(CLI::Range(0.0, 1e9));
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  add_event_log_options(*cmd, args->log, false);
  set_action(cmd, args, run_validate_fit, action);
}

void add_attribute_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<AttributeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "attribute", "Channel attribution by removal effect (exact for fixed journeys)");
  cmd->footer(
      "Example:\n  journeysim attribute fitted.toml\n"
      "  journeysim attribute scenarios/store-launch.toml --agents 200000 --format json\n"
      "  journeysim attribute --paths paths.csv\n"
      "  journeysim attribute --paths paths.csv --models all --format csv\n"
      "  journeysim attribute --paths paths.csv --models all --bootstrap 1000 --seed 7 "
      "--format html --out attribution.html\n"
      "With --paths, --seed seeds the bootstrap (default 1); --threads never changes "
      "its numbers.");
  cmd->add_option("journey", args->journey, "Journey (TOML)");
  cmd->add_option("--paths", args->paths,
                  "Attribute from the aggregated path format instead of a journey");
  cmd->add_flag("--simulate", args->simulate,
                "Simulate even when the exact absorbing-chain answer is available");
  cmd->add_option("--models", args->models,
                  "Models reported beside the removal effect (markov): first_touch, last_touch, "
                  "linear, time_decay, position_based, heuristics (those five), shapley or "
                  "all; comma-separated; all but markov need --paths")
      ->capture_default_str();
  cmd->add_option("--value-rule", args->value_rule,
                  "Paths: a conversion is worth its last channel's mean value per conversion "
                  "(last-channel, ChannelAttribution's rule) or the mean of all "
                  "(conversion-share: value shared as conversions are)")
      ->check(CLI::IsMember({"last-channel", "conversion-share"}))
      ->capture_default_str();
  cmd->add_option("--bootstrap", args->bootstrap,
                  "Paths: bootstrap replicates of the customers for 95% intervals of every "
                  "model (0 = none)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 100000u))
      ->each([args](const std::string&) { args->bootstrap_given = true; });
  cmd->add_option("--half-life", args->half_life,
                  "Time decay: half-life in steps before the conversion (paths have no times)")
      ->capture_default_str();
  cmd->add_option("--position-weights", args->position_weights,
                  "Position based: shares of first, middle and last touches")
      ->capture_default_str();
  add_output_options(*cmd, args->output, attribution_formats());
  add_run_control(*cmd, args->control);
  add_scenario_options(*cmd, args->scenario_options);
  add_event_log_options(*cmd, args->log, false);
  set_action(cmd, args, run_attribute, action);
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, char** argv) {
  CLI::App app{"journeysim — simulate customer journeys through channel plugins"};
  app.set_version_flag("--version,-V", journeysim_version());
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok; 1 a threshold or regression failed; 2 bad input (scenario, "
      "options, plugin); 3 a plugin crashed, aborted or called exit; 4 a plugin call ran past "
      "--plugin-timeout; 130/143 interrupted (SIGINT/SIGTERM).\n"
      "Run `journeysim <command> --help` for a command's options.");
  ParsedCommandLine parsed;
  g_plugin_timeout = kDefaultPluginTimeoutSeconds;
  add_run_command(app, parsed.action);
  add_validate_command(app, parsed.action);
  add_plugins_command(app, parsed.action);
  add_compare_command(app, parsed.action);
  add_sweep_command(app, parsed.action);
  add_plugin_test_command(app, parsed.action);
  add_check_command(app, parsed.action);
  add_calibrate_command(app, parsed.action);
  add_validate_fit_command(app, parsed.action);
  add_attribute_command(app, parsed.action);
  add_init_command(app, parsed.action);
  add_schema_command(app, parsed.action);
  // A first word that is no command: CLI11 would only say a subcommand is
  // required; name it, list the commands and suggest the nearest.
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> commands;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      commands.push_back(sub->get_name());
    }
    const std::string word = argv[1];
    if (std::find(commands.begin(), commands.end(), word) == commands.end()) {
      std::string list;
      for (const std::string& c : commands) {
        list += (list.empty() ? "" : ", ") + c;
      }
      std::cerr << "journeysim: error: unknown command '" << word << "'"
                << did_you_mean(word, commands) << "; the commands are " << list
                << "\nRun with --help for more information.\n";
      parsed.action = nullptr;
      parsed.parse_exit_code = 2;
      return parsed;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ExtrasError& e) {
    parsed.action = nullptr;
    parsed.parse_exit_code = 2;
    report_unknown_options(app, e);
  } catch (const CLI::ParseError& e) {
    parsed.action = nullptr;
    parsed.parse_exit_code = app.exit(e);
  }
  parsed.plugin_timeout_seconds = g_plugin_timeout;
  return parsed;
}

}  // namespace journeysim::cli
