// CI gates for `journeysim check`: the conditions of a scenario's
// [thresholds] table, regression checks against a stored run (a baseline),
// and the summaries a pipeline reads (text, JSON, JUnit XML).
//
// Everything here works on metric paths and MetricRows from run_report.h;
// there is no second naming of metrics.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "journeysim/diagnostics.h"
#include "journeysim/manifest.h"
#include "journeysim/run_report.h"

namespace journeysim {

// ---------------------------------------------------------------------------
// Threshold conditions
// ---------------------------------------------------------------------------

enum class Comparison { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };

/// "<", "<=", ">", ">=", "==" or "!=".
std::string_view comparison_symbol(Comparison op);

/// One condition of a threshold: "<op> <value>[%] [@<level>%]", e.g.
/// ">= 0.04", ">= 4%" (the same), "< 0.55 @95%".
struct Condition {
  std::string text;  // as written, blanks normalised: ">= 4% @95%"
  Comparison op = Comparison::GreaterEqual;
  double value = 0.0;  // the bound, "4%" already divided by 100
  /// 0 = the point estimate must satisfy the condition; 90, 95 or 99 =
  /// the whole interval at that confidence level must.
  int confidence = 0;
  SourceLocation where;  // of the condition string
};

/// Parses one condition. Throws InputError at `where` on bad syntax.
Condition parse_condition(std::string_view text, const SourceLocation& where);

/// A threshold whose conditions parsed and whose metric path exists.
struct ThresholdSpec {
  std::string metric;
  std::vector<Condition> conditions;
  SourceLocation where;  // of the metric's key in [thresholds]
};

/// Every metric path a run of `model` reports (from an empty tally: no
/// simulation needed), in metric_rows order.
std::vector<std::string> metric_paths(const SimulationModel& model);

/// Parses and checks the scenario's [thresholds] against `paths`. Throws one
/// InputError listing every bad condition (at the condition's own
/// file:line:col) and every unknown metric (with the nearest valid path).
std::vector<ThresholdSpec> compile_thresholds(const Scenario& scenario,
                                              const std::vector<std::string>& paths);

/// A metric's interval at `confidence` percent (90, 95 or 99), rescaled from
/// its 95% interval: each side's distance from the point estimate is
/// multiplied by z(confidence) / z(95%). Exact for normal-approximation
/// intervals, an approximation for Wilson and quantile intervals.
std::pair<double, double> interval_at(const Estimate& estimate, int confidence);

/// The verdict on one condition.
struct ConditionOutcome {
  std::string metric;
  Condition condition;
  Estimate observed;  // value and 95% interval; !has_value() = no data
  bool is_count = false;
  double low = 0.0, high = 0.0;  // the interval the verdict used (the
                                 // condition's level; the value itself
                                 // for a point condition)
  bool passed = false;
  std::string reason;  // why it passed or failed, in a sentence
};

/// Evaluates one condition on `row` (nullptr = the metric is not in the
/// run). A metric with no data fails: a gate must never pass on nothing.
ConditionOutcome evaluate_condition(const std::string& metric, const Condition& condition,
                                    const MetricRow* row);

/// Evaluates every condition of every threshold, in order.
std::vector<ConditionOutcome> evaluate_thresholds(const std::vector<ThresholdSpec>& thresholds,
                                                  const std::vector<MetricRow>& rows);

// ---------------------------------------------------------------------------
// Baselines and regressions
// ---------------------------------------------------------------------------

/// `--tolerance metric=VALUE`: how much a metric may worsen against the
/// baseline. "0.5pp" = 0.005 (percentage points, rates only), "10%" = a
/// tenth of the baseline value, "0.3" = 0.3 in the metric's own unit.
struct Tolerance {
  enum class Kind { PercentagePoints, Relative, Absolute };
  std::string metric;
  Kind kind = Kind::Absolute;
  double amount = 0.0;  // as written: 0.5 for "0.5pp", 10 for "10%"
  std::string text;     // "0.5pp"

