// The run over calendar time in the HTML report: what arrived, converted
// and was sent in each bin, and each queue's length and utilisation, as
// small charts side by side. Only a run with a calendar has a series; the
// others get nothing (and keep their bytes).
#include <cmath>
#include <vector>

#include "report/html/format.h"
#include "report/html/sections.h"
#include "report/html/series_chart.h"

namespace journeysim::html {
namespace {

std::vector<double> as_values(const std::vector<uint64_t>& counts) {
  return std::vector<double>(counts.begin(), counts.end());
}

std::string figure(const SeriesReport& s, const std::string& caption, const SeriesChart& chart) {
  return "<figure><figcaption>" + caption + "</figcaption>" + series_chart(s, chart) +
         "</figure>";
}

// "hour", "day", "2 hours", "week": what one bar covers.
std::string mark_span(const SeriesReport& s) {
  const double hours = s.bin_hours * static_cast<double>(series_bins_per_mark(s));
  if (hours == 1) {
    return "hour";
  }
  if (hours == 24) {
    return "day";
  }
  if (hours == 168) {
    return "week";
  }
  return hours < 24 || std::fmod(hours, 24) != 0 ? strf("%g hours", hours)
                                                  : strf("%g days", hours / 24);
}

// A resource's display name (its id when the scenario gives none).
std::string resource_name(const RunReport& r, const std::string& id) {
  for (const ResourceReport& q : r.resources) {
    if (q.id == id && !q.name.empty()) {
      return q.name;
    }
  }
  return id;
}

}  // namespace

std::string render_series(const ReportView& view) {
  const SeriesReport& s = view.report.series;
  if (s.empty()) {
    return "";
  }
  const std::string per = " per " + mark_span(s);
  std::string out = "<section id=\"" + view.id("series") + "\"><h2>Over time</h2><p class=\"lede\">"
                    "The run by time from the journey's start (day 1 00:00): customers arriving, "
                    "converting and messages sent" + per + ", and each queue's mean length and "
                    "the share of its servers' open time that was busy.</p><div "
                    "class=\"series-grid\">";
  out += figure(s, "Arrivals" + per, {view.id("series-arrivals"), "arrivals", as_values(s.arrivals)});
  out += figure(s, "Conversions" + per,
                {view.id("series-conversions"), "conversions", as_values(s.conversions)});
  out += figure(s, "Messages sent" + per,
                {view.id("series-messages"), "messages", as_values(s.messages)});
  for (const ResourceSeries& r : s.resources) {
    const std::string name = escape(resource_name(view.report, r.id));
    out += figure(s, "Queue at " + name + " (mean waiting)",
                  {view.id("series-queue-") + r.id, "waiting at " + r.id, r.queue_length,
                   SeriesChart::Kind::Level});
    out += figure(s, "Utilisation of " + name,
                  {view.id("series-utilization-") + r.id, "utilisation of " + r.id,
                   r.utilization, SeriesChart::Kind::Share});
  }
  return out + "</div></section>";
}

}  // namespace journeysim::html
