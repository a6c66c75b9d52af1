// Regression checks against a baseline. A metric with a tolerance fails when
// its point estimate worsened by more than the tolerance. The headline
// metrics without one fail when they worsened by more than noise explains:
// beyond 1.96 * sqrt(se_baseline^2 + se_current^2), each se read from the
// run's 95% half-width — a two-sided 5% test that treats the runs as
// independent (with the same seed the runs share random numbers, which only
// makes it more conservative).
#include <algorithm>
#include <cmath>

#include "check/format.h"
#include "journeysim/check.h"

namespace journeysim {
namespace {

using check_detail::format_change;
using check_detail::format_value;

bool has_data(const BaselineMetric& m) {
  return m.is_count || (m.estimate.has_value() && m.estimate.n > 0);
}

double standard_error(const Estimate& e) { return (e.high - e.low) / (2.0 * kZ95); }

// How much worse `current` is than `baseline` (negative: better). A metric
// with no direction is "worse" by any move.
double worsening(Better better, double change) {
  switch (better) {
    case Better::Higher:
      return -change;
    case Better::Lower:
      return change;
    case Better::Neither:
      return std::fabs(change);
  }
  return 0.0;
}

std::string movement(Better better, double change) {
  if (change == 0.0) {
    return "unchanged";
  }
  if (better == Better::Neither) {
    return "moved by " + format_change(change);
  }
  return (worsening(better, change) > 0 ? "worsened by " : "improved by ") +
         format_value(std::fabs(change));
}

// Fills the fields every outcome shares; false when either side lacks data.
bool prepare(RegressionOutcome& out, const MetricRow& row, const BaselineMetric* baseline) {
  out.metric = row.path;
  out.better = row.better;
  out.current = {row.estimate, row.is_count};
  if (baseline == nullptr) {
    out.reason = "the baseline has no '" + row.path + "' (the baseline's journey lacks it)";
    return false;
  }
  out.baseline = *baseline;
  if (!has_data(out.baseline) || !has_data(out.current)) {
    out.reason = std::string("no data (n = 0) in ") +
                 (!has_data(out.baseline) ? (has_data(out.current) ? "the baseline" : "either run")
                                          : "this run");
    return false;
  }
  out.change = out.current.estimate.value - out.baseline.estimate.value;
  out.compared = true;
  return true;
}

RegressionOutcome with_tolerance(const MetricRow& row, const BaselineMetric* baseline,
                                 const Tolerance& tolerance) {
  RegressionOutcome out;
  out.has_tolerance = true;
  out.tolerance = tolerance;
  if (!prepare(out, row, baseline)) {
    return out;  // an explicit gate on missing data fails
  }
  out.allowed = tolerance.allowed(out.baseline.estimate.value);
  const double worse = worsening(row.better, out.change);
  // Float noise must not fail a change that equals the tolerance exactly.
  const double slack = 1e-9 * std::max(1.0, std::fabs(out.baseline.estimate.value));
  out.passed = worse <= out.allowed + slack;
  const std::string limit = format_value(out.allowed) + " allowed by tolerance " + tolerance.text;
  out.reason = movement(row.better, out.change) +
               (out.passed ? " (" + limit + ")" : ", more than the " + limit);
  return out;
}

RegressionOutcome by_significance(const MetricRow& row, const BaselineMetric* baseline) {
  RegressionOutcome out;
  if (!prepare(out, row, baseline)) {
    out.skipped = true;  // nothing to test; the thresholds gate missing data
    out.passed = true;
    return out;
  }
  out.allowed = kZ95 * std::hypot(standard_error(out.baseline.estimate),
                                  standard_error(out.current.estimate));
  const double worse = worsening(row.better, out.change);
  out.passed = worse <= out.allowed;
  out.reason = movement(row.better, out.change) +
               (out.passed ? ", within noise (" : ", beyond noise (") + format_value(out.allowed) +
               (out.passed ? ")" : "): a statistically significant worsening at 95%");
  return out;
}

}  // namespace

const std::vector<std::string>& headline_metrics() {
  static const std::vector<std::string> kHeadline = {"conversion_rate",
                                                     "csat",
                                                     "ces",
                                                     "nps",
                                                     "time_to_convert.median_days",
                                                     "revenue_per_agent",
                                                     "bounce_rate",
                                                     "cart_abandonment_rate"};
  return kHeadline;
}

std::string RegressionOutcome::label() const {
  return metric + (has_tolerance ? " (tolerance " + tolerance.text + ")" : " (significance)");
}

std::vector<RegressionOutcome> check_regressions(const Baseline& baseline,
                                                 const std::vector<MetricRow>& current,
                                                 const std::vector<Tolerance>& tolerances) {
  auto row_of = [&](const std::string& path) -> const MetricRow* {
    for (const MetricRow& row : current) {
      if (row.path == path) {
        return &row;
      }
    }
    return nullptr;
  };
  auto baseline_of = [&](const std::string& path) -> const BaselineMetric* {
    const auto found = baseline.metrics.find(path);
    return found == baseline.metrics.end() ? nullptr : &found->second;
  };
  auto tolerance_of = [&](const std::string& path) -> const Tolerance* {
    for (const Tolerance& t : tolerances) {
      if (t.metric == path) {
        return &t;
      }
    }
    return nullptr;
  };
  const auto& headline = headline_metrics();
  std::vector<RegressionOutcome> out;
  for (const std::string& path : headline) {
    const MetricRow* row = row_of(path);
    if (row == nullptr) {
      continue;
    }
    const Tolerance* t = tolerance_of(path);
    out.push_back(t != nullptr ? with_tolerance(*row, baseline_of(path), *t)
                               : by_significance(*row, baseline_of(path)));
  }
  for (const Tolerance& t : tolerances) {
    if (std::find(headline.begin(), headline.end(), t.metric) != headline.end()) {
      continue;
    }
    // A tolerance for a metric another scenario of the check reports.
    if (const MetricRow* row = row_of(t.metric)) {
      out.push_back(with_tolerance(*row, baseline_of(t.metric), t));
    }
  }
  return out;
}

}  // namespace journeysim
