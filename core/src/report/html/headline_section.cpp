// The numbers a journey is judged by, each with its 95% interval, overall
// and by persona.
#include <algorithm>

#include "report/html/distribution_chart.h"
#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"

namespace journeysim::html {
namespace {

struct Kpi {
  const char* id;      // element id
  const char* metric;  // the metric's path (docs/metrics.md)
  std::string label;
  const Estimate* estimate;
  Unit unit;
  std::string note;
};

std::string kpi_card(const ReportView& view, const Kpi& k, const char* extra_class = "") {
  std::string out = "<div class=\"kpi " + std::string(extra_class) + "\" id=\"" + view.id(k.id) +
                    "\" data-metric=\"" + k.metric + "\"" + data_attributes(*k.estimate) + ">";
  out += "<div class=\"kpi-label\">" + k.label + "</div>";
  out += "<div class=\"kpi-value\">" + value_text(*k.estimate, k.unit) + "</div>";
  out += "<div class=\"kpi-ci\">" + interval_text(*k.estimate, k.unit) + "</div>";
  if (!k.note.empty()) {
    out += "<div class=\"kpi-note\">" + k.note + "</div>";
  }
  return out + "</div>";
}

std::string small_metric(const char* metric, const char* label, const Estimate& e, Unit unit) {
  return std::string("<div class=\"mini\" data-metric=\"") + metric + "\"" + data_attributes(e) +
         "><span class=\"mini-label\">" + label + "</span><span class=\"mini-value\">" +
         value_text(e, unit) + "</span><span class=\"mini-ci\">" + interval_text(e, unit) +
         "</span></div>";
}

std::string time_to_convert_card(const ReportView& view) {
  const JourneyMetrics& j = view.report.journey;
  std::string out =
      "<div class=\"kpi kpi-wide\" id=\"" + view.id("kpi-time-to-convert") +
      "\" data-metric=\"time_to_convert.median_days\"" +
      data_attributes(j.time_to_convert_median_days) + ">";
  out += "<div class=\"kpi-label\">Time to convert</div><div class=\"ttc-row\">";
  const std::pair<const char*, const Estimate*> parts[] = {
      {"median", &j.time_to_convert_median_days},
      {"p90", &j.time_to_convert_p90_days},
      {"mean", &j.time_to_convert_mean_days}};
  for (const auto& [name, e] : parts) {
    out += std::string("<div class=\"ttc\"><span class=\"ttc-name\">") + name +
           "</span><span class=\"kpi-value\">" + value_text(*e, Unit::Days) +
           "</span><span class=\"kpi-ci\">" + interval_text(*e, Unit::Days) + "</span></div>";
  }
  out += "</div>";
  out += time_to_convert_chart(view.report.time_to_convert, j, view.id("ttc-histogram"));
  if (j.converted == 0) {
    out += "<div class=\"kpi-note\">Nobody converted in this run.</div>";
  }
  return out + "</div>";
}

// Conversion by persona as dots with interval whiskers on one shared scale,
// the overall rate as a dashed reference.
std::string forest(const Estimate& e, const Estimate& overall, double scale_max,
                   const char* colour) {
  constexpr double kW = 180, kH = 18;
  std::string out =
      strf("<svg class=\"forest\" width=\"%.0f\" height=\"%.0f\" aria-hidden=\"true\">", kW, kH);
  const auto x = [&](double v) { return 4 + (kW - 8) * std::clamp(v / scale_max, 0.0, 1.0); };
  out += "<line class=\"track\" x1=\"4\" y1=\"9\" x2=\"" + coord(kW - 4) + "\" y2=\"9\"/>";
  if (overall.has_value()) {
    out += "<line class=\"ref\" x1=\"" + coord(x(overall.value)) + "\" y1=\"2\" x2=\"" +
           coord(x(overall.value)) + "\" y2=\"16\"/>";
  }
  if (e.has_value()) {
    out += "<line x1=\"" + coord(x(e.low)) + "\" y1=\"9\" x2=\"" + coord(x(e.high)) +
           "\" y2=\"9\" stroke=\"" + colour + "\" stroke-width=\"3\" stroke-linecap=\"round\"/>";
    out += "<circle cx=\"" + coord(x(e.value)) + "\" cy=\"9\" r=\"4.5\" fill=\"" + colour +
           "\" stroke=\"#fff\" stroke-width=\"1.5\"/>";
  }
  return out + "</svg>";
}

std::string persona_table(const ReportView& view) {
  const RunReport& r = view.report;
  double scale_max = r.journey.conversion_rate.has_value() ? r.journey.conversion_rate.high : 0;
  for (const PersonaReport& p : r.personas) {
    if (p.metrics.conversion_rate.has_value()) {
      scale_max = std::max(scale_max, p.metrics.conversion_rate.high);
    }
  }
  scale_max = scale_max > 0 ? scale_max * 1.1 : 1.0;
  std::string out =
      "<h3>By persona</h3><div class=\"table-wrap\"><table class=\"data persona-table\" "
      "id=\"" + view.id("persona-metrics") + "\"><thead><tr><th>Persona</th><th class=\"num\">Customers</th>"
      "<th class=\"num\">Conversion</th><th>95% interval <span class=\"muted\">(0 \u2013 " +
      percent(scale_max, 1) +
      "; dashed: everyone)</span></th><th class=\"num\">Median time to convert</th><th "
      "class=\"num\">CSAT</th><th class=\"num\">CES</th><th class=\"num\">NPS</th><th "
      "class=\"num\">Revenue / customer</th></tr></thead><tbody>";
  for (size_t p = 0; p < r.personas.size(); ++p) {
    const PersonaReport& pr = r.personas[p];
    const JourneyMetrics& m = pr.metrics;
    out += "<tr data-persona=\"" + escape(pr.id) + "\" style=\"--pc:" + persona_colour(p) +
           "\"><td><span class=\"chip\"><i></i>" + escape(pr.id) + "</span></td>";
    out += "<td class=\"num\">" + grouped(m.agents) + "</td>";
    out += "<td class=\"num\" data-metric=\"personas." + escape(pr.id) + ".conversion_rate\"" +
           data_attributes(m.conversion_rate) + "><b>" +
           value_text(m.conversion_rate, Unit::Percent) + "</b></td>";
    out += "<td>" +
           forest(m.conversion_rate, r.journey.conversion_rate, scale_max, persona_colour(p)) +
           "<span class=\"ci\">" + interval_text(m.conversion_rate, Unit::Percent) + "</span></td>";
    out += "<td class=\"num\">" + value_text(m.time_to_convert_median_days, Unit::Days) + "</td>";
    out += "<td class=\"num\">" + value_text(m.csat, Unit::Percent) + "</td>";
    out += "<td class=\"num\">" + value_text(m.ces, Unit::Plain) + "</td>";
    out += "<td class=\"num\">" + value_text(m.nps, Unit::Signed) + "</td>";
    out += "<td class=\"num\">" + value_text(m.revenue_per_agent, Unit::Money) + "</td></tr>";
  }
  return out + "</tbody></table></div>";
}

}  // namespace

std::string render_headline(const ReportView& view) {
  const RunReport& r = view.report;
  const JourneyMetrics& j = r.journey;
  double revenue = 0;
  for (const TouchpointReport& t : r.touchpoints) {
    revenue += t.revenue;
  }
  std::string out =
      "<section id=\"" + view.id("headline") + "\"><h2>Headline metrics</h2><p class=\"lede\">Each figure with its "
      "95% interval over " +
      grouped(j.agents) +
      " simulated customers. Definitions: docs/metrics.md.</p><div class=\"kpis\">";
  out += kpi_card(
      view, {"kpi-conversion", "conversion_rate",
       "Conversion" + (r.conversion.empty() ? std::string() : " (" + escape(r.conversion) + ")"),
       &j.conversion_rate, Unit::Percent,
       grouped(j.converted) + " of " + grouped(j.agents) + " customers"},
      "kpi-main");
  out += time_to_convert_card(view);
  out += kpi_card(view, {"kpi-csat", "csat", "CSAT", &j.csat, Unit::Percent, "satisfied: 4 or 5 of 5"});
  out += kpi_card(view, {"kpi-ces", "ces", "CES", &j.ces, Unit::Plain, "1\u20137, 7 = very easy"});
  out += kpi_card(view, {"kpi-nps", "nps", "NPS", &j.nps, Unit::Signed, "promoters \u2212 detractors"});
  out += kpi_card(view, {"kpi-revenue", "revenue_per_agent", "Revenue per customer", &j.revenue_per_agent,
                   Unit::Money, "total " + money(revenue)});
  out += "</div><div class=\"minis\">";
  out += small_metric("bounce_rate", "Bounce rate", j.bounce_rate, Unit::Percent);
  out += small_metric("cart_abandonment_rate", "Cart abandonment", j.cart_abandonment_rate,
                      Unit::Percent);
  out += small_metric("repeat_rate", "Repeat rate (of converters)", j.repeat_rate, Unit::Percent);
  out += small_metric("referrals_per_agent", "Referrals per customer", j.referrals_per_agent,
                      Unit::Plain);
  out += small_metric("effort_per_agent", "Effort per customer", j.effort_per_agent, Unit::Plain);
  out += small_metric("path_length", "Touchpoints per customer", j.path_length, Unit::Plain);
  out += small_metric("satisfaction", "Final satisfaction (0\u20131)", j.satisfaction, Unit::Plain);
  out += "</div><div class=\"endings\">Journeys ended: <b>" + grouped(j.exited) +
         "</b> completed \u00b7 <b>" + grouped(j.dropped) + "</b> dropped \u00b7 <b>" +
         grouped(j.horizon) + "</b> past the horizon \u00b7 <b>" + grouped(j.step_limit) +
         "</b> at the step limit</div>";
  out += persona_table(view);
  return out + "</section>";
}

}  // namespace journeysim::html
