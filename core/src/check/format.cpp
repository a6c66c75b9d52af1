#include "check/format.h"

#include <cmath>
#include <cstdio>

namespace journeysim::check_detail {

std::string format_value(double value) {
  if (!std::isfinite(value)) {
    return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  }
  const double magnitude = std::fabs(value);
  char buffer[64];
  if (value == std::trunc(value) && magnitude < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else if (magnitude >= 100) {
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
  } else if (magnitude >= 1) {
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
  } else if (magnitude >= 0.001) {
    // Rates: four decimals tell 0.0490 from 0.0500 without drowning the reader.
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
  }
  // "-0.0000" would read as a sign error.
  std::string text = buffer;
  if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') {
    text.erase(0, 1);
  }
  return text;
}

std::string format_bound(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return buffer;
}

std::string format_observed(const Estimate& estimate, bool is_count) {
  if (!estimate.has_value()) {
    return "n/a (no data)";
  }
  if (is_count) {
    return format_value(estimate.value);
  }
  return format_value(estimate.value) + " [" + format_value(estimate.low) + ", " +
         format_value(estimate.high) + "]";
}

std::string format_change(double change) {
  const std::string text = format_value(change);
  return text[0] == '-' || text == "0" ? text : "+" + text;
}

}  // namespace journeysim::check_detail
