// The checks that need every section read first: which milestone counts as
// converting, and which touchpoint each `next` edge leads to.
#include <algorithm>
#include <set>

#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

// Touchpoints are listed as a journey map reads: by stage, and within a
// stage in the order customers first meet them (breadth-first from the
// entries, biggest entry share first), so reports follow the journey.
std::map<std::string, size_t> journey_order(const Scenario& scenario) {
  std::map<std::string, const Touchpoint*> by_id;
  std::vector<const Touchpoint*> entries;
  for (const Touchpoint& tp : scenario.touchpoints) {
    by_id[tp.id] = &tp;
    if (tp.entry > 0.0) {
      entries.push_back(&tp);
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Touchpoint* a, const Touchpoint* b) {
    return a->entry != b->entry ? a->entry > b->entry : a->id < b->id;
  });
  std::map<std::string, size_t> rank;
  std::vector<const Touchpoint*> queue;
  for (const Touchpoint* tp : entries) {
    if (rank.emplace(tp->id, rank.size()).second) {
      queue.push_back(tp);
    }
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    for (const Edge& edge : queue[head]->next) {
      auto it = by_id.find(edge.to);
      if (it != by_id.end() && rank.emplace(edge.to, rank.size()).second) {
        queue.push_back(it->second);
      }
    }
  }
  return rank;
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

void resolve_edges(FieldReader& in, Scenario& scenario) {
  const auto rank = journey_order(scenario);
  const auto rank_of = [&](const Touchpoint& tp) {
    auto it = rank.find(tp.id);
    return it == rank.end() ? rank.size() : it->second;  // unreachable last
  };
  std::stable_sort(scenario.touchpoints.begin(), scenario.touchpoints.end(),
                   [&](const Touchpoint& a, const Touchpoint& b) {
                     if (a.stage_index != b.stage_index) {
                       return a.stage_index < b.stage_index;
                     }
                     const size_t ra = rank_of(a), rb = rank_of(b);
                     return ra != rb ? ra < rb : a.id < b.id;
                   });
  std::map<std::string, uint32_t> index;
  std::vector<std::string> ids;
  for (size_t i = 0; i < scenario.touchpoints.size(); ++i) {
    index.emplace(scenario.touchpoints[i].id, static_cast<uint32_t>(i));
    ids.push_back(scenario.touchpoints[i].id);
  }
  for (Touchpoint& tp : scenario.touchpoints) {
    for (Edge& edge : tp.next) {
      auto it = index.find(edge.to);
      if (it == index.end()) {
        in.error(edge.where, "touchpoint '" + tp.id + "': next target '" + edge.to +
                                 "' is not a touchpoint" + in.suggest(edge.to, ids));
        continue;
      }
      edge.target = it->second;
    }
  }
}

}  // namespace journeysim::scenario
