// A check as a pull-request comment: the verdict and totals first, then per
// scenario one table row per threshold and regression check (✓/✗, the
// observed value with its interval, why), what differs from the baseline's
// inputs, and the manifests as a footer. Numbers as the text summary prints
// them (check/format.h).
#include "check/format.h"
#include "journeysim/check.h"
#include "report/markdown_text.h"
#include "report/report_manifests.h"

namespace journeysim {
namespace {

using check_detail::format_observed;
using markdown::cell;
using markdown::code;

std::string mark(bool passed, bool skipped = false) { return skipped ? "–" : passed ? "✓" : "✗"; }

std::string row(const std::string& mark, const std::string& check, const std::string& observed,
                const std::string& why) {
  return "| " + mark + " | " + code(check) + " | " + observed + " | " + cell(why) + " |\n";
}

// Paragraphs separated by blank lines, each ending in a line break.
std::string scenario_part(const ScenarioCheck& s) {
  std::string out = "### " + mark(s.passed()) + " " + cell(s.suite_name) + "\n\n" + code(s.file) +
                    " · " + std::to_string(s.manifest.agents) + " agents · seed " +
                    std::to_string(s.manifest.seed) + " · **" + (s.passed() ? "PASSED" : "FAILED") +
                    "**: " + scenario_tally(s) + "\n";
  if (!s.error.empty()) {
    out += "\nThe run failed: " + cell(s.error) + "\n";
  }
  if (!s.thresholds.empty() || !s.regressions.empty()) {
    out += "\n| | check | observed [95% interval] | verdict |\n|---|---|---|---|\n";
  } else if (s.error.empty()) {
    out += "\nNothing to check: no [thresholds] and no baseline.\n";
  }
  for (const ConditionOutcome& t : s.thresholds) {
    out += row(mark(t.passed), t.metric + " " + t.condition.text,
               format_observed(t.observed, t.is_count), t.reason);
  }
  for (const RegressionOutcome& r : s.regressions) {
    out += row(mark(r.passed, r.skipped), "regression " + r.label(),
               format_observed(r.baseline.estimate, r.baseline.is_count) + " → " +
                   format_observed(r.current.estimate, r.current.is_count),
               (r.skipped ? "skipped: " : "") + r.reason);
  }
  if (s.has_baseline) {
    out += "\nBaseline " + code(s.baseline_file) + (s.baseline_updated ? " (updated)" : "") +
           (s.baseline_read ? ": " + baseline_inputs_summary(s) : "") + "\n";
    for (const IdentityChange& c : s.identity) {
      out += std::string("- ") + (c.warning ? "**warning**: " : "") + cell(c.summary) + " — " +
             cell(c.meaning) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string render_check_markdown(const CheckReport& report) {
  const bool errors = [&] {
    for (const ScenarioCheck& s : report.scenarios) {
      if (!s.error.empty()) {
        return true;
      }
    }
    return false;
  }();
  std::string out = report.passed() ? "## ✅ journeysim check passed\n\n"
                                    : std::string("## ❌ journeysim check failed (exit ") +
                                          (errors ? "2" : "1") + ")\n\n";
  out += check_totals(report) + "\n";
  for (const ScenarioCheck& s : report.scenarios) {
    out += "\n" + scenario_part(s);
  }
  return out + manifest_detail::markdown_footer(manifest_detail::check_manifests(report),
                                                report.execution ? &*report.execution : nullptr);
}

}  // namespace journeysim
