// One worker's engine: runs a block of agents through the model. Inside a
// block all active agents advance one step per round, grouped by touchpoint,
// so each channel is called once per touchpoint per round with a batch (the
// plugin boundary costs nothing per agent). Memory is bounded by the block.
//
// Where the time goes (benchmarks/README.md has the profile): the random
// numbers of a whole group are drawn together (QuadBatch: eight Philox
// counters at a time on AVX2); an agent's state is one struct; counts of a
// block are kept in small flat arrays and added to the tally once per block;
// real values are summed per chunk of agents (ChunkSums) and settled once
// per chunk.
#include "engine/block_runner.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <unordered_map>

#include "engine/chunk_sums.h"
#include "engine/quad_batch.h"
#include "journeysim/engine.h"
#include "journeysim/random_stream.h"
#include "metrics/satisfaction_scales.h"
#include "plugins/outcome_check.h"

namespace journeysim {
namespace {

enum class Ending { Exited, Dropped, Horizon, StepLimit };

// One agent of the block.
struct Agent {
  double hours, effort, satisfaction, spent, convert_hours;
  double csat_u, recommend_u;  // arrival draws 2 and 3: the survey noise
  uint32_t persona, at, steps, messages, conversions, referrals;
  uint32_t stages;  // entries used in its list of stages reached
  bool engaged, reached_conversion, counted;
};

// A persona's counts at one stage in the block.
struct StageCounts {
  uint64_t reached, dropped, converted;

  void add_to(StageTally& s) const {
    s.reached += reached;
    s.dropped += dropped;
    s.converted += converted;
  }
};

}  // namespace

class BlockRunner::Impl {
 public:
  Impl(const SimulationModel& model, uint64_t seed)
      : model_(model),
        touchpoints_(model.touchpoints()),
        stream_(seed),
        horizon_(model.horizon_hours()),
        max_steps_(model.scenario().journey.max_steps),
        capacity_(block_size(max_steps_)),
        persona_count_(static_cast<uint32_t>(model.scenario().personas.size())),
        stage_count_(static_cast<uint32_t>(model.scenario().stages.size())),
        milestone_count_(static_cast<uint32_t>(model.milestones().size())),
        layout_(static_cast<uint32_t>(touchpoints_.size()), persona_count_, stage_count_) {
    const size_t n = capacity_;
    agents_.resize(n);
    for (const Persona& p : model.scenario().personas) {
      initial_satisfaction_.push_back(p.initial_satisfaction);
    }
    milestones_.resize(n * milestone_count_);
    path_.resize(n * max_steps_);
    stage_list_.resize(n * stage_count_);
    stage_seen_.resize(n * stage_count_);
    stage_last_.resize(n * stage_count_);
    journey_counts_.resize(persona_count_);
    milestone_counts_.resize(size_t{persona_count_} * milestone_count_);
    stage_counts_.resize(size_t{persona_count_} * stage_count_);
    bucket_start_.resize(touchpoints_.size() + 1);
    views_.resize(n);
    outcomes_.resize(n);
    uniforms_.resize(n * JS_MAX_UNIFORMS);
    arrival_u_.resize(4 * n);
    engine_u_.resize(4 * n);
    next_bits_.resize((n + 63) / 64);
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
    clear_counts();
    std::fill(stage_seen_.begin(), stage_seen_.end(), uint8_t{0});

    tally_ = &tally;
    active_.clear();
    long_visits_.clear();
    for (uint32_t i = 0; i < count; ++i) {
      quads_.add(first_agent_ + i, kArrivalStream, 0, 0, &arrival_u_[4 * size_t{i}]);
    }
    quads_.draw(stream_);
    for (uint32_t i = 0; i < count; ++i) {
      arrive(i);
      active_.push_back(i);
    }
    while (!active_.empty()) {
      step_round();
    }
    if (trace_ != nullptr) {
      flush_trace(first_agent, count);
    }
    add_counts(tally);
    for (uint64_t c = 0; c < chunks; ++c) {
      chunks_[c].settle(layout_, tally);
    }
  }

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
    agents_[i] = Agent{0.0,     0.0,  initial_satisfaction_[persona],
                       0.0,     0.0,  u[2],
                       u[3],    persona, model_.entry_touchpoints()[e],
                       0,       0,    0,
                       0,       0,    false,
                       false,   false};
    for (uint32_t m = 0; m < milestone_count_; ++m) {
      milestones_[size_t{i} * milestone_count_ + m] = 0;
    }
  }

