// The distribution of time to convert as a histogram, read off the run's
// exact duration histogram.
#pragma once

#include <string>
#include <vector>

#include "journeysim/run_report.h"
#include "journeysim/tally.h"

namespace journeysim::html {

/// The time axis of one or more time-to-convert charts: bins people can
/// read covering the fastest 99% of every histogram's converters, and the
/// tallest bin's share of its converters (the bars' common height scale).
struct DurationAxis {
  double bin_hours = 1;
  int bins = 1;
  bool in_days = false;
  double tallest_share = 0;
};
DurationAxis duration_axis(const std::vector<const DurationHistogram*>& histograms);

/// An SVG histogram of converters' time to convert with the median and p90
/// marked; "" when nobody converted. `id` is the chart's element id. Bars
/// are shares of the converters, so charts on one axis compare.
std::string time_to_convert_chart(const DurationHistogram& histogram, const JourneyMetrics& m,
                                  const std::string& id, const DurationAxis& axis);
/// The same on the histogram's own axis.
std::string time_to_convert_chart(const DurationHistogram& histogram, const JourneyMetrics& m,
                                  const std::string& id);

}  // namespace journeysim::html
