// The check page: did the gate hold, and why. The verdict first, then per
// scenario each threshold condition and each regression check with pass or
// fail and the numbers it was judged on, then that scenario's run report —
// the same sections as `run --report`, their ids prefixed "s<k>-" so many
// runs share one page.
#include <algorithm>

#include "journeysim/report_writers.h"
#include "report/html/format.h"
#include "report/html/sections.h"
#include "report/report_manifests.h"

namespace journeysim {
namespace html {
namespace {

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string pill(const char* state, const char* text) {
  return std::string("<span class=\"pill ") + state + "\">" + text + "</span>";
}

std::string scenario_anchor(size_t k) { return "s" + std::to_string(k + 1); }

std::string observed_text(const Estimate& e, bool is_count, const std::string& metric) {
  if (!e.has_value() || (!is_count && e.n == 0)) {
    return "n/a (no data)";
  }
  if (is_count) {
    return grouped(static_cast<uint64_t>(e.value));
  }
  return value_text(e, metric_unit(metric));
}

size_t passed_thresholds(const ScenarioCheck& s) {
  size_t n = 0;
  for (const ConditionOutcome& t : s.thresholds) {
    n += t.passed ? 1 : 0;
  }
  return n;
}

size_t passed_regressions(const ScenarioCheck& s) {
  size_t n = 0;
  for (const RegressionOutcome& r : s.regressions) {
    n += r.passed && !r.skipped ? 1 : 0;
  }
  return n;
}

std::string summary(const CheckReport& report) {
  std::string out =
      "<section id=\"check-summary\"><h2>Summary</h2><p class=\"lede\">Each scenario's "
      "thresholds (its <code>[thresholds]</code> table) and, with a baseline, its regression "
      "checks. A scenario passes when every one holds.</p><div class=\"table-wrap\"><table "
      "class=\"data check\" id=\"check-scenarios\"><thead><tr><th>Scenario</th><th>File</th><th "
      "class=\"num\">Thresholds passed</th><th class=\"num\">Regression checks "
      "passed</th><th>Verdict</th></tr></thead><tbody>";
  for (size_t k = 0; k < report.scenarios.size(); ++k) {
    const ScenarioCheck& s = report.scenarios[k];
    out += "<tr data-scenario=\"" + escape(s.suite_name) + "\" data-passed=\"" +
           (s.passed() ? "true" : "false") + "\"><td><a href=\"#" + scenario_anchor(k) + "\">" +
           escape(s.suite_name) + "</a></td><td><code>" + escape(s.file) + "</code></td>";
    out += "<td class=\"num\">" + std::to_string(passed_thresholds(s)) + " / " +
           std::to_string(s.thresholds.size()) + "</td>";
    out += "<td class=\"num\">" +
           (s.has_baseline ? std::to_string(passed_regressions(s)) + " / " +
                                 std::to_string(s.regressions.size())
                           : std::string("no baseline")) +
           "</td>";
    out += "<td>" +
           (!s.error.empty() ? pill("failed", "run failed")
                             : s.passed() ? pill("passed", "passed") : pill("failed", "failed")) +
           "</td></tr>";
  }
  return out + "</tbody></table></div></section>";
}

std::string thresholds_section(const ScenarioCheck& s, const std::string& prefix) {
  std::string out = "<section id=\"" + prefix + "thresholds\"><h3>Thresholds</h3>";
  if (s.thresholds.empty()) {
    return out + "<p class=\"none\">This scenario has no <code>[thresholds]</code>.</p></section>";
  }
  out +=
      "<div class=\"table-wrap\"><table class=\"data check thresholds\"><thead><tr><th>Metric</th>"
      "<th>Condition</th><th class=\"num\">Observed</th><th>95% interval</th><th>Judged "
      "on</th><th>Verdict</th><th>Why</th></tr></thead><tbody>";
  for (const ConditionOutcome& t : s.thresholds) {
    const Unit unit = metric_unit(t.metric);
    const bool defined = t.observed.has_value() && (t.is_count || t.observed.n > 0);
    out += "<tr class=\"" + std::string(t.passed ? "pass" : "fail") + "\" data-metric=\"" +
           escape(t.metric) + "\" data-condition=\"" + escape(t.condition.text) +
           "\" data-passed=\"" + (t.passed ? "true" : "false") + "\"" +
           (defined ? data_attributes(t.observed) : std::string(" data-value=\"\"")) + ">";
    out += "<td><code>" + escape(t.metric) + "</code></td><td><code>" +
           escape(t.condition.text) + "</code></td>";
    out += "<td class=\"num\"><b>" + observed_text(t.observed, t.is_count, t.metric) + "</b></td>";
    out += "<td class=\"ci\">" + (defined && !t.is_count ? interval_text(t.observed, unit) : "") +
           "</td>";
    std::string judged = "the value";
    if (t.condition.confidence != 0 && defined) {
      const Estimate used{t.observed.value, t.low, t.high, t.observed.n, true};
      judged = "its " + std::to_string(t.condition.confidence) + "% interval " +
               interval_text(used, unit).substr(7);
    }
    out += "<td class=\"ci\">" + judged + "</td>";
    out += "<td>" + (t.passed ? pill("passed", "pass") : pill("failed", "fail")) + "</td>";
    out += "<td class=\"why\">" + escape(t.reason) + "</td></tr>";
  }
  return out + "</tbody></table></div></section>";
}

std::string regressions_section(const ScenarioCheck& s, const std::string& prefix) {
  if (!s.has_baseline) {
    return "";
  }
  std::string out = "<section id=\"" + prefix +
                    "regressions\"><h3>Against the baseline</h3><p class=\"lede\"><code>" +
                    escape(s.baseline_file) + "</code>" +
                    (s.baseline_updated ? " \u2014 rewritten with this run" : "") + "</p>";
  if (s.baseline_read) {
    out += "<p class=\"identity-summary\">Inputs: " + escape(baseline_inputs_summary(s)) + "</p>";
  }
  if (!s.identity.empty()) {
    out += "<ul class=\"identity\">";
    for (const IdentityChange& c : s.identity) {
      out += "<li class=\"" + std::string(c.warning ? "warning" : "note") + "\"><b>" +
             (c.warning ? "warning" : "note") + ":</b> " + escape(c.summary) + ": " +
             escape(c.meaning) + "</li>";
    }
    out += "</ul>";
  }
  if (s.regressions.empty()) {
    return out + "<p class=\"none\">No regression checks ran.</p></section>";
  }
  out +=
      "<div class=\"table-wrap\"><table class=\"data check regressions\"><thead><tr><th>Check</th>"
      "<th class=\"num\">Baseline</th><th class=\"num\">This run</th><th "
      "class=\"num\">Change</th><th class=\"num\">Worsening allowed</th><th>Verdict</th>"
      "<th>Why</th></tr></thead><tbody>";
  for (const RegressionOutcome& r : s.regressions) {
    const char* state = r.skipped ? "skipped" : r.passed ? "passed" : "failed";
    const Unit unit = metric_unit(r.metric);
    out += std::string("<tr class=\"") + state + "\" data-metric=\"" + escape(r.metric) +
           "\" data-passed=\"" + (r.passed && !r.skipped ? "true" : "false") +
           "\" data-skipped=\"" + (r.skipped ? "true" : "false") + "\">";
    out += "<td><code>" + escape(r.label()) + "</code></td>";
    out += "<td class=\"num\">" +
           observed_text(r.baseline.estimate, r.baseline.is_count, r.metric) + "</td>";
    out += "<td class=\"num\">" + observed_text(r.current.estimate, r.current.is_count, r.metric) +
           "</td>";
    if (r.compared) {
      const Estimate change{r.change, r.change, r.change, 1, true};
      const Estimate allowed{r.allowed, r.allowed, r.allowed, 1, true};
      out += "<td class=\"num\" data-change=\"" + exact(r.change) + "\">" +
             difference_text(change, unit) + "</td><td class=\"num\">" +
             value_text(allowed, unit == Unit::Signed ? Unit::Plain : unit) + "</td>";
    } else {
      out += "<td class=\"num muted\">\u2014</td><td class=\"num muted\">\u2014</td>";
    }
    out += "<td>" + pill(state, r.skipped ? "skipped" : r.passed ? "pass" : "fail") + "</td>";
    out += "<td class=\"why\">" + escape(r.reason) + "</td></tr>";
  }
  return out + "</tbody></table></div></section>";
}

std::string scenario_part(const ScenarioCheck& s, const CheckedRun& run, size_t k) {
  const std::string anchor = scenario_anchor(k);
  const std::string prefix = anchor + "-";
  const char* state = s.passed() ? "passed" : "failed";
  std::string out = "<div class=\"scenario-part " + std::string(state) + "\" id=\"" + anchor +
                    "\" data-scenario=\"" + escape(s.suite_name) + "\" data-passed=\"" +
                    (s.passed() ? "true" : "false") + "\">";
  out += "<div class=\"part-head\"><h2>" + escape(s.suite_name) + "</h2>" +
         pill(state, s.passed() ? "passed" : "failed") + "<span class=\"muted\"><code>" +
         escape(s.file) + "</code> \u00b7 " + grouped(s.manifest.agents) +
         " customers \u00b7 seed " + std::to_string(s.manifest.seed) + " \u00b7 " +
         plural(s.failures(), "failure", "failures") + "</span></div>";
  out += "<section class=\"gate\">";
  if (!s.error.empty()) {
    out += "<div class=\"run-error\" id=\"" + prefix + "error\"><b>The run failed:</b> <pre>" +
           escape(s.error) + "</pre></div>";
  }
  out += thresholds_section(s, prefix);
  out += regressions_section(s, prefix);
  out += "</section>";
  if (run.report != nullptr && run.scenario != nullptr) {
    const ReportView view(*run.report, *run.scenario, prefix);
    out += "<details class=\"run-report\" open><summary>Run report of " + escape(s.suite_name) +
           "</summary>" + render_run_sections(view) + "</details>";
  }
  return out + "</div>";
}

}  // namespace
}  // namespace html

std::string render_check_html(const CheckReport& report, const std::vector<CheckedRun>& runs) {
  using namespace html;
  size_t thresholds = 0, regressions = 0, failures = 0, errors = 0;
  for (const ScenarioCheck& s : report.scenarios) {
    thresholds += s.thresholds.size();
    regressions += s.regressions.size();
    failures += s.failures();
    errors += s.error.empty() ? 0 : 1;
  }
  const bool passed = report.passed();
  std::string verdict = passed ? "Check passed" : "Check failed";
  std::string purpose = plural(thresholds, "threshold", "thresholds") +
                        (regressions == 0 ? std::string()
                                          : " and " + plural(regressions, "regression check",
                                                             "regression checks")) +
                        " over " +
                        plural(report.scenarios.size(), "scenario", "scenarios") + ": " +
                        (failures == 0 ? "every one holds"
                                       : plural(failures, "failure", "failures"));
  if (errors > 0) {
    purpose += "; " + plural(errors, "run", "runs") + " failed";
  }
  std::string meta = "<span>exit code <b>" +
                     std::string(errors > 0 ? "2" : passed ? "0" : "1") + "</b></span>";
  meta += "<span><b>" + std::to_string(report.scenarios.size()) + "</b> scenario" +
          (report.scenarios.size() == 1 ? "" : "s") + "</span>";
  meta += "<span><b>" + std::to_string(failures) + "</b> failed</span>";

  std::vector<std::pair<std::string, std::string>> links{{"check-summary", "Summary"}};
  for (size_t k = 0; k < report.scenarios.size(); ++k) {
    links.emplace_back("s" + std::to_string(k + 1), shorten(report.scenarios[k].suite_name, 28));
  }
  std::string body = render_banner(
      Banner{"CI check \u00b7 thresholds and regressions \u00b7 simulated with journeysim",
             verdict, purpose, meta, passed ? "passed" : "failed"});
  body += render_nav(links) + "<main>" + summary(report);
  for (size_t k = 0; k < report.scenarios.size(); ++k) {
    body += scenario_part(report.scenarios[k], k < runs.size() ? runs[k] : CheckedRun{}, k);
  }
  body += "</main>";
  return render_page({"journeysim.check", verdict,
                      " data-passed=\"" + std::string(passed ? "true" : "false") +
                          "\" data-failures=\"" + std::to_string(failures) + "\"",
                      manifest_detail::check_manifests(report),
                      report.execution ? &*report.execution : nullptr,
                      "Same scenarios, seeds and agents: same numbers, same page."},
                     body);
}

}  // namespace journeysim
