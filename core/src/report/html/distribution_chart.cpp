#include "report/html/distribution_chart.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "report/html/format.h"

namespace journeysim::html {
namespace {

constexpr double kWidth = 760, kHeight = 150;
constexpr double kLeft = 8, kRight = 752, kTop = 30, kBottom = 122;
constexpr int kMaxBins = 40;

// Entries of the histogram not longer than `hours`: the largest rank whose
// value is at most `hours` (values grow with rank).
uint64_t count_at_most(const DurationHistogram& h, double hours) {
  uint64_t lo = 0, hi = h.count();
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo + 1) / 2;
    if (h.value_at_rank(mid) <= hours) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

// Bins people can read ("6 hours", "1 day", "1 week"), the narrowest that
// covers the range in at most kMaxBins bars.
double bin_hours(double upper_hours) {
  static constexpr double kWidths[] = {0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 2160};
  for (double w : kWidths) {
    if (upper_hours / w <= kMaxBins) {
      return w;
    }
  }
  return std::ceil(upper_hours / kMaxBins / 720) * 720;
}

std::string duration_label(double hours, bool in_days) {
  return in_days ? strf("%g d", hours / 24) : strf("%g h", hours);
}

// Converters per bin of `axis`, and how many fall beyond it.
std::vector<uint64_t> bin_counts(const DurationHistogram& h, const DurationAxis& axis,
                                 uint64_t& beyond) {
  std::vector<uint64_t> counts(static_cast<size_t>(axis.bins));
  uint64_t below = 0;
  for (int b = 0; b < axis.bins; ++b) {
    const uint64_t upto = count_at_most(h, axis.bin_hours * (b + 1));
    counts[static_cast<size_t>(b)] = upto - below;
    below = upto;
  }
  beyond = h.count() - below;
  return counts;
}

}  // namespace

DurationAxis duration_axis(const std::vector<const DurationHistogram*>& histograms) {
  // The slowest 1% would stretch the axis for a handful of customers; they
  // are counted in a note instead.
  double upper = 0.25;
  for (const DurationHistogram* h : histograms) {
    const uint64_t n = h->count();
    if (n > 0) {
      const uint64_t rank99 = static_cast<uint64_t>(std::ceil(0.99 * static_cast<double>(n)));
      upper = std::max(upper, h->value_at_rank(std::max<uint64_t>(rank99, 1)));
    }
  }
  DurationAxis axis;
  axis.bin_hours = bin_hours(upper);
  axis.bins = std::max(1, static_cast<int>(std::ceil(upper / axis.bin_hours - 1e-9)));
  axis.in_days = axis.bin_hours >= 24 || upper > 72;
  for (const DurationHistogram* h : histograms) {
    if (h->count() > 0) {
      uint64_t beyond = 0;
      const std::vector<uint64_t> counts = bin_counts(*h, axis, beyond);
      axis.tallest_share =
          std::max(axis.tallest_share, static_cast<double>(*std::max_element(
                                           counts.begin(), counts.end())) /
                                           static_cast<double>(h->count()));
    }
  }
  return axis;
}

std::string time_to_convert_chart(const DurationHistogram& h, const JourneyMetrics& m,
                                  const std::string& id) {
  return time_to_convert_chart(h, m, id, duration_axis({&h}));
}

std::string time_to_convert_chart(const DurationHistogram& h, const JourneyMetrics& m,
                                  const std::string& id, const DurationAxis& axis) {
  const uint64_t n = h.count();
  if (n == 0) {
    return "";
  }
  const double width = axis.bin_hours;
  const int bins = axis.bins;
  const bool in_days = axis.in_days;
  uint64_t beyond = 0;
  const std::vector<uint64_t> counts = bin_counts(h, axis, beyond);
  const double span = width * bins;
  const auto x_of = [&](double hours) { return kLeft + (kRight - kLeft) * hours / span; };
  const double bar = (kRight - kLeft) / bins;

  std::string out = strf(
      "<svg class=\"chart\" id=\"%s\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
      "height=\"%.0f\" role=\"img\" aria-label=\"time to convert distribution\" "
      "data-bins=\"%d\" data-bin-hours=\"%g\" data-count=\"%llu\">",
      escape(id).c_str(), kWidth, kHeight, kWidth, kHeight, bins, width,
      static_cast<unsigned long long>(n));
  out += "<line class=\"axis\" x1=\"" + coord(kLeft) + "\" y1=\"" + coord(kBottom) + "\" x2=\"" +
         coord(kRight) + "\" y2=\"" + coord(kBottom) + "\"/>";
  for (int b = 0; b < bins; ++b) {
    const uint64_t c = counts[static_cast<size_t>(b)];
    const double share = static_cast<double>(c) / static_cast<double>(n);
    const double height =
        axis.tallest_share > 0 ? (kBottom - kTop) * std::min(share / axis.tallest_share, 1.0) : 0;
    out += "<rect class=\"bar\" x=\"" + coord(kLeft + bar * b + 0.5) + "\" y=\"" +
           coord(kBottom - height) + "\" width=\"" + coord(std::max(bar - 1, 0.5)) +
           "\" height=\"" + coord(height) + "\"><title>" + duration_label(width * b, in_days) +
           " \u2013 " + duration_label(width * (b + 1), in_days) + ": " + grouped(c) +
           " customers (" + percent(share) +
           ")</title></rect>";
  }
  // About six axis labels whatever the number of bins.
  const int step = std::max(1, (bins + 5) / 6);
  for (int b = 0; b <= bins; b += step) {
    out += "<text class=\"tick\" x=\"" + coord(x_of(width * b)) + "\" y=\"" + coord(kBottom + 14) +
           "\" text-anchor=\"" + (b == 0 ? "start" : "middle") + "\">" +
           duration_label(width * b, in_days) + "</text>";
  }
  // Median and p90, labels staggered so they never sit on each other.
  const std::pair<const char*, const Estimate*> marks[] = {
      {"median", &m.time_to_convert_median_days}, {"p90", &m.time_to_convert_p90_days}};
  for (size_t i = 0; i < 2; ++i) {
    const Estimate& e = *marks[i].second;
    if (!e.has_value()) {
      continue;
    }
    const double x = std::clamp(x_of(e.value * 24), kLeft, kRight);
    const bool right_side = x > kWidth * 0.7;
    const double label_y = 12 + 12 * static_cast<double>(i);
    out += "<line class=\"mark\" x1=\"" + coord(x) + "\" y1=\"" + coord(label_y - 4) + "\" x2=\"" +
           coord(x) + "\" y2=\"" + coord(kBottom) + "\"/>";
    out += "<text class=\"mark-label\" x=\"" + coord(right_side ? x - 4 : x + 4) + "\" y=\"" +
           coord(label_y) + "\" text-anchor=\"" + (right_side ? "end" : "start") + "\">" +
           marks[i].first + " " + value_text(e, Unit::Days) + "</text>";
  }
  out += "</svg>";
  if (beyond > 0) {
    out += "<p class=\"chart-note\">" + grouped(beyond) + " converters (" +
           percent(static_cast<double>(beyond) / static_cast<double>(n)) + ") took longer than " +
           duration_label(span, in_days) + " and are not drawn.</p>";
  }
  return out;
}

}  // namespace journeysim::html
