#include "report/html/series_chart.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "report/html/format.h"

namespace journeysim::html {
namespace {

// Two charts side by side fit the page; the viewBox scales with the column.
constexpr double kWidth = 600, kHeight = 150;
constexpr double kLeft = 46, kRight = 592, kTop = 12, kBottom = 120;
// A week of hourly bars; beyond that bars thinner than 3 px help nobody.
constexpr size_t kMaxDrawn = 168;

// The smallest of 1, 2, 5 times a power of ten at or above `v` (1 for
// nothing to draw), so the axis' one label is a round number.
double round_maximum(double v) {
  if (!(v > 0)) {
    return 1;
  }
  const double power = std::pow(10.0, std::floor(std::log10(v)));
  for (const double step : {1.0, 2.0, 5.0, 10.0}) {
    if (step * power >= v * (1 - 1e-12)) {
      return step * power;
    }
  }
  return 10 * power;
}

std::string value_label(double v, SeriesChart::Kind kind) {
  switch (kind) {
    case SeriesChart::Kind::Count:
      return grouped(static_cast<uint64_t>(std::llround(std::max(v, 0.0))));
    case SeriesChart::Kind::Share:
      return percent(v);
    case SeriesChart::Kind::Level:
      break;
  }
  return strf("%.2f", v);
}

// The axis label of the maximum: round numbers print without decimals.
std::string maximum_label(double v, SeriesChart::Kind kind) {
  if (kind == SeriesChart::Kind::Share) {
    return percent(v, 0);
  }
  return v >= 1 ? grouped(static_cast<uint64_t>(std::llround(v))) : strf("%g", v);
}

}  // namespace

std::string series_time_label(const SeriesReport& series, size_t bin) {
  const double hours = bin < series.hours.size() ? series.hours[bin]
                                                 : static_cast<double>(bin) * series.bin_hours;
  const auto day = static_cast<long long>(std::floor(hours / 24));
  const double in_day = hours - 24.0 * static_cast<double>(day);
  if (series.bin_hours >= 24 && in_day == 0) {
    return strf("day %lld", day + 1);
  }
  const auto minutes = static_cast<long long>(std::llround(in_day * 60));
  return strf("day %lld %02lld:%02lld", day + 1, minutes / 60, minutes % 60);
}

size_t series_bins_per_mark(const SeriesReport& series) {
  const size_t bins = series.hours.size();
  const std::initializer_list<size_t> hourly = {1, 2, 3, 4, 6, 12, 24, 48, 168};
  const std::initializer_list<size_t> daily = {1, 2, 7, 14, 28, 91, 182, 364};
  for (const size_t per : series.bin_hours < 24 ? hourly : daily) {
    if ((bins + per - 1) / per <= kMaxDrawn) {
      return per;
    }
  }
  return (bins + kMaxDrawn - 1) / kMaxDrawn;
}

std::string series_chart(const SeriesReport& series, const SeriesChart& chart) {
  const size_t bins = std::min(series.hours.size(), chart.values.size());
  const size_t per = series_bins_per_mark(series);
  const size_t marks = std::max<size_t>(1, (bins + per - 1) / per);
  // Each mark's value: counts add up, levels are the mean of their bins.
  std::vector<double> drawn(marks, 0.0);
  for (size_t m = 0; m < marks; ++m) {
    const size_t from = m * per, to = std::min(bins, from + per);
    double sum = 0;
    for (size_t b = from; b < to; ++b) {
      sum += chart.values[b];
    }
    drawn[m] = chart.kind == SeriesChart::Kind::Count || to == from
                   ? sum
                   : sum / static_cast<double>(to - from);
  }
  const double top = chart.kind == SeriesChart::Kind::Share
                         ? 1.0
                         : round_maximum(*std::max_element(drawn.begin(), drawn.end()));
  const double step = (kRight - kLeft) / static_cast<double>(marks);
  const auto y_of = [&](double v) {
    return kBottom - (kBottom - kTop) * std::clamp(v / top, 0.0, 1.0);
  };
  const auto mark_time = [&](size_t m) {
    const size_t to = std::min(bins, (m + 1) * per);
    return series_time_label(series, m * per) + " \u2013 " + series_time_label(series, to);
  };

  std::string out = strf(
      "<svg class=\"chart series-chart\" id=\"%s\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
      "aria-label=\"%s by time\" data-bins=\"%zu\" data-per=\"%zu\" data-max=\"%s\">",
      escape(chart.id).c_str(), kWidth, kHeight, escape(chart.label).c_str(), bins, per,
      exact(top).c_str());
  // The y axis: zero and the round maximum, with a faint line at the top.
  out += "<line class=\"grid\" x1=\"" + coord(kLeft) + "\" y1=\"" + coord(kTop) + "\" x2=\"" +
         coord(kRight) + "\" y2=\"" + coord(kTop) + "\"/>";
  out += "<text class=\"tick\" x=\"" + coord(kLeft - 4) + "\" y=\"" + coord(kTop + 4) +
         "\" text-anchor=\"end\">" + maximum_label(top, chart.kind) + "</text>";
  out += "<text class=\"tick\" x=\"" + coord(kLeft - 4) + "\" y=\"" + coord(kBottom + 4) +
         "\" text-anchor=\"end\">0</text>";
  if (chart.kind == SeriesChart::Kind::Count) {
    for (size_t m = 0; m < marks; ++m) {
      const double y = y_of(drawn[m]);
      out += "<rect class=\"bar\" x=\"" + coord(kLeft + step * static_cast<double>(m) + 0.25) +
             "\" y=\"" + coord(y) + "\" width=\"" + coord(std::max(step - 0.5, 0.3)) +
             "\" height=\"" + coord(kBottom - y) + "\"><title>" + mark_time(m) + ": " +
             value_label(drawn[m], chart.kind) + " " + escape(chart.label) + "</title></rect>";
    }
  } else {
    // A step line (each mark's value held over its time) over a light area.
    std::string line = "M" + coord(kLeft) + " " + coord(y_of(drawn[0]));
    for (size_t m = 0; m < marks; ++m) {
      line += "H" + coord(kLeft + step * static_cast<double>(m + 1));
      if (m + 1 < marks) {
        line += "V" + coord(y_of(drawn[m + 1]));
      }
    }
    out += "<path class=\"area\" d=\"" + line + "V" + coord(kBottom) + "H" + coord(kLeft) +
           "Z\"/><path class=\"level\" d=\"" + line + "\"/>";
    for (size_t m = 0; m < marks; ++m) {
      out += "<rect class=\"hit\" x=\"" + coord(kLeft + step * static_cast<double>(m)) +
             "\" y=\"" + coord(kTop) + "\" width=\"" + coord(step) + "\" height=\"" +
             coord(kBottom - kTop) + "\"><title>" + mark_time(m) + ": " +
             value_label(drawn[m], chart.kind) + " " + escape(chart.label) + "</title></rect>";
    }
  }
  out += "<line class=\"axis\" x1=\"" + coord(kLeft) + "\" y1=\"" + coord(kBottom) + "\" x2=\"" +
         coord(kRight) + "\" y2=\"" + coord(kBottom) + "\"/>";
  // Time labels at round times (every 6 hours, a day, a week, 4 or 13
  // weeks...), at most six of them, the first one at the start.
  const double mark_hours = series.bin_hours * static_cast<double>(per);
  size_t every = marks;
  for (const double hours : {1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 48.0, 168.0, 336.0, 672.0, 1344.0,
                             2184.0, 4368.0, 8736.0}) {
    const auto k = static_cast<size_t>(std::llround(hours / mark_hours));
    if (k >= 1 && std::fabs(static_cast<double>(k) * mark_hours - hours) < 1e-9 &&
        marks / k < 6) {
      every = k;
      break;
    }
  }
  every = std::max<size_t>(every == marks ? (marks + 4) / 5 : every, 1);
  for (size_t m = 0; m <= marks; m += every) {
    out += "<text class=\"tick\" x=\"" + coord(kLeft + step * static_cast<double>(m)) +
           "\" y=\"" + coord(kBottom + 16) + "\" text-anchor=\"" +
           (m == 0 ? "start" : m == marks ? "end" : "middle") + "\">" +
           series_time_label(series, std::min(bins, m * per)) + "</text>";
  }
  return out + "</svg>";
}

}  // namespace journeysim::html
