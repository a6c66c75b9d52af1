// The comparison page: what each variant changed, read the way a product
// team asks it. First the verdict per variant, then the headline metrics of
// every version side by side with each difference and its paired 95%
// interval, the funnel and the time to convert of every version on shared
// scales, every change that matters (the interval excludes zero) marked
// better or worse, and last the baseline's own journey map and funnel —
// the same sections the run report draws.
#include <algorithm>
#include <cmath>

#include "compare/verdict.h"
#include "journeysim/report_writers.h"
#include "report/html/distribution_chart.h"
#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"
#include "report/report_manifests.h"

namespace journeysim {
namespace html {
namespace {

// Baseline first, then each variant; kept apart from the persona colours of
// the baseline's map below.
const char* version_colour(size_t version) {
  static constexpr const char* kColours[] = {"#1f2a44", "#3b5bdb", "#0c8599",
                                             "#b76e00", "#862e9c", "#5c940d"};
  return version == 0 ? kColours[0] : kColours[1 + (version - 1) % 5];
}

// The table of changes lists at most this many per variant; JSON and CSV
// carry every metric.
constexpr size_t kChangeRows = 40;

struct Headline {
  const char* path;
  const char* label;
};
constexpr Headline kHeadline[] = {
    {"conversion_rate", "Conversion"},
    {"time_to_convert.median_days", "Time to convert (median)"},
    {"time_to_convert.p90_days", "Time to convert (p90)"},
    {"csat", "CSAT"},
    {"ces", "CES"},
    {"nps", "NPS"},
    {"revenue_per_agent", "Revenue per customer"},
    {"bounce_rate", "Bounce rate"},
    {"cart_abandonment_rate", "Cart abandonment"},
    {"repeat_rate", "Repeat rate"},
    {"effort_per_agent", "Effort per customer"},
    {"path_length", "Touchpoints per customer"},
};

const MetricChange* find_change(const VariantComparison& v, const std::string& path) {
  for (const MetricChange& c : v.changes) {
    if (c.path == path) {
      return &c;
    }
  }
  return nullptr;
}

// A change matters when its interval excludes zero (compare has no other
// materiality rule); which way it went decides better or worse.
const char* direction(const MetricChange& c) {
  if (!c.significant || !c.difference.has_value()) {
    return "same";
  }
  if (c.better == Better::Neither) {
    return "changed";
  }
  return (c.difference.value > 0) == (c.better == Better::Higher) ? "better" : "worse";
}

// The difference's interval against zero, on a scale shared by a row.
std::string difference_whisker(const Estimate& d, double scale, const char* dir) {
  constexpr double kW = 120, kH = 16;
  std::string out = strf(
      "<svg class=\"whisker\" width=\"%.0f\" height=\"%.0f\" aria-hidden=\"true\">", kW, kH);
  const auto x = [&](double v) {
    return kW / 2 + (kW / 2 - 5) * std::clamp(scale > 0 ? v / scale : 0.0, -1.0, 1.0);
  };
  out += "<line class=\"zero\" x1=\"" + coord(kW / 2) + "\" y1=\"1\" x2=\"" + coord(kW / 2) +
         "\" y2=\"15\"/>";
  if (d.has_value()) {
    out += std::string("<g class=\"") + dir + "\"><line x1=\"" + coord(x(d.low)) +
           "\" y1=\"8\" x2=\"" + coord(x(d.high)) + "\" y2=\"8\"/><circle cx=\"" +
           coord(x(d.value)) + "\" cy=\"8\" r=\"4\"/></g>";
  }
  return out + "</svg>";
}

double whisker_scale(const std::vector<const MetricChange*>& row) {
  double scale = 0;
  for (const MetricChange* c : row) {
    if (c != nullptr && c->difference.has_value()) {
      scale = std::max({scale, std::fabs(c->difference.low), std::fabs(c->difference.high)});
    }
  }
  return scale * 1.05;
}

std::string value_cell(const Estimate& e, Unit unit, const std::string& attributes) {
  return "<td class=\"num value\"" + attributes + data_attributes(e) + "><b>" +
         value_text(e, unit) + "</b><span class=\"ci\">" + interval_text(e, unit) +
         "</span></td>";
}

std::string difference_cell(const MetricChange* c, size_t variant, double scale) {
  if (c == nullptr) {
    return "<td class=\"diff muted\">\u2014</td>";
  }
  const Unit unit = metric_unit(c->path);
  const char* dir = direction(*c);
  const bool matters = c->significant && c->difference.has_value();
  std::string out = "<td class=\"diff " + std::string(dir) + (matters ? " matters" : "") +
                    "\" data-path=\"" + escape(c->path) + "\" data-variant=\"" +
                    std::to_string(variant) + "\" data-significant=\"" +
                    (c->significant ? "true" : "false") + "\"";
  if (c->difference.has_value()) {
    out += " data-difference=\"" + exact(c->difference.value) + "\" data-low=\"" +
           exact(c->difference.low) + "\" data-high=\"" + exact(c->difference.high) + "\"";
  }
  out += "><div class=\"diff-row\">" + difference_whisker(c->difference, scale, dir) +
         "<div class=\"diff-text\"><b>" + difference_text(c->difference, unit) + "</b>";
  if (matters) {
    out += std::string("<span class=\"verdict-tag ") + dir + "\">" +
           (std::string(dir) == "changed" ? "changed" : dir) + "</span>";
  }
  out += "<span class=\"ci\">" + difference_interval(c->difference, unit) +
         (c->paired ? "" : " (unpaired)") + "</span></div></div></td>";
  return out;
}

std::string version_head(const std::string& name, size_t version, const char* what) {
  return std::string("<th style=\"--pc:") + version_colour(version) +
         "\"><span class=\"chip\"><i></i>" + escape(name) + "</span> <span class=\"muted\">" +
         what + "</span></th>";
}

std::string verdicts(const ComparisonReport& report) {
  std::string out =
      "<section id=\"verdict\"><h2>Verdict</h2><p class=\"lede\">What each variant changed, "
      "in one line per outcome. Each variant met the same " +
      grouped(report.baseline.manifest.agents) +
      " simulated customers as the baseline, with the same random numbers, so a difference is "
      "the change and not the noise.</p><div class=\"variant-grid\">";
  for (size_t v = 0; v < report.variants.size(); ++v) {
    const VariantComparison& vc = report.variants[v];
    size_t better = 0, worse = 0, other = 0;
    for (const MetricChange& c : vc.changes) {
      if (!listed_in_summaries(c) || !c.significant) {
        continue;
      }
      const std::string dir = direction(c);
      (dir == "better" ? better : dir == "worse" ? worse : other) += 1;
    }
    out += "<article class=\"variant-card\" id=\"verdict-v" + std::to_string(v + 1) +
           "\" style=\"--pc:" + version_colour(v + 1) + "\"><h3><span class=\"chip\"><i></i>" +
           escape(vc.report.name) + "</span></h3>";
    if (!vc.report.purpose.empty()) {
      out += "<p class=\"muted\">" + escape(vc.report.purpose) + "</p>";
    }
    out += "<div class=\"tally\"><span class=\"verdict-tag better\" data-count=\"" +
           std::to_string(better) + "\">" + std::to_string(better) +
           " better</span><span class=\"verdict-tag worse\" data-count=\"" +
           std::to_string(worse) + "\">" + std::to_string(worse) + " worse</span>";
    if (other > 0) {
      out += "<span class=\"verdict-tag changed\">" + std::to_string(other) + " changed</span>";
    }
    out += "<span class=\"muted\">metrics whose 95% interval excludes zero</span></div><ul>";
    for (const std::string& line : vc.verdict) {
      out += "<li>" + escape(line) + "</li>";
    }
    out += "</ul>";
    if (!vc.friction_moves.empty()) {
      out += "<h4>Friction moved</h4><ul class=\"moves\">";
      for (size_t i = 0; i < vc.friction_moves.size() && i < 6; ++i) {
        out += "<li>" + escape(vc.friction_moves[i]) + "</li>";
      }
      out += "</ul>";
    }
    out += "</article>";
  }
  return out + "</div></section>";
}

std::string side_by_side(const ComparisonReport& report) {
  std::string out =
      "<section id=\"side-by-side\"><h2>Side by side</h2><p class=\"lede\">The headline "
      "metrics of every version with their 95% intervals, and each variant's difference from "
      "the baseline with its paired 95% interval (the whisker; the line is zero). Coloured: "
      "the changes that matter \u2014 intervals that exclude zero \u2014 green when better, red "
      "when worse.</p><div class=\"table-wrap\"><table class=\"data compare\" "
      "id=\"compare-headline\"><thead><tr><th>Metric</th>" +
      version_head(report.baseline.name, 0, "baseline");
  for (size_t v = 0; v < report.variants.size(); ++v) {
    out += version_head(report.variants[v].report.name, v + 1, "variant") +
           "<th>Difference</th>";
  }
  out += "</tr></thead><tbody>";
  for (const Headline& h : kHeadline) {
    std::vector<const MetricChange*> row;
    for (const VariantComparison& vc : report.variants) {
      row.push_back(find_change(vc, h.path));
    }
    const auto first = std::find_if(row.begin(), row.end(), [](auto* c) { return c != nullptr; });
    if (first == row.end()) {
      continue;
    }
    const Unit unit = metric_unit(h.path);
    const double scale = whisker_scale(row);
    out += std::string("<tr data-path=\"") + h.path + "\"><th>" + h.label + "</th>";
    out += value_cell((*first)->baseline, unit, " data-version=\"0\"");
    for (size_t v = 0; v < row.size(); ++v) {
      const std::string version = " data-version=\"" + std::to_string(v + 1) + "\"";
      out += row[v] != nullptr ? value_cell(row[v]->variant, unit, version)
                               : "<td class=\"muted\">\u2014</td>";
      out += difference_cell(row[v], v + 1, scale);
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div></section>";
}

std::string funnel_compared(const ComparisonReport& report, const ReportView& view) {
  const RunReport& b = report.baseline;
  std::vector<const RunReport*> versions{&b};
  for (const VariantComparison& vc : report.variants) {
    versions.push_back(&vc.report);
  }
  std::string out =
      "<section id=\"funnel-compare\"><h2>Funnel, version by version</h2><p "
      "class=\"lede\">The share of all customers who reached each stage in each version, and "
      "the variants' differences in that share.</p><div class=\"table-wrap\"><table "
      "class=\"data persona-funnel compare-funnel\"><thead><tr><th>Stage</th>";
  for (size_t i = 0; i < versions.size(); ++i) {
    out += version_head(versions[i]->name, i, i == 0 ? "baseline" : "variant");
  }
  out += "</tr></thead><tbody>";
  // The baseline's stages with the conversion as a step of its own right
  // after the stage where it happens, as in the run's funnel (at the end
  // when no touchpoint converts); a variant may lack a stage.
  std::vector<std::pair<std::string, std::string>> rows;  // label, path
  const std::pair<std::string, std::string> conversion{
      "converted" + (b.conversion.empty() ? "" : " (" + b.conversion + ")"), "conversion_rate"};
  for (size_t s = 0; s < b.stages.size(); ++s) {
    rows.emplace_back(b.stages[s].id, "stages." + b.stages[s].id + ".reach_rate");
    if (static_cast<int>(s) == view.conversion_stage) {
      rows.push_back(conversion);
    }
  }
  if (view.conversion_stage < 0) {
    rows.push_back(conversion);
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    const bool converted = rows[r].second == conversion.second;
    out += "<tr data-path=\"" + escape(rows[r].second) + "\"" +
           (converted ? " class=\"converted\"" : "") + "><th>" + escape(rows[r].first) + "</th>";
    for (size_t i = 0; i < versions.size(); ++i) {
      const MetricChange* c =
          report.variants.empty() ? nullptr
                                  : find_change(report.variants[i == 0 ? 0 : i - 1], rows[r].second);
      if (c == nullptr) {
        out += "<td class=\"muted\">\u2014</td>";
        continue;
      }
      const Estimate& e = i == 0 ? c->baseline : c->variant;
      const double share = e.has_value() ? e.value : 0.0;
      out += std::string("<td style=\"--pc:") + version_colour(i) + "\"" + data_attributes(e) +
             "><div class=\"pf-bar\"><i style=\"width:" + coord(100 * std::clamp(share, 0.0, 1.0)) +
             "%\"></i></div><div class=\"pf-text\"><b>" + value_text(e, Unit::Percent) + "</b>";
      if (i > 0 && c->difference.has_value()) {
        out += std::string(" <span class=\"verdict-tag ") + direction(*c) + "\">" +
               difference_text(c->difference, Unit::Percent) + "</span>";
      }
      out += "</div></td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div></section>";
}

std::string time_to_convert_compared(const ComparisonReport& report) {
  std::vector<const RunReport*> versions{&report.baseline};
  for (const VariantComparison& vc : report.variants) {
    versions.push_back(&vc.report);
  }
  std::vector<const DurationHistogram*> histograms;
  for (const RunReport* r : versions) {
    histograms.push_back(&r->time_to_convert);
  }
  const DurationAxis axis = duration_axis(histograms);
  std::string out =
      "<section id=\"ttc-compare\"><h2>Time to convert, version by version</h2><p "
      "class=\"lede\">How long converters took from their first touchpoint, on one time axis "
      "and one height scale (bars: share of each version's converters).</p><div "
      "class=\"ttc-stack\">";
  for (size_t i = 0; i < versions.size(); ++i) {
    const RunReport& r = *versions[i];
    const JourneyMetrics& j = r.journey;
    out += std::string("<div class=\"ttc-version\" style=\"--pc:") + version_colour(i) +
           "\"><div class=\"ttc-head\"><span class=\"chip\"><i></i>" + escape(r.name) +
           "</span><span>median <b>" + value_text(j.time_to_convert_median_days, Unit::Days) +
           "</b> \u00b7 p90 <b>" + value_text(j.time_to_convert_p90_days, Unit::Days) +
           "</b> \u00b7 " + grouped(j.converted) + " converters</span></div>";
    const std::string chart = time_to_convert_chart(
        r.time_to_convert, j, i == 0 ? "ttc-baseline" : "ttc-v" + std::to_string(i), axis);
    out += chart.empty() ? "<p class=\"none\">Nobody converted.</p>" : chart;
    out += "</div>";
  }
  return out + "</div></section>";
}

std::string changes_that_matter(const ComparisonReport& report) {
  std::string out =
      "<section id=\"changes\"><h2>Changes that matter</h2><p class=\"lede\">For each "
      "variant, every metric whose 95% interval of the difference excludes zero \u2014 journey, "
      "stage, touchpoint and persona metrics \u2014 largest first. The rest did not change "
      "beyond the noise; every metric is in <code>--format json</code>.</p>";
  for (size_t v = 0; v < report.variants.size(); ++v) {
    const VariantComparison& vc = report.variants[v];
    const auto [shown, more, quiet] = select_changes(vc, kChangeRows);
    out += std::string("<h3 style=\"--pc:") + version_colour(v + 1) +
           "\"><span class=\"chip\"><i></i>" + escape(vc.report.name) + "</span></h3>";
    if (shown.empty()) {
      out += "<p class=\"none\" id=\"changes-v" + std::to_string(v + 1) +
             "\">No metric changed beyond the noise.</p>";
      continue;
    }
    out += "<div class=\"table-wrap\"><table class=\"data compare changes\" id=\"changes-v" +
           std::to_string(v + 1) +
           "\"><thead><tr><th>Metric</th><th class=\"num\">Baseline</th><th "
           "class=\"num\">Variant</th><th>Difference</th></tr></thead><tbody>";
    for (const MetricChange* c : shown) {
      const Unit unit = metric_unit(c->path);
      out += "<tr data-path=\"" + escape(c->path) + "\"><td><code>" + escape(c->path) +
             "</code></td>";
      out += value_cell(c->baseline, unit, "");
      out += value_cell(c->variant, unit, "");
      out += difference_cell(c, v + 1, whisker_scale({c}));
      out += "</tr>";
    }
    out += "</tbody></table></div><p class=\"chart-note\">" +
           (more > 0 ? std::to_string(more) + " more changes beyond the noise not shown; " : "") +
           std::to_string(quiet) + " metrics did not change beyond the noise.</p>";
  }
  return out + "</section>";
}

}  // namespace
}  // namespace html

std::string render_comparison_html(const ComparisonReport& report, const Scenario& baseline) {
  using namespace html;
  const RunReport& b = report.baseline;
  std::string title = b.name + " vs ";
  for (size_t v = 0; v < report.variants.size(); ++v) {
    title += (v ? ", " : "") + report.variants[v].report.name;
  }
  std::string meta = "<span><b>" + grouped(b.manifest.agents) +
                     "</b> simulated customers per version, the same in each</span>";
  meta += "<span>seed <b>" + std::to_string(b.manifest.seed) + "</b></span>";
  meta += "<span><b>" + std::to_string(report.variants.size()) + "</b> variant" +
          (report.variants.size() == 1 ? "" : "s") + "</span>";
  meta += "<span>intervals: 95%, paired</span>";
  meta +=
      "<span>baseline <code>" + escape(b.manifest.scenario_hash.substr(0, 12)) + "</code></span>";

  const ReportView view(b, baseline, "baseline-");
  std::string body = render_banner(Banner{
      "What-if comparison \u00b7 baseline vs variants \u00b7 simulated with journeysim", title,
      b.purpose, meta, ""});
  body += render_nav({{"verdict", "Verdict"},
                      {"side-by-side", "Side by side"},
                      {"funnel-compare", "Funnel compared"},
                      {"ttc-compare", "Time to convert"},
                      {"changes", "Changes that matter"},
                      {view.id("journey-map"), "Baseline journey map"},
                      {view.id("funnel"), "Baseline funnel"}});
  body += "<main>" + verdicts(report) + side_by_side(report) + funnel_compared(report, view) +
          time_to_convert_compared(report) + changes_that_matter(report);
  body += "<div class=\"part\" id=\"baseline\"><h2>The baseline: " + escape(b.name) +
          "</h2><p class=\"lede\">Its journey map and funnel as the run report draws them.</p></div>";
  body += render_journey_map(view) + render_funnel(view) + "</main>";
  return render_page({"journeysim.compare", title + " \u2014 comparison",
                      " data-seed=\"" + std::to_string(b.manifest.seed) + "\" data-agents=\"" +
                          std::to_string(b.manifest.agents) + "\" data-variants=\"" +
                          std::to_string(report.variants.size()) + "\"",
                      manifest_detail::comparison_manifests(report),
                      report.execution ? &*report.execution : nullptr,
                      "Baseline " + b.manifest.scenario_hash + " \u00b7 seed " +
                          std::to_string(b.manifest.seed) +
                          ". Same scenarios, seed and agents: same numbers, same page."},
                     body);
}

}  // namespace journeysim
