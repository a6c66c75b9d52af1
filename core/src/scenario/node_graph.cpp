#include "scenario/node_graph.h"

#include "scenario/field_reader.h"

namespace journeysim::scenario {

std::string role_label(const TargetRole& role) {
  switch (role.kind) {
    case TargetRole::Kind::Next:
      return "next";
    case TargetRole::Kind::On:
      return child("on", role.event != nullptr ? *role.event : "");
    case TargetRole::Kind::Race:
      return element("race", role.position);
    case TargetRole::Kind::Branch:
      return element("branches", role.position);
    case TargetRole::Kind::Arm:
      return element("arms", role.position);
  }
  return "next";
}

std::vector<std::vector<uint32_t>> node_successors(const Scenario& scenario) {
  const size_t touchpoints = scenario.touchpoints.size();
  std::vector<std::vector<uint32_t>> next(scenario.node_count());
  const auto add = [&next](size_t from) {
    return [&next, from](const TargetRole&, const std::string&, uint32_t index,
                         const SourceLocation&) { next[from].push_back(index); };
  };
  for (size_t t = 0; t < touchpoints; ++t) {
    for_each_target_of_touchpoint(scenario.touchpoints[t], add(t));
  }
  for (size_t s = 0; s < scenario.steps.size(); ++s) {
    for_each_target_of_step(scenario.steps[s], add(touchpoints + s));
  }
  return next;
}

std::vector<bool> reachable_from(const std::vector<std::vector<uint32_t>>& next, uint32_t from,
                                 uint32_t stop) {
  std::vector<bool> seen(next.size(), false);
  std::vector<uint32_t> todo = next[from];
  while (!todo.empty()) {
    const uint32_t n = todo.back();
    todo.pop_back();
    if (!seen[n]) {
      seen[n] = true;
      if (n != stop) {
        todo.insert(todo.end(), next[n].begin(), next[n].end());
      }
    }
  }
  return seen;
}

std::string unknown_target(const std::string& owner, const std::string& owner_id,
                           const TargetRole& role, const std::string& to, bool has_steps) {
  return owner + " '" + owner_id + "': " + role_label(role) + " target '" + to + "' is not " +
         (has_steps ? "a touchpoint or step" : "a touchpoint");
}

}  // namespace journeysim::scenario
