// Markdown for pull-request comments and Mermaid `journey` diagrams that
// GitHub and GitLab render inline.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "journeysim/report_writers.h"
#include "manifest/manifest_text.h"
#include "report/markdown_text.h"

namespace journeysim {
namespace {

using markdown::cell;

std::string percent(const Estimate& e) {
  if (!e.has_value()) {
    return "n/a";
  }
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%.2f%% [%.2f%%, %.2f%%]", 100 * e.value, 100 * e.low,
                100 * e.high);
  return buffer;
}

std::string plain(const Estimate& e) {
  if (!e.has_value()) {
    return "n/a";
  }
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%.2f [%.2f, %.2f]", e.value, e.low, e.high);
  return buffer;
}

std::string score(const Estimate& e) {
  if (!e.has_value()) {
    return "n/a";
  }
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%+.1f [%+.1f, %+.1f]", e.value, e.low, e.high);
  return buffer;
}

// Mermaid journey text: `:` separates task, score and actors, `#` and `;`
// start comments or entities; none may appear inside a name.
std::string mermaid_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += (c == ':' || c == '#' || c == ';' || c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

}  // namespace

int mermaid_score(double satisfaction) {
  return std::clamp(1 + static_cast<int>(std::lround(4.0 * satisfaction)), 1, 5);
}

std::string render_mermaid(const RunReport& r) {
  std::string out = "journey\n  title " + mermaid_text(r.name) + "\n";
  for (const StageReport& stage : r.stages) {
    std::string tasks;
    for (const TouchpointReport& t : r.touchpoints) {
      if (t.stage != stage.id || !t.satisfaction.has_value()) {
        continue;  // nobody passed here: nothing to score
      }
      std::string actors;
      for (const PersonaReport& p : r.personas) {
        for (const PersonaTouchpoint& pt : p.touchpoints) {
          if (pt.touchpoint == t.id && pt.arrivals > 0) {
            actors += (actors.empty() ? "" : ", ") + mermaid_text(p.id);
          }
        }
      }
      tasks += "    " + mermaid_text(t.name) + ": " +
               std::to_string(mermaid_score(t.satisfaction.value)) + ": " + actors + "\n";
    }
    if (!tasks.empty()) {
      out += "  section " + mermaid_text(stage.id) + "\n" + tasks;
    }
  }
  return out;
}

std::string render_markdown(const RunReport& r) {
  std::string out = "## " + cell(r.name) + "\n\n";
  if (!r.purpose.empty()) {
    out += "> " + cell(r.purpose) + "\n\n";
  }
  char line[256];
  std::snprintf(line, sizeof line, "%llu agents · seed %llu · horizon %g days · scenario `%.12s`\n\n",
                static_cast<unsigned long long>(r.manifest.agents),
                static_cast<unsigned long long>(r.manifest.seed), r.horizon_days,
                r.manifest.scenario_hash.c_str());
  out += line;
  const JourneyMetrics& j = r.journey;
  out += "| metric | value [95% interval] |\n|---|---|\n";
  out += "| conversion (" + cell(r.conversion) + ") | " + percent(j.conversion_rate) + " |\n";
  out += "| time to convert, median (days) | " + plain(j.time_to_convert_median_days) + " |\n";
  out += "| time to convert, p90 (days) | " + plain(j.time_to_convert_p90_days) + " |\n";
  out += "| CSAT | " + percent(j.csat) + " |\n";
  out += "| CES (1–7, 7 = easy) | " + plain(j.ces) + " |\n";
  out += "| NPS | " + score(j.nps) + " |\n";
  out += "| revenue per agent | " + plain(j.revenue_per_agent) + " |\n\n";

  out += "### Friction hot spots\n\n";
  if (r.opportunities.empty()) {
    out += "None above 1% of customers.\n\n";
  }
  for (size_t k = 0; k < r.opportunities.size() && k < 5; ++k) {
    const Opportunity& o = r.opportunities[k];
    out += std::to_string(k + 1) + ". **" + cell(o.touchpoint) + "**: " + cell(o.problem) + " → " +
           cell(o.suggestion) + "\n";
  }
  // "Lost here": journeys that ended at the touchpoint unconverted, of the
  // customers who came; the channel's drop rate beside it (a drop after
  // converting loses nobody).
  out += "\n### Touchpoints\n\n| stage | touchpoint | arrived | lost here [95%] | why lost here | "
         "drop rate [95%] |\n|---|---|---:|---|---|---|\n";
  for (const TouchpointReport& t : r.touchpoints) {
    out += "| " + cell(t.stage) + " | " + cell(t.name) + " | " + std::to_string(t.arrivals) +
           " | " + std::to_string(t.lost) + " · " + percent(t.lost_rate) + " | " +
           (t.lost_reasons.empty() ? std::string("—") : cell(t.lost_reasons.front().label)) +
           " | " + percent(t.drop_rate) + " |\n";
  }
  out += "\n### Journey map\n\n```mermaid\n" + render_mermaid(r) + "```\n";
  return out + manifest_detail::markdown_footer({{"", &r.manifest}},
                                                r.execution ? &*r.execution : nullptr);
}

}  // namespace journeysim
