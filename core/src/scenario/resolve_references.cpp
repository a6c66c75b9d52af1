// The checks that need every section read first: which milestone counts as
// converting, and which node (touchpoint or step) each target names.
#include <algorithm>
#include <set>

#include "scenario/node_graph.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

// Nodes are listed as a journey map reads: touchpoints by stage, and within
// a stage (steps: overall) in the order customers first meet them
// (breadth-first from the entries, biggest entry share first, through
// touchpoints and steps alike), so reports follow the journey.
std::map<std::string, size_t> journey_order(const Scenario& scenario) {
  std::map<std::string, const Touchpoint*> touchpoints;
  std::map<std::string, const Step*> steps;
  std::vector<const Touchpoint*> entries;
  for (const Touchpoint& tp : scenario.touchpoints) {
    touchpoints[tp.id] = &tp;
    if (tp.entry > 0.0) {
      entries.push_back(&tp);
    }
  }
  for (const Step& step : scenario.steps) {
    steps.emplace(step.id, &step);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Touchpoint* a, const Touchpoint* b) {
    return a->entry != b->entry ? a->entry > b->entry : a->id < b->id;
  });
  std::map<std::string, size_t> rank;
  std::vector<const std::string*> queue;
  for (const Touchpoint* tp : entries) {
    if (rank.emplace(tp->id, rank.size()).second) {
      queue.push_back(&tp->id);
    }
  }
  const auto meet = [&](const TargetRole&, const std::string& to, const uint32_t&,
                        const SourceLocation&) {
    const bool known = touchpoints.count(to) > 0 || steps.count(to) > 0;
    if (known && rank.emplace(to, rank.size()).second) {
      queue.push_back(&to);
    }
  };
  for (size_t head = 0; head < queue.size(); ++head) {
    const std::string& id = *queue[head];
    if (auto tp = touchpoints.find(id); tp != touchpoints.end()) {
      for_each_target_of_touchpoint(*tp->second, meet);
    } else {
      for_each_target_of_step(*steps.at(id), meet);
    }
  }
  return rank;
}

// A step may not take a touchpoint's id: every target names one node.
void refuse_shared_ids(FieldReader& in, const Scenario& scenario) {
  for (const Step& step : scenario.steps) {
    const int tp = scenario.find_touchpoint(step.id);
    if (tp >= 0) {
      const Touchpoint& other = scenario.touchpoints[static_cast<size_t>(tp)];
      in.error(step.where, "step '" + step.id + "' has the same id as touchpoint '" + other.id +
                               "' (" + other.where.to_string() +
                               "); touchpoints and steps share one set of ids");
    }
  }
}

}  // namespace

void resolve_conversion(FieldReader& in, const Node* conversion_node, Scenario& scenario) {
  std::set<std::string> milestones;
  for (const Touchpoint& tp : scenario.touchpoints) {
    if (!tp.milestone.empty()) {
      milestones.insert(tp.milestone);
    }
  }
  std::vector<std::string> names(milestones.begin(), milestones.end());
  Journey& journey = scenario.journey;
  if (conversion_node != nullptr) {
    if (milestones.count(journey.conversion) == 0) {
      in.error(conversion_node->where, "journey.conversion: no touchpoint has milestone '" +
                                           journey.conversion + "'" +
                                           in.suggest(journey.conversion, names));
    }
    return;
  }
  if (scenario.touchpoints.empty() || !journey.conversion.empty()) {
    return;
  }
  if (names.empty()) {
    in.error(journey.where, "no touchpoint has a milestone; nothing can convert");
  } else if (names.size() > 1) {
    in.error(journey.where, "touchpoints have several milestones (" + quoted_list(names) +
                                "); set journey.conversion to the one that counts as converting");
  } else {
    journey.conversion = names.front();
  }
}

void resolve_targets(FieldReader& in, Scenario& scenario) {
  refuse_shared_ids(in, scenario);
  const auto rank = journey_order(scenario);
  const auto rank_of = [&](const std::string& id) {
    auto it = rank.find(id);
    return it == rank.end() ? rank.size() : it->second;  // unreachable last
  };
  std::stable_sort(scenario.touchpoints.begin(), scenario.touchpoints.end(),
                   [&](const Touchpoint& a, const Touchpoint& b) {
                     if (a.stage_index != b.stage_index) {
                       return a.stage_index < b.stage_index;
                     }
                     const size_t ra = rank_of(a.id), rb = rank_of(b.id);
                     return ra != rb ? ra < rb : a.id < b.id;
                   });
  std::stable_sort(scenario.steps.begin(), scenario.steps.end(),
                   [&](const Step& a, const Step& b) {
                     const size_t ra = rank_of(a.id), rb = rank_of(b.id);
                     return ra != rb ? ra < rb : a.id < b.id;
                   });
  std::map<std::string, uint32_t> index;
  std::vector<std::string> ids;
  for (size_t i = 0; i < scenario.node_count(); ++i) {
    const std::string& id = scenario.node_id(static_cast<uint32_t>(i));
    index.emplace(id, static_cast<uint32_t>(i));
    ids.push_back(id);
  }
  const bool has_steps = !scenario.steps.empty();
  const auto resolver = [&](const std::string& owner, const std::string& owner_id) {
    return [&, owner, owner_id](const TargetRole& role, const std::string& to, uint32_t& target,
                      const SourceLocation& where) {
      auto it = index.find(to);
      if (it == index.end()) {
        in.error(where, unknown_target(owner, owner_id, role, to, has_steps) +
                            in.suggest(to, ids));
        return;
      }
      target = it->second;
    };
  };
  for (Touchpoint& tp : scenario.touchpoints) {
    for_each_target_of_touchpoint(tp, resolver("touchpoint", tp.id));
  }
  for (Step& step : scenario.steps) {
    for_each_target_of_step(step, resolver("step", step.id));
  }
}

}  // namespace journeysim::scenario
