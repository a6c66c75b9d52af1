// Walking the agents of a block through journey model 2's steps that are not
// channels (wait, split, experiment, update, exit). A step takes no time but
// a wait's, and adds nothing to the agent's touchpoint count (`steps`,
// bounded by max_steps). Its own visits are bounded by max_steps too, so a
// loop through steps alone still ends.
//
// The block's state stays the runner's: a step reads and moves it through a
// StepBlock, and a journey that ends at a step is handed back to the runner
// (the `finish` callback) to be recorded. Header-only because everything done
// per agent is inline in the runner, so the split costs no call per visit.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/agent_paths.h"
#include "engine/block_agent.h"
#include "engine/block_memory.h"
#include "engine/block_reporting.h"
#include "engine/model_steps.h"
#include "engine/quad_batch.h"
#include "engine/agent_schedule.h"
#include "engine/fixed_part.h"
#include "engine/run_calendar.h"
#include "engine/stage_trail.h"
#include "journeysim/random_stream.h"
#include "journeysim/simulation_model.h"
#include "journeysim/tally.h"
#include "steps/race.h"

namespace journeysim {

/// The state of the block a step reads and moves; all of it the runner's.
/// Agent i of the block is agent first_agent + i of the run.
struct StepBlock {
  BlockAgent* agents;
  BlockMemory& memory;
  StageTrail& stages;
  const AgentPaths& paths;
  AgentSchedule& schedule;
  QuadBatch& quads;
  const RandomStream& stream;
  uint64_t first_agent;
  BlockTrace* trace;  // run --events: every step visit (null: none)
  const RunCalendar* calendar;  // send windows' clocks (null: no calendar)
};

/// How a journey that ends at a step ends: the stage it ends in and why.
struct StepEnd {
  uint32_t stage;
  Ending ending;
};

class StepWalk {
 public:
  /// Room for groups of up to `capacity` agents (0 for a journey without
  /// steps). Node indices below touchpoints.size() are touchpoints.
  StepWalk(const ModelSteps& steps, const std::vector<ModelTouchpoint>& touchpoints,
           double horizon, uint32_t max_steps, uint32_t capacity)
      : steps_(steps),
        touchpoints_(touchpoints),
        touchpoint_count_(static_cast<uint32_t>(touchpoints.size())),
        horizon_(horizon),
        max_steps_(max_steps),
        step_u_(size_t{capacity} * ModelSteps::kDraws),
        step_visit_(capacity) {}

  /// Steps `count` agents (block positions `group`) standing at step `node`
  /// this round, counting into `here`. Each agent goes on (schedule.go_on),
  /// or its journey ends there and finish(i, StepEnd) records it before the
  /// next agent of the group steps.
  template <class Finish>
  void run(uint32_t node, const uint32_t* group, uint32_t count, const StepBlock& b,
           StepTally& here, Finish&& finish) {
    const uint32_t s = node - touchpoint_count_;
    const ModelStep& st = steps_.steps[s];
    const bool draws = st.draws();
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t i = group[k];
      step_visit_[k] = b.memory.next_step_visit(i, s);
      if (draws) {
        b.quads.add_fill(b.first_agent + i, st.stream_key, step_visit_[k], ModelSteps::kDraws,
                         &step_u_[size_t{k} * ModelSteps::kDraws]);
      }
    }
    if (draws) {
      b.quads.draw(b.stream);
    }
    for (uint32_t k = 0; k < count; ++k) {
      const double arrived = b.agents[group[k]].hours;
      const std::optional<StepEnd> end = enter(b, group[k], node, st, here, step_visit_[k],
                                               &step_u_[size_t{k} * ModelSteps::kDraws]);
      if (b.trace != nullptr) {
        trace(b, group[k], node, arrived, end.has_value());
      }
      if (end) {
        finish(group[k], *end);
      }
    }
  }

 private:
  using Next = std::optional<StepEnd>;  // nothing: the agent goes on

  // The visit for run --events: when it came, the route it took (route_,
  // set on the way), how long it waited, whether its journey ended here.
  void trace(const StepBlock& b, uint32_t i, uint32_t node, double arrived, bool ended) {
    const BlockAgent& a = b.agents[i];
    TraceEvent event;
    event.agent = b.first_agent + i;
    event.hours = arrived;
    event.arrived = a.arrived;
    event.touchpoint = node;
    event.persona = a.persona;
    event.dropped = ended ? 1 : 0;
    event.route = route_;
    event.waited = std::min(a.hours, horizon_) - arrived;
    b.trace->add(event);
  }

