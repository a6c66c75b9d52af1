// The funnel: how many customers are still there at each stage, overall and
// per persona, with the conversion and drop-off between steps and where the
// lost ones went (customers lost at the stage's touchpoints: journeys that
// ended there unconverted, and why). The conversion milestone is a step of
// its own, right after the stage where it happens.
#include <algorithm>

#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"

namespace journeysim::html {
namespace {

struct Step {
  std::string label, owner;
  int stage = -1;  // -1: the conversion milestone
  uint64_t overall = 0;
  std::vector<uint64_t> by_persona;
};

std::vector<Step> steps_of(const ReportView& view) {
  const RunReport& r = view.report;
  std::vector<Step> steps;
  for (size_t s = 0; s < r.stages.size(); ++s) {
    Step step{r.stages[s].id, r.stages[s].owner, static_cast<int>(s), r.stages[s].reached, {}};
    for (size_t p = 0; p < r.personas.size(); ++p) {
      step.by_persona.push_back(view.persona_reached(p, s));
    }
    steps.push_back(std::move(step));
    if (static_cast<int>(s) == view.conversion_stage) {
      Step converted{"converted (" + r.conversion + ")", "", -1, r.journey.converted, {}};
      for (const PersonaReport& p : r.personas) {
        converted.by_persona.push_back(p.metrics.converted);
      }
      steps.push_back(std::move(converted));
    }
  }
  return steps;
}

double share(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// Reasons summed over a stage's touchpoints, most frequent first (ties in
// the order met).
using Reasons = std::vector<std::pair<std::string, uint64_t>>;
void add_reasons(Reasons& out, const std::vector<ReasonShare>& reasons) {
  for (const ReasonShare& reason : reasons) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const auto& x) { return x.first == reason.label; });
    if (it == out.end()) {
      out.emplace_back(reason.label, reason.count);
    } else {
      it->second += reason.count;
    }
  }
}

Reasons sorted(Reasons reasons) {
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return reasons;
}

// Customers lost at a stage's touchpoints, and why.
struct StageLoss {
  uint64_t lost = 0;
  Reasons reasons;  // most frequent first
};

StageLoss stage_loss(const ReportView& view, size_t s) {
  StageLoss out;
  for (size_t t : view.stage_touchpoints[s]) {
    out.lost += view.report.touchpoints[t].lost;
    add_reasons(out.reasons, view.report.touchpoints[t].lost_reasons);
  }
  out.reasons = sorted(std::move(out.reasons));
  return out;
}

// A persona's customers lost in stage `s`, and why.
StageLoss persona_loss(const ReportView& view, size_t p, size_t s) {
  StageLoss out;
  const PersonaReport& persona = view.report.personas[p];
  for (size_t t : view.stage_touchpoints[s]) {
    if (t < persona.touchpoints.size()) {
      out.lost += persona.touchpoints[t].lost;
      add_reasons(out.reasons, persona.touchpoints[t].lost_reasons);
    }
  }
  out.reasons = sorted(std::move(out.reasons));
  return out;
}

std::string connector(uint64_t from, uint64_t to) {
  if (from == 0) {
    return "<div class=\"f-gap\"></div>";
  }
  const double kept = share(to, from);
  std::string out = "<div class=\"f-gap\"><span class=\"f-arrow\">\u2193</span><span>" +
                    percent(kept) + " continue</span>";
  if (kept < 1) {
    out += "<span class=\"f-off\">" + percent(1 - kept) + " drop off</span>";
  }
  return out + "</div>";
}

