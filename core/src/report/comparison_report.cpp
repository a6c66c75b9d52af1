// Renderings of a ComparisonReport: table, JSON ("journeysim.compare/1"),
// CSV.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "compare/verdict.h"
#include "journeysim/comparison.h"

namespace journeysim {
namespace {

using Json = nlohmann::ordered_json;

std::string pad(const std::string& text, size_t width) {
  size_t columns = 0;
  for (unsigned char c : text) {
    columns += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return columns >= width ? text + " " : text + std::string(width - columns, ' ');
}

Json estimate_json(const Estimate& e) {
  if (!e.has_value()) {
    return nullptr;
  }
  return {{"value", e.value}, {"ci95", {e.low, e.high}}};
}

std::string csv_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

// The table shows the clearest changes; JSON and CSV carry every metric.
constexpr size_t kTableRows = 30;

}  // namespace

std::string render_comparison_table(const ComparisonReport& report) {
  std::string out;
  const RunReport& b = report.baseline;
  char header[256];
  std::snprintf(header, sizeof header, "%llu agents per version · seed %llu · same agents in every version\n",
                static_cast<unsigned long long>(b.agents), static_cast<unsigned long long>(b.seed));
  out += "Baseline: " + b.name + "\n" + header;
  for (const VariantComparison& v : report.variants) {
    out += "\nVARIANT: " + v.report.name + "\n";
    for (const std::string& line : v.verdict) {
      out += "  • " + line + "\n";
    }
    if (!v.friction_moves.empty()) {
      out += "\n  Friction moved:\n";
      for (size_t i = 0; i < v.friction_moves.size() && i < 6; ++i) {
        out += "    " + v.friction_moves[i] + "\n";
      }
    }
    out += "\n  " + pad("metric", 52) + pad("baseline", 12) + pad("variant", 12) +
           "difference [95% interval]\n";
    size_t shown = 0, quiet = 0, more = 0;
    for (const MetricChange& c : v.changes) {
      // Counts move with everything upstream (rates tell the story), and the
      // plugins' own probability is a diagnostic: both stay in JSON and CSV.
      if (c.is_count || c.path.find("model_continue_probability") != std::string::npos) {
        continue;
      }
      if (!c.significant) {
        ++quiet;
        continue;
      }
      if (shown == kTableRows) {
        ++more;
        continue;
      }
      out += "  " + pad(c.path, 52) + pad(format_value(c.path, c.baseline), 12) +
             pad(format_value(c.path, c.variant), 12) + format_difference(c.path, c.difference) +
             (c.paired ? "" : " (unpaired)") + " *\n";
      ++shown;
    }
    if (shown == 0) {
      out += "  (no metric changed significantly)\n";
    }
    out += "  * interval excludes zero.";
    if (more > 0) {
      out += " " + std::to_string(more) + " more significant changes not shown;";
    }
    out += " " + std::to_string(quiet) +
           " metrics did not change significantly. All metrics: --format json or csv.\n";
  }
  return out;
}

std::string render_comparison_json(const ComparisonReport& report) {
  Json doc;
  doc["schema"] = "journeysim.compare/1";
  const RunReport& b = report.baseline;
  doc["journeysim_version"] = b.journeysim_version;
  doc["engine_version"] = b.engine_version;
  doc["run"] = {{"seed", b.seed}, {"agents", b.agents}};
  doc["baseline"] = {{"name", b.name}, {"hash", b.hash}, {"files", b.files}};
  Json variants = Json::array();
  for (const VariantComparison& v : report.variants) {
    Json metrics = Json::array();
    for (const MetricChange& c : v.changes) {
      metrics.push_back({{"path", c.path},
                         {"baseline", estimate_json(c.baseline)},
                         {"variant", estimate_json(c.variant)},
                         {"difference", estimate_json(c.difference)},
                         {"significant", c.significant},
                         {"paired", c.paired}});
    }
    variants.push_back({{"name", v.report.name},
                        {"hash", v.report.hash},
                        {"files", v.report.files},
                        {"verdict", v.verdict},
                        {"friction_moves", v.friction_moves},
                        {"metrics", metrics}});
  }
  doc["variants"] = variants;
  return doc.dump(2) + "\n";
}

std::string render_comparison_csv(const ComparisonReport& report) {
  std::string out =
      "variant,path,baseline,variant_value,difference,diff_ci95_low,diff_ci95_high,significant,"
      "paired\n";
  for (const VariantComparison& v : report.variants) {
    for (const MetricChange& c : v.changes) {
      out += csv_field(v.report.name) + "," + csv_field(c.path) + ",";
      out += (c.baseline.has_value() ? csv_number(c.baseline.value) : "") + ",";
      out += (c.variant.has_value() ? csv_number(c.variant.value) : "") + ",";
      if (c.difference.has_value()) {
        out += csv_number(c.difference.value) + "," + csv_number(c.difference.low) + "," +
               csv_number(c.difference.high);
      } else {
        out += ",,";
      }
      out += std::string(",") + (c.significant ? "true" : "false") + "," +
             (c.paired ? "true" : "false") + "\n";
    }
  }
  return out;
}

}  // namespace journeysim