  // Agent i at step `node` (its visit number `visit`, its draws `u`).
  Next enter(const StepBlock& b, uint32_t i, uint32_t node, const ModelStep& st,
             StepTally& here, uint32_t visit, const double* u) {
    BlockAgent& a = b.agents[i];
    ++here.arrivals;
    here.agents += visit == 0 ? 1 : 0;
    b.memory.visit(i, node);
    if (st.stage != Step::kNoStage) {
      b.stages.reach(a, i, st.stage);
    }
    if (visit >= max_steps_) {
      return cut_off(b, i, st, here, Ending::StepLimit);
    }
    switch (st.kind) {
      case Step::Kind::Wait:
        return wait(b, i, st, here, u);
      case Step::Kind::Split: {
        const AgentMemoryView view = b.memory.view(i, a);
        for (size_t c = 0; c < st.conditions.size(); ++c) {
          if (evaluate_condition(st.conditions[c], view)) {
            route_ = static_cast<uint32_t>(c);
            return go_to(b, i, st, here, st.branch_targets[c]);
          }
        }
        route_ = static_cast<uint32_t>(st.branch_targets.size() - 1);
        return go_to(b, i, st, here, st.branch_targets.back());
      }
      case Step::Kind::Experiment: {
        // An agent keeps its arm; the first draw comes from its own stream
        // keyed by the experiment, so the same customer lands in the same
        // arm in every variant.
        uint32_t& arm = b.memory.arm(i, st.experiment);
        if (arm == kNoArm) {
          arm = pick(st.arm_cdf, u[0]);
          ++here.arm_agents[arm];
        }
        ++here.arm_arrivals[arm];
        route_ = arm;
        return go_to(b, i, st, here, st.arm_targets[arm]);
      }
      case Step::Kind::Update:
        for (const AttributeSet& set : st.sets) {
          b.memory.attribute(i, set.attribute) = set.code;
        }
        return take_edge(b, i, st, here, u);
      case Step::Kind::Exit:
        ++here.exits;
        return StepEnd{stage_of(b, i, st), Ending::Exited};
    }
    return std::nullopt;  // unreachable: every kind returns above
  }

  // A wait: the agent's clock moves on by a draw of the wait, or less if a
  // return racing it comes first (and then goes where the return leads).
  Next wait(const StepBlock& b, uint32_t i, const ModelStep& st, StepTally& here,
            const double* u) {
    BlockAgent& a = b.agents[i];
    double hours = sample_wait_hours(st.wait, u[0]);
    uint32_t target = kNoRoute;
    if (!st.race_rates.empty()) {
      const RaceOutcome race = race_wait(hours, st.race_rates, u[1], u[2]);
      hours = race.hours;
      if (race.returned) {
        target = st.race_targets[race.race];
        route_ = static_cast<uint32_t>(st.edge_targets.size() + race.race);
        ++here.returned;
      }
    }
    // A wait with a window lasts on until the window is open (its own time
    // first, docs/calendar.md), on the customer's clock.
    if (st.window && b.calendar != nullptr) {
      hours += b.calendar->hours_until_open(*st.window, a.persona, a.arrived + a.hours + hours);
    }
    // Time waited within the horizon: a customer cut off there waited only
    // until it (and a wait of any length stays in fixed-point range).
    here.hours.add(fixed_part(std::min(hours, horizon_ - a.hours)));
    a.hours += hours;
    if (a.hours > horizon_) {
      return cut_off(b, i, st, here, Ending::Horizon);
    }
    if (target != kNoRoute) {
      return go_to(b, i, st, here, target);
    }
    return take_edge(b, i, st, here, u);
  }

  // The step's edge, drawn by its weights, after the edge's delay.
  Next take_edge(const StepBlock& b, uint32_t i, const ModelStep& st, StepTally& here,
                 const double* u) {
    const uint32_t edge = st.edge_cdf.size() > 1 ? pick(st.edge_cdf, u[3]) : 0;
    route_ = edge;
    if (const double gap = st.edge_delay_hours[edge]; gap > 0.0) {
      BlockAgent& a = b.agents[i];
      a.hours += -gap * std::log1p(-u[4]);  // exponential, mean `gap`
      if (a.hours > horizon_) {
        return cut_off(b, i, st, here, Ending::Horizon);
      }
    }
    return go_to(b, i, st, here, st.edge_targets[edge]);
  }

  static uint32_t pick(const std::vector<double>& cdf, double u) {
    const auto k =
        static_cast<uint32_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    return std::min<uint32_t>(k, static_cast<uint32_t>(cdf.size() - 1));
  }

  // From a step to `target`; a touchpoint only while the agent may take
  // another touchpoint step (its path has room for max_steps).
  Next go_to(const StepBlock& b, uint32_t i, const ModelStep& st, StepTally& here,
             uint32_t target) {
    BlockAgent& a = b.agents[i];
    if (target < touchpoint_count_ && a.steps >= max_steps_) {
      return cut_off(b, i, st, here, Ending::StepLimit);
    }
    a.at = target;
    b.schedule.go_on(i);
    return std::nullopt;
  }

  Next cut_off(const StepBlock& b, uint32_t i, const ModelStep& st, StepTally& here,
               Ending ending) {
    ++here.cut_off;
    return StepEnd{stage_of(b, i, st), ending};
  }

  // The stage a journey ending at a step ends in: the step's, or else that
  // of the last touchpoint the agent stood at (every journey enters at one).
  uint32_t stage_of(const StepBlock& b, uint32_t i, const ModelStep& st) const {
    return st.stage != Step::kNoStage ? st.stage
                                      : touchpoints_[b.paths.last(b.agents[i], i)].stage;
  }

  const ModelSteps& steps_;
  const std::vector<ModelTouchpoint>& touchpoints_;
  const uint32_t touchpoint_count_;
  const double horizon_;
  const uint32_t max_steps_;
  std::vector<double> step_u_;        // ModelSteps::kDraws per agent of a group
  std::vector<uint32_t> step_visit_;  // per agent of a group
  uint32_t route_ = 0;                // the route the last agent took (for traces)
};

}  // namespace journeysim
