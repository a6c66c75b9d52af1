#include "report/html/emotion_curve.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "report/html/format.h"
#include "report/html/glyphs.h"

namespace journeysim::html {
namespace {

constexpr double kHeight = 210, kTop = 26, kBottom = 184;
const Estimate kNoValue{};

struct Scale {
  double lo = 0, hi = 1;
  double y(double v) const { return kBottom - (kBottom - kTop) * (v - lo) / (hi - lo); }
};

// The range the values span, widened to tenths: a curve between 0.55 and
// 0.75 drawn on 0..1 would look flat and hide the dip the map is about.
Scale scale_for(const ReportView& view) {
  double lo = 1, hi = 0;
  auto take = [&](const Estimate& e) {
    if (e.has_value()) {
      lo = std::min(lo, e.value);
      hi = std::max(hi, e.value);
    }
  };
  for (const StageReport& s : view.report.stages) {
    take(s.satisfaction);
  }
  for (const PersonaReport& p : view.report.personas) {
    for (const Estimate& e : p.stage_satisfaction) {
      take(e);
    }
  }
  if (lo > hi) {
    return {};
  }
  Scale s;
  s.lo = std::max(0.0, std::floor((lo - 0.04) * 10) / 10);
  s.hi = std::min(1.0, std::ceil((hi + 0.04) * 10) / 10);
  if (s.hi - s.lo < 0.3) {
    s.lo = std::max(0.0, s.hi - 0.3);
    s.hi = std::min(1.0, s.lo + 0.3);
  }
  return s;
}

// Index of the lowest defined value, -1 when none.
int lowest(const std::vector<const Estimate*>& values) {
  int at = -1;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i]->has_value() &&
        (at < 0 || values[i]->value < values[static_cast<size_t>(at)]->value)) {
      at = static_cast<int>(i);
    }
  }
  return at;
}

// Polylines broken where a stage has no value (nobody of the persona
// reached it): a line through a missing point would invent an emotion.
std::string polylines(const std::vector<const Estimate*>& values, const Scale& scale,
                      double column_width, const std::string& attributes) {
  std::string out, points;
  size_t in_run = 0;
  auto flush = [&] {
    if (in_run >= 2) {
      out += "<polyline points=\"" + points + "\" " + attributes + "/>";
    }
    points.clear();
    in_run = 0;
  };
  for (size_t s = 0; s < values.size(); ++s) {
    if (!values[s]->has_value()) {
      flush();
      continue;
    }
    points += (in_run ? " " : "") + coord(column_width * (static_cast<double>(s) + 0.5)) + "," +
              coord(scale.y(values[s]->value));
    ++in_run;
  }
  flush();
  return out;
}

}  // namespace

std::string emotion_curve(const ReportView& view, double column_width) {
  const RunReport& r = view.report;
  const size_t stages = r.stages.size();
  const double width = column_width * static_cast<double>(stages);
  const Scale scale = scale_for(view);
  const auto x_of = [&](size_t s) { return column_width * (static_cast<double>(s) + 0.5); };

  std::vector<const Estimate*> overall;
  for (const StageReport& s : r.stages) {
    overall.push_back(&s.satisfaction);
  }
  const int dip = lowest(overall);

  std::string out =
      "<svg class=\"emotion\" id=\"" + view.id("emotion-curve") + "\" width=\"" + coord(width) + "\" height=\"" +
      coord(kHeight) + "\" viewBox=\"0 0 " + coord(width) + " " + coord(kHeight) +
      "\" role=\"img\" aria-label=\"emotion curve\"" +
      (dip >= 0 ? " data-dip-stage=\"" + escape(r.stages[static_cast<size_t>(dip)].id) + "\""
                : std::string()) +
      ">";
  if (dip >= 0) {
    const double x = column_width * dip;
    out += "<rect class=\"dip-band\" x=\"" + coord(x + 2) + "\" y=\"4\" width=\"" +
           coord(column_width - 4) + "\" height=\"" + coord(kHeight - 8) + "\" rx=\"8\"/>";
    out += "<text class=\"dip-label\" x=\"" + coord(x + column_width / 2) + "\" y=\"" +
           coord(kHeight - 9) + "\" text-anchor=\"middle\">\u25bc lowest point</text>";
  }
  // Gridlines every tenth (every fifth when the range is wide).
  const double step = scale.hi - scale.lo > 0.6 ? 0.2 : 0.1;
  for (double v = scale.lo; v <= scale.hi + 1e-9; v += step) {
    out += "<line class=\"grid\" x1=\"0\" y1=\"" + coord(scale.y(v)) + "\" x2=\"" + coord(width) +
           "\" y2=\"" + coord(scale.y(v)) + "\"/><text class=\"tick\" x=\"3\" y=\"" +
           coord(scale.y(v) - 3) + "\">" + strf("%.1f", v) + "</text>";
  }
  for (size_t p = 0; p < r.personas.size(); ++p) {
    std::vector<const Estimate*> values;
    for (size_t s = 0; s < stages; ++s) {
      values.push_back(s < r.personas[p].stage_satisfaction.size()
                           ? &r.personas[p].stage_satisfaction[s]
                           : &kNoValue);
    }
    const std::string colour = persona_colour(p);
    out += "<g class=\"persona-curve\" data-persona=\"" + escape(r.personas[p].id) + "\">";
    out += polylines(values, scale, column_width,
                     "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"");
    const int persona_dip = lowest(values);
    for (size_t s = 0; s < stages; ++s) {
      if (!values[s]->has_value()) {
        continue;
      }
      const bool is_dip = static_cast<int>(s) == persona_dip;
      out += "<circle cx=\"" + coord(x_of(s)) + "\" cy=\"" + coord(scale.y(values[s]->value)) +
             "\" r=\"" + (is_dip ? "5" : "3") + "\" fill=\"" + (is_dip ? "#fff" : colour) +
             "\" stroke=\"" + colour + "\" stroke-width=\"" + (is_dip ? "2.5" : "1") +
             "\"><title>" + escape(r.personas[p].id) + " leaving " + escape(r.stages[s].id) + ": " +
             strf("%.3f", values[s]->value) + (is_dip ? " (their lowest point)" : "") +
             "</title></circle>";
    }
    out += "</g>";
  }
  out += "<g class=\"overall-curve\">";
  out += polylines(overall, scale, column_width,
                   std::string("fill=\"none\" stroke=\"") + kOverallColour +
                       "\" stroke-width=\"3.5\" stroke-linejoin=\"round\"");
  for (size_t s = 0; s < stages; ++s) {
    if (!overall[s]->has_value()) {
      continue;
    }
    const bool is_dip = static_cast<int>(s) == dip;
    const double y = scale.y(overall[s]->value);
    out += "<circle cx=\"" + coord(x_of(s)) + "\" cy=\"" + coord(y) + "\" r=\"" +
           (is_dip ? "6.5" : "4.5") + "\" fill=\"" + (is_dip ? kDropColour : kOverallColour) +
           "\" stroke=\"#fff\" stroke-width=\"2\"><title>everyone leaving " +
           escape(r.stages[s].id) + ": " + strf("%.3f", overall[s]->value) + " " +
           interval_text(*overall[s], Unit::Plain) + "</title></circle>";
    out += "<text class=\"point-label" + std::string(is_dip ? " dip" : "") + "\" x=\"" +
           coord(x_of(s)) + "\" y=\"" + coord(y - 11) + "\" text-anchor=\"middle\">" +
           strf("%.2f", overall[s]->value) + "</text>";
  }
  out += "</g></svg>";
  return out;
}

}  // namespace journeysim::html
