// Counting a check's verdicts the same way in every rendering.
#include <map>
#include <string>

#include "journeysim/check.h"

namespace journeysim {

size_t ScenarioCheck::failures() const {
  size_t n = 0;
  for (const ConditionOutcome& t : thresholds) {
    n += t.passed ? 0 : 1;
  }
  for (const RegressionOutcome& r : regressions) {
    n += r.passed || r.skipped ? 0 : 1;
  }
  return n;
}

size_t ScenarioCheck::skipped() const {
  size_t n = 0;
  for (const RegressionOutcome& r : regressions) {
    n += r.skipped ? 1 : 0;
  }
  return n;
}

size_t ScenarioCheck::tests() const {
  // A run that failed is one test case (with an error) in JUnit.
  return thresholds.size() + regressions.size() + (error.empty() ? 0 : 1);
}

bool ScenarioCheck::passed() const { return error.empty() && failures() == 0; }

std::string scenario_tally(const ScenarioCheck& s) {
  if (!s.error.empty()) {
    return "the run failed";
  }
  const size_t n = s.thresholds.size() + s.regressions.size();
  const std::string checks = std::to_string(n) + (n == 1 ? " check" : " checks");
  const std::string tally = s.failures() > 0
                                ? std::to_string(s.failures()) + " of " + checks + " failed"
                                : checks + " passed";
  return tally + (s.skipped() > 0 ? ", " + std::to_string(s.skipped()) + " skipped" : "");
}

std::string check_totals(const CheckReport& report) {
  size_t checks = 0, failed = 0, skipped = 0, errors = 0;
  for (const ScenarioCheck& s : report.scenarios) {
    checks += s.thresholds.size() + s.regressions.size();
    failed += s.failures();
    skipped += s.skipped();
    errors += s.error.empty() ? 0 : 1;
  }
  const size_t n = report.scenarios.size();
  return std::to_string(n) + (n == 1 ? " scenario, " : " scenarios, ") + std::to_string(checks) +
         (checks == 1 ? " check: " : " checks: ") + std::to_string(checks - failed - skipped) +
         " passed, " + std::to_string(failed) + " failed, " + std::to_string(skipped) +
         " skipped" +
         (errors > 0 ? ", " + std::to_string(errors) + (errors == 1 ? " run" : " runs") + " failed"
                     : "");
}

std::string baseline_inputs_summary(const ScenarioCheck& s) {
  // The "no manifest" note is not an input that differs.
  const size_t n = s.identity.size() - (s.baseline_has_manifest || s.identity.empty() ? 0 : 1);
  const std::string differ =
      n == 0 ? "no recorded input differs"
             : std::to_string(n) + (n == 1 ? " input differs" : " inputs differ");
  if (!s.baseline_has_manifest) {
    return "baseline has no manifest; " + differ;
  }
  return n == 0 ? "the inputs are the same (manifests match)" : differ;
}

bool CheckReport::passed() const {
  for (const ScenarioCheck& s : scenarios) {
    if (!s.passed()) {
      return false;
    }
  }
  return true;
}

void assign_suite_names(CheckReport& report) {
  std::map<std::string, int> uses;
  for (const ScenarioCheck& s : report.scenarios) {
    ++uses[s.name];
  }
  std::map<std::string, int> taken;
  for (ScenarioCheck& s : report.scenarios) {
    s.suite_name = uses[s.name] > 1 ? s.name + " (" + s.file + ")" : s.name;
    // The same file given twice still needs two distinct suites.
    const int k = ++taken[s.suite_name];
    if (k > 1) {
      s.suite_name += " #" + std::to_string(k);
    }
  }
}

}  // namespace journeysim
