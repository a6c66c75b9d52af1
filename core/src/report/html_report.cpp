// The journey map report: one self-contained HTML page. The sections are
// built by the files under html/; this puts them in the order a team reads
// a journey map: who and why, the headline numbers, the map itself, then
// the funnel, the flow, and what to do about it.
#include "journeysim/report_writers.h"
#include "report/html/format.h"
#include "report/html/sections.h"

namespace journeysim {

std::string render_html(const RunReport& report, const Scenario& scenario) {
  const html::ReportView view(report, scenario);
  std::string body = html::render_banner(view) + html::render_nav(html::run_section_links(view));
  body += "<main>" + html::render_run_sections(view) + "</main>";
  const RunManifest& m = report.manifest;
  return html::render_page(
      {"journeysim.run", report.name + " \u2014 journey map",
       " data-seed=\"" + std::to_string(m.seed) + "\" data-agents=\"" +
           std::to_string(m.agents) + "\" data-scenario-hash=\"" +
           html::escape(m.scenario_hash) + "\"",
       {{"", &m}},
       report.execution ? &*report.execution : nullptr,
       "Scenario " + m.scenario_hash + " \u00b7 seed " + std::to_string(m.seed) +
           ". Same scenario, seed and agents: same numbers, same page."},
      body);
}

}  // namespace journeysim
