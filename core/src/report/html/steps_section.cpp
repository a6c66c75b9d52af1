// Journey model 2's steps in the HTML report: a compact card for each step
// in its stage of the journey map, and a section with every step (what it
// does, how many came) and every experiment (arms, their paired effect over
// the first arm, the sample size a real A/B test would need). A journey
// without steps gets none of it, so its page keeps its bytes; the styles
// come with the journey map (every page with steps has one) for the same
// reason.
#include <algorithm>

#include "report/html/format.h"
#include "report/html/sections.h"

namespace journeysim::html {
namespace {

const char* kStepStyle =
    "<style>"
    ".step{border:1px dashed #b8c2d6;border-radius:8px;background:#f7f8fb;padding:5px 8px;"
    "font-size:11.5px}"
    ".step .kind{display:inline-block;font-size:10px;font-weight:650;text-transform:uppercase;"
    "letter-spacing:.05em;color:#4a5a86;margin-right:4px}"
    ".step .what{color:var(--ink);overflow-wrap:anywhere}"
    ".step .tp-stats{margin-top:2px}"
    ".sankey .node.step{fill:#7d8fb8}"
    ".sankey .link.route{stroke:#7d8fb8;stroke-opacity:.8}"
    ".sankey .route-label{font-size:10px;fill:#4a5a86}"
    "</style>";

// A kind as a short mark a reader knows from journey builders.
const char* kind_mark(const std::string& kind) {
  if (kind == "wait") {
    return "\u23f1 wait";
  }
  if (kind == "split") {
    return "\u25c7 split";
  }
  if (kind == "experiment") {
    return "A/B experiment";
  }
  if (kind == "update") {
    return "\u270e update";
  }
  return "\u23cf exit";
}

// The stage a step is shown in: its own, or the stage of the touchpoint it
// hangs from (where the engine counts a journey that ends there).
std::string shown_stage(const ReportView& view, const StepReport& s) {
  if (!s.stage.empty()) {
    return s.stage;
  }
  const int t = view.touchpoint_index(s.after);
  return t < 0 ? "" : view.report.touchpoints[static_cast<size_t>(t)].stage;
}

const ArmEffect* effect_of(const ExperimentReport& x, const std::string& arm) {
  const auto it = std::find_if(x.effects.begin(), x.effects.end(),
                               [&](const ArmEffect& e) { return e.arm == arm; });
  return it == x.effects.end() ? nullptr : &*it;
}

std::string step_row(const StepReport& s) {
  std::string out = "<tr data-step=\"" + escape(s.id) + "\"><td>" + escape(s.name) + "</td><td>" +
                    escape(s.kind) + "</td><td>" +
                    (s.stage.empty() ? std::string("\u2014") : escape(s.stage)) + "</td>";
  out += "<td class=\"num\" data-metric=\"steps." + escape(s.id) + ".arrivals\" data-value=\"" +
         std::to_string(s.arrivals) + "\">" + grouped(s.arrivals) + "</td>";
  out += "<td class=\"num\">" + grouped(s.agents) + "</td>";
  if (s.kind == "wait") {
    out += "<td class=\"num\" data-metric=\"steps." + escape(s.id) + ".mean_hours\"" +
           data_attributes(s.waited) + " title=\"" + interval_text(s.waited, Unit::Plain) +
           "\">" + value_text(s.waited, Unit::Plain) + "</td><td class=\"num\">" +
           grouped(s.returned) + "</td>";
  } else {
    out += "<td class=\"num\">\u2014</td><td class=\"num\">\u2014</td>";
  }
  out += "<td class=\"num\">" + grouped(s.cut_off) + "</td><td class=\"num\">" +
         (s.kind == "exit" ? grouped(s.exits) : std::string("\u2014")) + "</td><td>" +
         escape(s.description) + "</td></tr>";
  return out;
}

std::string experiment_table(const ReportView& view, const ExperimentReport& x) {
  const std::string first = x.arms.empty() ? "" : x.arms.front().name;
  std::string out = "<h3>" + escape(x.id) + "</h3><div class=\"table-wrap\"><table class=\"data\" "
                    "data-experiment=\"" + escape(x.id) + "\"><thead><tr><th>Arm</th><th>Goes to"
                    "</th><th class=\"num\">Customers</th><th class=\"num\">Conversion</th><th>"
                    "95% interval</th><th class=\"num\">Effect vs " + escape(first) +
                    " (paired)</th><th>95% interval</th><th class=\"num\">A/B test needs per "
                    "arm</th></tr></thead><tbody>";
  const StepReport* step = nullptr;
  for (const StepReport& s : view.report.steps) {
    step = s.id == x.id ? &s : step;
  }
  for (size_t a = 0; a < x.arms.size(); ++a) {
    const ArmReport& arm = x.arms[a];
    const std::string path = "experiments." + x.id;
    out += "<tr data-arm=\"" + escape(arm.name) + "\"><td>" + escape(arm.name) + "</td><td>" +
           (step != nullptr && a < step->routes.size()
                ? escape(step->routes[a].label) + " \u2192 " + escape(step->routes[a].to)
                : std::string()) +
           "</td><td class=\"num\">" + grouped(arm.agents) + "</td>";
    out += "<td class=\"num\" data-metric=\"" + escape(path) + ".arms." + escape(arm.name) +
           ".conversion_rate\"" + data_attributes(arm.conversion_rate) + ">" +
           value_text(arm.conversion_rate, Unit::Percent) + "</td><td>" +
           interval_text(arm.conversion_rate, Unit::Percent) + "</td>";
    const ArmEffect* effect = a == 0 ? nullptr : effect_of(x, arm.name);
    if (a == 0) {
      out += "<td class=\"num\">baseline</td><td></td><td class=\"num\"></td>";
    } else if (effect == nullptr) {
      out += "<td class=\"num\">\u2014</td><td></td><td class=\"num\">\u2014</td>";
    } else {
      out += "<td class=\"num\" data-metric=\"" + escape(path) + ".effects." + escape(arm.name) +
             ".conversion_rate\"" + data_attributes(effect->conversion_rate) + ">" +
             difference_text(effect->conversion_rate, Unit::Percent) + "</td><td>" +
             difference_interval(effect->conversion_rate, Unit::Percent) +
             "</td><td class=\"num\">" +
             (effect->sample_size_per_arm ? grouped(*effect->sample_size_per_arm)
                                          : std::string("no difference")) +
             "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div>";
}

}  // namespace

std::string step_style(const ReportView& view) {
  return view.report.steps.empty() ? std::string() : std::string(kStepStyle);
}

std::string step_cards(const ReportView& view, size_t stage) {
  std::string out;
  for (const StepReport& s : view.report.steps) {
    if (shown_stage(view, s) != view.report.stages[stage].id) {
      continue;
    }
    out += "<div class=\"step\" data-step=\"" + escape(s.id) + "\" title=\"" + escape(s.name) +
           " (" + escape(s.kind) + ")\"><div><span class=\"kind\">" + kind_mark(s.kind) +
           "</span><b>" + escape(s.name) + "</b></div><div class=\"what\">" +
           escape(s.description) + "</div><div class=\"tp-stats\"><span data-metric=\"steps." +
           escape(s.id) + ".arrivals\" data-value=\"" + std::to_string(s.arrivals) + "\">" +
           grouped(s.arrivals) + " arrivals</span>";
    if (s.kind == "wait" && s.waited.has_value()) {
      out += "<span>" + strf("%.1f", s.waited.value) + " h waited</span>";
    }
    out += "</div></div>";
  }
  return out;
}

std::string render_steps(const ReportView& view) {
  const RunReport& r = view.report;
  if (r.steps.empty()) {
    return "";
  }
  std::string out = "<section id=\"" + view.id("steps") + "\"><h2>Steps and experiments</h2><p "
         "class=\"lede\">The journey's steps that are not channels: waits, splits, experiments, "
         "updates and exits, with what each does as the scenario says it and how many "
         "customers came. An experiment's effect is each arm against the first with every "
         "customer walked through both arms on the same random numbers (a paired difference), "
         "and the customers per arm a real A/B test would need to see it (two-sided 5%, 80% "
         "power).</p><div class=\"table-wrap\"><table class=\"data\"><thead><tr><th>Step</th>"
         "<th>Kind</th><th>Stage</th><th class=\"num\">Arrivals</th><th class=\"num\">"
         "Customers</th><th class=\"num\">Waited (mean h)</th><th class=\"num\">Came back on "
         "their own</th><th class=\"num\">Cut off</th><th class=\"num\">Exits</th><th>What it "
         "does</th></tr></thead><tbody>";
  for (const StepReport& s : r.steps) {
    out += step_row(s);
  }
  out += "</tbody></table></div>";
  for (const ExperimentReport& x : r.experiments) {
    out += experiment_table(view, x);
  }
  return out + "</section>";
}

}  // namespace journeysim::html
