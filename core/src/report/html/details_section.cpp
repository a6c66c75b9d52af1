// Every touchpoint's numbers in one table, and each persona's drop rate
// there as a heat map: the question "who gives up where" at a glance.
#include <algorithm>

#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"

namespace journeysim::html {
namespace {

// White to the drop colour: darker cells lose more customers.
std::string heat(const Estimate& drop) {
  if (!drop.has_value()) {
    return "";
  }
  const double a = std::clamp(drop.value, 0.0, 1.0);
  return " style=\"background:rgba(214,69,69," + strf("%.2f", 0.08 + 0.72 * a) + ")" +
         (a > 0.55 ? ";color:#fff" : "") + "\"";
}

std::string reasons_text(const TouchpointReport& tp) {
  const uint64_t leaving = tp.dropped + tp.cut_off;
  std::string out;
  for (size_t r = 0; r < tp.reasons.size() && r < 2; ++r) {
    out += (r ? "; " : "") + escape(tp.reasons[r].label) + " " +
           percent(static_cast<double>(tp.reasons[r].count) /
                       static_cast<double>(std::max<uint64_t>(leaving, 1)),
                   0);
  }
  return out;
}

}  // namespace

std::string render_touchpoint_details(const ReportView& view) {
  const RunReport& r = view.report;
  std::string out =
      "<section id=\"" + view.id("touchpoints") + "\"><h2>Touchpoints in detail</h2><p class=\"lede\">Per visit: "
      "drop rate with its 95% interval, effort, change of emotion and hours spent. The persona "
      "columns give each persona's drop rate there.</p><div class=\"table-wrap\"><table "
      "class=\"data details\"><thead><tr><th>Touchpoint</th><th>Stage</th><th "
      "class=\"num\">Visits</th><th class=\"num\">Dropped</th><th class=\"num\">Drop rate</th><th "
      "class=\"num\">Effort</th><th class=\"num\">Emotion</th><th class=\"num\">Hours</th><th "
      "class=\"num\">Revenue</th><th>Top reasons</th>";
  for (size_t p = 0; p < r.personas.size(); ++p) {
    out += std::string("<th class=\"num\" style=\"--pc:") + persona_colour(p) +
           "\"><span class=\"chip\"><i></i>" + escape(r.personas[p].id) + "</span></th>";
  }
  out += "</tr></thead><tbody>";
  for (size_t t = 0; t < r.touchpoints.size(); ++t) {
    const TouchpointReport& tp = r.touchpoints[t];
    out += "<tr data-touchpoint=\"" + escape(tp.id) + "\"><td class=\"tp-cell\">" +
           channel_icon(tp.channel, 14) + escape(tp.name.empty() ? tp.id : tp.name) + "</td>";
    out += "<td>" + escape(tp.stage) + "</td>";
    out += "<td class=\"num\">" + grouped(tp.arrivals) + "</td>";
    out += "<td class=\"num\">" + grouped(tp.dropped) + "</td>";
    out += "<td class=\"num\"" + heat(tp.drop_rate) + " title=\"" +
           interval_text(tp.drop_rate, Unit::Percent) + "\">" +
           value_text(tp.drop_rate, Unit::Percent) + "</td>";
    out += "<td class=\"num\">" + value_text(tp.effort, Unit::Plain) + "</td>";
    out += "<td class=\"num\">" +
           (tp.emotion.has_value() ? strf("%+.3f", tp.emotion.value) : std::string("n/a")) +
           "</td>";
    out += "<td class=\"num\">" + value_text(tp.hours, Unit::Plain) + "</td>";
    out += "<td class=\"num\">" + money(tp.revenue) + "</td>";
    out += "<td class=\"reasons\">" + reasons_text(tp) + "</td>";
    for (const PersonaReport& p : r.personas) {
      const PersonaTouchpoint* pt = t < p.touchpoints.size() ? &p.touchpoints[t] : nullptr;
      if (pt == nullptr || !pt->drop_rate.has_value()) {
        out += "<td class=\"num muted\">\u2014</td>";
        continue;
      }
      out += "<td class=\"num\"" + heat(pt->drop_rate) + " title=\"" + escape(pt->top_reason) +
             "\">" + value_text(pt->drop_rate, Unit::Percent) + "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div></section>";
}

}  // namespace journeysim::html
