// The run over calendar time as small inline SVG charts: a count per bin as
// bars (arrivals, conversions, messages), a level per bin as a step line
// (a queue's mean length, its utilisation).
#pragma once

#include <string>
#include <vector>

#include "journeysim/run_report.h"

namespace journeysim::html {

/// Where bin `bin` of the series starts, as the chart's axis and tooltips
/// say it: "day 3" for daily bins, "day 3 06:00" for hourly ones, day 1
/// 00:00 being the journey's start. The one place that names a bin's time.
std::string series_time_label(const SeriesReport& series, size_t bin);

/// How many of the series' bins one drawn bar or step covers: 1 up to
/// about a week of bars, else a readable multiple (2, 3, 4, 6, 12 hours, a
/// day...; 2 days, a week... for daily bins) so a chart never needs more
/// than kMaxDrawn of them.
size_t series_bins_per_mark(const SeriesReport& series);

/// What one chart shows.
struct SeriesChart {
  std::string id;        // element id of the <svg>
  std::string label;     // aria-label and the tooltip's noun: "arrivals"
  std::vector<double> values;  // by bin of the series
  /// Counts add up over a drawn mark (bars); levels average over it (a
  /// step line). Shares are levels drawn on a 0-100% axis.
  enum class Kind { Count, Level, Share } kind = Kind::Count;
};

/// The chart as <svg>: x from the journey's start in series_time_label's
/// words, y from zero to a round maximum that is labelled.
std::string series_chart(const SeriesReport& series, const SeriesChart& chart);

}  // namespace journeysim::html