  // Earlier visits of agent i to touchpoint t (the visit number keys the
  // random stream). Short paths are scanned; an agent past kScanSteps steps
  // gets its visits counted in a hash map instead, so a 10^5-step journey
  // costs linear time, not quadratic.
  uint32_t visits(uint32_t i, uint32_t t) {
    Agent& a = agents_[i];
    const uint32_t* path = &path_[i];
    if (a.steps <= kScanSteps) {
      uint32_t n = 0;
      for (uint32_t s = 0; s < a.steps; ++s) {
        n += path[size_t{s} * capacity_] == t ? 1 : 0;
      }
      return n;
    }
    if (!a.counted) {
      a.counted = true;
      for (uint32_t s = 0; s < a.steps; ++s) {
        ++long_visits_[visit_key(i, path[size_t{s} * capacity_])];
      }
    }
    const auto it = long_visits_.find(visit_key(i, t));
    return it == long_visits_.end() ? 0 : it->second;
  }

  static uint64_t visit_key(uint32_t i, uint32_t t) { return uint64_t{i} << 32 | t; }

  // One round: every active agent takes one step, grouped by touchpoint
  // (ascending), agents in index order within a group.
  void step_round() {
    const size_t touchpoints = touchpoints_.size();
    order_.resize(active_.size());
    if (touchpoints > 2 * active_.size()) {
      // Few agents spread over a huge journey: sorting them is cheaper than
      // a pass over every touchpoint each round.
      std::copy(active_.begin(), active_.end(), order_.begin());
      std::stable_sort(order_.begin(), order_.end(),
                       [&](uint32_t a, uint32_t b) { return agents_[a].at < agents_[b].at; });
    } else {
      std::fill(bucket_start_.begin(), bucket_start_.end(), 0u);
      for (uint32_t i : active_) {
        ++bucket_start_[agents_[i].at + 1];
      }
      for (size_t t = 0; t < touchpoints; ++t) {
        bucket_start_[t + 1] += bucket_start_[t];
      }
      for (uint32_t i : active_) {
        order_[bucket_start_[agents_[i].at]++] = i;
      }
    }
    std::fill(next_bits_.begin(), next_bits_.end(), uint64_t{0});
    for (size_t begin = 0; begin < order_.size();) {
      // A group ends where the touchpoint changes; interact_at moves only
      // the agents of the group it is given.
      const uint32_t t = agents_[order_[begin]].at;
      size_t end = begin + 1;
      while (end < order_.size() && agents_[order_[end]].at == t) {
        ++end;
      }
      interact_at(t, &order_[begin], static_cast<uint32_t>(end - begin));
      begin = end;
    }
    // The agents going on, in index order, so that each group of the next
    // round holds its agents in index order too.
    active_.clear();
    for (size_t w = 0; w < next_bits_.size(); ++w) {
      for (uint64_t bits = next_bits_[w]; bits != 0; bits &= bits - 1) {
        active_.push_back(static_cast<uint32_t>(w * 64 + std::countr_zero(bits)));
      }
    }
  }

