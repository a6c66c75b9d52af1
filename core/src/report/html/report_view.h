// What every section of the HTML report reads: the run, the scenario it came
// from (personas' goals, edges, actions) and the lookups the sections share,
// built once.
#pragma once

#include <string>
#include <vector>

#include "journeysim/report_writers.h"

namespace journeysim::html {

struct ReportView {
  const RunReport& report;
  const Scenario& scenario;
  /// Put before every element id of the sections, so several runs can share
  /// one page (the check report): "" for a page of one run.
  std::string id_prefix;
  /// Indices into report.touchpoints of each stage's touchpoints, in
  /// scenario order.
  std::vector<std::vector<size_t>> stage_touchpoints;
  /// The stage holding the first touchpoint that carries the conversion
  /// milestone; -1 when no touchpoint does.
  int conversion_stage = -1;

  ReportView(const RunReport& r, const Scenario& s, std::string prefix = "");

  /// The page-unique element id of `name` (id_prefix + name).
  std::string id(const char* name) const { return id_prefix + name; }

  /// Index into report.touchpoints, or -1.
  int touchpoint_index(const std::string& id) const;
  /// Index into report.personas, or -1.
  int persona_index(const std::string& id) const;
  /// The touchpoint's display name (its id when the scenario gives none).
  const std::string& touchpoint_name(const std::string& id) const;
  /// Agents of a persona who reached stage `stage`.
  uint64_t persona_reached(size_t persona, size_t stage) const;
};

}  // namespace journeysim::html
