// Which manifests a report holds, labelled the same way in every rendering
// (CSV comments, Markdown footer, HTML manifest section).
#pragma once

#include <vector>

#include "journeysim/check.h"
#include "journeysim/comparison.h"
#include "manifest/manifest_text.h"

namespace journeysim::manifest_detail {

/// The baseline's, then each variant's.
inline std::vector<NamedManifest> comparison_manifests(const ComparisonReport& report) {
  std::vector<NamedManifest> out{{"baseline: " + report.baseline.name, &report.baseline.manifest}};
  for (const VariantComparison& v : report.variants) {
    out.push_back({"variant: " + v.report.name, &v.report.manifest});
  }
  return out;
}

/// Each checked scenario's, by suite name.
inline std::vector<NamedManifest> check_manifests(const CheckReport& report) {
  std::vector<NamedManifest> out;
  for (const ScenarioCheck& s : report.scenarios) {
    out.push_back({s.suite_name, &s.manifest});
  }
  return out;
}

}  // namespace journeysim::manifest_detail
