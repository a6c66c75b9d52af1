// journeysim check: run journeys and gate a pipeline on their thresholds and
// on regressions against stored baselines.
#include "check_command.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>

#include "check_prepare.h"
#include "results_stdout.h"
#include "execution.h"
#include "journeysim/manifest.h"
#include "journeysim/output_file.h"
#include "journeysim/report_writers.h"
#include "progress_bar.h"
#include "report_formats.h"

namespace journeysim::cli {
namespace {

// no-color.org: NO_COLOR set to anything non-empty turns colour off; so do
// TERM=dumb and --no-color; and colour only ever goes to a terminal.
bool use_colour(const CheckArgs& args) {
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return !args.no_color && args.output.format == "text" && args.output.out.empty() &&
         results_are_a_terminal() && (no_color == nullptr || no_color[0] == '\0') &&
         (term == nullptr || std::strcmp(term, "dumb") != 0);
}

std::string error_text(const InputError& e) {
  std::string text;
  for (const Diagnostic& d : e.diagnostics()) {
    text += (text.empty() ? "" : "\n") + d.to_string();
  }
  return text;
}

// Runs one prepared scenario and judges it. A failure of the run itself
// (a plugin error mid-run) is recorded as the scenario's error.
ScenarioCheck run_one(PreparedScenario& s, const CheckArgs& args,
                      const std::vector<Tolerance>& tolerances, std::string& new_baseline,
                      std::unique_ptr<RunReport>& run_report) {
  ScenarioCheck out;
  out.file = s.file;
  out.name = s.model->scenario().journey.name;
  out.manifest = make_manifest(*s.model, s.options);
  out.has_baseline = !s.baseline_file.empty();
  out.baseline_file = s.baseline_file;
  if (s.baseline) {
    // Known before running: a run that fails still says what differs.
    out.baseline_read = true;
    out.baseline_has_manifest = s.baseline->has_manifest;
    out.identity = compare_identity(*s.baseline, out.name, out.manifest);
  }
  std::atomic<uint64_t> done{0};
  RunOptions options = s.options;
  options.progress = &done;
  RunTally tally;
  try {
    with_progress(options.agents, done, show_progress(args.control),
                  [&] { tally = run_agents(*s.model, options); });
  } catch (const InputError& e) {
    print_errors(e);
    out.error = error_text(e);
    return out;
  }
  run_report = std::make_unique<RunReport>(summarize(*s.model, tally, s.options));
  const RunReport& report = *run_report;
  const std::vector<MetricRow> rows = metric_rows(report);
  out.thresholds = evaluate_thresholds(s.thresholds, rows);
  if (args.update_baseline) {
    // Exactly what `run --format json` writes: no execution block, so the
    // stored file does not change with the machine that wrote it.
    new_baseline = render_json(report);
    out.baseline_updated = true;
  } else if (s.baseline) {
    out.regressions = check_regressions(*s.baseline, rows, tolerances);
  }
  return out;
}

}  // namespace

int run_check(const CheckArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  PreparedCheck prepared = prepare_check(args, catalog);
  CheckReport report;
  report.execution = execution_facts(args.control);
  std::vector<std::pair<std::string, std::string>> baselines_to_write;
  bool run_failed = false;
  std::vector<std::unique_ptr<RunReport>> runs;  // by scenario; null when it failed
  for (PreparedScenario& s : prepared.scenarios) {
    std::string new_baseline;
    runs.emplace_back();
    report.scenarios.push_back(run_one(s, args, prepared.tolerances, new_baseline, runs.back()));
    run_failed = run_failed || !report.scenarios.back().error.empty();
    if (!new_baseline.empty()) {
      baselines_to_write.emplace_back(s.baseline_file, std::move(new_baseline));
    }
  }
  assign_suite_names(report);

  // Baselines change only when every run succeeded, and all of them or
  // none: no half-updated set.
  if (!run_failed) {
    write_files_atomically(baselines_to_write);
    for (const auto& [file, json] : baselines_to_write) {
      if (!args.control.quiet) {
        std::cerr << "updated baseline " << file << "\n";
      }
    }
  }
  if (!args.junit.empty()) {
    write_output_file(args.junit, render_check_junit(report), args.control.quiet);
  }
  if (!args.report.empty()) {
    std::vector<CheckedRun> pages;
    for (size_t i = 0; i < runs.size(); ++i) {
      pages.push_back(runs[i] ? CheckedRun{runs[i].get(), &prepared.scenarios[i].model->scenario()}
                              : CheckedRun{});
    }
    write_output_file(args.report, render_check_html(report, pages), args.control.quiet);
  }
  const std::string summary =
      render_as(check_formats(), args.output.format, CheckSummary{report, use_colour(args)});
  emit(args.output, summary, args.control.quiet);

  if (run_failed) {
    return kBadInput;
  }
  if (args.update_baseline) {
    if (!report.passed() && !args.control.quiet) {
      std::cerr << "note: some thresholds failed; --update-baseline still exits 0\n";
    }
    return kOk;
  }
  return report.passed() ? kOk : kFailed;
}

}  // namespace journeysim::cli
