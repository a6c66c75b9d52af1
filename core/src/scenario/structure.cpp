// Structural checks on the journey graph and the population: the problems a
// run would otherwise hit halfway (or hide in its numbers).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "journeysim/scenario_loader.h"

namespace journeysim {
namespace {

constexpr double kShareTolerance = 0.001;
constexpr size_t kMaxListed = 10;
constexpr size_t kMaxSuggestedProblems = 100;

// Six significant digits: enough to see why a sum is off, free of the
// 0.30000000000000004 noise.
std::string short_number(double value) {
  char buffer[32];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6);
  return std::string(buffer, result.ptr);
}

std::string quoted_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < kMaxListed; ++i) {
    out += (i == 0 ? "'" : ", '") + names[i] + "'";
  }
  if (names.size() > kMaxListed) {
    out += " and " + std::to_string(names.size() - kMaxListed) + " more";
  }
  return out;
}

// "a 0.6, b 0.3" for a share-sum message.
std::string share_list(const std::vector<std::pair<std::string, double>>& shares) {
  std::string out;
  for (size_t i = 0; i < shares.size() && i < kMaxListed; ++i) {
    out += (i == 0 ? "" : ", ") + shares[i].first + " " + short_number(shares[i].second);
  }
  if (shares.size() > kMaxListed) {
    out += ", and " + std::to_string(shares.size() - kMaxListed) + " more";
  }
  return out;
}

// Strongly connected components (Tarjan, iterative so a long chain of
// touchpoints cannot exhaust the stack) of the subgraph induced by `member`.
std::vector<std::vector<uint32_t>> components(const std::vector<std::vector<uint32_t>>& next,
                                              const std::vector<bool>& member) {
  const size_t n = next.size();
  constexpr uint32_t kUnvisited = UINT32_MAX;
  std::vector<uint32_t> order(n, kUnvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<uint32_t> stack;
  std::vector<std::vector<uint32_t>> out;
  uint32_t counter = 0;
  struct Frame {
    uint32_t node;
    size_t edge;
  };
  std::vector<Frame> frames;
  for (uint32_t start = 0; start < n; ++start) {
    if (!member[start] || order[start] != kUnvisited) {
      continue;
    }
    frames.push_back({start, 0});
    order[start] = low[start] = counter++;
    stack.push_back(start);
    on_stack[start] = true;
    while (!frames.empty()) {
      Frame& frame = frames.back();
      const uint32_t v = frame.node;
      if (frame.edge < next[v].size()) {
        const uint32_t w = next[v][frame.edge++];
        if (!member[w]) {
          continue;
        }
        if (order[w] == kUnvisited) {
          order[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], order[w]);
        }
        continue;
      }
      if (low[v] == order[v]) {
        std::vector<uint32_t> component;
        uint32_t w = 0;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component.push_back(w);
        } while (w != v);
        std::sort(component.begin(), component.end());
        out.push_back(std::move(component));
      }
      frames.pop_back();
      if (!frames.empty()) {
        const uint32_t parent = frames.back().node;
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }
  return out;
}

}  // namespace