  void interact_at(uint32_t t, const uint32_t* group, uint32_t count) {
    const ModelTouchpoint& tp = touchpoints_[t];
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t i = group[k];
      const Agent& a = agents_[i];
      const uint32_t v = visits(i, t);
      double* u = &uniforms_[size_t{k} * JS_MAX_UNIFORMS];
      quads_.add_fill(first_agent_ + i, tp.stream_key, v, tp.uniforms, u);
      views_[k] = js_agent_view{a.persona, v,        a.messages,     a.steps, a.hours,
                                a.effort,  a.satisfaction, a.spent, u};
    }
    quads_.draw(stream_);
    const js_batch batch{tp.personas.data(), static_cast<uint32_t>(tp.personas.size()),
                         views_.data(), count};
    tp.channel->interact(batch, outcomes_.data());
    // The engine's own draws at this visit ([0] the gap, [1] the edge), for
    // those who go on and need them.
    const bool weighted = tp.edge_cdf.size() > 1;
    for (uint32_t k = 0; k < count; ++k) {
      const js_outcome& o = outcomes_[k];
      check_outcome(o, tp);
      if (o.next != JS_NEXT_DROP && !tp.edge_targets.empty() &&
          ((o.next < 0 && weighted) || tp.has_delays)) {
        quads_.add(first_agent_ + group[k], tp.stream_key, views_[k].visits, kDelayDraw / 4,
                   &engine_u_[4 * size_t{k}]);
      }
    }
    quads_.draw(stream_);
    TouchpointTally& here = tally_->touchpoints[t];
    for (uint32_t k = 0; k < count; ++k) {
      apply(group[k], t, tp, here, views_[k].visits, outcomes_[k], &engine_u_[4 * size_t{k}]);
    }
  }

  // `engine_u` holds the engine's draws at this visit when it needs them.
  void apply(uint32_t i, uint32_t t, const ModelTouchpoint& tp, TouchpointTally& here,
             uint32_t visit, const js_outcome& o, const double* engine_u) {
    Agent& a = agents_[i];
    TouchpointSlice& slice = tally_->personas[a.persona].touchpoints[t];
    ChunkSums& sums = sums_of(i);
    ++here.arrivals;
    ++slice.arrivals;
    here.agents += visit == 0 ? 1 : 0;
    a.reached_conversion = a.reached_conversion || tp.converts;
    sums.add(layout_.arrival(t), o.p_continue);

    if (a.hours + o.hours > horizon_) {
      cut_off(i, t, Cutoff::Horizon);
      return finish(i, t, Ending::Horizon);
    }
    if (trace_ != nullptr) {
      trace_events_.push_back({first_agent_ + i, a.hours, o.money, t, a.persona,
                               uint8_t(tp.converts && o.next != JS_NEXT_DROP),
                               uint8_t(o.next == JS_NEXT_DROP)});
    }
    a.hours += o.hours;
    a.effort += o.effort;
    a.satisfaction = std::clamp(a.satisfaction + o.emotion, 0.0, 1.0);
    a.spent += o.money;
    a.messages += o.messages;
    a.referrals += o.referrals;
    path_[size_t{a.steps} * capacity_ + i] = t;
    reach_stage(i, tp.stage);
    if (a.counted) {
      ++long_visits_[visit_key(i, t)];
    }
    ++a.steps;
    sums.add<SumLayout::kVisitSums>(layout_.visit(t),
                                    {o.effort, o.emotion, o.hours, o.money, a.satisfaction});

    if (o.next == JS_NEXT_DROP) {
      ++here.dropped;
      ++here.reasons[o.reason];
      ++slice.dropped;
      ++slice.reasons[o.reason];
      return finish(i, t, Ending::Dropped);
    }
    ++here.continued;
    a.engaged = true;
    if (tp.milestone >= 0) {
      milestones_[size_t{i} * milestone_count_ + static_cast<uint32_t>(tp.milestone)] = 1;
    }
    if (tp.converts && a.conversions++ == 0) {
      a.convert_hours = a.hours;
    }
    if (tp.edge_targets.empty()) {
      ++here.exits;
      return finish(i, t, Ending::Exited);
    }
    uint32_t edge = 0;
    if (o.next >= 0) {
      edge = static_cast<uint32_t>(o.next);
    } else if (tp.edge_cdf.size() > 1) {
      const double u = engine_u[kEdgeDraw % 4];
      edge = static_cast<uint32_t>(
          std::upper_bound(tp.edge_cdf.begin(), tp.edge_cdf.end(), u) - tp.edge_cdf.begin());
      edge = std::min<uint32_t>(edge, static_cast<uint32_t>(tp.edge_cdf.size() - 1));
    }
    ++here.edges[edge];
    if (const double gap = tp.edge_delay_hours[edge]; gap > 0.0) {
      a.hours += -gap * std::log(engine_u[kDelayDraw % 4]);  // exponential, mean `gap`
      if (a.hours > horizon_) {
        cut_off(i, t, Cutoff::Horizon);
        return finish(i, t, Ending::Horizon);
      }
    }
    if (a.steps >= max_steps_) {
      cut_off(i, t, Cutoff::StepLimit);
      return finish(i, t, Ending::StepLimit);
    }
    a.at = tp.edge_targets[edge];
    next_bits_[i / 64] |= uint64_t{1} << (i % 64);
  }

  // Agent i's satisfaction now stands as its satisfaction on leaving the
  // stage (so far): the emotion curve of the journey map.
  void reach_stage(uint32_t i, uint32_t stage) {
    Agent& a = agents_[i];
    const size_t k = size_t{i} * stage_count_ + stage;
    if (!stage_seen_[k]) {
      stage_seen_[k] = 1;
      stage_list_[size_t{i} * stage_count_ + a.stages++] = stage;
    }
    stage_last_[k] = a.satisfaction;
  }

  void cut_off(uint32_t i, uint32_t t, Cutoff why) {
    const uint32_t r = touchpoints_[t].reason_count + static_cast<uint32_t>(why);
    TouchpointTally& here = tally_->touchpoints[t];
    TouchpointSlice& slice = tally_->personas[agents_[i].persona].touchpoints[t];
    ++here.cut_off;
    ++here.reasons[r];
    ++slice.cut_off;
    ++slice.reasons[r];
  }

  void finish(uint32_t i, uint32_t t, Ending ending) {
    const Agent& a = agents_[i];
    Answers answers{0.0, 0.0};
    if (a.engaged) {
      // Respondent noise for the CSAT and recommend answers: a Box-Muller
      // pair from the agent's arrival draws 2 and 3.
      const double r = std::sqrt(-2.0 * std::log(a.csat_u));
      answers = {r * std::cos(6.283185307179586 * a.recommend_u),
                 r * std::sin(6.283185307179586 * a.recommend_u)};
    }
    record_journey(i, ending, answers);
    record_stages(i, t, ending);
    if (++progress_batch_ == 256) {
      flush_progress();
    }
  }

  struct Answers {
    double csat_noise, recommend_noise;  // standard normal
  };

  // Counts go to the persona's block counts (the run's totals are their
  // sums); real values to the persona's sums of the agent's chunk.
  void record_journey(uint32_t i, Ending ending, const Answers& answers) {
    const Agent& a = agents_[i];
    JourneyCounts& c = journey_counts_[a.persona];
    ++c.agents;
    switch (ending) {
      case Ending::Exited:
        ++c.exited;
        break;
      case Ending::Dropped:
        ++c.dropped;
        c.bounced += a.steps == 1 ? 1 : 0;
        break;
      case Ending::Horizon:
        ++c.horizon;
        break;
      case Ending::StepLimit:
        ++c.step_limit;
        break;
    }
    ChunkSums& sums = sums_of(i);
    if (a.conversions > 0) {
      ++c.converted;
      c.repeat += a.conversions > 1 ? 1 : 0;
      tally_->personas[a.persona].journey.time_to_convert.add(a.convert_hours);
      tally_->journey.time_to_convert.add(a.convert_hours);
      sums.add(layout_.converter(a.persona), a.convert_hours);
    }
    c.reached_conversion_step += a.reached_conversion ? 1 : 0;
    const double s = a.satisfaction;
    // Surveys go to customers who engaged somewhere, not to everyone who
    // scrolled past a post.
    if (a.engaged) {
      const int recommend = recommend_answer(s, answers.recommend_noise);
      ++c.surveyed;
      c.satisfied += is_satisfied(s, answers.csat_noise) ? 1 : 0;
      c.promoters += recommend >= 9 ? 1 : 0;    // is_promoter
      c.detractors += recommend <= 6 ? 1 : 0;   // is_detractor
      sums.add(layout_.respondent(a.persona), customer_effort_score(a.effort));
    }
    const uint8_t* reached = &milestones_[size_t{i} * milestone_count_];
    uint64_t* counts = &milestone_counts_[size_t{a.persona} * milestone_count_];
    for (uint32_t m = 0; m < milestone_count_; ++m) {
      counts[m] += reached[m];
    }
    sums.add<SumLayout::kAgentSums>(
        layout_.agent(a.persona),
        {a.effort, a.spent, static_cast<double>(a.referrals), static_cast<double>(a.messages),
         static_cast<double>(a.steps), s});
  }

  void record_stages(uint32_t i, uint32_t last_touchpoint, Ending ending) {
    Agent& a = agents_[i];
    const uint32_t last_stage = touchpoints_[last_touchpoint].stage;
    // A customer cut off at their very first touchpoint still reached it.
    if (!stage_seen_[size_t{i} * stage_count_ + last_stage]) {
      reach_stage(i, last_stage);
    }
    StageCounts* counts = &stage_counts_[size_t{a.persona} * stage_count_];
    ChunkSums& sums = sums_of(i);
    const uint64_t converted = a.conversions > 0 ? 1 : 0;
    for (uint32_t k = 0; k < a.stages; ++k) {
      const uint32_t s = stage_list_[size_t{i} * stage_count_ + k];
      ++counts[s].reached;
      counts[s].converted += converted;
      sums.add(layout_.stage(a.persona, s), stage_last_[size_t{i} * stage_count_ + s]);
      stage_seen_[size_t{i} * stage_count_ + s] = 0;
    }
    if (ending == Ending::Dropped) {
      ++counts[last_stage].dropped;
    }
  }

  void clear_counts() {
    std::fill(journey_counts_.begin(), journey_counts_.end(), JourneyCounts{});
    std::fill(milestone_counts_.begin(), milestone_counts_.end(), uint64_t{0});
    std::fill(stage_counts_.begin(), stage_counts_.end(), StageCounts{});
  }

  // The block's counts, for each persona and for everyone.
  void add_counts(RunTally& tally) {
    for (uint32_t p = 0; p < persona_count_; ++p) {
      PersonaTally& persona = tally.personas[p];
      persona.journey.add(journey_counts_[p]);
      tally.journey.add(journey_counts_[p]);
      for (uint32_t m = 0; m < milestone_count_; ++m) {
        const uint64_t n = milestone_counts_[size_t{p} * milestone_count_ + m];
        persona.journey.milestones[m] += n;
        tally.journey.milestones[m] += n;
      }
      for (uint32_t s = 0; s < stage_count_; ++s) {
        const StageCounts& c = stage_counts_[size_t{p} * stage_count_ + s];
        c.add_to(persona.stages[s]);
        c.add_to(tally.stages[s]);
      }
    }
    clear_counts();
  }

 public:
  void set_trace(EventTrace* trace) { trace_ = trace; }
  // Steps were recorded round by round; a stable sort by agent puts each
  // agent's steps together, still in step order.
  void flush_trace(uint64_t first_agent, uint32_t count) {
    std::stable_sort(trace_events_.begin(), trace_events_.end(),
                     [](const TraceEvent& a, const TraceEvent& b) { return a.agent < b.agent; });
    trace_->block(first_agent, count, trace_events_);
    trace_events_.clear();
  }
  void set_progress(std::atomic<uint64_t>* progress) { progress_ = progress; }
  // Progress is published in batches so the shared counter stays cold.
  void flush_progress() {
    if (progress_ != nullptr) {
      progress_->fetch_add(progress_batch_, std::memory_order_relaxed);
    }
    progress_batch_ = 0;
  }

 private:
  const SimulationModel& model_;
  const std::vector<ModelTouchpoint>& touchpoints_;
  RandomStream stream_;
  const double horizon_;
  const uint32_t max_steps_;
  const uint32_t capacity_;
  const uint32_t persona_count_;
  const uint32_t stage_count_;
  const uint32_t milestone_count_;
  const SumLayout layout_;
  std::vector<double> initial_satisfaction_;  // by persona
  std::vector<ChunkSums> chunks_;  // the sums of each chunk of the block
  uint64_t first_chunk_ = 0;
  RunTally* tally_ = nullptr;      // what run() counts into
  uint64_t first_agent_ = 0;
  std::atomic<uint64_t>* progress_ = nullptr;
  uint64_t progress_batch_ = 0;
  EventTrace* trace_ = nullptr;  // run --events: see set_trace
  std::vector<TraceEvent> trace_events_;

  // The agents of the block, by position in it.
  std::vector<Agent> agents_;
  std::vector<uint8_t> milestones_;   // milestone_count_ per agent: reached
  // The touchpoint of each agent's step s at path_[s * capacity_ + i]: step
  // by step, so the first steps of the whole block share a few cache lines.
  std::vector<uint32_t> path_;
  // stage_count_ per agent: the stages reached (in order of first visit),
  // whether each was, and the satisfaction on leaving each.
  std::vector<uint32_t> stage_list_;
  std::vector<uint8_t> stage_seen_;
  std::vector<double> stage_last_;

  // The block's counts, by persona (and milestone or stage).
  std::vector<JourneyCounts> journey_counts_;  // by persona, this block's
  std::vector<uint64_t> milestone_counts_;
  std::vector<StageCounts> stage_counts_;

  // Scratch space reused every round.
  std::vector<uint32_t> active_, order_, bucket_start_;
  std::vector<uint64_t> next_bits_;  // agents going on to the next round
  // Visit counts of agents past kScanSteps steps (see visits()).
  static constexpr uint32_t kScanSteps = 32;
  std::unordered_map<uint64_t, uint32_t> long_visits_;
  std::vector<js_agent_view> views_;
  std::vector<js_outcome> outcomes_;
  std::vector<double> uniforms_;
  std::vector<double> arrival_u_, engine_u_;  // four draws per agent
  QuadBatch quads_;
};

BlockRunner::BlockRunner(const SimulationModel& model, uint64_t seed)
    : impl_(std::make_unique<Impl>(model, seed)) {}
BlockRunner::~BlockRunner() = default;

void BlockRunner::run(uint64_t first_agent, uint32_t count, RunTally& tally) {
  impl_->run(first_agent, count, tally);
}

void BlockRunner::set_progress(std::atomic<uint64_t>* progress) { impl_->set_progress(progress); }
void BlockRunner::flush_progress() { impl_->flush_progress(); }
void BlockRunner::set_trace(EventTrace* trace) { impl_->set_trace(trace); }

}  // namespace journeysim
