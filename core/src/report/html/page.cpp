// The page around the sections: a strict Content-Security-Policy (no script
// may run and nothing may be fetched, so even a string that slipped past
// escaping could not act), the stylesheet, the channel glyphs and a footer
// naming the versions that produced the numbers. No timestamp: the same run
// gives the same bytes.
#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"
#include "report/html/style.h"

namespace journeysim::html {

std::string render_page(const ReportView& view, const std::string& body) {
  const RunReport& r = view.report;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">"
      "<meta name=\"generator\" content=\"journeysim " +
      escape(r.journeysim_version) + "\"><title>" + escape(r.name) +
      " \u2014 journey map</title><style>" + page_style() + "</style></head>";
  out += "<body data-report=\"journeysim.run\" data-seed=\"" + std::to_string(r.seed) +
         "\" data-agents=\"" + std::to_string(r.agents) + "\" data-scenario-hash=\"" +
         escape(r.hash) + "\">" + glyph_definitions();
  out += body;
  out += "<footer id=\"report-footer\">journeysim " + escape(r.journeysim_version) +
         " \u00b7 engine " + escape(r.engine_version) + " \u00b7 channels: ";
  for (size_t i = 0; i < r.plugins.size(); ++i) {
    out += (i ? ", " : "") + escape(r.plugins[i].first) + " " + escape(r.plugins[i].second);
  }
  out += " \u00b7 scenario " + escape(r.hash) + " \u00b7 seed " + std::to_string(r.seed) +
         ". Same scenario, seed and agents: same numbers, same page.</footer></body></html>\n";
  return out;
}

}  // namespace journeysim::html
