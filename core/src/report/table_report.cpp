// The journey map in a terminal: headline metrics, then stages as the map's
// columns are read left to right, each with its touchpoints, then personas
// and the friction hot spots.
#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

#include "journeysim/report_writers.h"
#include "util/text.h"

namespace journeysim {
namespace {

using util::pad_columns;

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buffer[512];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buffer, sizeof buffer, fmt, args);
  va_end(args);
  return buffer;
}

std::string percent(const Estimate& e) {
  return e.has_value() ? format("%.2f%%", 100 * e.value) : "n/a";
}
std::string percent_interval(const Estimate& e) {
  return e.has_value() ? format("[%.2f%%, %.2f%%]", 100 * e.low, 100 * e.high) : "";
}
std::string plain(const Estimate& e, const char* unit = "") {
  return e.has_value() ? format("%.2f%s", e.value, unit) : "n/a";
}
std::string plain_interval(const Estimate& e) {
  return e.has_value() ? format("[%.2f, %.2f]", e.low, e.high) : "";
}
std::string signed_value(const Estimate& e) {
  return e.has_value() ? format("%+.1f", e.value) : "n/a";
}
std::string signed_interval(const Estimate& e) {
  return e.has_value() ? format("[%+.1f, %+.1f]", e.low, e.high) : "";
}
std::string count(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

// Why customers were lost here: the top reasons, as shares of those lost.
std::string top_shares(const std::vector<ReasonShare>& reasons, uint64_t total) {
  std::string out;
  for (size_t r = 0; r < reasons.size() && r < 3; ++r) {
    out += (r ? ", " : "") + format("%s %.0f%%", reasons[r].label.c_str(),
                                    100.0 * static_cast<double>(reasons[r].count) /
                                        static_cast<double>(total));
  }
  return out;
}

// Why journeys ended here; where none did but `on` routed the channel's
// drops on (a checkout's abandonment into a cart flow), why they dropped.
std::string top_lost_reasons(const TouchpointReport& t) {
  if (t.lost > 0) {
    return top_shares(t.lost_reasons, t.lost);
  }
  if (t.rerouted > 0) {
    return "(routed on) " + top_shares(t.reasons, t.dropped + t.cut_off);
  }
  return "";
}

// The journey map's first cell for a touchpoint: id, channel, milestone.
std::string touchpoint_label(const TouchpointReport& t) {
  std::string label = "  " + t.id + " [" + t.channel + "]";
  if (!t.milestone.empty()) {
    label += " *" + t.milestone;
  }
  return label;
}

// Width of the touchpoint column of the journey map: 36 characters, as
// always, when every label fits; else the longest label and the space
// pad_columns keeps after it, so a long id does not push its row out of
// line (as "trial_onboarding [web] *trial_started" did in the b2b map).
size_t label_width(const RunReport& r) {
  size_t width = 36;
  for (const TouchpointReport& t : r.touchpoints) {
    width = std::max(width, util::utf8_length(touchpoint_label(t)) + 1);
  }
  return width;
}

void headline(std::string& out, const char* label, const std::string& value,
              const std::string& interval) {
  out += "  " + pad_columns(label, 32) + pad_columns(value, 12) + interval + "\n";
}

// A table whose columns are as wide as their widest cell, so long ids and
// names never push a row out of line. Columns named in `right` are aligned
// right (numbers); the last column is not padded.
std::string aligned_rows(const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& right, const std::string& indent) {
  std::vector<size_t> width;
  for (const auto& row : rows) {
    width.resize(std::max(width.size(), row.size()), 0);
    for (size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], util::utf8_length(row[c]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = indent;
    for (size_t c = 0; c < row.size(); ++c) {
      const size_t gap = width[c] - util::utf8_length(row[c]);
      const bool last = c + 1 == row.size();
      if (c < right.size() && right[c]) {
        line += std::string(gap, ' ') + row[c];
      } else {
        line += row[c] + (last ? "" : std::string(gap, ' '));
      }
      line += last ? "" : "  ";
    }
    // An empty last cell (an arm without an effect) leaves no blanks behind.
    out += line.substr(0, line.find_last_not_of(' ') + 1) + "\n";
  }
  return out;
}

// Journey model 2's steps: what each does and how many came.
std::string steps_table(const RunReport& r) {
  std::vector<std::vector<std::string>> rows = {{"STEPS", "kind", "stage", "arrived", "agents",
                                                 "waited (mean h)", "cut off", "returned", "exits",
                                                 "what it does"}};
  for (const StepReport& s : r.steps) {
    const bool wait = s.kind == "wait";
    rows.push_back({"  " + s.id, s.kind, s.stage.empty() ? "-" : s.stage, count(s.arrivals),
                    count(s.agents), wait ? plain(s.waited) : "", count(s.cut_off),
                    wait ? count(s.returned) : "", s.kind == "exit" ? count(s.exits) : "",
                    s.description});
  }
  return aligned_rows(rows, {false, false, false, true, true, true, true, true, true, false}, "");
}

std::string percentage_points(const Estimate& e) {
  return e.has_value() ? format("%+.2f pts [%+.2f, %+.2f]", 100 * e.value, 100 * e.low,
                                100 * e.high)
                       : "n/a";
}

// Each experiment's arms: customers, conversion, and (once the engine has
// walked every customer through every arm) the paired effect of each arm
// over the first and the sample size a real A/B test would need.
std::string experiments_table(const RunReport& r) {
  std::string out = "EXPERIMENTS\n";
  for (const ExperimentReport& x : r.experiments) {
    std::string description;
    for (const StepReport& s : r.steps) {
      description = s.id == x.id ? s.description : description;
    }
    out += "  " + x.id + ": " + description + "\n";
    const bool effects = !x.effects.empty();
    const std::string first = x.arms.empty() ? "" : x.arms.front().name;
    std::vector<std::vector<std::string>> rows = {{"arm", "agents", "conversion [95%]"}};
    if (effects) {
      rows[0].push_back("effect vs " + first + " [95%, paired]");
      rows[0].push_back("A/B test needs per arm");
    }
    for (const ArmReport& a : x.arms) {
      rows.push_back({a.name, count(a.agents),
                      percent(a.conversion_rate) + " " + percent_interval(a.conversion_rate)});
      if (!effects) {
        continue;
      }
      const ArmEffect* effect = nullptr;
      for (const ArmEffect& e : x.effects) {
        effect = e.arm == a.name ? &e : effect;
      }
      rows.back().push_back(effect ? percentage_points(effect->conversion_rate) : "");
      rows.back().push_back(effect == nullptr                  ? ""
                            : effect->sample_size_per_arm ? count(*effect->sample_size_per_arm)
                                                          : "no difference");
    }
    out += aligned_rows(rows, {false, true, false, false, true}, "    ");
  }
  return out;
}

// The queues: how loaded each team was and what its customers went through.
std::string resources_table(const RunReport& r) {
  std::vector<std::vector<std::string>> rows = {
      {"QUEUES", "servers", "came", "utilisation", "waited", "mean wait (min) [95%]",
       "p90 wait (min)", "gave up", "used at"}};
  for (const ResourceReport& q : r.resources) {
    std::string used;
    for (const std::string& t : q.used_by) {
      used += (used.empty() ? "" : ", ") + t;
    }
    rows.push_back({"  " + q.id, count(q.capacity), count(q.arrivals), percent(q.utilization),
                    percent(q.waited_share),
                    plain(q.wait_minutes) + " " + plain_interval(q.wait_minutes),
                    plain(q.wait_p90_minutes), percent(q.gave_up_share), used});
  }
  return aligned_rows(rows, {false, true, true, true, true, false, true, true, false}, "");
}

}  // namespace

namespace {

std::string render_table_text(const RunReport& r) {
  std::string out;
  out += r.name + "\n";
  if (!r.purpose.empty()) {
    out += r.purpose + "\n";
  }
  out += format("%s agents · seed %llu · horizon %g days · %s journey · scenario %.12s\n\n",
                count(r.manifest.agents).c_str(), static_cast<unsigned long long>(r.manifest.seed),
                r.horizon_days, r.type.c_str(), r.manifest.scenario_hash.c_str());

  const JourneyMetrics& j = r.journey;
  out += "JOURNEY                           value       95% interval\n";
  headline(out, ("conversion (" + r.conversion + ")").c_str(), percent(j.conversion_rate),
           percent_interval(j.conversion_rate));
  headline(out, "time to convert, median (days)", plain(j.time_to_convert_median_days),
           plain_interval(j.time_to_convert_median_days));
  headline(out, "time to convert, p90 (days)", plain(j.time_to_convert_p90_days),
           plain_interval(j.time_to_convert_p90_days));
  headline(out, "CSAT (4-5 of 5)", percent(j.csat), percent_interval(j.csat));
  headline(out, "CES (1-7, 7 = easy)", plain(j.ces), plain_interval(j.ces));
  headline(out, "NPS (-100..100)", signed_value(j.nps), signed_interval(j.nps));
  headline(out, "bounce rate", percent(j.bounce_rate), percent_interval(j.bounce_rate));
  headline(out, "cart abandonment", percent(j.cart_abandonment_rate),
           percent_interval(j.cart_abandonment_rate));
  headline(out, "repeat rate (of converters)", percent(j.repeat_rate),
           percent_interval(j.repeat_rate));
  headline(out, "revenue per agent", plain(j.revenue_per_agent),
           plain_interval(j.revenue_per_agent));
  headline(out, "referrals per agent", format("%.4f", j.referrals_per_agent.value),
           j.referrals_per_agent.has_value()
               ? format("[%.4f, %.4f]", j.referrals_per_agent.low, j.referrals_per_agent.high)
               : "");
  out += format("  endings: %s exited, %s dropped, %s past horizon, %s at step limit\n\n",
                count(j.exited).c_str(), count(j.dropped).c_str(), count(j.horizon).c_str(),
                count(j.step_limit).c_str());

  const size_t label_column = label_width(r);
  out += pad_columns("JOURNEY MAP", label_column) +
         " arrived   continued     dropped  drop rate [95%]             effort  emotion   "
         "lost here  why lost here\n";
  for (size_t s = 0; s < r.stages.size(); ++s) {
    const StageReport& st = r.stages[s];
    out += format("%s", st.id.c_str());
    if (!st.owner.empty()) {
      out += " — " + st.owner;
    }
    out += format("  (reached %s, %s; satisfaction %s)\n", count(st.reached).c_str(),
                  percent(st.reach_rate).c_str(), plain(st.satisfaction).c_str());
    for (const TouchpointReport& t : r.touchpoints) {
      if (t.stage != st.id) {
        continue;
      }
      out += pad_columns(touchpoint_label(t), label_column) +
             format("%8s  %10s  %10s  ", count(t.arrivals).c_str(), count(t.continued).c_str(),
                    count(t.dropped).c_str());
      out += pad_columns(percent(t.drop_rate) + " " + percent_interval(t.drop_rate), 28);
      out += format("%6s  %7s  ", plain(t.effort).c_str(),
                    t.emotion.has_value() ? format("%+.3f", t.emotion.value).c_str() : "n/a");
      out += format("%10s  ", count(t.lost).c_str()) + top_lost_reasons(t) + "\n";
    }
  }
  if (!r.steps.empty()) {
    out += "\n" + steps_table(r);
  }
  if (!r.experiments.empty()) {
    out += "\n" + experiments_table(r);
  }
  if (!r.resources.empty()) {
    out += "\n" + resources_table(r);
  }
  // As wide as the longest persona id (18 characters, as always, when they
  // fit), so a long id does not push its row out of line.
  size_t persona_width = 18;
  for (const PersonaReport& p : r.personas) {
    persona_width = std::max(persona_width, util::utf8_length("  " + p.id) + 1);
  }
  out += "\n" + pad_columns("PERSONAS", persona_width) +
         " share   agents     conversion [95%]            ttc median  "
         "CSAT     CES    NPS     revenue/agent\n";
  for (const PersonaReport& p : r.personas) {
    const JourneyMetrics& m = p.metrics;
    out += pad_columns("  " + p.id, persona_width) + format("%5.1f%%  ", 100 * p.share) +
           pad_columns(count(m.agents), 9) +
           pad_columns(percent(m.conversion_rate) + " " + percent_interval(m.conversion_rate), 28) +
           pad_columns(m.time_to_convert_median_days.has_value()
                           ? format("%.2f d", m.time_to_convert_median_days.value)
                           : "n/a",
                       12) +
           pad_columns(percent(m.csat), 9) + pad_columns(plain(m.ces), 7) +
           pad_columns(signed_value(m.nps), 8) + plain(m.revenue_per_agent) + "\n";
  }
  if (!r.personas.empty() && !r.stages.empty()) {
    out += "\nEMOTION CURVE (mean satisfaction 0-1 on leaving each stage)\n";
    out += pad_columns("", persona_width);
    for (const StageReport& st : r.stages) {
      out += pad_columns(st.id.substr(0, 13), 14);
    }
    out += "\n";
    for (const PersonaReport& p : r.personas) {
      out += pad_columns("  " + p.id, persona_width);
      for (const Estimate& e : p.stage_satisfaction) {
        out += pad_columns(plain(e), 14);
      }
      out += "\n";
    }
  }
  if (!r.opportunities.empty()) {
    out += "\nFRICTION HOT SPOTS AND OPPORTUNITIES\n";
    for (size_t k = 0; k < r.opportunities.size() && k < 8; ++k) {
      const Opportunity& o = r.opportunities[k];
      out += format("  %zu. %s: %s -> %s\n", k + 1, o.touchpoint.c_str(), o.problem.c_str(),
                    o.suggestion.c_str());
    }
  }
  return out;
}

}  // namespace

// What reaches the terminal: names from the scenario cannot drive it.
std::string render_table(const RunReport& r) {
  return util::escape_controls(render_table_text(r));
}

}  // namespace journeysim
