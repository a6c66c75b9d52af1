// One worker's engine: runs a block of agents through the model. Inside a
// block all active agents advance one step per round, grouped by touchpoint
// (RoundSchedule), so each channel is called once per touchpoint per round
// with a batch (TouchpointStep); steps that are not channels walk apart
// (StepWalk). This file holds what ties them together:
// agents arriving, stepping each group by the kind of node it stands at,
// and moving each agent along its outcome. Memory is bounded by the block.
//
// Where the time goes (benchmarks/README.md has the profile): the random
// numbers of a whole group are drawn together (QuadBatch: eight Philox
// counters at a time on AVX2); an agent's state is one struct; counts of a
// block are kept in small flat arrays (BlockCounts) and added to the tally
// once per block; real values are summed per chunk of agents (ChunkSums)
// and settled once per chunk. Everything done per agent is inline, so the
// split into units costs no call per visit.
#include "engine/block_runner.h"

#include <algorithm>
#include <cmath>

#include "engine/agent_paths.h"
#include "engine/block_agent.h"
#include "engine/block_counts.h"
#include "engine/block_memory.h"
#include "engine/block_reporting.h"
#include "engine/fixed_part.h"
#include "engine/frequency_caps.h"
#include "engine/chunk_sums.h"
#include "engine/model_steps.h"
#include "engine/quad_batch.h"
#include "engine/run_calendar.h"
#include "engine/series_bins.h"
#include "engine/agent_schedule.h"
#include "engine/queue_step.h"
#include "engine/stage_trail.h"
#include "engine/step_walk.h"
#include "engine/touchpoint_step.h"
#include "journeysim/engine.h"
#include "journeysim/random_stream.h"

namespace journeysim {

class BlockRunner::Impl {
 public:
  Impl(const SimulationModel& model, uint64_t seed, const ModelSteps& steps, uint32_t capacity,
       bool timed)
      : model_(model),
        touchpoints_(model.touchpoints()),
        steps_(steps),
        touchpoint_count_(static_cast<uint32_t>(touchpoints_.size())),
        stream_(seed),
        horizon_(model.horizon_hours()),
        max_steps_(model.scenario().journey.max_steps),
        capacity_(capacity != 0 ? capacity : block_size(max_steps_)),
        layout_(static_cast<uint32_t>(touchpoints_.size()),
                static_cast<uint32_t>(model.scenario().personas.size()),
                static_cast<uint32_t>(model.scenario().stages.size())),
        agents_(capacity_),
        arrival_u_(4 * size_t{capacity_}),
        schedule_(capacity_, model.scenario().node_count(), timed),
        paths_(capacity_, max_steps_),
        stages_(capacity_, static_cast<uint32_t>(model.scenario().stages.size())),
        step_(capacity_),
        queues_(model),
        memory_(needs_memory(model), capacity_,
                static_cast<uint32_t>(model.scenario().node_count()),
                static_cast<uint32_t>(steps_.steps.size()),
                static_cast<uint32_t>(steps_.context.attributes.size()),
                static_cast<uint32_t>(steps_.experiments.size())),
        walk_(steps_, touchpoints_, horizon_, max_steps_, model.has_steps() ? capacity_ : 0),
        counts_(layout_, capacity_, static_cast<uint32_t>(model.scenario().personas.size()),
                static_cast<uint32_t>(model.milestones().size()),
                static_cast<uint32_t>(model.scenario().stages.size())),
        caps_(model.scenario(), capacity_) {
    for (const Persona& p : model.scenario().personas) {
      initial_satisfaction_.push_back(p.initial_satisfaction);
    }
  }

