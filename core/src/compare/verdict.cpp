#include "compare/verdict.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace journeysim {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string signed_number(double v, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%+.*f", decimals, v);
  return buffer;
}

// Three significant digits: small effects (emotion changes of 0.004) stay
// visible and large ones (revenue +1,234) stay short.
std::string signed_significant(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%+.3g", v);
  return buffer;
}

const MetricChange* find(const std::vector<MetricChange>& changes, const std::string& path) {
  for (const MetricChange& c : changes) {
    if (c.path == path) {
      return &c;
    }
  }
  return nullptr;
}

bool unchanged(const MetricChange* c) { return c == nullptr || !c->significant; }

std::string with_commas(double v) {
  const auto n = static_cast<long long>(std::llround(std::abs(v)));
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return (v < 0 ? "-" : "+") + out;
}

}  // namespace

bool is_share(const std::string& path) {
  // A queue's shares of its customers and of its servers' time read as
  // percentages too.
  return ends_with(path, "_rate") || ends_with(path, ".rate") || path == "csat" ||
         ends_with(path, ".csat") ||
         (path.rfind("resources.", 0) == 0 &&
          (ends_with(path, "_share") || ends_with(path, ".utilization")));
}

std::string format_difference(const std::string& path, const Estimate& d) {
  if (!d.has_value()) {
    return "n/a";
  }
  if (is_share(path)) {
    return signed_number(100 * d.value, 2) + " pp [" + signed_number(100 * d.low, 2) + ", " +
           signed_number(100 * d.high, 2) + "]";
  }
  return signed_significant(d.value) + " [" + signed_significant(d.low) + ", " +
         signed_significant(d.high) + "]";
}

std::string format_value(const std::string& path, const Estimate& e) {
  if (!e.has_value()) {
    return "n/a";
  }
  char buffer[64];
  if (is_share(path)) {
    std::snprintf(buffer, sizeof buffer, "%.2f%%", 100 * e.value);
  } else if (std::abs(e.value) >= 1000 || e.value == std::floor(e.value)) {
    std::snprintf(buffer, sizeof buffer, "%.0f", e.value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.4g", e.value);
  }
  return buffer;
}

std::vector<std::string> verdict_lines(const std::vector<MetricChange>& changes,
                                       const RunReport& baseline) {
  std::vector<std::string> lines;
  if (const MetricChange* c = find(changes, "conversion_rate"); c && c->difference.has_value()) {
    std::string line = "conversion " + format_difference(c->path, c->difference);
    std::vector<std::pair<double, std::string>> personas;
    for (const PersonaReport& p : baseline.personas) {
      const MetricChange* pc = find(changes, "personas." + p.id + ".conversion_rate");
      if (pc && pc->difference.has_value()) {
        personas.emplace_back(pc->difference.value,
                              p.id + " " + signed_number(100 * pc->difference.value, 1) + " pp" +
                                  (pc->significant ? "" : " (n.s.)"));
      }
    }
    std::stable_sort(personas.begin(), personas.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (!personas.empty()) {
      line += " (";
      for (size_t i = 0; i < personas.size(); ++i) {
        line += (i ? ", " : "") + personas[i].second;
      }
      line += ")";
    }
    if (!c->significant) {
      line += " — not significant";
    }
    lines.push_back(line);
  }
  // The touchpoint drop rates that moved most (significant only).
  std::vector<const MetricChange*> drops;
  for (const MetricChange& c : changes) {
    if (c.path.rfind("touchpoints.", 0) == 0 && ends_with(c.path, ".drop_rate") && c.significant) {
      drops.push_back(&c);
    }
  }
  std::stable_sort(drops.begin(), drops.end(), [](const MetricChange* a, const MetricChange* b) {
    return std::abs(a->difference.value) > std::abs(b->difference.value);
  });
  for (size_t i = 0; i < drops.size() && i < 2; ++i) {
    const std::string& p = drops[i]->path;
    const std::string id = p.substr(12, p.size() - 12 - 10);
    lines.push_back(id + " drop rate " + format_difference(p, drops[i]->difference));
  }
  const MetricChange* ttc = find(changes, "time_to_convert.median_days");
  lines.push_back(unchanged(ttc) ? "time to convert unchanged"
                                 : "time to convert (median, days) " +
                                       format_difference(ttc->path, ttc->difference));
  const MetricChange* revenue = find(changes, "revenue_per_agent");
  if (!unchanged(revenue)) {
    lines.push_back("revenue per agent " + format_difference(revenue->path, revenue->difference));
  }
  std::string scores;
  for (const char* name : {"csat", "nps", "ces"}) {
    const MetricChange* c = find(changes, name);
    if (!unchanged(c)) {
      std::string label = name;
      std::transform(label.begin(), label.end(), label.begin(), ::toupper);
      scores += (scores.empty() ? "" : "; ") + label + " " + format_difference(name, c->difference);
    }
  }
  lines.push_back(scores.empty() ? "CSAT, NPS and CES unchanged" : scores);
  return lines;
}

std::vector<std::string> friction_moves(const std::vector<MetricChange>& changes) {
  std::vector<const MetricChange*> moved;
  for (const MetricChange& c : changes) {
    // Friction is where customers are lost (journeys that ended there
    // unconverted), not the channel's drops after a conversion.
    if (c.path.rfind("touchpoints.", 0) == 0 && ends_with(c.path, ".lost") && c.significant) {
      moved.push_back(&c);
    }
  }
  std::stable_sort(moved.begin(), moved.end(), [](const MetricChange* a, const MetricChange* b) {
    return std::abs(a->difference.value) > std::abs(b->difference.value);
  });
  std::vector<std::string> lines;
  for (const MetricChange* c : moved) {
    const std::string id = c->path.substr(12, c->path.size() - 12 - 5);
    lines.push_back(id + ": " + with_commas(c->difference.value) + " customers lost here" +
                    (c->difference.value < 0 ? " (fewer leave here)"
                                             : " (more customers reach it or leave here)"));
  }
  return lines;
}

bool listed_in_summaries(const MetricChange& c) {
  return !c.is_count && c.path.find("model_continue_probability") == std::string::npos;
}

SelectedChanges select_changes(const VariantComparison& variant, size_t limit) {
  SelectedChanges out;
  for (const MetricChange& c : variant.changes) {
    if (!listed_in_summaries(c)) {
      continue;
    }
    if (!c.significant) {
      ++out.quiet;
    } else if (out.shown.size() == limit) {
      ++out.more;
    } else {
      out.shown.push_back(&c);
    }
  }
  return out;
}

}  // namespace journeysim