  /// The worsening allowed from `baseline_value`, in the metric's unit.
  double allowed(double baseline_value) const;
};

/// Parses "metric=VALUE". Throws InputError (at "--tolerance") on bad syntax.
Tolerance parse_tolerance(const std::string& spec);

/// Checks the tolerances' metrics: each must be a path of at least one
/// scenario (`paths_per_scenario`), percentage points only on rates, no
/// metric twice. Throws InputError listing every problem.
void validate_tolerances(const std::vector<Tolerance>& tolerances,
                         const std::vector<std::vector<std::string>>& paths_per_scenario);

/// One metric as a stored run gives it.
struct BaselineMetric {
  Estimate estimate;
  bool is_count = false;
};

/// A run stored with `journeysim run --format json --out`: schema
/// journeysim.run/3, or an older journeysim.run/2 (no "lost here") or
/// journeysim.run/1 (no manifest).
struct Baseline {
  std::string file;
  std::string schema;
  std::string name;
  /// What produced the baseline. From a journeysim.run/1 file only its
  /// versions, scenario hash and files (paths, no hashes), plugin names and
  /// versions, seed and agents are known.
  RunManifest manifest;
  bool has_manifest = false;
  std::map<std::string, BaselineMetric> metrics;  // by metric path
};

/// Reads a baseline. Throws InputError naming the file when it is missing,
/// not JSON, or not a journeysim.run/1, /2 or /3 document.
Baseline read_baseline(const std::filesystem::path& file);

/// One input that differs between the baseline's run and this one.
struct IdentityChange {
  std::string what;      // "engine version", "plugin checkout", "scenario file x.toml", ...
  std::string baseline;  // "(none)" when absent
  std::string current;
  bool warning = false;  // true: results differ for reasons outside the journey
  std::string meaning;   // what the difference implies, for the reader
  /// The difference in a line: "seed 7 → 8", "scenario file x.toml changed
  /// (sha256 ab12… → cd34…)", "plugin checkout 1.0.0 → 1.1.0 (library hash
  /// changed)".
  std::string summary;
};

/// Every input that differs between the baseline's manifest and `current`
/// (this run's, for the journey named `current_name`): engine and plugin
/// versions and library hashes, scenario files, overrides and hash, seed,
/// agents, journeysim version, name. A baseline without a manifest adds
/// "baseline has no manifest" first and compares what it does record.
std::vector<IdentityChange> compare_identity(const Baseline& baseline,
                                             const std::string& current_name,
                                             const RunManifest& current);

/// Metrics checked against every baseline without an explicit tolerance:
/// a worsening beyond statistical noise fails.
const std::vector<std::string>& headline_metrics();

/// The verdict on one metric against the baseline.
struct RegressionOutcome {
  std::string metric;
  bool has_tolerance = false;  // false: the significance rule
  Tolerance tolerance;
  Better better = Better::Neither;
  BaselineMetric baseline;
  BaselineMetric current;
  double change = 0.0;    // current - baseline (point estimates)
  double allowed = 0.0;   // worsening allowed (tolerance, or 1.96 combined SEs)
  bool compared = false;  // both runs had data: change and allowed mean something
  bool passed = false;
  bool skipped = false;  // significance rule without data on a side
  std::string reason;

  /// "conversion_rate (tolerance 0.5pp)" or "csat (significance)".
  std::string label() const;
};

/// Checks the headline metrics (significance rule unless a tolerance is
/// given) and every other metric with a tolerance that this run reports.
std::vector<RegressionOutcome> check_regressions(const Baseline& baseline,
                                                 const std::vector<MetricRow>& current,
                                                 const std::vector<Tolerance>& tolerances);

// ---------------------------------------------------------------------------
// The check of one or many scenarios, and its renderings
// ---------------------------------------------------------------------------

struct ScenarioCheck {
  std::string file;        // as given on the command line
  std::string name;        // the journey's name
  std::string suite_name;  // name, made unique within one check
  RunManifest manifest;    // what this scenario's run is made of
  std::vector<ConditionOutcome> thresholds;
  bool has_baseline = false;
  std::string baseline_file;
  bool baseline_updated = false;  // --update-baseline rewrote it
  bool baseline_read = false;     // an existing baseline was read (not created now)
  bool baseline_has_manifest = false;
  std::vector<IdentityChange> identity;  // how the baseline's inputs differ
  std::vector<RegressionOutcome> regressions;
  std::string error;  // the run itself failed (e.g. a plugin error)

  bool passed() const;
  size_t failures() const;
  size_t skipped() const;
  size_t tests() const;
};

struct CheckReport {
  std::vector<ScenarioCheck> scenarios;
  /// How the check was executed, when asked for (--manifest-execution).
  std::optional<Execution> execution;
  bool passed() const;
};

/// "12 checks passed", "1 of 12 checks failed, 2 skipped" or "the run
/// failed": a scenario's verdict in words.
std::string scenario_tally(const ScenarioCheck& check);

/// "2 scenarios, 14 checks: 13 passed, 1 failed, 0 skipped" (and how many
/// runs failed, if any): the whole check in words.
std::string check_totals(const CheckReport& report);

/// "the inputs are the same (manifests match)", "3 inputs differ" or
/// "baseline has no manifest; 1 input differs": how far a baseline read by
/// this check applies, in words.
std::string baseline_inputs_summary(const ScenarioCheck& check);

/// Gives each scenario a unique suite name: its journey name, with its file
/// appended when two scenarios of the check share a name (CI systems key
/// test cases by suite and name, and would merge them).
void assign_suite_names(CheckReport& report);

/// The end-of-run summary for a terminal; `colour` adds ANSI colours.
std::string render_check_text(const CheckReport& report, bool colour);
/// The machine summary, schema "journeysim.check/2".
std::string render_check_json(const CheckReport& report);
/// A pull-request comment: the verdict, then per scenario a table of every
/// threshold and regression check with ✓/✗, observed value and interval,
/// and why the baseline's inputs differ; the manifests as a footer.
std::string render_check_markdown(const CheckReport& report);
/// JUnit XML: testsuites > testsuite per scenario > testcase per condition
/// and per regression check.
std::string render_check_junit(const CheckReport& report);

}  // namespace journeysim
