#include "engine/arm_streams.h"

#include <cstddef>
#include <cstdint>

#include "engine/step_binding.h"
#include "scenario/node_graph.h"

namespace journeysim {
namespace {

// Every node's targets by any reference (next, `on`, races, branches, arms):
// a superset of the moves a customer can make, which is what safety needs.
std::vector<std::vector<uint32_t>> successors(const Scenario& scenario) {
  const size_t touchpoints = scenario.touchpoints.size();
  std::vector<std::vector<uint32_t>> next(scenario.node_count());
  const auto add = [&](size_t from) {
    return [&next, from](const auto&, const auto&, uint32_t index, const auto&) {
      next[from].push_back(index);
    };
  };
  for (size_t t = 0; t < touchpoints; ++t) {
    scenario::for_each_target_of_touchpoint(scenario.touchpoints[t], add(t));
  }
  for (size_t s = 0; s < scenario.steps.size(); ++s) {
    scenario::for_each_target_of_step(scenario.steps[s], add(touchpoints + s));
  }
  return next;
}

// Nodes reachable from `from` in one or more moves, an arm target of
// `experiment`: back at the experiment a customer keeps their arm, so it
// leads nowhere new from there.
std::vector<bool> reachable(const std::vector<std::vector<uint32_t>>& next, uint32_t from,
                            uint32_t experiment) {
  std::vector<bool> seen(next.size(), false);
  std::vector<uint32_t> todo = next[from];
  while (!todo.empty()) {
    const uint32_t n = todo.back();
    todo.pop_back();
    if (!seen[n]) {
      seen[n] = true;
      if (n != experiment) {
        todo.insert(todo.end(), next[n].begin(), next[n].end());
      }
    }
  }
  return seen;
}

}  // namespace

uint32_t arm_stream_key(uint32_t experiment_key) {
  return experiment_key * 0x9E3779B1u + 0x7F4A7C15u;
}

void share_arm_streams(const Scenario& scenario, std::vector<ModelTouchpoint>& touchpoints) {
  if (scenario.steps.empty()) {
    return;
  }
  const std::vector<std::vector<uint32_t>> next = successors(scenario);
  std::vector<bool> shared(touchpoints.size(), false);
  for (size_t s = 0; s < scenario.steps.size(); ++s) {
    const Step& step = scenario.steps[s];
    const auto node = static_cast<uint32_t>(touchpoints.size() + s);
    if (step.kind != Step::Kind::Experiment) {
      continue;
    }
    std::vector<bool> target(touchpoints.size(), false);
    bool safe = true;
    for (const Arm& arm : step.arms) {
      const uint32_t t = arm.to.index;
      safe = safe && t < touchpoints.size() && !target[t] && !shared[t];
      if (safe) {
        target[t] = true;
      }
    }
    for (const Arm& arm : step.arms) {
      if (!safe) {
        break;
      }
      const std::vector<bool> from_here = reachable(next, arm.to.index, node);
      for (const Arm& other : step.arms) {
        safe = safe && (other.to.index == arm.to.index || !from_here[other.to.index]);
      }
    }
    if (!safe) {
      continue;
    }
    for (const Arm& arm : step.arms) {
      touchpoints[arm.to.index].stream_key = arm_stream_key(node_stream_key(step.id));
      shared[arm.to.index] = true;
    }
  }
}

}  // namespace journeysim
