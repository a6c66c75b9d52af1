// The top of the journey map as teams draw it: the scenario (name, the
// question it answers) and the personas who walk it.
#include <algorithm>

#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"

namespace journeysim::html {
namespace {

std::string type_label(const std::string& type) {
  std::string out = type;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string list(const char* title, const std::vector<std::string>& items) {
  if (items.empty()) {
    return "";
  }
  std::string out = "<div class=\"facet\"><h4>" + std::string(title) + "</h4><ul>";
  for (const std::string& item : items) {
    out += "<li>" + escape(item) + "</li>";
  }
  return out + "</ul></div>";
}

std::string demographics(const Persona& p) {
  std::vector<std::string> parts;
  if (p.age_min > 0 || p.age_max > 0) {
    parts.push_back(strf("age %u\u2013%u", p.age_min, p.age_max));
  }
  for (const std::string* text : {&p.gender, &p.job, &p.education}) {
    if (!text->empty() && *text != "any") {
      parts.push_back(escape(*text));
    }
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    out += (i ? " \u00b7 " : "") + parts[i];
  }
  return out;
}

std::string traits(const Persona& p) {
  const std::pair<const char*, double> kTraits[] = {
      {"patience", p.patience},
      {"price sensitivity", p.price_sensitivity},
      {"tech savvy", p.tech_savvy},
  };
  std::string out = "<div class=\"traits\">";
  for (const auto& [name, value] : kTraits) {
    out += "<div class=\"trait\"><span>" + std::string(name) +
           "</span><span class=\"meter\"><i style=\"width:" + coord(100 * value) +
           "%\"></i></span></div>";
  }
  return out + "</div>";
}

std::string channels(const Persona& p) {
  if (p.channels.empty()) {
    return "";
  }
  std::vector<std::pair<std::string, double>> sorted(p.channels.begin(), p.channels.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out = "<div class=\"facet\"><h4>Channels they follow</h4><div class=\"affinities\">";
  for (const auto& [name, value] : sorted) {
    out += "<div class=\"affinity\" title=\"" + escape(name) + ": " + strf("%.2f", value) + "\">" +
           channel_icon(name, 14) + "<span class=\"aff-name\">" + escape(name) +
           "</span><span class=\"meter\"><i style=\"width:" + coord(100 * value) +
           "%\"></i></span></div>";
  }
  return out + "</div></div>";
}

}  // namespace

std::string render_banner(const ReportView& view) {
  const RunReport& r = view.report;
  return render_banner(Banner{"Journey map \u00b7 " + type_label(r.type) +
                                  " journey \u00b7 simulated with journeysim",
                              r.name, r.purpose, run_meta(r), ""});
}

std::string render_personas(const ReportView& view) {
  std::string out =
      "<section id=\"" + view.id("personas") + "\"><h2>Personas</h2><p class=\"lede\">Who walks this journey: "
      "each persona is a share of the arriving customers, with its own goals, pain points and "
      "channels. Their colours stay the same across the page.</p><div class=\"persona-grid\">";
  for (size_t i = 0; i < view.scenario.personas.size(); ++i) {
    const Persona& p = view.scenario.personas[i];
    const int index = view.persona_index(p.id);
    out += "<article class=\"persona\" data-persona=\"" + escape(p.id) +
           "\" style=\"--pc:" + persona_colour(i) + "\">";
    out += "<div class=\"persona-head\"><span class=\"swatch\"></span><h3>" + escape(p.id) +
           "</h3><span class=\"share\">" + percent(p.share, 0) + " of customers</span></div>";
    const std::string who = demographics(p);
    if (!who.empty()) {
      out += "<div class=\"demo\">" + who + "</div>";
    }
    if (index >= 0) {
      const Estimate& c = view.report.personas[static_cast<size_t>(index)].metrics.conversion_rate;
      out += "<div class=\"persona-kpi\"" + data_attributes(c) + ">converts <b>" +
             value_text(c, Unit::Percent) + "</b> <span class=\"ci\">" +
             interval_text(c, Unit::Percent) + "</span></div>";
    }
    out += list("Goals", p.goals);
    out += list("Expectations", p.expectations);
    out += list("Pain points", p.pain_points);
    out += list("Fears", p.fears);
    out += list("Motivations", p.motivations);
    out += channels(p);
    out += traits(p);
    out += "</article>";
  }
  return out + "</div></section>";
}

}  // namespace journeysim::html
