// The end-of-run summary people read in a CI log or a terminal: each gate
// named with what was observed (k6 users asked to be told *which* threshold
// failed, k6 #680), then the regressions, then a total.
#include <sstream>

#include "check/format.h"
#include "journeysim/check.h"

namespace journeysim {
namespace {

using check_detail::format_observed;
using check_detail::format_value;

class Painter {
 public:
  explicit Painter(bool colour) : colour_(colour) {}
  std::string green(const std::string& s) const { return paint("32", s); }
  std::string red(const std::string& s) const { return paint("31", s); }
  std::string yellow(const std::string& s) const { return paint("33", s); }
  std::string bold(const std::string& s) const { return paint("1", s); }

 private:
  std::string paint(const char* code, const std::string& s) const {
    return colour_ ? "\033[" + std::string(code) + "m" + s + "\033[0m" : s;
  }
  bool colour_;
};

std::string plural(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void render_thresholds(const ScenarioCheck& s, const Painter& p, std::ostream& out) {
  for (const ConditionOutcome& t : s.thresholds) {
    out << "  " << (t.passed ? p.green("✓") : p.red("✗")) << " " << t.metric << " "
        << t.condition.text << "  observed " << format_observed(t.observed, t.is_count) << "\n";
    if (!t.passed) {
      out << "      " << t.reason << "\n";
    }
  }
}

void render_baseline(const ScenarioCheck& s, const Painter& p, std::ostream& out) {
  out << "  baseline " << s.baseline_file << (s.baseline_updated ? " (updated)" : "")
      << (s.baseline_read ? ": " + baseline_inputs_summary(s) : "") << "\n";
  for (const IdentityChange& c : s.identity) {
    out << "    " << (c.warning ? p.yellow("warning:") : "note:") << " " << c.summary << ": "
        << c.meaning << "\n";
  }
  for (const RegressionOutcome& r : s.regressions) {
    const std::string mark = r.skipped ? "–" : r.passed ? p.green("✓") : p.red("✗");
    out << "  " << mark << " regression " << r.label() << "  ";
    if (!r.compared) {
      out << (r.skipped ? "skipped: " : "") << r.reason << "\n";
      continue;
    }
    out << format_value(r.baseline.estimate.value) << " → "
        << format_value(r.current.estimate.value) << ": " << r.reason << "\n";
  }
}

}  // namespace

std::string render_check_text(const CheckReport& report, bool colour) {
  const Painter p(colour);
  std::ostringstream out;
  size_t failed_scenarios = 0;
  for (const ScenarioCheck& s : report.scenarios) {
    out << p.bold(s.name) << "\n";
    out << "  " << s.file << " · " << s.manifest.agents << " agents · seed " << s.manifest.seed
        << "\n";
    if (!s.error.empty()) {
      out << "  " << p.red("✗") << " the run failed: " << s.error << "\n";
    }
    render_thresholds(s, p, out);
    if (s.has_baseline) {
      render_baseline(s, p, out);
    }
    if (s.thresholds.empty() && s.regressions.empty() && s.error.empty()) {
      out << "  " << p.yellow("warning:") << " nothing to check: no [thresholds] and no baseline\n";
    }
    failed_scenarios += s.passed() ? 0 : 1;
    out << "  " << (s.passed() ? p.green("PASSED") : p.red("FAILED")) << "  " << scenario_tally(s)
        << "\n\n";
  }
  out << "total: " << check_totals(report) << " — "
      << (report.passed()
              ? p.green("PASSED")
              : p.red("FAILED") + " (" + plural(failed_scenarios, "scenario", "scenarios") + ")")
      << "\n";
  return out.str();
}

}  // namespace journeysim