std::string overall_funnel(const ReportView& view, const std::vector<Step>& steps) {
  const uint64_t agents = view.report.manifest.agents;
  std::string out = "<div class=\"funnel\" id=\"" + view.id("funnel-overall") + "\">";
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    if (i > 0) {
      out += connector(steps[i - 1].overall, step.overall);
    }
    const double width = share(step.overall, agents);
    // A label does not fit inside a bar narrower than about 60px.
    const bool narrow = width < 0.12;
    out += "<div class=\"f-step" + std::string(step.stage < 0 ? " converted" : "") +
           "\" data-step=\"" + escape(step.label) + "\" data-count=\"" +
           std::to_string(step.overall) + "\">";
    out += "<div class=\"f-label\"><b>" + escape(step.label) + "</b>" +
           (step.owner.empty() ? "" : "<span>" + escape(step.owner) + "</span>") + "</div>";
    out += "<div class=\"f-bar-area\"><div class=\"f-bar" + std::string(narrow ? " narrow" : "") +
           "\" style=\"width:" + coord(std::max(100 * width, 0.4)) + "%\"><span>" +
           share_text(width) + "</span></div></div>";
    out += "<div class=\"f-numbers\"><b>" + grouped(step.overall) + "</b> customers";
    if (step.stage >= 0) {
      const StageLoss loss = stage_loss(view, static_cast<size_t>(step.stage));
      if (loss.lost > 0) {
        out += "<div class=\"f-drops\"><span class=\"drop\">" + grouped(loss.lost) +
               " lost here</span>";
        for (size_t r = 0; r < loss.reasons.size() && r < 3; ++r) {
          out += "<span class=\"reason\">" + escape(loss.reasons[r].first) + " \u00b7 " +
                 grouped(loss.reasons[r].second) + "</span>";
        }
        out += "</div>";
      }
    }
    out += "</div></div>";
  }
  return out + "</div>";
}

std::string persona_funnels(const ReportView& view, const std::vector<Step>& steps) {
  const RunReport& r = view.report;
  std::string out =
      "<h3>By persona</h3><div class=\"table-wrap\"><table class=\"data persona-funnel\" "
      "id=\"" + view.id("funnel-personas") + "\"><thead><tr><th>Step</th>";
  for (size_t p = 0; p < r.personas.size(); ++p) {
    out += std::string("<th style=\"--pc:") + persona_colour(p) +
           "\"><span class=\"chip\"><i></i>" + escape(r.personas[p].id) +
           "</span> <span class=\"muted\">" + grouped(r.personas[p].metrics.agents) +
           "</span></th>";
  }
  out += "</tr></thead><tbody>";
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    out += "<tr" + std::string(step.stage < 0 ? " class=\"converted\"" : "") + "><th>" +
           escape(step.label) + "</th>";
    for (size_t p = 0; p < r.personas.size(); ++p) {
      const uint64_t here = step.by_persona[p];
      const double of_all = share(here, r.personas[p].metrics.agents);
      out += std::string("<td style=\"--pc:") + persona_colour(p) + "\" data-persona=\"" +
             escape(r.personas[p].id) + "\" data-count=\"" + std::to_string(here) +
             "\"><div class=\"pf-bar\"><i style=\"width:" + coord(100 * of_all) +
             "%\"></i></div><div class=\"pf-text\"><b>" + percent(of_all) + "</b> \u00b7 " +
             grouped(here);
      if (i > 0 && step.by_persona.size() == steps[i - 1].by_persona.size() &&
          steps[i - 1].by_persona[p] > 0) {
        out += " <span class=\"muted\">(" + percent(share(here, steps[i - 1].by_persona[p]), 0) +
               " of previous)</span>";
      }
      out += "</div>";
      const PersonaReport& persona = r.personas[p];
      if (step.stage >= 0 && static_cast<size_t>(step.stage) < persona.stages.size()) {
        const size_t s = static_cast<size_t>(step.stage);
        const StageLoss loss = persona_loss(view, p, s);
        if (loss.lost > 0) {
          out += "<div class=\"pf-drop\" data-lost=\"" + std::to_string(loss.lost) + "\"><b>" +
                 grouped(loss.lost) + " lost</b>";
          for (size_t k = 0; k < loss.reasons.size() && k < 2; ++k) {
            out += "<span>" + escape(loss.reasons[k].first) + " \u00b7 " +
                   grouped(loss.reasons[k].second) + "</span>";
          }
          out += "</div>";
        }
      }
      out += "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div>";
}

}  // namespace

std::string render_funnel(const ReportView& view) {
  const std::vector<Step> steps = steps_of(view);
  std::string out =
      "<section id=\"" + view.id("funnel") + "\"><h2>Funnel</h2><p class=\"lede\">Customers remaining stage by "
      "stage (bars: share of all " +
      grouped(view.report.manifest.agents) +
      " customers), the share who continue to the next step, and how many were lost in each "
      "stage (journeys that ended at its touchpoints without converting) and why.</p>";
  out += overall_funnel(view, steps);
  out += persona_funnels(view, steps);
  return out + "</section>";
}

}  // namespace journeysim::html