  void run(uint64_t first_agent, uint32_t count, RunTally& tally) {
    // Counts are kept per block and added to `tally` at its end. Real
    // values are summed per chunk of kSettleAgents agents (by global index),
    // each chunk settled apart from the others: the double partial sums then
    // depend only on the chunk and on the order its agents' steps are taken
    // (round by round, touchpoints in order, agents by index), so any split
    // of the agents at chunk boundaries (threads, comparison clusters,
    // processes) gives the same totals to the last bit.
    first_agent_ = first_agent;
    first_chunk_ = first_agent / kSettleAgents;
    const uint64_t chunks = (first_agent + count - 1) / kSettleAgents - first_chunk_ + 1;
    while (chunks_.size() < chunks) {
      chunks_.emplace_back(layout_);
    }
    // Left over only if an earlier block failed half-way.
    for (ChunkSums& c : chunks_) {
      c.clear(layout_);
    }
    counts_.clear();
    stages_.start_block();

    tally_ = &tally;
    paths_.start_block();
    const bool spread = calendar_ != nullptr && calendar_->spreads_arrivals();
    if (spread && arrival_time_u_.size() < 4 * size_t{count}) {
      arrival_time_u_.resize(4 * size_t{capacity_});
    }
    for (uint32_t i = 0; i < count; ++i) {
      quads_.add(first_agent_ + i, kArrivalStream, 0, 0, &arrival_u_[4 * size_t{i}]);
      // The arrival time is draw 4 of the same stream, so the first four
      // (persona, entry, survey noise) keep their values.
      if (spread) {
        quads_.add(first_agent_ + i, kArrivalStream, 0, 1, &arrival_time_u_[4 * size_t{i}]);
      }
    }
    quads_.draw(stream_);
    if (bins_.on()) {
      tally.series.resize(bins_.count());
    }
    for (uint32_t i = 0; i < count; ++i) {
      arrive(i);
    }
    schedule_.start(count, agents_.data());
    while (!schedule_.done()) {
      schedule_.run_round(agents_.data(), [&](uint32_t node, const uint32_t* group,
                                              uint32_t size) { step_node(node, group, size); });
    }
    if (trace_.on()) {
      trace_.flush(first_agent, count);
    }
    counts_.add_to(tally);
    for (uint64_t c = 0; c < chunks; ++c) {
      chunks_[c].settle(layout_, tally);
    }
  }

  ArmOutcome outcome_in(uint32_t i, uint32_t experiment) const {
    if (memory_.arm(i, experiment) == kNoArm) {
      return ArmOutcome::NotReached;
    }
    return agents_[i].conversions > 0 ? ArmOutcome::Converted : ArmOutcome::Reached;
  }

  void set_progress(std::atomic<uint64_t>* progress) { progress_.set_counter(progress); }
  void flush_progress() { progress_.flush(); }
  void set_trace(EventTrace* trace) { trace_.set_trace(trace); }
  void set_live_queues(LiveQueues* live) { queues_.set_live(live); }
  void set_calendar(const RunCalendar* calendar) {
    calendar_ = calendar != nullptr && calendar->on() ? calendar : nullptr;
    bins_ = calendar_ != nullptr ? calendar_->bins() : SeriesBins();
  }
  void set_queue_fates(const QueueFates* fates) { queues_.set_fates(fates); }

 private:
  ChunkSums& sums_of(uint32_t i) {
    return chunks_[(first_agent_ + i) / kSettleAgents - first_chunk_];
  }

  // Agent i's arrival draws are in arrival_u_ (drawn for the whole block).
  void arrive(uint32_t i) {
    const double* u = &arrival_u_[4 * size_t{i}];
    const auto& pcdf = model_.persona_cdf();
    const auto persona = static_cast<uint32_t>(std::min<size_t>(
        std::upper_bound(pcdf.begin(), pcdf.end(), u[0]) - pcdf.begin(), pcdf.size() - 1));
    const auto& ecdf = model_.entry_cdf();
    const size_t e = std::min<size_t>(
        std::upper_bound(ecdf.begin(), ecdf.end(), u[1]) - ecdf.begin(), ecdf.size() - 1);
    const double arrived = calendar_ != nullptr && calendar_->spreads_arrivals()
                               ? calendar_->arrival_hours(first_agent_ + i,
                                                          arrival_time_u_[4 * size_t{i}])
                               : 0.0;
    agents_[i] = BlockAgent{0.0,     arrived, 0.0,  initial_satisfaction_[persona],
                            0.0,     0.0,     u[2], u[3],
                            persona, model_.entry_touchpoints()[e],
                            0,       0,       0,    0,
                            0,       false,   false, false};
    counts_.arrive(i);
    if (memory_.on()) {
      memory_.arrive(i);
    }
    if (caps_.on()) {
      caps_.arrive(i);
    }
    if (bins_.on()) {
      ++tally_->series.arrivals[bins_.of(agents_[i].arrived)];
    }
  }

