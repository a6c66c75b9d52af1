// Structural checks on the journey graph (touchpoints and steps, one node
// numbering) and the population: the problems a run would otherwise hit
// halfway (or hide in its numbers).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "journeysim/scenario_loader.h"
#include "scenario/node_graph.h"

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

// "touchpoint(s)", "step(s)" or "touchpoints and steps" for the nodes named.
std::string node_noun(const Scenario& scenario, const std::vector<uint32_t>& nodes) {
  const auto steps = static_cast<size_t>(
      std::count_if(nodes.begin(), nodes.end(), [&](uint32_t v) { return scenario.is_step(v); }));
  const bool many = nodes.size() > 1;
  if (steps == 0) {
    return many ? "touchpoints" : "touchpoint";
  }
  if (steps == nodes.size()) {
    return many ? "steps" : "step";
  }
  return "touchpoints and steps";
}

// What a step's own entries must satisfy together: a split's default branch
// last, an experiment's arms (two or more, named once each, positive
// weights), a race's positive rate, a wait's duration.
void check_step_shape(const Step& step, std::vector<Diagnostic>& problems) {
  auto error = [&problems](const SourceLocation& where, std::string message) {
    problems.push_back(Diagnostic{where, std::move(message)});
  };
  const std::string who = "step '" + step.id + "'";
  switch (step.kind) {
    case Step::Kind::Wait: {
      const WaitTime& w = step.wait_for;
      bool given = false;
      switch (w.distribution) {
        case WaitTime::Distribution::Fixed:
          given = !w.fixed.text.empty();
          break;
        case WaitTime::Distribution::Lognormal:
          given = !w.median.text.empty() && !w.p90.text.empty();
          break;
        case WaitTime::Distribution::Exponential:
          given = !w.mean.text.empty();
          break;
        case WaitTime::Distribution::Uniform:
          given = !w.min.text.empty() && !w.max.text.empty();
          break;
      }
      if (!given) {
        error(step.where, who + ": a wait needs a duration (for = \"2d\")");
      }
      for (const Race& race : step.race) {
        if (!(race.rate_per_day > 0.0) || !std::isfinite(race.rate_per_day)) {
          error(race.rate_where, who + ": race to '" + race.to.id + "' has rate_per_day " +
                                     short_number(race.rate_per_day) +
                                     "; rates must be positive and finite");
        }
      }
      break;
    }
    case Step::Kind::Split: {
      const std::vector<Branch>& branches = step.branches;
      if (branches.empty()) {
        error(step.where, who + ": split without a default branch: it has no branches; add "
                                "branches = [{ when = \"...\", to = \"...\" }, { to = \"...\" }]");
        break;
      }
      const auto default_branch = std::find_if(branches.begin(), branches.end() - 1,
                                               [](const Branch& b) { return b.when.empty(); });
      if (default_branch != branches.end() - 1) {
        const auto d = static_cast<size_t>(default_branch - branches.begin());
        error(branches[d + 1].where,
              who + ": a branch after the default: branches[" + std::to_string(d + 1) +
                  "] can never be taken because branches[" + std::to_string(d) +
                  "] has no `when`; the default branch goes last");
      } else if (!branches.back().when.empty()) {
        error(branches.back().where,
              who + ": split without a default branch: its last branch has a `when`; end "
                    "with a branch that has only `to`, for customers no condition matches");
      }
      break;
    }
    case Step::Kind::Experiment: {
      if (step.arms.size() < 2) {
        error(step.where, who + ": an experiment needs at least two arms, got " +
                              std::to_string(step.arms.size()));
      }
      std::unordered_map<std::string, size_t> names;
      for (size_t i = 0; i < step.arms.size(); ++i) {
        const Arm& arm = step.arms[i];
        if (arm.name.empty()) {
          error(arm.where, who + ": arms[" + std::to_string(i) + "] has no name");
        } else if (auto [it, fresh] = names.emplace(arm.name, i); !fresh) {
          error(arm.name_where, who + ": arm name '" + arm.name + "' is used by arms[" +
                                    std::to_string(it->second) + "] and arms[" +
                                    std::to_string(i) + "]; arm names must be unique");
        }
        if (!(arm.weight > 0.0) || !std::isfinite(arm.weight)) {
          error(arm.weight_where, who + ": arm '" + arm.name + "' has weight " +
                                      short_number(arm.weight) +
                                      "; experiment weights must be positive and finite");
        }
      }
      break;
    }
    case Step::Kind::Update:
    case Step::Kind::Exit:
      break;
  }
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
  const std::vector<Step>& steps = scenario.steps;
  const size_t n = scenario.node_count();  // touchpoints, then steps
  const bool has_steps = !steps.empty();

  std::unordered_map<std::string, uint32_t> index;
  std::vector<std::string> ids;
  for (size_t i = 0; i < n; ++i) {
    const std::string& id = scenario.node_id(static_cast<uint32_t>(i));
    index.emplace(id, static_cast<uint32_t>(i));
    ids.push_back(id);
  }
  std::vector<std::string> stage_ids;
  for (const Stage& stage : scenario.stages) {
    stage_ids.push_back(stage.id);
  }
  const std::set<std::string> stage_set(stage_ids.begin(), stage_ids.end());

  // Stages and targets: next[v] lists where node v can lead.
  std::vector<std::vector<uint32_t>> next(n);
  const auto check_edges = [&](const std::string& owner, const std::string& id,
                               const std::vector<Edge>& edges, std::vector<uint32_t>& out) {
    std::set<std::string> seen;
    for (const Edge& edge : edges) {
      if (!(edge.weight > 0.0) || !std::isfinite(edge.weight)) {
        error(edge.where, owner + " '" + id + "': next edge to '" + edge.to + "' has weight " +
                              short_number(edge.weight) +
                              "; weights must be positive and finite");
      }
      auto it = index.find(edge.to);
      if (it == index.end()) {
        error(edge.where,
              scenario::unknown_target(owner, id, {}, edge.to, has_steps) + suggest(edge.to, ids));
        continue;
      }
      if (!seen.insert(edge.to).second) {
        error(edge.where, owner + " '" + id + "' lists next target '" + edge.to +
                              "' more than once; merge them into one edge");
        continue;
      }
      out.push_back(it->second);
    }
  };
  // Every other target (`on`, races, branches, arms): known, or reported.
  const auto check_target = [&](const std::string& owner, const std::string& id,
                                std::vector<uint32_t>& out) {
    return [&, owner](const scenario::TargetRole& role, const std::string& to, const uint32_t&,
                      const SourceLocation& where) {
      if (role.kind == scenario::TargetRole::Kind::Next) {
        return;  // checked with its weight by check_edges
      }
      auto it = index.find(to);
      if (it == index.end()) {
        error(where, scenario::unknown_target(owner, id, role, to, has_steps) + suggest(to, ids));
        return;
      }
      out.push_back(it->second);
    };
  };
  for (size_t i = 0; i < tps.size(); ++i) {
    const Touchpoint& tp = tps[i];
    if (stage_set.count(tp.stage) == 0) {
      error(tp.where, "touchpoint '" + tp.id + "': stage '" + tp.stage +
                          "' is not in journey.stages" + suggest(tp.stage, stage_ids));
    }
    check_edges("touchpoint", tp.id, tp.next, next[i]);
    scenario::for_each_target_of_touchpoint(tp, check_target("touchpoint", tp.id, next[i]));
  }
  for (size_t s = 0; s < steps.size(); ++s) {
    const Step& step = steps[s];
    if (!step.stage.empty() && stage_set.count(step.stage) == 0) {
      error(step.where, "step '" + step.id + "': stage '" + step.stage +
                            "' is not in journey.stages" + suggest(step.stage, stage_ids));
    }
    check_step_shape(step, problems);
    std::vector<uint32_t>& out = next[tps.size() + s];
    check_edges("step", step.id, step.next, out);
    scenario::for_each_target_of_step(step, check_target("step", step.id, out));
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

  // Every touchpoint and step reachable from an entry.
  if (first_entry != nullptr) {
    std::vector<bool> reached(n, false);
    std::vector<uint32_t> queue;
    for (size_t i = 0; i < tps.size(); ++i) {
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
      if (reached[i]) {
        continue;
      }
      if (scenario.is_step(static_cast<uint32_t>(i))) {
        const Step& step = scenario.step_at(static_cast<uint32_t>(i));
        error(step.where, "step '" + step.id +
                              "' cannot be reached: no path from an entry touchpoint leads to "
                              "it");
      } else {
        error(tps[i].where, "touchpoint '" + tps[i].id +
                                "' cannot be reached: it has no entry share and no path "
                                "from an entry touchpoint leads to it");
      }
    }
  }

  // Every node leads somewhere, and eventually to an exit.
  for (const Touchpoint& tp : tps) {
    if (tp.next.empty() && !tp.exit && tp.on.empty()) {
      error(tp.where, "touchpoint '" + tp.id +
                          "' has no next edges and is not an exit; add next = [...] or "
                          "exit = true");
    }
  }
  for (const Step& step : steps) {
    const bool leads_on = step.kind == Step::Kind::Wait || step.kind == Step::Kind::Update;
    if (leads_on && step.next.empty()) {
      error(step.where, "step '" + step.id + "' (" + step_kind_name(step.kind) +
                            ") has no next edges; add next = [...]");
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
    const auto v = static_cast<uint32_t>(i);
    if (scenario.is_step(v) ? scenario.step_at(v).kind == Step::Kind::Exit : tps[i].exit) {
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
    const uint32_t first = component.front();
    const SourceLocation& where =
        scenario.is_step(first) ? scenario.step_at(first).where : tps[first].where;
    if (component.size() == 1) {
      error(where, "no exit can be reached from " + node_noun(scenario, component) + " '" +
                       scenario.node_id(first) +
                       "': it only leads back to itself; make it an exit or add a "
                       "next edge leading out");
    } else {
      std::vector<std::string> names;
      for (const uint32_t v : component) {
        names.push_back(scenario.node_id(v));
      }
      error(where, "no exit can be reached from " + node_noun(scenario, component) + " " +
                       quoted_names(names) +
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
