#include "engine/arm_streams.h"

#include <cstddef>
#include <cstdint>

#include "engine/step_binding.h"
#include "scenario/node_graph.h"

namespace journeysim {

uint32_t arm_stream_key(uint32_t experiment_key) {
  return experiment_key * 0x9E3779B1u + 0x7F4A7C15u;
}

void share_arm_streams(const Scenario& scenario, std::vector<ModelTouchpoint>& touchpoints) {
  if (scenario.steps.empty()) {
    return;
  }
  const std::vector<std::vector<uint32_t>> next = scenario::node_successors(scenario);
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
      // Back at the experiment a customer keeps their arm, so the walk stops
      // there: it leads nowhere new.
      const std::vector<bool> from_here = scenario::reachable_from(next, arm.to.index, node);
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
