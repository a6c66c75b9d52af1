// The distribution of time to convert as a histogram, read off the run's
// exact duration histogram.
#pragma once

#include <string>

#include "journeysim/run_report.h"
#include "journeysim/tally.h"

namespace journeysim::html {

/// An SVG histogram of converters' time to convert with the median and p90
/// marked; "" when nobody converted.
std::string time_to_convert_chart(const DurationHistogram& histogram, const JourneyMetrics& m);

}  // namespace journeysim::html
