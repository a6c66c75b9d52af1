// A scenario's [thresholds], checked before anything runs: every metric
// path must be one the run reports and every condition must parse.
#include <set>

#include "check/source_scan.h"
#include "journeysim/check.h"

namespace journeysim {
namespace {

std::string unknown_metric_message(const std::string& metric, const std::vector<std::string>& paths,
                                   const std::set<std::string>& known) {
  std::string message = "unknown metric '" + metric + "' in [thresholds]";
  // The run JSON nests journey metrics under "metrics"; a path copied from
  // it carries that prefix.
  const std::string prefix = "metrics.";
  if (metric.rfind(prefix, 0) == 0 && known.count(metric.substr(prefix.size()))) {
    return message + " (did you mean '" + metric.substr(prefix.size()) +
           "'? journey metrics have no 'metrics.' prefix)";
  }
  const std::string hint = did_you_mean(metric, paths);
  if (!hint.empty()) {
    return message + hint;
  }
  return message +
         "; `journeysim run SCENARIO --format csv` lists every metric path "
         "(see docs/metrics.md)";
}

}  // namespace

std::vector<std::string> metric_paths(const SimulationModel& model) {
  RunOptions options;
  options.seed = model.scenario().journey.seed;
  std::vector<std::string> paths;
  for (const MetricRow& row : metric_rows(summarize(model, empty_tally(model), options))) {
    paths.push_back(row.path);
  }
  return paths;
}

std::vector<ThresholdSpec> compile_thresholds(const Scenario& scenario,
                                              const std::vector<std::string>& paths) {
  const std::set<std::string> known(paths.begin(), paths.end());
  check_detail::SourceScanner scanner;
  std::vector<Diagnostic> problems;
  std::vector<ThresholdSpec> out;
  for (const Threshold& t : scenario.thresholds) {
    ThresholdSpec spec;
    spec.metric = t.metric;
    spec.where = scanner.key_of(t.where);
    if (!known.count(t.metric)) {
      problems.push_back({spec.where, unknown_metric_message(t.metric, paths, known)});
    }
    // Conditions are checked even under an unknown metric: every problem
    // in one round.
    const std::vector<SourceLocation> where = scanner.string_items(t.where, t.conditions.size());
    for (size_t i = 0; i < t.conditions.size(); ++i) {
      try {
        spec.conditions.push_back(parse_condition(t.conditions[i], where[i]));
      } catch (const InputError& e) {
        problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
    out.push_back(std::move(spec));
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  return out;
}

}  // namespace journeysim
