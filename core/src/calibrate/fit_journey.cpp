// A journey of `fixed` touchpoints fitted to a log summary: maximum-
// likelihood estimates of a first-order chain with drop-off (counts over
// counts), shifted-exponential gaps, and revenue per customer who passes.
#include <algorithm>
#include <cmath>
#include <set>

#include "journeysim/calibrate.h"
#include "journeysim/event_trace.h"

namespace journeysim {

std::string touchpoint_id(const std::string& name) {
  std::string id;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    id += ok ? c : '_';
  }
  // Runs of '_' from spaces and punctuation read badly; keep one.
  id.erase(std::unique(id.begin(), id.end(), [](char a, char b) { return a == '_' && b == '_'; }),
           id.end());
  while (!id.empty() && id.front() == '_') {
    id.erase(id.begin());
  }
  while (!id.empty() && id.back() == '_') {
    id.pop_back();
  }
  return id.empty() ? "touchpoint" : id.substr(0, 64);
}

namespace {
// The loader's and the fixed channel's bounds: a fit of an absurd log is
// clamped to them (and still says so in its comments: counts are exact).
constexpr double kMaxHorizonDays = 36500.0;
constexpr double kMaxHours = 876000.0;   // hours, delay_hours: a century
constexpr double kMaxValue = 1e15;       // fixed channel `value` (5e9 VND orders are real)
constexpr uint64_t kMaxAgents = 1'000'000'000'000;
}  // namespace

FittedJourney fit_journey(const LogSummary& summary, int segment, const std::string& file) {
  const SegmentStats stats =
      segment < 0 ? summary.pooled() : summary.segments.at(static_cast<size_t>(segment));
  if (stats.customers == 0) {
    throw InputError(SourceLocation{file, 0, 0}, "no usable events: nothing to fit");
  }
  FittedJourney j;
  j.source = file;
  j.name = "Fitted from " + file;
  j.customers = stats.customers;
  j.events = stats.events;
  if (segment < 0) {
    std::set<std::string> persona_ids;
    for (const SegmentStats& s : summary.segments) {
      if (s.customers > 0) {
        std::string id = touchpoint_id(s.name);
        for (int k = 2; persona_ids.count(id) > 0; ++k) {
          id = touchpoint_id(s.name) + "_" + std::to_string(k);
        }
        persona_ids.insert(id);
        j.personas.emplace_back(id, static_cast<double>(s.customers) /
                                        static_cast<double>(stats.customers));
      }
    }
  } else {
    j.personas.emplace_back(touchpoint_id(stats.name), 1.0);
  }

  // Touchpoints this group visited, with unique ids.
  std::vector<int> index(summary.touchpoints.size(), -1);
  std::set<std::string> used;
  auto unique_id = [&](const std::string& name) {
    std::string id = touchpoint_id(name);
    for (int k = 2; used.count(id) > 0; ++k) {
      id = touchpoint_id(name) + "_" + std::to_string(k);
    }
    used.insert(id);
    return id;
  };
  for (size_t t = 0; t < summary.touchpoints.size(); ++t) {
    if (stats.touchpoints[t].visits == 0) {
      continue;
    }
    index[t] = static_cast<int>(j.touchpoints.size());
    FittedTouchpoint tp;
    tp.name = summary.touchpoints[t];
    tp.id = unique_id(tp.name);
    tp.via = summary.channels[t].empty() ? tp.name : summary.channels[t];
    if (tp.name == kConversionStepName) {
      tp.via.clear();  // not a channel: the conversion itself
    }
    j.touchpoints.push_back(std::move(tp));
  }
  bool any_conversion = false;
  int journey_end = -1;
  for (size_t t = 0; t < summary.touchpoints.size(); ++t) {
    if (index[t] < 0) {
      continue;
    }
    const TouchpointStats& s = stats.touchpoints[t];
    FittedTouchpoint& tp = j.touchpoints[static_cast<size_t>(index[t])];
    tp.visits = s.visits;
    tp.entry = static_cast<double>(s.entries) / static_cast<double>(stats.customers);
    tp.converts = s.conversions > 0;
    any_conversion = any_conversion || tp.converts;
    uint64_t onward = 0;
    double min_gap = std::numeric_limits<double>::infinity();
    for (auto it = stats.transitions.lower_bound({static_cast<uint32_t>(t), 0});
         it != stats.transitions.end() && it->first.first == t; ++it) {
      onward += it->second.count;
      min_gap = std::min(min_gap, it->second.gap_min);
    }
    // Customers who end here after converting finish; any other end here is
    // a drop, except at a touchpoint that never leads on and does not
    // convert: there, everyone leaves normally.
    const uint64_t finishes = tp.converts ? s.finishes : 0;
    const uint64_t dropped = (onward == 0 && !tp.converts) ? 0 : s.ends - finishes;
    tp.drop = static_cast<double>(dropped) / static_cast<double>(s.visits);
    tp.exit = s.ends > 0;
    const uint64_t passed = s.visits - dropped;
    tp.value = std::min(kMaxValue, passed > 0 ? s.revenue / static_cast<double>(passed) : 0.0);
    if (summary.has_timestamps && std::isfinite(min_gap)) {
      tp.hours = std::min(kMaxHours, min_gap / 3600.0);
    }
    for (auto it = stats.transitions.lower_bound({static_cast<uint32_t>(t), 0});
         it != stats.transitions.end() && it->first.first == t; ++it) {
      const TransitionStats& ts = it->second;
      FittedEdge edge;
      edge.to = static_cast<uint32_t>(index[it->first.second]);
      edge.count = ts.count;
      if (summary.has_timestamps) {
        const double mean_hours = ts.gap_sum / static_cast<double>(ts.count) / 3600.0;
        edge.delay_hours = std::clamp(mean_hours - tp.hours, 0.0, kMaxHours);
        edge.p10 = ts.gap_quantile_hours(0.1);
        edge.p50 = ts.gap_quantile_hours(0.5);
        edge.p90 = ts.gap_quantile_hours(0.9);
      }
      tp.next.push_back(edge);
    }
    if (onward > 0 && finishes > 0) {
      if (journey_end < 0) {
        journey_end = static_cast<int>(j.touchpoints.size());
        FittedTouchpoint end;
        end.name = kJourneyEndName;
        end.id = unique_id("journey_end");
        end.exit = true;
        j.touchpoints.push_back(end);
      }
      FittedTouchpoint& again = j.touchpoints[static_cast<size_t>(index[t])];
      again.next.push_back(FittedEdge{static_cast<uint32_t>(journey_end), finishes});
    }
  }
  if (!any_conversion) {
    throw InputError(SourceLocation{file, 0, 0},
                     "no event converts: give a conversion column (--converted-column) or "
                     "name the converting event (--conversion-event)");
  }
  uint32_t longest = 1;
  for (const auto& [length, n] : stats.path_lengths) {
    longest = std::max(longest, length);
  }
  j.max_steps = std::clamp<uint32_t>(2 * longest + 2, 200, 100000);
  // The longest observed journey fits with room to spare; without
  // timestamps time does not matter.
  j.horizon_days = summary.has_timestamps
                       ? std::clamp(std::ceil(stats.max_span_hours / 24.0 * 1.5 + 1.0), 1.0,
                                    kMaxHorizonDays)
                       : 365.0;
  j.agents = std::clamp<uint64_t>(stats.customers, 1000, kMaxAgents);
  return j;
}

}  // namespace journeysim
