// The journey map report: one self-contained HTML page. The sections are
// built by the files under html/; this puts them in the order a team reads
// a journey map: who and why, the headline numbers, the map itself, then
// the funnel, the flow, and what to do about it.
#include "journeysim/report_writers.h"
#include "report/html/sections.h"

namespace journeysim {

std::string render_html(const RunReport& report, const Scenario& scenario,
                        const HtmlReportParts& parts) {
  const html::ReportView view(report, scenario, parts);
  std::string body = html::render_banner(view);
  body +=
      "<nav><div class=\"inner\"><a href=\"#personas\">Personas</a><a "
      "href=\"#headline\">Headline metrics</a><a href=\"#journey-map\">Journey map</a><a "
      "href=\"#funnel\">Funnel</a><a href=\"#flow\">Flow</a><a "
      "href=\"#opportunities\">Opportunities</a><a "
      "href=\"#touchpoints\">Touchpoints</a></div></nav>";
  body += "<main>";
  body += html::render_personas(view);
  body += html::render_headline(view);
  body += html::render_journey_map(view);
  body += html::render_funnel(view);
  body += html::render_flow(view);
  body += html::render_opportunities(view);
  body += html::render_touchpoint_details(view);
  body += "</main>";
  return html::render_page(view, body);
}

}  // namespace journeysim
