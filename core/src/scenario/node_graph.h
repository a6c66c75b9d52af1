// The journey graph's references in one place: every way a node names another
// (a touchpoint's next edges and `on` routes; a step's next edges, races,
// branches and arms), visited in one fixed order, so the journey order, the
// resolution of ids to node indices and the structure checks walk the same
// graph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "journeysim/scenario.h"

namespace journeysim::scenario {

/// What a reference is, for messages: "next", "on.dropped", "race[0]",
/// "branches[1]", "arms[0]".
struct TargetRole {
  enum class Kind { Next, On, Race, Branch, Arm };
  Kind kind = Kind::Next;
  size_t position = 0;              // within its list
  const std::string* event = nullptr;  // On: the event routed
};

std::string role_label(const TargetRole& role);

/// Where each node (touchpoints, then steps) may lead by any reference of a
/// resolved scenario: a superset of the moves a customer can make, since
/// whatever decides among them (an event, a condition, a weight) is ignored.
std::vector<std::vector<uint32_t>> node_successors(const Scenario& scenario);

/// The nodes reachable from `from` in one or more moves. `stop` is reached
/// but not passed through (a walk that must not continue past it).
std::vector<bool> reachable_from(const std::vector<std::vector<uint32_t>>& next, uint32_t from,
                                 uint32_t stop = UINT32_MAX);

/// "<owner> '<owner_id>': <role> target '<to>' is not a touchpoint" (or "... a
/// touchpoint or step" once the journey has steps), without a suggestion.
std::string unknown_target(const std::string& owner, const std::string& owner_id,
                           const TargetRole& role, const std::string& to, bool has_steps);

/// Calls fn(role, id, index, where) for each reference of a (const)
/// Touchpoint: next edges, then `on` routes by event.
template <typename TouchpointT, typename Fn>
void for_each_target_of_touchpoint(TouchpointT& tp, Fn&& fn) {
  using Kind = TargetRole::Kind;
  for (size_t i = 0; i < tp.next.size(); ++i) {
    fn(TargetRole{Kind::Next, i, nullptr}, tp.next[i].to, tp.next[i].target, tp.next[i].where);
  }
  for (size_t i = 0; i < tp.on.size(); ++i) {
    auto& route = tp.on[i];
    fn(TargetRole{Kind::On, i, &route.event}, route.to.id, route.to.index, route.to.where);
  }
}

/// Calls fn(role, id, index, where) for each reference of a (const) Step:
/// next edges, races, branches, arms (a step has only its kind's lists).
template <typename StepT, typename Fn>
void for_each_target_of_step(StepT& step, Fn&& fn) {
  using Kind = TargetRole::Kind;
  for (size_t i = 0; i < step.next.size(); ++i) {
    fn(TargetRole{Kind::Next, i, nullptr}, step.next[i].to, step.next[i].target,
       step.next[i].where);
  }
  for (size_t i = 0; i < step.race.size(); ++i) {
    auto& to = step.race[i].to;
    fn(TargetRole{Kind::Race, i, nullptr}, to.id, to.index, to.where);
  }
  for (size_t i = 0; i < step.branches.size(); ++i) {
    auto& to = step.branches[i].to;
    fn(TargetRole{Kind::Branch, i, nullptr}, to.id, to.index, to.where);
  }
  for (size_t i = 0; i < step.arms.size(); ++i) {
    auto& to = step.arms[i].to;
    fn(TargetRole{Kind::Arm, i, nullptr}, to.id, to.index, to.where);
  }
}

}  // namespace journeysim::scenario
