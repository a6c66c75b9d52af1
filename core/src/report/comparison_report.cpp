// Renderings of a ComparisonReport: table, JSON ("journeysim.compare/2"),
// CSV (then each version's manifest as comment lines).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "compare/verdict.h"
#include "journeysim/comparison.h"
#include "manifest/manifest_json.h"
#include "report/report_manifests.h"
#include "util/text.h"

namespace journeysim {
namespace {

using util::pad_columns;

using Json = nlohmann::ordered_json;

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

namespace {

std::string render_comparison_table_text(const ComparisonReport& report) {
  std::string out;
  const RunReport& b = report.baseline;
  char header[256];
  std::snprintf(header, sizeof header, "%llu agents per version · seed %llu · same agents in every version\n",
                static_cast<unsigned long long>(b.manifest.agents),
                static_cast<unsigned long long>(b.manifest.seed));
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
    out += "\n  " + pad_columns("metric", 52) + pad_columns("baseline", 12) +
           pad_columns("variant", 12) + "difference [95% interval]\n";
    const auto [shown, more, quiet] = select_changes(v, kTableRows);
    for (const MetricChange* c : shown) {
      out += "  " + pad_columns(c->path, 52) + pad_columns(format_value(c->path, c->baseline), 12) +
             pad_columns(format_value(c->path, c->variant), 12) +
             format_difference(c->path, c->difference) + (c->paired ? "" : " (unpaired)") + " *\n";
    }
    if (shown.empty()) {
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

}  // namespace

// What reaches the terminal: names from the scenario cannot drive it.
std::string render_comparison_table(const ComparisonReport& report) {
  return util::escape_controls(render_comparison_table_text(report));
}

std::string render_comparison_json(const ComparisonReport& report) {
  Json doc;
  doc["schema"] = "journeysim.compare/2";
  const RunReport& b = report.baseline;
  doc["baseline"] = {{"name", b.name}, {"manifest", manifest_detail::manifest_json(b.manifest)}};
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
                        {"manifest", manifest_detail::manifest_json(v.report.manifest)},
                        {"verdict", v.verdict},
                        {"friction_moves", v.friction_moves},
                        {"metrics", metrics}});
  }
  doc["variants"] = variants;
  if (report.execution) {
    doc["execution"] = manifest_detail::execution_json(*report.execution);
  }
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
  return out + manifest_detail::csv_comment_lines(
                   manifest_detail::comparison_manifests(report),
                   report.execution ? &*report.execution : nullptr);
}

}  // namespace journeysim
