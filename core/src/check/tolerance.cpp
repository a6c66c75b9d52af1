// `--tolerance metric=VALUE`: how far a metric may worsen against a baseline.
#include <cmath>
#include <cstdlib>
#include <set>

#include "journeysim/check.h"
#include "util/text.h"

namespace journeysim {
namespace {

const SourceLocation kOption{"--tolerance", 0, 0};

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Shares of agents or visits (values in [0, 1]): where percentage points mean
// something. NPS is already in points (-100..100) and takes a plain number.
bool is_rate(const std::string& path) {
  const size_t dot = path.rfind('.');
  const std::string last = dot == std::string::npos ? path : path.substr(dot + 1);
  return last == "csat" || ends_with(last, "rate");
}

}  // namespace

double Tolerance::allowed(double baseline_value) const {
  switch (kind) {
    case Kind::PercentagePoints:
      return amount / 100.0;
    case Kind::Relative:
      return amount / 100.0 * std::fabs(baseline_value);
    case Kind::Absolute:
      return amount;
  }
  return 0.0;
}

Tolerance parse_tolerance(const std::string& spec) {
  const size_t equals = spec.find('=');
  const std::string usage =
      "; write METRIC=VALUE with VALUE like 0.5pp (percentage points, rates only), 10% "
      "(of the baseline value) or 0.3 (in the metric's unit)";
  if (equals == std::string::npos) {
    throw InputError(kOption, "'" + spec + "' has no '='" + usage);
  }
  Tolerance t;
  t.metric = util::trim_blanks(std::string_view(spec).substr(0, equals));
  t.text = util::trim_blanks(std::string_view(spec).substr(equals + 1));
  if (t.metric.empty()) {
    throw InputError(kOption, "'" + spec + "' names no metric" + usage);
  }
  std::string number = t.text;
  if (ends_with(number, "pp")) {
    t.kind = Tolerance::Kind::PercentagePoints;
    number.resize(number.size() - 2);
  } else if (ends_with(number, "%")) {
    t.kind = Tolerance::Kind::Relative;
    number.resize(number.size() - 1);
  }
  const bool plain =
      !number.empty() && number.find_first_not_of("0123456789.eE+-") == std::string::npos;
  char* end = nullptr;
  t.amount = plain ? std::strtod(number.c_str(), &end) : -1.0;
  if (!plain || end != number.c_str() + number.size() || !std::isfinite(t.amount) || t.amount < 0) {
    throw InputError(kOption, "'" + spec + "': '" + t.text +
                                  "' is not a tolerance (a non-negative number)" + usage);
  }
  return t;
}

void validate_tolerances(const std::vector<Tolerance>& tolerances,
                         const std::vector<std::vector<std::string>>& paths_per_scenario) {
  std::set<std::string> known;
  for (const auto& paths : paths_per_scenario) {
    known.insert(paths.begin(), paths.end());
  }
  const std::vector<std::string> all(known.begin(), known.end());
  std::vector<Diagnostic> problems;
  std::set<std::string> seen;
  for (const Tolerance& t : tolerances) {
    const std::string spec = "'" + t.metric + "=" + t.text + "'";
    if (!seen.insert(t.metric).second) {
      problems.push_back({kOption, spec + ": a tolerance for '" + t.metric + "' is given twice"});
    }
    if (!known.count(t.metric)) {
      std::string message = spec + ": unknown metric '" + t.metric + "'";
      const std::string hint = did_you_mean(t.metric, all);
      problems.push_back(
          {kOption, message + (hint.empty() ? " (no scenario of this check reports it)" : hint)});
      continue;
    }
    if (t.kind == Tolerance::Kind::PercentagePoints && !is_rate(t.metric)) {
      problems.push_back({kOption, spec + ": percentage points apply to rates; '" + t.metric +
                                       "' is not a rate: give a plain number (its own unit) "
                                       "or a relative tolerance such as 10%"});
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
}

}  // namespace journeysim
