// Renderings of a SweepReport: table, JSON ("journeysim.sweep/2"), CSV
// (then the manifest as comment lines).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "compare/verdict.h"
#include "journeysim/sweep.h"
#include "manifest/manifest_json.h"
#include "manifest/manifest_text.h"
#include "util/text.h"

namespace journeysim {
namespace {

// Sweep columns have always been measured in bytes (see util::pad_bytes).
using util::pad_bytes;

using Json = nlohmann::ordered_json;

std::string value_of(const std::string& setting) { return setting.substr(setting.find('=') + 1); }

std::string short_name(const std::string& path) {
  const size_t dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

std::string with_interval(const std::string& metric, const Estimate& e) {
  if (!e.has_value()) {
    return "n/a";
  }
  Estimate low = e, high = e;
  low.value = e.low;
  high.value = e.high;
  return format_value(metric, e) + " [" + format_value(metric, low) + ", " +
         format_value(metric, high) + "]";
}

}  // namespace

std::string render_sweep_table(const SweepReport& r) {
  std::string out = "Sweep of " + r.name + ": " + std::to_string(r.points.size()) + " points × " +
                    std::to_string(r.manifest.agents) + " agents, seed " +
                    std::to_string(r.manifest.seed) +
                    ", same agents at every point\n\n";
  std::vector<size_t> widths;
  for (const SweepAxis& a : r.axes) {
    widths.push_back(std::max<size_t>(short_name(a.path).size() + 2, 8));
    out += pad_bytes(short_name(a.path), widths.back());
  }
  for (const std::string& m : r.metrics) {
    out += pad_bytes(m, std::max<size_t>(m.size() + 2, 30));
  }
  out += "\n";
  for (size_t p = 0; p < r.points.size(); ++p) {
    const SweepPoint& point = r.points[p];
    for (size_t a = 0; a < point.settings.size(); ++a) {
      out += pad_bytes(value_of(point.settings[a]), widths[a]);
    }
    for (size_t k = 0; k < r.metrics.size(); ++k) {
      out += pad_bytes(with_interval(r.metrics[k], point.metrics[k]),
                       std::max<size_t>(r.metrics[k].size() + 2, 30));
    }
    out += static_cast<int>(p) == r.best ? " <- best\n" : "\n";
  }
  if (r.best >= 0) {
    const SweepPoint& best = r.points[static_cast<size_t>(r.best)];
    const size_t k = static_cast<size_t>(
        std::find(r.metrics.begin(), r.metrics.end(), r.objective) - r.metrics.begin());
    out += "\nbest " + std::string(r.maximize ? "(highest) " : "(lowest) ") + r.objective + ": ";
    for (size_t a = 0; a < best.settings.size(); ++a) {
      out += (a ? ", " : "") + best.settings[a];
    }
    out += " -> " + with_interval(r.objective, best.metrics[k]) + "\n";
  }
  return out;
}

std::string render_sweep_json(const SweepReport& r) {
  Json doc;
  doc["schema"] = "journeysim.sweep/2";
  doc["scenario"] = {{"name", r.name}};
  doc["manifest"] = manifest_detail::manifest_json(r.manifest);
  if (r.execution) {
    doc["execution"] = manifest_detail::execution_json(*r.execution);
  }
  Json axes = Json::array();
  for (const SweepAxis& a : r.axes) {
    axes.push_back({{"path", a.path}, {"values", a.values}});
  }
  doc["axes"] = axes;
  doc["metrics"] = r.metrics;
  Json points = Json::array();
  for (const SweepPoint& p : r.points) {
    Json settings = Json::object();
    for (const std::string& s : p.settings) {
      settings[s.substr(0, s.find('='))] = value_of(s);
    }
    Json metrics = Json::object();
    for (size_t k = 0; k < r.metrics.size(); ++k) {
      const Estimate& e = p.metrics[k];
      metrics[r.metrics[k]] =
          e.has_value() ? Json{{"value", e.value}, {"ci95", {e.low, e.high}}, {"n", e.n}} : Json();
    }
    points.push_back({{"settings", settings}, {"metrics", metrics}});
  }
  doc["points"] = points;
  if (r.best >= 0) {
    doc["best"] = {{"objective", r.objective},
                   {"direction", r.maximize ? "maximize" : "minimize"},
                   {"point", r.best}};
  } else {
    doc["best"] = nullptr;
  }
  return doc.dump(2) + "\n";
}

std::string render_sweep_csv(const SweepReport& r) {
  std::string out = "point";
  for (const SweepAxis& a : r.axes) {
    out += "," + a.path;
  }
  out += ",metric,value,ci95_low,ci95_high,n,best\n";
  for (size_t p = 0; p < r.points.size(); ++p) {
    for (size_t k = 0; k < r.metrics.size(); ++k) {
      out += std::to_string(p);
      for (const std::string& s : r.points[p].settings) {
        out += "," + value_of(s);
      }
      const Estimate& e = r.points[p].metrics[k];
      char buffer[128];
      if (e.has_value()) {
        std::snprintf(buffer, sizeof buffer, ",%.10g,%.10g,%.10g,%llu", e.value, e.low, e.high,
                      static_cast<unsigned long long>(e.n));
      } else {
        std::snprintf(buffer, sizeof buffer, ",,,,0");
      }
      out += "," + r.metrics[k] + buffer + (static_cast<int>(p) == r.best ? ",true\n" : ",false\n");
    }
  }
  return out + manifest_detail::csv_comment_lines({{"", &r.manifest}},
                                                  r.execution ? &*r.execution : nullptr);
}

}  // namespace journeysim
