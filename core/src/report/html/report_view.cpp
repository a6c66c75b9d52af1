#include "report/html/report_view.h"

#include <utility>

namespace journeysim::html {

ReportView::ReportView(const RunReport& r, const Scenario& s, std::string prefix)
    : report(r), scenario(s), id_prefix(std::move(prefix)), stage_touchpoints(r.stages.size()) {
  for (size_t t = 0; t < r.touchpoints.size(); ++t) {
    for (size_t st = 0; st < r.stages.size(); ++st) {
      if (r.stages[st].id == r.touchpoints[t].stage) {
        stage_touchpoints[st].push_back(t);
        if (conversion_stage < 0 && !r.conversion.empty() &&
            r.touchpoints[t].milestone == r.conversion) {
          conversion_stage = static_cast<int>(st);
        }
      }
    }
  }
}

int ReportView::touchpoint_index(const std::string& id) const {
  for (size_t t = 0; t < report.touchpoints.size(); ++t) {
    if (report.touchpoints[t].id == id) {
      return static_cast<int>(t);
    }
  }
  return -1;
}

int ReportView::persona_index(const std::string& id) const {
  for (size_t p = 0; p < report.personas.size(); ++p) {
    if (report.personas[p].id == id) {
      return static_cast<int>(p);
    }
  }
  return -1;
}

const std::string& ReportView::touchpoint_name(const std::string& id) const {
  const int t = touchpoint_index(id);
  if (t < 0) {
    return id;
  }
  const TouchpointReport& tp = report.touchpoints[static_cast<size_t>(t)];
  return tp.name.empty() ? tp.id : tp.name;
}

uint64_t ReportView::persona_reached(size_t persona, size_t stage) const {
  const auto& stages = report.personas[persona].stages;
  return stage < stages.size() ? stages[stage].reached : 0;
}

}  // namespace journeysim::html
