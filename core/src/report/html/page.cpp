// The page around the sections: a strict Content-Security-Policy (no script
// may run and nothing may be fetched, so even a string that slipped past
// escaping could not act), the stylesheet, the channel glyphs, the banner,
// the folded manifest and a footer naming the versions that produced the
// numbers. No timestamp: the same run gives the same bytes. Run, compare and
// check pages all come through here.
#include <algorithm>

#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"
#include "report/html/style.h"

namespace journeysim::html {

std::string render_page(const PageFrame& frame, const std::string& body) {
  const std::string version = frame.manifests.empty()
                                  ? journeysim_version()
                                  : frame.manifests.front().manifest->journeysim_version;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">"
      "<meta name=\"generator\" content=\"journeysim " +
      escape(version) + "\"><title>" + escape(frame.title) + "</title><style>" +
      page_style() + "</style></head>";
  out += "<body data-report=\"" + std::string(frame.kind) + "\"" + frame.body_data + ">" +
         glyph_definitions();
  // A page of data rather than of a run (attribution) has no manifest.
  out += body + (frame.manifests.empty() && frame.execution == nullptr
                     ? std::string()
                     : render_manifest(frame.manifests, frame.execution));
  // Every channel any manifest names, once, in order of appearance.
  std::vector<std::string> channels;
  for (const manifest_detail::NamedManifest& named : frame.manifests) {
    for (const ManifestPlugin& p : named.manifest->plugins) {
      const std::string channel = p.name + " " + p.version;
      if (std::find(channels.begin(), channels.end(), channel) == channels.end()) {
        channels.push_back(channel);
      }
    }
  }
  out += "<footer id=\"report-footer\">journeysim " + escape(version) + " \u00b7 engine " +
         escape(frame.manifests.empty() ? engine_version()
                                        : frame.manifests.front().manifest->engine_version);
  if (!frame.manifests.empty()) {
    out += " \u00b7 channels: ";
    for (size_t i = 0; i < channels.size(); ++i) {
      out += (i ? ", " : "") + escape(channels[i]);
    }
  }
  out += ". " + escape(frame.footer_note) + "</footer></body></html>\n";
  return out;
}

std::string render_banner(const Banner& banner) {
  std::string out = "<header class=\"banner" +
                    std::string(banner.tone.empty() ? "" : " " + banner.tone) +
                    "\" id=\"report-header\"><div class=\"inner\">";
  out += "<div class=\"eyebrow\">" + escape(banner.eyebrow) + "</div>";
  out += "<h1 id=\"journey-name\">" + escape(banner.title) + "</h1>";
  if (!banner.purpose.empty()) {
    out += "<p class=\"purpose\" id=\"journey-purpose\">" + escape(banner.purpose) + "</p>";
  }
  out += "<div class=\"meta\">" + banner.meta_html + "</div></div></header>";
  return out;
}

std::string render_nav(const std::vector<std::pair<std::string, std::string>>& links) {
  std::string out = "<nav><div class=\"inner\">";
  for (const auto& [id, label] : links) {
    out += "<a href=\"#" + escape(id) + "\">" + escape(label) + "</a>";
  }
  return out + "</div></nav>";
}

std::string run_meta(const RunReport& r) {
  std::string out = "<span><b>" + grouped(r.manifest.agents) + "</b> simulated customers</span>";
  out += "<span>seed <b>" + std::to_string(r.manifest.seed) + "</b></span>";
  out += "<span>horizon <b>" + strf("%g", r.horizon_days) + "</b> days</span>";
  if (!r.conversion.empty()) {
    out += "<span>converting = reaching <b>" + escape(r.conversion) + "</b></span>";
  }
  return out + "<span>scenario <code>" + escape(r.manifest.scenario_hash.substr(0, 12)) +
         "</code></span>";
}

std::vector<std::pair<std::string, std::string>> run_section_links(const ReportView& view) {
  std::vector<std::pair<std::string, std::string>> links = {
      {view.id("personas"), "Personas"},      {view.id("headline"), "Headline metrics"},
      {view.id("journey-map"), "Journey map"}, {view.id("funnel"), "Funnel"},
      {view.id("flow"), "Flow"},              {view.id("opportunities"), "Opportunities"},
      {view.id("touchpoints"), "Touchpoints"}};
  // Optional sections go before Opportunities, in page order.
  const auto opportunities = [&] { return links.end() - 2; };
  if (!view.report.steps.empty()) {
    links.insert(opportunities(), {view.id("steps"), "Steps"});
  }
  if (!view.report.resources.empty()) {
    links.insert(opportunities(), {view.id("queues"), "Queues"});
  }
  if (!view.report.series.empty()) {
    links.insert(opportunities(), {view.id("series"), "Over time"});
  }
  return links;
}

std::string render_run_sections(const ReportView& view) {
  return render_personas(view) + render_headline(view) + render_journey_map(view) +
         render_funnel(view) + render_flow(view) + render_steps(view) + render_queues(view) +
         render_series(view) + render_opportunities(view) + render_touchpoint_details(view);
}

}  // namespace journeysim::html
