// JUnit XML as GitHub Actions reporters, GitLab and Jenkins read it: the
// common subset testsuites > testsuite > testcase with failure, error and
// skipped children. GitLab ignores failure@message, so every failure carries
// its details as text too; time is always 0 so the bytes are reproducible.
#include <sstream>

#include "check/format.h"
#include "journeysim/check.h"
#include "util/text.h"

namespace journeysim {
namespace {

using check_detail::format_bound;
using check_detail::format_change;
using check_detail::format_observed;
using check_detail::format_value;

std::string attr(const std::string& s) { return util::escape_xml(s, util::XmlPlace::Attribute); }
std::string text(const std::string& s) { return util::escape_xml(s, util::XmlPlace::Text); }

std::string interval_words(const Estimate& e, bool is_count) {
  if (!e.has_value() || (!is_count && e.n == 0)) {
    return "no data (n = 0)";
  }
  if (is_count) {
    return format_value(e.value) + " (a count)";
  }
  return format_value(e.value) + " (95% interval " + format_value(e.low) + " to " +
         format_value(e.high) + ", n = " + std::to_string(e.n) + ")";
}

std::string requirement(const Condition& c) {
  const std::string bound = std::string(comparison_symbol(c.op)) + " " + format_bound(c.value);
  if (c.confidence == 0) {
    return bound + " (on the point estimate)";
  }
  return bound + " (for the whole " + std::to_string(c.confidence) + "% interval)";
}

void threshold_case(const std::string& suite, const ConditionOutcome& t, std::ostream& out) {
  const std::string name = t.metric + " " + t.condition.text;
  out << "    <testcase classname=\"" << attr(suite) << "\" name=\"" << attr(name)
      << "\" time=\"0\"";
  if (t.passed) {
    out << "/>\n";
    return;
  }
  const std::string message = name + " failed: observed " +
                              format_observed(t.observed, t.is_count) + ", required " +
                              requirement(t.condition);
  std::ostringstream details;
  details << "threshold: " << name << "\n"
          << "observed:  " << interval_words(t.observed, t.is_count) << "\n"
          << "required:  " << requirement(t.condition) << "\n"
          << "verdict:   " << t.reason << "\n"
          << "defined at " << t.condition.where.to_string() << "\n";
  out << ">\n      <failure message=\"" << attr(message) << "\" type=\"threshold\">"
      << text(details.str()) << "</failure>\n    </testcase>\n";
}

// The baseline's inputs that differ, in a line: what a reader of a failed
// regression needs to judge it ("seed 7 → 8; agents 200000 → 100000").
std::string inputs_line(const ScenarioCheck& s) {
  std::string out = baseline_inputs_summary(s);
  for (size_t i = 0; i < s.identity.size(); ++i) {
    out += (i == 0 ? ": " : "; ") + s.identity[i].summary;
  }
  return out;
}

void regression_case(const ScenarioCheck& s, const RegressionOutcome& r, std::ostream& out) {
  const std::string& suite = s.suite_name;
  const std::string name = "regression " + r.label();
  out << "    <testcase classname=\"" << attr(suite) << "\" name=\"" << attr(name)
      << "\" time=\"0\"";
  if (r.skipped) {
    out << ">\n      <skipped message=\"" << attr(r.reason) << "\"/>\n    </testcase>\n";
    return;
  }
  if (r.passed) {
    out << "/>\n";
    return;
  }
  const std::string direction = r.better == Better::Higher  ? "higher is better"
                                : r.better == Better::Lower ? "lower is better"
                                                            : "no direction: any move counts";
  std::ostringstream details;
  details << "metric:   " << r.metric << " (" << direction << ")\n"
          << "baseline: " << interval_words(r.baseline.estimate, r.baseline.is_count) << " from "
          << s.baseline_file << "\n"
          << "observed: " << interval_words(r.current.estimate, r.current.is_count) << "\n";
  if (r.compared) {
    details << "change:   " << format_change(r.change) << "; worsening allowed "
            << format_value(r.allowed)
            << (r.has_tolerance ? " (tolerance " + r.tolerance.text + ")"
                                : " (noise: 1.96 combined standard errors)")
            << "\n";
  }
  details << "verdict:  " << r.reason << "\n"
          << "inputs:   " << inputs_line(s) << "\n";
  const std::string message =
      name + " failed: " +
      (r.compared ? format_value(r.baseline.estimate.value) + " -> " +
                        format_value(r.current.estimate.value) + ", " + r.reason
                  : r.reason);
  out << ">\n      <failure message=\"" << attr(message) << "\" type=\"regression\">"
      << text(details.str()) << "</failure>\n    </testcase>\n";
}

void property(const std::string& name, const std::string& value, std::ostream& out) {
  out << "      <property name=\"" << attr(name) << "\" value=\"" << attr(value) << "\"/>\n";
}

void suite(const ScenarioCheck& s, std::ostream& out) {
  out << "  <testsuite name=\"" << attr(s.suite_name) << "\" tests=\"" << s.tests()
      << "\" failures=\"" << s.failures() << "\" errors=\"" << (s.error.empty() ? 0 : 1)
      << "\" skipped=\"" << s.skipped() << "\" time=\"0\">\n";
  out << "    <properties>\n";
  property("file", s.file, out);
  property("scenario_hash", s.manifest.scenario_hash, out);
  property("seed", std::to_string(s.manifest.seed), out);
  property("agents", std::to_string(s.manifest.agents), out);
  property("engine_version", s.manifest.engine_version, out);
  property("journeysim_version", s.manifest.journeysim_version, out);
  for (const ManifestFile& f : s.manifest.scenario_files) {
    property("scenario_file " + f.path, f.sha256, out);
  }
  for (const ManifestPlugin& p : s.manifest.plugins) {
    property("plugin " + p.name, p.version + (p.sha256.empty() ? " built-in" : " " + p.sha256),
             out);
  }
  if (s.has_baseline) {
    property("baseline", s.baseline_file, out);
  }
  if (s.baseline_read) {
    property("baseline_inputs", baseline_inputs_summary(s), out);
  }
  out << "    </properties>\n";
  if (!s.error.empty()) {
    out << "    <testcase classname=\"" << attr(s.suite_name)
        << "\" name=\"run\" time=\"0\">\n      <error message=\"" << attr(s.error)
        << "\" type=\"run\">" << text(s.error) << "</error>\n    </testcase>\n";
  }
  for (const ConditionOutcome& t : s.thresholds) {
    threshold_case(s.suite_name, t, out);
  }
  for (const RegressionOutcome& r : s.regressions) {
    regression_case(s, r, out);
  }
  if (s.baseline_read) {
    std::ostringstream notes;
    notes << "baseline " << s.baseline_file << ": " << baseline_inputs_summary(s) << "\n";
    for (const IdentityChange& c : s.identity) {
      notes << (c.warning ? "warning: " : "note: ") << c.summary << ": " << c.meaning << "\n";
    }
    out << "    <system-out>" << text(notes.str()) << "</system-out>\n";
  }
  out << "  </testsuite>\n";
}

}  // namespace

std::string render_check_junit(const CheckReport& report) {
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const ScenarioCheck& s : report.scenarios) {
    tests += s.tests();
    failures += s.failures();
    errors += s.error.empty() ? 0 : 1;
    skipped += s.skipped();
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"journeysim check\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\" time=\"0\">\n";
  for (const ScenarioCheck& s : report.scenarios) {
    suite(s, out);
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace journeysim
