// Stepping a touchpoint: everyone standing at it this round is shown to its
// channel in one batch (the plugin boundary costs nothing per agent), each
// outcome is checked, and the engine's own draws for the visit are made.
// What the outcomes do to the agents is the runner's job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/agent_paths.h"
#include "engine/block_agent.h"
#include "engine/quad_batch.h"
#include "journeysim/channel_sdk.h"
#include "journeysim/random_stream.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

class TouchpointStep {
 public:
  /// Room for groups of up to `capacity` agents.
  explicit TouchpointStep(uint32_t capacity);

  /// Steps `count` agents (block positions `group`) at touchpoint t; agent
  /// i of the block is agent first_agent + i of the run. `queue_waits`: each
  /// agent's wait in the touchpoint's queue, for the channel to see.
  void run(const ModelTouchpoint& tp, uint32_t t, const uint32_t* group, uint32_t count,
           BlockAgent* agents, AgentPaths& paths, uint64_t first_agent, QuadBatch& quads,
           const RandomStream& stream, const double* queue_waits = nullptr);

  /// The k-th agent of the group's outcome, earlier visits to the
  /// touchpoint, and the engine's draws at this visit (see kDelayDraw;
  /// drawn only for agents going on along an edge that needs them).
  const js_outcome& outcome(uint32_t k) const { return outcomes_[k]; }
  uint32_t visit(uint32_t k) const { return views_[k].visits; }
  const double* engine_draws(uint32_t k) const { return &engine_u_[4 * size_t{k}]; }

 private:
  std::vector<js_agent_view> views_;
  std::vector<js_outcome> outcomes_;
  std::vector<double> uniforms_;  // JS_MAX_UNIFORMS per agent, for the channel
  std::vector<double> engine_u_;  // four per agent
};

}  // namespace journeysim
