#include "engine/touchpoint_step.h"

#include "plugins/outcome_check.h"

namespace journeysim {

TouchpointStep::TouchpointStep(uint32_t capacity)
    : views_(capacity),
      outcomes_(capacity),
      uniforms_(size_t{capacity} * JS_MAX_UNIFORMS),
      engine_u_(4 * size_t{capacity}) {}

void TouchpointStep::run(const ModelTouchpoint& tp, uint32_t t, const uint32_t* group,
                         uint32_t count, BlockAgent* agents, AgentPaths& paths,
                         uint64_t first_agent, QuadBatch& quads, const RandomStream& stream,
                         const double* queue_waits) {
  for (uint32_t k = 0; k < count; ++k) {
    const uint32_t i = group[k];
    BlockAgent& a = agents[i];
    const uint32_t v = paths.visits(a, i, t);
    double* u = &uniforms_[size_t{k} * JS_MAX_UNIFORMS];
    quads.add_fill(first_agent + i, tp.stream_key, v, tp.uniforms, u);
    views_[k] = js_agent_view{a.persona, v,        a.messages,     a.steps, a.hours,
                              a.effort,  a.satisfaction, a.spent, u};
  }
  quads.draw(stream);
  const js_batch batch{tp.personas.data(), static_cast<uint32_t>(tp.personas.size()),
                       views_.data(), count, queue_waits};
  tp.channel->interact(batch, outcomes_.data());
  // The engine's own draws at this visit ([0] the gap, [1] the edge), for
  // those who go on and need them.
  const bool weighted = tp.edge_cdf.size() > 1;
  for (uint32_t k = 0; k < count; ++k) {
    const js_outcome& o = outcomes_[k];
    check_outcome(o, tp);
    if (o.next != JS_NEXT_DROP && !tp.edge_targets.empty() &&
        ((o.next < 0 && weighted) || tp.has_delays)) {
      quads.add(first_agent + group[k], tp.stream_key, views_[k].visits, kDelayDraw / 4,
                &engine_u_[4 * size_t{k}]);
    }
  }
  quads.draw(stream);
}

}  // namespace journeysim
