// Limited capacity in the HTML report: a table of every resource's queue
// (how loaded the team was, who waited and how long, who gave up) and a
// badge on each touchpoint card whose customers queue. A run without
// resources gets none of it, and its page keeps its bytes; the styles come
// with the journey map, only for a run that has queues or a time series,
// for the same reason.
#include <algorithm>

#include "report/html/format.h"
#include "report/html/sections.h"

namespace journeysim::html {
namespace {

const char* kCalendarStyle =
    "<style>"
    ".queue-badge{margin-top:4px;font-size:11px;color:#7a4b00;background:#fff4e0;"
    "border:1px solid #f2d7a6;border-radius:6px;padding:1px 6px;overflow-wrap:anywhere}"
    ".series-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));"
    "gap:10px 22px}"
    ".series-grid figure{margin:0;min-width:0}"
    ".series-grid figcaption{font-size:12.5px;font-weight:600}"
    ".series-chart{width:100%}"
    ".series-chart .grid{stroke:#eef0f4}"
    ".series-chart .area{fill:#8ea5e8;fill-opacity:.25}"
    ".series-chart .level{fill:none;stroke:var(--accent);stroke-width:1.5}"
    ".series-chart .hit{fill:transparent}"
    ".series-chart .hit:hover{fill:var(--accent);fill-opacity:.12}"
    "</style>";

// The touchpoints' names, in the scenario's order, joined for reading.
std::string used_at(const ReportView& view, const ResourceReport& q) {
  std::string out;
  for (const std::string& t : q.used_by) {
    out += (out.empty() ? "" : ", ") + escape(view.touchpoint_name(t));
  }
  return out.empty() ? std::string("\u2014") : out;
}

// One numeric cell carrying its metric's path and exact value.
std::string metric_cell(const ResourceReport& q, const char* metric, const Estimate& e, Unit unit,
                        bool with_interval = false) {
  return "<td class=\"num\" data-metric=\"resources." + escape(q.id) + "." + metric + "\"" +
         data_attributes(e) + (with_interval ? " title=\"" + interval_text(e, unit) + "\"" : "") +
         ">" + value_text(e, unit) + "</td>";
}

std::string queue_row(const ReportView& view, const ResourceReport& q) {
  std::string out = "<tr data-resource=\"" + escape(q.id) + "\"><td>" +
                    escape(q.name.empty() ? q.id : q.name) + "</td>";
  out += "<td class=\"num\">" + grouped(q.capacity) + "</td>";
  out += "<td class=\"num\" data-metric=\"resources." + escape(q.id) + ".arrivals\" data-value=\"" +
         std::to_string(q.arrivals) + "\">" + grouped(q.arrivals) + "</td>";
  out += metric_cell(q, "utilization", q.utilization, Unit::Percent);
  out += metric_cell(q, "waited_share", q.waited_share, Unit::Percent, true);
  out += metric_cell(q, "wait_minutes", q.wait_minutes, Unit::Plain);
  out += "<td>" + interval_text(q.wait_minutes, Unit::Plain) + "</td>";
  out += metric_cell(q, "wait_p90_minutes", q.wait_p90_minutes, Unit::Plain);
  out += metric_cell(q, "gave_up_share", q.gave_up_share, Unit::Percent, true);
  out += metric_cell(q, "mean_queue_length", q.mean_queue_length, Unit::Plain);
  return out + "<td>" + used_at(view, q) + "</td></tr>";
}

}  // namespace

std::string calendar_style(const ReportView& view) {
  return view.report.resources.empty() && view.report.series.empty() ? std::string()
                                                                       : kCalendarStyle;
}

std::string queue_badge(const ReportView& view, const std::string& touchpoint) {
  for (const ResourceReport& q : view.report.resources) {
    if (std::find(q.used_by.begin(), q.used_by.end(), touchpoint) == q.used_by.end() ||
        !q.wait_minutes.has_value()) {
      continue;
    }
    return "<div class=\"queue-badge\" data-resource=\"" + escape(q.id) + "\" title=\"Queue for " +
           escape(q.name.empty() ? q.id : q.name) + " (" + grouped(q.capacity) +
           " servers): " + percent(q.waited_share.value) + " waited, mean wait " +
           strf("%.1f", q.wait_minutes.value) + " min, p90 " +
           strf("%.1f", q.wait_p90_minutes.value) + " min\">\u23f3 " +
           strf("%.1f", q.wait_minutes.value) + " min wait \u00b7 " +
           share_text(q.gave_up_share.value) + " gave up</div>";
  }
  return "";
}

std::string render_queues(const ReportView& view) {
  const RunReport& r = view.report;
  if (r.resources.empty()) {
    return "";
  }
  std::string out =
      "<section id=\"" + view.id("queues") + "\"><h2>Queues</h2><p class=\"lede\">Every team "
      "or desk with limited capacity, served first come, first served. Utilisation is the share "
      "of the servers' open time they were busy; a wait counts every customer who came, "
      "including those served at once (its interval by batch means); the shares' intervals "
      "treat customers as independent. The mean queue length follows from Little's law.</p>"
      "<div class=\"table-wrap\"><table class=\"data queues\"><thead><tr><th>Resource</th><th "
      "class=\"num\">Servers</th><th class=\"num\">Customers</th><th class=\"num\">Utilisation"
      "</th><th class=\"num\">Waited</th><th class=\"num\">Mean wait (min)</th><th>95% "
      "interval</th><th class=\"num\">p90 wait (min)</th><th class=\"num\">Gave up</th><th "
      "class=\"num\">Mean queue</th><th>Used at</th></tr></thead><tbody>";
  for (const ResourceReport& q : r.resources) {
    out += queue_row(view, q);
  }
  return out + "</tbody></table></div></section>";
}

}  // namespace journeysim::html
