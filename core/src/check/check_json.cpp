// The machine summary of a check, schema "journeysim.check/2" (documented in
// docs/ci/README.md). Fields are only ever added within the schema name;
// nothing time- or machine-dependent goes in, so a fixed seed gives fixed
// bytes.
#include <nlohmann/json.hpp>

#include "journeysim/check.h"
#include "manifest/manifest_json.h"

namespace journeysim {
namespace {

using Json = nlohmann::ordered_json;

Json estimate_json(const Estimate& e, bool is_count) {
  if (!e.has_value() || (!is_count && e.n == 0)) {
    return {{"value", nullptr}, {"ci95", nullptr}, {"n", 0}};
  }
  return {{"value", e.value}, {"ci95", {e.low, e.high}}, {"n", e.n}};
}

const char* better_name(Better b) {
  switch (b) {
    case Better::Higher:
      return "higher";
    case Better::Lower:
      return "lower";
    case Better::Neither:
      return "neither";
  }
  return "neither";
}

const char* tolerance_kind(Tolerance::Kind kind) {
  switch (kind) {
    case Tolerance::Kind::PercentagePoints:
      return "percentage_points";
    case Tolerance::Kind::Relative:
      return "relative";
    case Tolerance::Kind::Absolute:
      return "absolute";
  }
  return "absolute";
}

Json threshold_json(const ConditionOutcome& t) {
  Json out;
  out["metric"] = t.metric;
  out["condition"] = t.condition.text;
  out["operator"] = std::string(comparison_symbol(t.condition.op));
  out["bound"] = t.condition.value;
  out["confidence"] = t.condition.confidence == 0 ? Json(nullptr) : Json(t.condition.confidence);
  out["observed"] = estimate_json(t.observed, t.is_count);
  if (t.condition.confidence != 0 && t.observed.has_value()) {
    out["interval_used"] = {t.low, t.high};
  } else {
    out["interval_used"] = nullptr;
  }
  out["passed"] = t.passed;
  out["reason"] = t.reason;
  out["defined_at"] = t.condition.where.to_string();
  return out;
}

Json regression_json(const RegressionOutcome& r) {
  Json out;
  out["metric"] = r.metric;
  out["rule"] = r.has_tolerance ? "tolerance" : "significance";
  if (r.has_tolerance) {
    out["tolerance"] = {{"text", r.tolerance.text},
                        {"kind", tolerance_kind(r.tolerance.kind)},
                        {"amount", r.tolerance.amount}};
  } else {
    out["tolerance"] = nullptr;
  }
  out["better"] = better_name(r.better);
  out["baseline"] = estimate_json(r.baseline.estimate, r.baseline.is_count);
  out["observed"] = estimate_json(r.current.estimate, r.current.is_count);
  out["change"] = r.compared ? Json(r.change) : Json(nullptr);
  out["allowed_worsening"] = r.compared ? Json(r.allowed) : Json(nullptr);
  out["passed"] = r.passed && !r.skipped;
  out["skipped"] = r.skipped;
  out["reason"] = r.reason;
  return out;
}

Json scenario_json(const ScenarioCheck& s) {
  Json out;
  out["name"] = s.name;
  out["file"] = s.file;
  out["manifest"] = manifest_detail::manifest_json(s.manifest);
  out["passed"] = s.passed();
  out["error"] = s.error.empty() ? Json(nullptr) : Json(s.error);
  Json thresholds = Json::array();
  for (const ConditionOutcome& t : s.thresholds) {
    thresholds.push_back(threshold_json(t));
  }
  out["thresholds"] = thresholds;
  if (s.has_baseline) {
    Json identity = Json::array();
    for (const IdentityChange& c : s.identity) {
      identity.push_back({{"what", c.what},
                          {"baseline", c.baseline},
                          {"current", c.current},
                          {"severity", c.warning ? "warning" : "note"},
                          {"summary", c.summary},
                          {"meaning", c.meaning}});
    }
    // Whether the baseline's inputs are this run's: unknown without a
    // manifest, or when --update-baseline creates it.
    const bool known = s.baseline_read && s.baseline_has_manifest;
    out["baseline"] = {
        {"file", s.baseline_file},
        {"updated", s.baseline_updated},
        {"has_manifest", s.baseline_read ? Json(s.baseline_has_manifest) : Json(nullptr)},
        {"same_inputs", known ? Json(s.identity.empty()) : Json(nullptr)},
        {"differences", identity}};
  } else {
    out["baseline"] = nullptr;
  }
  Json regressions = Json::array();
  for (const RegressionOutcome& r : s.regressions) {
    regressions.push_back(regression_json(r));
  }
  out["regressions"] = regressions;
  // As in the JUnit file: a run that failed counts as one test in error.
  out["counts"] = {{"tests", s.tests()},
                   {"failures", s.failures()},
                   {"errors", s.error.empty() ? 0 : 1},
                   {"skipped", s.skipped()}};
  return out;
}

}  // namespace

std::string render_check_json(const CheckReport& report) {
  Json doc;
  doc["schema"] = "journeysim.check/2";
  doc["passed"] = report.passed();
  Json scenarios = Json::array();
  for (const ScenarioCheck& s : report.scenarios) {
    scenarios.push_back(scenario_json(s));
  }
  doc["scenarios"] = scenarios;
  if (report.execution) {
    doc["execution"] = manifest_detail::execution_json(*report.execution);
  }
  return doc.dump(2) + "\n";
}

}  // namespace journeysim