  // Agent i converts at a touchpoint: its first conversion is its time to
  // convert, and each counts in the time series.
  void convert(BlockAgent& a) {
    if (a.conversions++ == 0) {
      a.convert_hours = a.hours;
    }
    if (bins_.on()) {
      ++tally_->series.conversions[bins_.of(a.arrived + a.hours)];
    }
  }

  // Journeys whose agents must remember (block_memory.h): those with steps
  // or `on` routes.
  static bool needs_memory(const SimulationModel& model) {
    if (model.has_steps()) {
      return true;
    }
    return std::any_of(model.touchpoints().begin(), model.touchpoints().end(),
                       [](const ModelTouchpoint& tp) { return !tp.event_targets.empty(); });
  }

  // Steps the agents standing at one node this round: a channel's
  // touchpoint, or a step that is not a channel (StepWalk: wait, split,
  // experiment, update, exit), where a journey that ends is recorded here
  // like any other.
  void step_node(uint32_t node, const uint32_t* group, uint32_t count) {
    if (node < touchpoint_count_) {
      return step_touchpoint(node, group, count);
    }
    const StepBlock block{agents_.data(), memory_, stages_,      paths_,
                          schedule_,      quads_,  stream_,      first_agent_,
                          trace_.on() ? &trace_ : nullptr,       calendar_};
    walk_.run(node, group, count, block, tally_->steps[node - touchpoint_count_],
              [&](uint32_t i, const StepEnd& end) { finish_in(i, end.stage, end.ending); });
  }

  void step_touchpoint(uint32_t t, const uint32_t* group, uint32_t count) {
    const ModelTouchpoint& tp = touchpoints_[t];
    if (tp.resource != kNoResource) {
      return step_queue(t, tp, group, count);
    }
    const Touchpoint& written = model_.scenario().touchpoints[t];
    if (calendar_ != nullptr && written.window) {
      count = hold_for_window(t, *written.window, group, count);
      group = ready_.data();
      if (count == 0) {
        return;
      }
    }
    if (caps_.on() && !tp.caps.empty()) {
      count = within_caps(t, tp, group, count);
      group = sent_.data();
      if (count == 0) {
        return;
      }
    }
    step_.run(tp, t, group, count, agents_.data(), paths_, first_agent_, quads_, stream_);
    TouchpointTally& here = tally_->touchpoints[t];
    for (uint32_t k = 0; k < count; ++k) {
      move(group[k], t, tp, here, step_.visit(k), step_.outcome(k), step_.engine_draws(k));
    }
  }

  // A message due outside its send window waits for it to open, on the
  // customer's own clock; the wait is reported. Whoever the wait carries
  // past the horizon is cut off there. The rest (ready_) meet the channel.
  uint32_t hold_for_window(uint32_t t, const SendWindow& window, const uint32_t* group,
                           uint32_t count) {
    TouchpointTally& here = tally_->touchpoints[t];
    ready_.clear();
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t i = group[k];
      BlockAgent& a = agents_[i];
      const double wait = calendar_->hours_until_open(window, a.persona, a.arrived + a.hours);
      here.window_hours.add(fixed_part(std::min(wait, horizon_ - a.hours)));
      a.hours += wait;
      if (a.hours > horizon_) {
        VisitCounter cut{here, tally_->personas[a.persona].touchpoints[t]};
        cut_off(i, t, cut, Cutoff::Horizon);
        continue;
      }
      ready_.push_back(i);
    }
    return static_cast<uint32_t>(ready_.size());
  }

