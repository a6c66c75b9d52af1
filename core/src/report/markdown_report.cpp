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

// A wait as a task of the Mermaid journey: its stage's section, named by
// its duration, scored like the stage (nobody's mood moves while they
// wait), no actors (the diagram counts no one's waits by persona).
std::string wait_task(const StepReport& wait, const StageReport& stage) {
  return "    wait " + mermaid_text(wait.duration) + ": " +
         std::to_string(mermaid_score(stage.satisfaction.value)) + "\n";
}

std::string signed_points(const Estimate& e) {
  if (!e.has_value()) {
    return "n/a";
  }
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%+.2f pts [%+.2f, %+.2f]", 100 * e.value, 100 * e.low,
                100 * e.high);
  return buffer;
}

// Journey model 2: what each step does and how many came; each
// experiment's arms with their effect over the first arm when known.
std::string steps_markdown(const RunReport& r) {
  std::string out = "\n### Steps\n\n| stage | step | kind | arrived | waited (mean h) | what it does |\n"
                    "|---|---|---|---:|---:|---|\n";
  for (const StepReport& s : r.steps) {
    out += "| " + (s.stage.empty() ? std::string("—") : cell(s.stage)) + " | " + cell(s.name) +
           " | " + s.kind + " | " + std::to_string(s.arrivals) + " | " +
           (s.kind == "wait" ? plain(s.waited) : std::string("—")) + " | " +
           cell(s.description) + " |\n";
  }
  if (r.experiments.empty()) {
    return out;
  }
  out += "\n### Experiments\n\n| experiment | arm | agents | conversion [95%] | "
         "effect vs first arm [95%, paired] | A/B test needs per arm |\n"
         "|---|---|---:|---|---|---:|\n";
  for (const ExperimentReport& x : r.experiments) {
    for (size_t a = 0; a < x.arms.size(); ++a) {
      const ArmReport& arm = x.arms[a];
      const ArmEffect* effect = nullptr;
      for (const ArmEffect& e : x.effects) {
        effect = e.arm == arm.name ? &e : effect;
      }
      std::string size = "—";
      if (effect != nullptr) {
        size = effect->sample_size_per_arm ? std::to_string(*effect->sample_size_per_arm)
                                           : "no difference";
      }
      out += "| " + cell(x.id) + " | " + cell(arm.name) + " | " + std::to_string(arm.agents) +
             " | " + percent(arm.conversion_rate) + " | " +
             (a == 0 ? std::string("baseline")
                     : effect ? signed_points(effect->conversion_rate) : std::string("—")) +
             " | " + size + " |\n";
    }
  }
  return out;
}

// Limited capacity: each resource's load, who waited and how long, who
// gave up. Utilisation and p90 are measured once, so they carry no interval.
std::string queues_markdown(const RunReport& r) {
  std::string out = "\n### Queues\n\n| resource | servers | customers | utilisation | waited [95%] | "
                    "mean wait, min [95%] | p90 wait, min | gave up [95%] | used at |\n"
                    "|---|---:|---:|---:|---|---|---:|---|---|\n";
  for (const ResourceReport& q : r.resources) {
    std::string used;
    for (const std::string& t : q.used_by) {
      used += (used.empty() ? "" : ", ") + cell(t);
    }
    char utilization[32] = "n/a", p90[32] = "n/a";
    if (q.utilization.has_value()) {
      std::snprintf(utilization, sizeof utilization, "%.2f%%", 100 * q.utilization.value);
    }
    if (q.wait_p90_minutes.has_value()) {
      std::snprintf(p90, sizeof p90, "%.2f", q.wait_p90_minutes.value);
    }
    out += "| " + cell(q.id) + " | " + std::to_string(q.capacity) + " | " +
           std::to_string(q.arrivals) + " | " + utilization + " | " + percent(q.waited_share) +
           " | " + plain(q.wait_minutes) + " | " + p90 + " | " + percent(q.gave_up_share) + " | " +
           (used.empty() ? std::string("—") : used) + " |\n";
  }
  return out;
}

}  // namespace

int mermaid_score(double satisfaction) {
  return std::clamp(1 + static_cast<int>(std::lround(4.0 * satisfaction)), 1, 5);
}

// The waits of `stage` that hang from `touchpoint` ("" : those that hang
// from no touchpoint task of this section), in step order.
std::string waits_after(const RunReport& r, const StageReport& stage,
                        const std::string& touchpoint) {
  std::string out;
  if (!stage.satisfaction.has_value()) {
    return out;
  }
  for (const StepReport& s : r.steps) {
    if (s.kind != "wait" || s.stage != stage.id || s.arrivals == 0) {
      continue;
    }
    const std::string& anchor = s.after;
    bool anchored_here = false;
    for (const TouchpointReport& t : r.touchpoints) {
      anchored_here |= t.id == anchor && t.stage == stage.id && t.satisfaction.has_value();
    }
    if ((touchpoint.empty() && !anchored_here) || (!touchpoint.empty() && anchor == touchpoint)) {
      out += wait_task(s, stage);
    }
  }
  return out;
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
      tasks += waits_after(r, stage, t.id);
    }
    tasks += waits_after(r, stage, "");
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
  if (!r.steps.empty()) {
    out += steps_markdown(r);
  }
  if (!r.resources.empty()) {
    out += queues_markdown(r);
  }
  out += "\n### Journey map\n\n```mermaid\n" + render_mermaid(r) + "```\n";
  return out + manifest_detail::markdown_footer({{"", &r.manifest}},
                                                r.execution ? &*r.execution : nullptr);
}

}  // namespace journeysim
