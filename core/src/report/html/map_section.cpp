// The journey map as teams draw it on a wall: stages as columns (with their
// owner), and rows for touchpoints, customer actions, the emotion curve,
// pain points and opportunities. Column widths are fixed here, not by the
// browser, so the emotion curve's points sit exactly under their stages.
#include <algorithm>
#include <set>

#include "report/html/emotion_curve.h"
#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"

namespace journeysim::html {
namespace {

// The map fits the page's content width down to kMinColumn per stage
// (ten stages); more stages scroll sideways inside the map.
constexpr double kContentWidth = 1262, kHeadColumn = 112, kMinColumn = 115, kMaxColumn = 300;
// Narrower columns than this get the compact type sizes.
constexpr double kDenseColumn = 150;
constexpr size_t kPerCell = 3;  // pain points and opportunities per stage

double column_width(size_t stages) {
  const double fit = std::floor((kContentWidth - kHeadColumn) / static_cast<double>(stages));
  return std::clamp(fit, kMinColumn, kMaxColumn);
}

std::string row_head(const char* title, const std::string& hint = "") {
  return std::string("<div class=\"row-head\"><b>") + title + "</b>" +
         (hint.empty() ? "" : "<span>" + hint + "</span>") + "</div>";
}

// The touchpoint with the most effort per visit in the whole journey.
int effort_peak(const RunReport& r) {
  int at = -1;
  for (size_t t = 0; t < r.touchpoints.size(); ++t) {
    const Estimate& e = r.touchpoints[t].effort;
    if (e.has_value() && e.value > 0 &&
        (at < 0 || e.value > r.touchpoints[static_cast<size_t>(at)].effort.value)) {
      at = static_cast<int>(t);
    }
  }
  return at;
}

std::string touchpoint_card(const ReportView& view, size_t t, bool is_effort_peak) {
  const TouchpointReport& tp = view.report.touchpoints[t];
  const std::string& name = tp.name.empty() ? tp.id : tp.name;
  std::string out = "<div class=\"tp\" data-touchpoint=\"" + escape(tp.id) + "\" title=\"" +
                    escape(name) + " (" + escape(tp.channel) + ")\">";
  out += "<div class=\"tp-head\">" + channel_icon(tp.channel) + "<span class=\"tp-name\">" +
         escape(name) + "</span></div>";
  out += "<div class=\"tags\"><span class=\"tag\">" + escape(tp.channel) + "</span>";
  if (!tp.milestone.empty()) {
    out += "<span class=\"tag milestone\">\u2605 " + escape(tp.milestone) + "</span>";
  }
  if (tp.exit) {
    out += "<span class=\"tag\">exit</span>";
  }
  if (is_effort_peak) {
    out += "<span class=\"tag effort\">effort peak</span>";
  }
  out += "</div>";
  // The headline is "lost here" (journeys that ended here unconverted, of
  // the customers who came); the channel's drop rate stays in the tooltip.
  out += "<div class=\"tp-stats\"><span>" + grouped(tp.arrivals) + " visits</span>";
  if (tp.lost_rate.has_value()) {
    out += "<span class=\"drop\" data-metric=\"touchpoints." + escape(tp.id) + ".lost_rate\"" +
           data_attributes(tp.lost_rate) + " title=\"" + grouped(tp.lost) + " lost here; " +
           (tp.drop_rate.has_value() ? percent(tp.drop_rate.value) : std::string("n/a")) +
           " of visits dropped\">" + percent(tp.lost_rate.value) + " lost</span>";
  }
  out += "</div>";
  const double lost = tp.lost_rate.has_value() ? tp.lost_rate.value : 0.0;
  out += "<div class=\"dropbar\"><i style=\"width:" + coord(100 * lost) + "%\"></i></div>";
  return out + queue_badge(view, tp.id) + "</div>";
}

std::string stage_header(const ReportView& view, size_t s) {
  const StageReport& st = view.report.stages[s];
  const Stage* stage = s < view.scenario.stages.size() ? &view.scenario.stages[s] : nullptr;
  std::string out = "<div class=\"cell stage-head\" data-stage=\"" + escape(st.id) + "\">";
  out += "<div class=\"stage-name\">" + escape(st.id) + "</div>";
  out += "<div class=\"owner\">" +
         (st.owner.empty() ? std::string("no owner named") : escape(st.owner)) + "</div>";
  if (stage != nullptr && !stage->description.empty()) {
    out += "<div class=\"stage-desc\">" + escape(stage->description) + "</div>";
  }
  const double reach = st.reach_rate.has_value() ? st.reach_rate.value : 0.0;
  out += "<div class=\"reach\"><span>reached <b>" + percent(reach) + "</b></span>";
  if (static_cast<int>(s) == view.conversion_stage) {
    out += "<span class=\"tag milestone\">converts here</span>";
  }
  out += "</div><div class=\"reachbar\"><i style=\"width:" + coord(100 * reach) + "%\"></i></div>";
  return out + "</div>";
}

std::string actions_cell(const ReportView& view, size_t s) {
  std::string out = "<div class=\"cell actions\"><ul>";
  std::set<std::string> seen;
  for (size_t t : view.stage_touchpoints[s]) {
    const TouchpointReport& tp = view.report.touchpoints[t];
    for (const std::string& action : tp.actions) {
      if (seen.insert(action).second) {
        out += "<li title=\"at " + escape(tp.name.empty() ? tp.id : tp.name) + "\">" +
               escape(action) + "</li>";
      }
    }
  }
  if (seen.empty()) {
    out += "<li class=\"none\">\u2014</li>";
  }
  return out + "</ul></div>";
}

// One reason customers were lost in a stage: how many in all, and where.
struct Pain {
  std::string label;
  uint64_t count = 0;
  std::vector<std::pair<uint64_t, std::string>> where;  // lost, touchpoint name
};

std::string pain_cell(const ReportView& view, size_t s, int peak) {
  std::vector<Pain> pains;
  int stage_peak = -1;
  for (size_t t : view.stage_touchpoints[s]) {
    const TouchpointReport& tp = view.report.touchpoints[t];
    for (const ReasonShare& reason : tp.lost_reasons) {
      auto it = std::find_if(pains.begin(), pains.end(),
                             [&](const Pain& p) { return p.label == reason.label; });
      if (it == pains.end()) {
        pains.push_back({reason.label, 0, {}});
        it = pains.end() - 1;
      }
      it->count += reason.count;
      it->where.emplace_back(reason.count, tp.name.empty() ? tp.id : tp.name);
    }
    if (tp.effort.has_value() && tp.effort.value > 0 &&
        (stage_peak < 0 ||
         tp.effort.value > view.report.touchpoints[static_cast<size_t>(stage_peak)].effort.value)) {
      stage_peak = static_cast<int>(t);
    }
  }
  std::stable_sort(pains.begin(), pains.end(),
                   [](const Pain& a, const Pain& b) { return a.count > b.count; });
  std::string out = "<div class=\"cell pains\">";
  for (size_t i = 0; i < pains.size() && i < kPerCell; ++i) {
    Pain& pain = pains[i];
    std::stable_sort(pain.where.begin(), pain.where.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    out += "<div class=\"pain\"><b>" + escape(pain.label) + "</b><span>" + grouped(pain.count) +
           " lost";
    if (pain.where.size() == 1) {
      out += " at " + escape(pain.where[0].second);
    } else {
      for (size_t w = 0; w < pain.where.size() && w < 2; ++w) {
        out += (w ? "; " : ": ") + grouped(pain.where[w].first) + " at " +
               escape(pain.where[w].second);
      }
      if (pain.where.size() > 2) {
        out += "; \u2026";
      }
    }
    out += "</span></div>";
  }
  if (stage_peak >= 0) {
    const TouchpointReport& tp = view.report.touchpoints[static_cast<size_t>(stage_peak)];
    out += std::string("<div class=\"effort-note") + (stage_peak == peak ? " peak" : "") +
           "\">most effort: <b>" + escape(tp.name.empty() ? tp.id : tp.name) + "</b> (" +
           strf("%.1f", tp.effort.value) + " per visit" +
           (stage_peak == peak ? ", the journey's peak" : "") + ")</div>";
  }
  if (pains.empty() && stage_peak < 0) {
    out += "<div class=\"none\">\u2014</div>";
  }
  return out + "</div>";
}

std::string opportunity_cell(const ReportView& view, size_t s) {
  std::string out = "<div class=\"cell opps\">";
  size_t shown = 0, more = 0;
  for (const Opportunity& o : view.report.opportunities) {
    const int t = view.touchpoint_index(o.touchpoint);
    if (t < 0 ||
        view.report.touchpoints[static_cast<size_t>(t)].stage != view.report.stages[s].id) {
      continue;
    }
    if (shown == kPerCell) {
      ++more;
      continue;
    }
    ++shown;
    out += "<div class=\"opp\">";
    const int p = view.persona_index(o.persona);
    if (p >= 0) {
      out += std::string("<span class=\"chip\" style=\"--pc:") +
             persona_colour(static_cast<size_t>(p)) + "\"><i></i>" + escape(o.persona) + "</span>";
    }
    out += "<b>" + escape(o.suggestion) + "</b><span>" +
           escape(view.touchpoint_name(o.touchpoint)) + " \u00b7 " + share_text(o.impact) +
           " of customers</span></div>";
  }
  if (more > 0) {
    out += "<a class=\"more\" href=\"#" + view.id("opportunities") + "\">+" + std::to_string(more) + " more</a>";
  }
  if (shown == 0) {
    out += "<div class=\"none\">\u2014</div>";
  }
  return out + "</div>";
}

}  // namespace

std::string render_journey_map(const ReportView& view) {
  const RunReport& r = view.report;
  const size_t n = r.stages.size();
  const double cw = column_width(n);
  const int peak = effort_peak(r);
  std::string out =
      step_style(view) + calendar_style(view) +
      "<section id=\"" + view.id("journey-map") + "\"><h2>Journey map</h2><p class=\"lede\">Stages left to right "
      "with the team that owns each. Touchpoints show visits and the share of their customers "
      "lost there (journeys that ended there without converting); "
      "the emotion curve is the mean satisfaction of customers leaving each stage.</p>";
  out += "<div class=\"map-scroll\"><div class=\"map" +
         std::string(cw < kDenseColumn ? " dense" : "") + "\" data-stages=\"" + std::to_string(n) +
         "\" style=\"grid-template-columns:" + coord(kHeadColumn) + "px repeat(" +
         std::to_string(n) + "," + coord(cw) + "px)\">";
  out += row_head("Stage", "and owner");
  for (size_t s = 0; s < n; ++s) {
    out += stage_header(view, s);
  }
  out += row_head("Touchpoints", "channel, visits, lost here");
  for (size_t s = 0; s < n; ++s) {
    out += "<div class=\"cell tps\">";
    for (size_t t : view.stage_touchpoints[s]) {
      out += touchpoint_card(view, t, static_cast<int>(t) == peak);
    }
    out += step_cards(view, s);
    out += "</div>";
  }
  out += row_head("Customer actions");
  for (size_t s = 0; s < n; ++s) {
    out += actions_cell(view, s);
  }
  std::string legend = "<div class=\"legend\"><span class=\"chip overall\"><i></i>everyone</span>";
  for (size_t p = 0; p < r.personas.size(); ++p) {
    legend += std::string("<span class=\"chip\" style=\"--pc:") + persona_colour(p) + "\"><i></i>" +
              escape(r.personas[p].id) + "</span>";
  }
  legend += "<span class=\"legend-note\">hollow ring: a persona's lowest point</span></div>";
  out += row_head("Emotion", "satisfaction on leaving the stage (0\u20131)");
  out += "<div class=\"cell curve\" style=\"grid-column:span " + std::to_string(n) + "\">" +
         legend + emotion_curve(view, cw) + "</div>";
  out += row_head("Pain points", "why customers were lost, effort");
  for (size_t s = 0; s < n; ++s) {
    out += pain_cell(view, s, peak);
  }
  out += row_head("Opportunities", "largest impact first");
  for (size_t s = 0; s < n; ++s) {
    out += opportunity_cell(view, s);
  }
  out += "</div></div></section>";
  return out;
}

}  // namespace journeysim::html
