#include <cstdio>

#include "journeysim/report_writers.h"
#include "manifest/manifest_text.h"

namespace journeysim {
namespace {

// RFC 4180: quote a field holding a comma, quote or line break.
std::string field(const std::string& text) {
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

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

}  // namespace

std::string render_csv(const RunReport& report) {
  std::string out = "path,scope,id,metric,value,ci95_low,ci95_high,n\n";
  for (const MetricRow& row : metric_rows(report)) {
    const Estimate& e = row.estimate;
    out += field(row.path) + "," + row.scope + "," + field(row.entity) + "," + field(row.metric) +
           ",";
    if (e.has_value()) {
      out += number(e.value) + ",";
      out += row.is_count ? "," : number(e.low) + "," + number(e.high);
    } else {
      out += ",,";
    }
    out += "," + std::to_string(e.n) + "\n";
  }
  // After the table, so its header stays the first line (docs/json-schema.md).
  return out + manifest_detail::csv_comment_lines({{"", &report.manifest}},
                                                  report.execution ? &*report.execution : nullptr);
}

std::string render_series_csv(const RunReport& report) {
  const SeriesReport& s = report.series;
  std::string out = "hours,arrivals,conversions,messages";
  for (const ResourceSeries& r : s.resources) {
    out += "," + field(r.id + "_queue_length") + "," + field(r.id + "_utilization");
  }
  out += "\n";
  for (size_t b = 0; b < s.hours.size(); ++b) {
    out += number(s.hours[b]) + "," + std::to_string(s.arrivals[b]) + "," +
           std::to_string(s.conversions[b]) + "," + std::to_string(s.messages[b]);
    for (const ResourceSeries& r : s.resources) {
      out += "," + number(b < r.queue_length.size() ? r.queue_length[b] : 0.0) + "," +
             number(b < r.utilization.size() ? r.utilization[b] : 0.0);
    }
    out += "\n";
  }
  return out;
}

}  // namespace journeysim