void validate_structure(const Scenario& scenario, std::vector<Diagnostic>& problems) {
  auto error = [&problems](const SourceLocation& where, std::string message) {
    problems.push_back(Diagnostic{where, std::move(message)});
  };
  // Suggestions cost an edit distance per known name: only for the first few.
  auto suggest = [&problems](const std::string& name, const std::vector<std::string>& known) {
    return problems.size() < kMaxSuggestedProblems ? did_you_mean(name, known) : "";
  };
  const std::vector<Touchpoint>& tps = scenario.touchpoints;
  const size_t n = tps.size();

  std::unordered_map<std::string, uint32_t> index;
  std::vector<std::string> ids;
  for (size_t i = 0; i < n; ++i) {
    index.emplace(tps[i].id, static_cast<uint32_t>(i));
    ids.push_back(tps[i].id);
  }
  std::vector<std::string> stage_ids;
  for (const Stage& stage : scenario.stages) {
    stage_ids.push_back(stage.id);
  }
  const std::set<std::string> stage_set(stage_ids.begin(), stage_ids.end());

  // Stages and edges.
  std::vector<std::vector<uint32_t>> next(n);
  for (size_t i = 0; i < n; ++i) {
    const Touchpoint& tp = tps[i];
    if (stage_set.count(tp.stage) == 0) {
      error(tp.where, "touchpoint '" + tp.id + "': stage '" + tp.stage +
                          "' is not in journey.stages" + suggest(tp.stage, stage_ids));
    }
    std::set<std::string> seen;
    for (const Edge& edge : tp.next) {
      if (!(edge.weight > 0.0) || !std::isfinite(edge.weight)) {
        error(edge.where, "touchpoint '" + tp.id + "': next edge to '" + edge.to +
                              "' has weight " + short_number(edge.weight) +
                              "; weights must be positive and finite");
      }
      auto it = index.find(edge.to);
      if (it == index.end()) {
        error(edge.where, "touchpoint '" + tp.id + "': next target '" + edge.to +
                              "' is not a touchpoint" + suggest(edge.to, ids));
        continue;
      }
      if (!seen.insert(edge.to).second) {
        error(edge.where, "touchpoint '" + tp.id + "' lists next target '" + edge.to +
                              "' more than once; merge them into one edge");
        continue;
      }
      next[i].push_back(it->second);
    }
  }

  // Where customers start.
  std::vector<std::pair<std::string, double>> entries;
  double entry_sum = 0.0;
  const Touchpoint* first_entry = nullptr;
  for (const Touchpoint& tp : tps) {
    if (!(tp.entry >= 0.0 && tp.entry <= 1.0)) {
      error(tp.where, "touchpoint '" + tp.id + "': entry must be in [0, 1], got " +
                          short_number(tp.entry));
    } else if (tp.entry > 0.0) {
      entries.emplace_back(tp.id, tp.entry);
      entry_sum += tp.entry;
      first_entry = first_entry != nullptr ? first_entry : &tp;
    }
  }
  if (first_entry == nullptr) {
    error(scenario.journey.where,
          "no entry touchpoint: give at least one touchpoint an entry share > 0");
  } else if (std::fabs(entry_sum - 1.0) > kShareTolerance) {
    error(first_entry->where, "entry shares sum to " + short_number(entry_sum) + " (" +
                                  share_list(entries) + "); they must sum to 1 (±0.001)");
  }

  // Who arrives.
  if (scenario.personas.empty()) {
    error(scenario.journey.where, "no personas: add at least one [personas.<id>] table");
  } else {
    std::vector<std::pair<std::string, double>> shares;
    double share_sum = 0.0;
    for (const Persona& persona : scenario.personas) {
      shares.emplace_back(persona.id, persona.share);
      share_sum += persona.share;
    }
    if (!(std::fabs(share_sum - 1.0) <= kShareTolerance)) {
      error(scenario.personas.front().where, "persona shares sum to " +
                                                 short_number(share_sum) + " (" +
                                                 share_list(shares) +
                                                 "); they must sum to 1 (±0.001)");
    }
  }

  // Every touchpoint reachable from an entry.
  if (first_entry != nullptr) {
    std::vector<bool> reached(n, false);
    std::vector<uint32_t> queue;
    for (size_t i = 0; i < n; ++i) {
      if (tps[i].entry > 0.0) {
        reached[i] = true;
        queue.push_back(static_cast<uint32_t>(i));
      }
    }
    for (size_t head = 0; head < queue.size(); ++head) {
      for (const uint32_t w : next[queue[head]]) {
        if (!reached[w]) {
          reached[w] = true;
          queue.push_back(w);
        }
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (!reached[i]) {
        error(tps[i].where, "touchpoint '" + tps[i].id +
                                "' cannot be reached: it has no entry share and no path "
                                "from an entry touchpoint leads to it");
      }
    }
  }

  // Every touchpoint leads somewhere, and eventually to an exit.
  for (const Touchpoint& tp : tps) {
    if (tp.next.empty() && !tp.exit) {
      error(tp.where, "touchpoint '" + tp.id +
                          "' has no next edges and is not an exit; add next = [...] or "
                          "exit = true");
    }
  }
  std::vector<std::vector<uint32_t>> previous(n);
  for (size_t i = 0; i < n; ++i) {
    for (const uint32_t w : next[i]) {
      previous[w].push_back(static_cast<uint32_t>(i));
    }
  }
  std::vector<bool> can_exit(n, false);
  std::vector<uint32_t> queue;
  for (size_t i = 0; i < n; ++i) {
    if (tps[i].exit) {
      can_exit[i] = true;
      queue.push_back(static_cast<uint32_t>(i));
    }
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    for (const uint32_t w : previous[queue[head]]) {
      if (!can_exit[w]) {
        can_exit[w] = true;
        queue.push_back(w);
      }
    }
  }
  std::vector<bool> trapped(n);
  for (size_t i = 0; i < n; ++i) {
    trapped[i] = !can_exit[i];
  }
  // Only closed cycles are reported: a trapped touchpoint that leads into a
  // dead end or into another closed cycle is fixed by fixing that one.
  for (const std::vector<uint32_t>& component : components(next, trapped)) {
    const std::set<uint32_t> inside(component.begin(), component.end());
    bool closed = true;
    bool has_edge = false;
    for (const uint32_t v : component) {
      for (const uint32_t w : next[v]) {
        has_edge = true;
        closed = closed && inside.count(w) > 0;
      }
    }
    if (!closed || !has_edge) {
      continue;  // leads elsewhere, or a dead end (reported above)
    }
    const Touchpoint& first = tps[component.front()];
    if (component.size() == 1) {
      error(first.where, "no exit can be reached from touchpoint '" + first.id +
                             "': it only leads back to itself; make it an exit or add a "
                             "next edge leading out");
    } else {
      std::vector<std::string> names;
      for (const uint32_t v : component) {
        names.push_back(tps[v].id);
      }
      error(first.where, "no exit can be reached from touchpoints " + quoted_names(names) +
                             ": they only lead to each other; make one of them an exit or "
                             "add a next edge leading out");
    }
  }

  // What counts as converting.
  std::set<std::string> milestone_set;
  for (const Touchpoint& tp : tps) {
    if (!tp.milestone.empty()) {
      milestone_set.insert(tp.milestone);
    }
  }
  const std::vector<std::string> milestones(milestone_set.begin(), milestone_set.end());
  const std::string& conversion = scenario.journey.conversion;
  if (milestones.empty()) {
    error(scenario.journey.where, "no touchpoint has a milestone; nothing can convert");
  } else if (conversion.empty()) {
    error(scenario.journey.where, "journey.conversion is not set; it should name one of "
                                  "the milestones " + quoted_names(milestones));
  } else if (milestone_set.count(conversion) == 0) {
    error(scenario.journey.where, "journey.conversion: no touchpoint has milestone '" +
                                      conversion + "'" + did_you_mean(conversion, milestones));
  }
}

}  // namespace journeysim