  // Frequency caps: a message that would be one too many within a cap's
  // span is skipped (skip_capped); the others are sent (sent_) and
  // remembered.
  uint32_t within_caps(uint32_t t, const ModelTouchpoint& tp, const uint32_t* group,
                       uint32_t count) {
    sent_.clear();
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t i = group[k];
      const double now = agents_[i].arrived + agents_[i].hours;
      if (caps_.allows(i, tp, now)) {
        caps_.record(i, tp, now);
        sent_.push_back(i);
      } else {
        skip_capped(i, t, tp);
      }
    }
    return static_cast<uint32_t>(sent_.size());
  }

  // A capped message: the channel is not called and nothing of it reaches
  // the customer. The `capped` event goes where `on` routes it, else on to
  // `next` as a continuing customer would (drawn by the weights, with the
  // visit's own engine draws); the skipped visit takes a step of the
  // customer's path, so a loop of capped messages still ends.
  void skip_capped(uint32_t i, uint32_t t, const ModelTouchpoint& tp) {
    BlockAgent& a = agents_[i];
    TouchpointTally& here = tally_->touchpoints[t];
    VisitCounter count{here, tally_->personas[a.persona].touchpoints[t]};
    ++here.capped;
    if (a.steps >= max_steps_) {
      return cut_off(i, t, count, Cutoff::StepLimit);
    }
    const uint32_t visit = paths_.visits(a, i, t);
    paths_.take_step(a, i, t);
    if (tp.capped_target != kNoRoute) {
      // As any routed event: on only while the path has room.
      if (a.steps >= max_steps_) {
        return cut_off(i, t, count, Cutoff::StepLimit);
      }
      a.at = tp.capped_target;
      return schedule_.go_on(i);
    }
    if (tp.edge_targets.empty()) {
      ++here.exits;
      if (a.conversions == 0) {
        count.lost(tp.reason_count + kEndedReason);
      }
      return finish(i, t, Ending::Exited);
    }
    double u[4];
    stream_.quad(first_agent_ + i, tp.stream_key, visit, kDelayDraw / 4, u);
    js_outcome by_weight{};
    by_weight.next = JS_NEXT_BY_WEIGHT;
    leave_by_edge(i, t, tp, here, count, by_weight, u);
  }

  // A touchpoint whose customers queue for a resource (QueueStep): who
  // gives up in the queue leaves by the `gave_up` event without meeting the
  // channel; the others meet it after their wait, which it sees.
  void step_queue(uint32_t t, const ModelTouchpoint& tp, const uint32_t* group,
                  uint32_t count) {
    TouchpointTally& here = tally_->touchpoints[t];
    queues_.meet(t, tp, group, count, agents_.data(), paths_, first_agent_, stream_,
                 [&](uint32_t i, uint32_t visit, const js_outcome& left) {
                   move(i, t, tp, here, visit, left, nullptr);
                 });
    const QueueStep::Stayed& stayed = queues_.stayed();
    if (stayed.agents.empty()) {
      return;
    }
    const auto n = static_cast<uint32_t>(stayed.agents.size());
    step_.run(tp, t, stayed.agents.data(), n, agents_.data(), paths_, first_agent_, quads_,
              stream_, stayed.waits.data());
    for (uint32_t k = 0; k < n; ++k) {
      const js_outcome o = queues_.after_channel(t, tp, k, step_.outcome(k));
      move(stayed.agents[k], t, tp, here, step_.visit(k), o, step_.engine_draws(k));
    }
  }

  // Moves agent i along its outcome `o` at touchpoint t: the visit's
  // effects, then the edge it takes (or the end of its journey).
  // `engine_u` holds the engine's draws at this visit when it needs them.
  void move(uint32_t i, uint32_t t, const ModelTouchpoint& tp, TouchpointTally& here,
            uint32_t visit, const js_outcome& o, const double* engine_u) {
    BlockAgent& a = agents_[i];
    VisitCounter count{here, tally_->personas[a.persona].touchpoints[t]};
    ChunkSums& sums = sums_of(i);
    count.arrival(visit);
    a.reached_conversion = a.reached_conversion || tp.converts;
    sums.add(layout_.arrival(t), o.p_continue);

    if (a.hours + o.hours > horizon_) {
      return cut_off(i, t, count, Cutoff::Horizon);
    }
    // Model 2: the event the interaction ended in may be routed by `on`,
    // ahead of `next` and of a drop.
    uint32_t routed = kNoRoute;
    if (memory_.on()) {
      const uint32_t e = tp.event_of(o);
      memory_.visit(i, t);
      memory_.event(i, t, e);
      routed = tp.event_targets.empty() ? kNoRoute : tp.event_targets[e];
    }
    if (trace_.on()) {
      TraceEvent event{first_agent_ + i, a.hours, o.money, t, a.persona,
                       uint8_t(tp.converts && o.next != JS_NEXT_DROP),
                       uint8_t(o.next == JS_NEXT_DROP && routed == kNoRoute)};
      event.arrived = a.arrived;
      trace_.add(event);
    }
    a.hours += o.hours;
    a.effort += o.effort;
    a.satisfaction = std::clamp(a.satisfaction + o.emotion, 0.0, 1.0);
    a.spent += o.money;
    a.messages += o.messages;
    a.referrals += o.referrals;
    if (bins_.on() && o.messages > 0) {
      tally_->series.messages[bins_.of(a.arrived + a.hours - o.hours)] += o.messages;
    }
    stages_.reach(a, i, tp.stage);
    paths_.take_step(a, i, t);
    sums.add<SumLayout::kVisitSums>(layout_.visit(t),
                                    {o.effort, o.emotion, o.hours, o.money, a.satisfaction});

    if (routed != kNoRoute) {
      return follow_route(i, t, tp, here, count, o, routed);
    }
    if (o.next == JS_NEXT_DROP) {
      count.dropped(o.reason);
      // A customer who converted earlier (the thank-you e-mail they ignore)
      // is not lost.
      if (a.conversions == 0) {
        count.lost(o.reason);
      }
      return finish(i, t, Ending::Dropped);
    }
    ++here.continued;
    a.engaged = true;
    if (tp.milestone >= 0) {
      counts_.reach_milestone(i, static_cast<uint32_t>(tp.milestone));
    }
    if (tp.converts) {
      convert(a);
    }
    if (tp.edge_targets.empty()) {
      ++here.exits;
      if (a.conversions == 0) {
        count.lost(tp.reason_count + kEndedReason);
      }
      return finish(i, t, Ending::Exited);
    }
    leave_by_edge(i, t, tp, here, count, o, engine_u);
  }

  // Agent i goes on from touchpoint t along a `next` edge (the channel's,
  // or one drawn by the weights) after the edge's delay, unless the delay
  // passes the horizon or its path is full.
  void leave_by_edge(uint32_t i, uint32_t t, const ModelTouchpoint& tp, TouchpointTally& here,
                     VisitCounter& count, const js_outcome& o, const double* engine_u) {
    BlockAgent& a = agents_[i];
    const uint32_t edge = choose_edge(tp, o, engine_u);
    ++here.edges[edge];
    if (const double gap = tp.edge_delay_hours[edge]; gap > 0.0) {
      a.hours += -gap * std::log(engine_u[kDelayDraw % 4]);  // exponential, mean `gap`
      if (a.hours > horizon_) {
        return cut_off(i, t, count, Cutoff::Horizon);
      }
    }
    if (a.steps >= max_steps_) {
      return cut_off(i, t, count, Cutoff::StepLimit);
    }
    a.at = tp.edge_targets[edge];
    schedule_.go_on(i);
  }

  // Agent i's event at touchpoint t is routed by `on` to `target`. A
  // success event counts as continued; any other is the channel's drop,
  // with its reason (the checkout's abandonment stays visible there), but
  // the customer is not lost: the journey goes on. Only a success event
  // counts as engaging, reaches the milestone, converts.
  void follow_route(uint32_t i, uint32_t t, const ModelTouchpoint& tp, TouchpointTally& here,
                    VisitCounter& count, const js_outcome& o, uint32_t target) {
    BlockAgent& a = agents_[i];
    if (o.next == JS_NEXT_DROP) {
      count.dropped(o.reason);
      ++here.rerouted;
    } else {
      ++here.continued;
      a.engaged = true;
      if (tp.milestone >= 0) {
        counts_.reach_milestone(i, static_cast<uint32_t>(tp.milestone));
      }
      if (tp.converts) {
        convert(a);
      }
    }
    if (a.steps >= max_steps_) {
      return cut_off(i, t, count, Cutoff::StepLimit);
    }
    a.at = target;
    schedule_.go_on(i);
  }

  // The edge the channel named, or one drawn by the touchpoint's weights.
  static uint32_t choose_edge(const ModelTouchpoint& tp, const js_outcome& o,
                              const double* engine_u) {
    if (o.next >= 0) {
      return static_cast<uint32_t>(o.next);
    }
    if (tp.edge_cdf.size() <= 1) {
      return 0;
    }
    const double u = engine_u[kEdgeDraw % 4];
    const auto edge = static_cast<uint32_t>(
        std::upper_bound(tp.edge_cdf.begin(), tp.edge_cdf.end(), u) - tp.edge_cdf.begin());
    return std::min<uint32_t>(edge, static_cast<uint32_t>(tp.edge_cdf.size() - 1));
  }

  // The engine ends the journey at touchpoint t (a Cutoff reason).
  void cut_off(uint32_t i, uint32_t t, VisitCounter& count, Cutoff why) {
    count.cut_off(touchpoints_[t].reason_count + static_cast<uint32_t>(why));
    finish(i, t, why == Cutoff::Horizon ? Ending::Horizon : Ending::StepLimit);
  }

  void finish(uint32_t i, uint32_t t, Ending ending) { finish_in(i, touchpoints_[t].stage, ending); }

  void finish_in(uint32_t i, uint32_t stage, Ending ending) {
    BlockAgent& a = agents_[i];
    ChunkSums& sums = sums_of(i);
    counts_.record_journey(i, a, ending, sums, *tally_);
    counts_.record_stages(i, a, stage, ending, stages_, sums);
    if (a.conversions > 0) {
      for (size_t x = 0; x < steps_.experiments.size(); ++x) {
        const uint32_t arm = memory_.arm(i, static_cast<uint32_t>(x));
        if (arm != kNoArm) {
          ++tally_->steps[steps_.experiments[x]].arm_converted[arm];
        }
      }
    }
    progress_.agent_finished();
  }

  const SimulationModel& model_;
  const std::vector<ModelTouchpoint>& touchpoints_;
  const ModelSteps& steps_;
  const uint32_t touchpoint_count_;  // node indices below it are touchpoints
  RandomStream stream_;
  const double horizon_;
  const uint32_t max_steps_;
  const uint32_t capacity_;
  const SumLayout layout_;
  std::vector<double> initial_satisfaction_;  // by persona
  std::vector<ChunkSums> chunks_;  // the sums of each chunk of the block
  uint64_t first_chunk_ = 0;
  RunTally* tally_ = nullptr;  // what run() counts into
  uint64_t first_agent_ = 0;

  std::vector<BlockAgent> agents_;  // by position in the block
  std::vector<double> arrival_u_;   // four draws per agent
  QuadBatch quads_;
  AgentSchedule schedule_;
  AgentPaths paths_;
  StageTrail stages_;
  TouchpointStep step_;
  QueueStep queues_;
  BlockMemory memory_;
  StepWalk walk_;
  BlockCounts counts_;
  SeriesBins bins_;
  const RunCalendar* calendar_ = nullptr;
  std::vector<uint32_t> ready_;  // of a group, those inside their send window
  std::vector<uint32_t> sent_;   // of those, the ones no frequency cap skips
  FrequencyCaps caps_;
  std::vector<double> arrival_time_u_;  // arrival draw 4 per agent, with [arrivals]
  ProgressBatch progress_;
  BlockTrace trace_;
};

BlockRunner::BlockRunner(const SimulationModel& model, uint64_t seed, const ModelSteps* steps,
                         uint32_t capacity, bool timed)
    : impl_(std::make_unique<Impl>(model, seed, steps != nullptr ? *steps : model.steps(),
                                   capacity, timed)) {}
BlockRunner::~BlockRunner() = default;

void BlockRunner::run(uint64_t first_agent, uint32_t count, RunTally& tally) {
  impl_->run(first_agent, count, tally);
}

ArmOutcome BlockRunner::outcome_in(uint32_t i, uint32_t experiment) const {
  return impl_->outcome_in(i, experiment);
}

void BlockRunner::set_progress(std::atomic<uint64_t>* progress) { impl_->set_progress(progress); }
void BlockRunner::flush_progress() { impl_->flush_progress(); }
void BlockRunner::set_trace(EventTrace* trace) { impl_->set_trace(trace); }
void BlockRunner::set_live_queues(LiveQueues* live) { impl_->set_live_queues(live); }
void BlockRunner::set_calendar(const RunCalendar* calendar) { impl_->set_calendar(calendar); }
void BlockRunner::set_queue_fates(const QueueFates* fates) { impl_->set_queue_fates(fates); }

}  // namespace journeysim
