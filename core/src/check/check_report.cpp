// Counting a check's verdicts the same way in every rendering.
#include <map>

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
