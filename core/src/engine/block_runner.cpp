// One worker's engine: runs a block of agents through the model. Inside a
// block all active agents advance one step per round, grouped by touchpoint,
// so each channel is called once per touchpoint per round with a batch (the
// plugin boundary costs nothing per agent). Memory is bounded by the block.
#include "engine/block_runner.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/outcome_check.h"
#include "engine/satisfaction_scales.h"
#include "journeysim/engine.h"
#include "journeysim/random_stream.h"

namespace journeysim {
namespace {
enum class Ending { Exited, Dropped, Horizon, StepLimit };

}  // namespace

class BlockRunner::Impl {
 public:
  Impl(const SimulationModel& model, uint64_t seed)
      : model_(model),
        stream_(seed),
        empty_(empty_tally(model)),
        max_steps_(model.scenario().journey.max_steps),
        capacity_(block_size(max_steps_)),
        stage_count_(static_cast<uint32_t>(model.scenario().stages.size())),
        milestone_count_(static_cast<uint32_t>(model.milestones().size())) {
    const size_t n = capacity_;
    persona_.resize(n);
    at_.resize(n);
    steps_.resize(n);
    messages_.resize(n);
    conversions_.resize(n);
    referrals_.resize(n);
    reached_conversion_.resize(n);
    survey_u_.resize(2 * n);
    engaged_.resize(n);
    counted_.resize(n);
    hours_.resize(n);
    effort_.resize(n);
    satisfaction_.resize(n);
    spent_.resize(n);
    convert_hours_.resize(n);
    milestones_.resize(n * milestone_count_);
    path_.resize(n * max_steps_);
    path_satisfaction_.resize(n * max_steps_);
    bucket_start_.resize(model.touchpoints().size() + 1);
    views_.resize(n);
    outcomes_.resize(n);
    uniforms_.resize(n * JS_MAX_UNIFORMS);
    stage_last_.resize(stage_count_);
    stage_seen_.resize(stage_count_);
  }


  void run(uint64_t first_agent, uint32_t count, RunTally& tally) {
    // Each chunk of kSettleAgents agents (by global index) is counted in a
    // tally of its own, settled before it meets any other: the double
    // partial sums then depend only on the chunk, so any split of the
    // agents at chunk boundaries (threads, comparison clusters, processes)
    // gives the same totals to the last bit.
    first_agent_ = first_agent;
    first_chunk_ = first_agent / kSettleAgents;
    const uint64_t chunks = (first_agent + count - 1) / kSettleAgents - first_chunk_ + 1;
    if (locals_.size() < chunks) {
      locals_.resize(chunks, empty_);
    }
    for (uint64_t c = 0; c < chunks; ++c) {
      locals_[c] = empty_;
    }
    active_.clear();
    long_visits_.clear();
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
    for (uint64_t c = 0; c < chunks; ++c) {
      RunTally& local = locals_[c];
      local.settle();
      // The engine records agents per persona; journey and stage totals
      // are their sums.
      for (const PersonaTally& p : local.personas) {
        local.journey.merge(p.journey);
        for (size_t k = 0; k < p.stages.size(); ++k) {
          local.stages[k].merge(p.stages[k]);
        }
      }
      tally.merge(local);
    }
  }

  RunTally& tally_of(uint32_t i) {
    return locals_[(first_agent_ + i) / kSettleAgents - first_chunk_];
  }

 private:
  void arrive(uint32_t i) {
    double u[4];
    stream_.quad(first_agent_ + i, kArrivalStream, 0, 0, u);
    survey_u_[2 * static_cast<size_t>(i)] = u[2];
    survey_u_[2 * static_cast<size_t>(i) + 1] = u[3];
    const auto& pcdf = model_.persona_cdf();
    persona_[i] = static_cast<uint32_t>(
        std::upper_bound(pcdf.begin(), pcdf.end(), u[0]) - pcdf.begin());
    persona_[i] = std::min<uint32_t>(persona_[i], static_cast<uint32_t>(pcdf.size() - 1));
    const auto& ecdf = model_.entry_cdf();
    size_t e = std::upper_bound(ecdf.begin(), ecdf.end(), u[1]) - ecdf.begin();
    e = std::min(e, ecdf.size() - 1);
    at_[i] = model_.entry_touchpoints()[e];
    steps_[i] = messages_[i] = conversions_[i] = referrals_[i] = 0;
    reached_conversion_[i] = 0;
    engaged_[i] = 0;
    counted_[i] = 0;
    hours_[i] = effort_[i] = spent_[i] = convert_hours_[i] = 0.0;
    satisfaction_[i] = model_.scenario().personas[persona_[i]].initial_satisfaction;
    std::fill_n(milestones_.begin() + static_cast<ptrdiff_t>(i) * milestone_count_,
                milestone_count_, uint8_t{0});
  }

  // Earlier visits of agent i to touchpoint t (the visit number keys the
  // random stream). Short paths are scanned; an agent past kScanSteps steps
  // gets its visits counted in a hash map instead, so a 10^5-step journey
  // costs linear time, not quadratic.
  uint32_t visits(uint32_t i, uint32_t t) {
    const uint32_t* path = &path_[static_cast<size_t>(i) * max_steps_];
    if (steps_[i] <= kScanSteps) {
      return static_cast<uint32_t>(std::count(path, path + steps_[i], t));
    }
    if (!counted_[i]) {
      counted_[i] = 1;
      for (uint32_t s = 0; s < steps_[i]; ++s) {
        ++long_visits_[visit_key(i, path[s])];
      }
    }
    const auto it = long_visits_.find(visit_key(i, t));
    return it == long_visits_.end() ? 0 : it->second;
  }

  static uint64_t visit_key(uint32_t i, uint32_t t) { return uint64_t{i} << 32 | t; }

  // One round: every active agent takes one step, grouped by touchpoint
  // (ascending), agents in index order within a group.
  void step_round() {
    const size_t touchpoints = model_.touchpoints().size();
    order_.resize(active_.size());
    if (touchpoints > 2 * active_.size()) {
      // Few agents spread over a huge journey: sorting them is cheaper than
      // a pass over every touchpoint each round.
      std::copy(active_.begin(), active_.end(), order_.begin());
      std::stable_sort(order_.begin(), order_.end(),
                       [&](uint32_t a, uint32_t b) { return at_[a] < at_[b]; });
    } else {
      std::fill(bucket_start_.begin(), bucket_start_.end(), 0u);
      for (uint32_t i : active_) {
        ++bucket_start_[at_[i] + 1];
      }
      for (size_t t = 0; t < touchpoints; ++t) {
        bucket_start_[t + 1] += bucket_start_[t];
      }
      fill_.assign(bucket_start_.begin(), bucket_start_.end() - 1);
      for (uint32_t i : active_) {
        order_[fill_[at_[i]]++] = i;
      }
    }
    next_active_.clear();
    for (size_t begin = 0; begin < order_.size();) {
      // A group ends where the touchpoint changes; interact_at moves only
      // the agents of the group it is given.
      const uint32_t t = at_[order_[begin]];
      size_t end = begin + 1;
      while (end < order_.size() && at_[order_[end]] == t) {
        ++end;
      }
      interact_at(t, &order_[begin], static_cast<uint32_t>(end - begin));
      begin = end;
    }
    // Keep agents in index order so the next round's grouping is stable.
    std::sort(next_active_.begin(), next_active_.end());
    active_.swap(next_active_);
  }

  void interact_at(uint32_t t, const uint32_t* agents, uint32_t count) {
    const ModelTouchpoint& tp = model_.touchpoints()[t];
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t i = agents[k];
      const uint32_t v = visits(i, t);
      double* u = &uniforms_[static_cast<size_t>(k) * JS_MAX_UNIFORMS];
      stream_.fill(first_agent_ + i, tp.stream_key, v, tp.uniforms, u);
      views_[k] = js_agent_view{persona_[i], v,         messages_[i], steps_[i],
                                hours_[i],   effort_[i], satisfaction_[i], spent_[i], u};
    }
    const js_batch batch{tp.personas.data(), static_cast<uint32_t>(tp.personas.size()),
                         views_.data(), count};
    tp.channel->interact(batch, outcomes_.data());
    for (uint32_t k = 0; k < count; ++k) {
      check_outcome(outcomes_[k], tp);
      apply(agents[k], t, views_[k].visits, outcomes_[k]);
    }
  }

  void apply(uint32_t i, uint32_t t, uint32_t visit, const js_outcome& o) {
    const ModelTouchpoint& tp = model_.touchpoints()[t];
    TouchpointTally& here = tally_of(i).touchpoints[t];
    TouchpointSlice& slice = tally_of(i).personas[persona_[i]].touchpoints[t];
    ++here.arrivals;
    ++slice.arrivals;
    if (visit == 0) {
      ++here.agents;
    }
    if (tp.converts) {
      reached_conversion_[i] = 1;
    }
    here.p_continue.add(o.p_continue);

    if (hours_[i] + o.hours > model_.horizon_hours()) {
      cut_off(i, t, Cutoff::Horizon);
      return finish(i, t, Ending::Horizon);
    }
    if (trace_ != nullptr) {
      trace_events_.push_back({first_agent_ + i, hours_[i], o.money, t, persona_[i],
                               uint8_t(tp.converts && o.next != JS_NEXT_DROP),
                               uint8_t(o.next == JS_NEXT_DROP)});
    }
    hours_[i] += o.hours;
    effort_[i] += o.effort;
    satisfaction_[i] = std::clamp(satisfaction_[i] + o.emotion, 0.0, 1.0);
    spent_[i] += o.money;
    messages_[i] += o.messages;
    referrals_[i] += o.referrals;
    const size_t slot = static_cast<size_t>(i) * max_steps_ + steps_[i];
    path_[slot] = t;
    path_satisfaction_[slot] = satisfaction_[i];
    if (counted_[i]) {
      ++long_visits_[visit_key(i, t)];
    }
    ++steps_[i];
    here.effort.add(o.effort);
    here.emotion.add(o.emotion);
    here.hours.add(o.hours);
    here.money.add(o.money);
    here.satisfaction.add(satisfaction_[i]);
    slice.effort.add(o.effort);
    slice.emotion.add(o.emotion);

    if (o.next == JS_NEXT_DROP) {
      ++here.dropped;
      ++here.reasons[o.reason];
      ++slice.dropped;
      ++slice.reasons[o.reason];
      return finish(i, t, Ending::Dropped);
    }
    ++here.continued;
    engaged_[i] = 1;
    if (tp.milestone >= 0) {
      milestones_[static_cast<size_t>(i) * milestone_count_ + tp.milestone] = 1;
    }
    if (tp.converts && conversions_[i]++ == 0) {
      convert_hours_[i] = hours_[i];
    }
    if (tp.edge_targets.empty()) {
      ++here.exits;
      return finish(i, t, Ending::Exited);
    }
    // The engine's own draws at this visit: [0] the gap, [1] the edge.
    double engine_u[4] = {0, 0, 0, 0};
    const bool needs_draws = (o.next < 0 && tp.edge_cdf.size() > 1) || tp.has_delays;
    if (needs_draws) {
      stream_.quad(first_agent_ + i, tp.stream_key, visit, kDelayDraw / 4, engine_u);
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
      hours_[i] += -gap * std::log(engine_u[kDelayDraw % 4]);  // exponential, mean `gap`
      if (hours_[i] > model_.horizon_hours()) {
        cut_off(i, t, Cutoff::Horizon);
        return finish(i, t, Ending::Horizon);
      }
    }
    if (steps_[i] >= max_steps_) {
      cut_off(i, t, Cutoff::StepLimit);
      return finish(i, t, Ending::StepLimit);
    }
    at_[i] = tp.edge_targets[edge];
    next_active_.push_back(i);
  }

  void cut_off(uint32_t i, uint32_t t, Cutoff why) {
    const uint32_t r = model_.touchpoints()[t].reason_count + static_cast<uint32_t>(why);
    TouchpointTally& here = tally_of(i).touchpoints[t];
    TouchpointSlice& slice = tally_of(i).personas[persona_[i]].touchpoints[t];
    ++here.cut_off;
    ++here.reasons[r];
    ++slice.cut_off;
    ++slice.reasons[r];
  }

  void finish(uint32_t i, uint32_t t, Ending ending) {
    PersonaTally& persona = tally_of(i).personas[persona_[i]];
    Answers answers{0.0, 0.0};
    if (engaged_[i] != 0) {
      // Respondent noise for the CSAT and recommend answers: a Box-Muller
      // pair from the agent's arrival draws 2 and 3.
      const double u1 = survey_u_[2 * static_cast<size_t>(i)];
      const double u2 = survey_u_[2 * static_cast<size_t>(i) + 1];
      const double r = std::sqrt(-2.0 * std::log(u1));
      answers = {r * std::cos(6.283185307179586 * u2), r * std::sin(6.283185307179586 * u2)};
    }
    record_journey(i, ending, answers, persona.journey);
    record_stages(i, t, ending, persona.stages);
    if (++progress_batch_ == 256) {
      flush_progress();
    }
  }

  struct Answers {
    double csat_noise, recommend_noise;  // standard normal
  };

  void record_journey(uint32_t i, Ending ending, const Answers& a, JourneyTally& j) const {
    ++j.agents;
    switch (ending) {
      case Ending::Exited:
        ++j.exited;
        break;
      case Ending::Dropped:
        ++j.dropped;
        if (steps_[i] == 1) {
          ++j.bounced;
        }
        break;
      case Ending::Horizon:
        ++j.horizon;
        break;
      case Ending::StepLimit:
        ++j.step_limit;
        break;
    }
    if (conversions_[i] > 0) {
      ++j.converted;
      j.time_to_convert.add(convert_hours_[i]);
      j.time_to_convert_hours.add(convert_hours_[i]);
      if (conversions_[i] > 1) {
        ++j.repeat;
      }
    }
    j.reached_conversion_step += reached_conversion_[i];
    const double s = satisfaction_[i];
    // Surveys go to customers who engaged somewhere, not to everyone who
    // scrolled past a post.
    if (engaged_[i] != 0) {
      ++j.surveyed;
      j.satisfied += is_satisfied(s, a.csat_noise) ? 1 : 0;
      j.promoters += is_promoter(s, a.recommend_noise) ? 1 : 0;
      j.detractors += is_detractor(s, a.recommend_noise) ? 1 : 0;
      j.ces.add(customer_effort_score(effort_[i]));
    }
    for (uint32_t m = 0; m < milestone_count_; ++m) {
      j.milestones[m] += milestones_[static_cast<size_t>(i) * milestone_count_ + m];
    }
    j.effort.add(effort_[i]);
    j.revenue.add(spent_[i]);
    j.referrals.add(referrals_[i]);
    j.messages.add(messages_[i]);
    j.path_length.add(steps_[i]);
    j.satisfaction.add(s);
  }

  void record_stages(uint32_t i, uint32_t last_touchpoint, Ending ending,
                     std::vector<StageTally>& stages) {
    ++epoch_;
    const size_t base = static_cast<size_t>(i) * max_steps_;
    for (uint32_t s = 0; s < steps_[i]; ++s) {
      const uint32_t stage = model_.touchpoints()[path_[base + s]].stage;
      stage_seen_[stage] = epoch_;
      stage_last_[stage] = path_satisfaction_[base + s];
    }
    // A customer cut off at their very first touchpoint still reached it.
    const uint32_t last_stage = model_.touchpoints()[last_touchpoint].stage;
    if (stage_seen_[last_stage] != epoch_) {
      stage_seen_[last_stage] = epoch_;
      stage_last_[last_stage] = satisfaction_[i];
    }
    for (uint32_t s = 0; s < stage_count_; ++s) {
      if (stage_seen_[s] == epoch_) {
        ++stages[s].reached;
        stages[s].satisfaction.add(stage_last_[s]);
        stages[s].converted += conversions_[i] > 0 ? 1 : 0;
      }
    }
    if (ending == Ending::Dropped) {
      ++stages[last_stage].dropped;
    }
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
  RandomStream stream_;
  const RunTally empty_;
  std::vector<RunTally> locals_;  // one per chunk of the block
  uint64_t first_chunk_ = 0;
  const uint32_t max_steps_;
  const uint32_t capacity_;
  const uint32_t stage_count_;
  const uint32_t milestone_count_;
  uint64_t first_agent_ = 0;
  std::atomic<uint64_t>* progress_ = nullptr;
  uint64_t progress_batch_ = 0;
  EventTrace* trace_ = nullptr;  // run --events: see set_trace
  std::vector<TraceEvent> trace_events_;

  // Agent state, structure of arrays, indexed by position in the block.
  std::vector<uint32_t> persona_, at_, steps_, messages_, conversions_, referrals_;
  std::vector<uint8_t> reached_conversion_, engaged_, milestones_;
  std::vector<double> hours_, effort_, satisfaction_, spent_, convert_hours_;
  std::vector<double> survey_u_;  // two arrival draws per agent for survey noise
  std::vector<uint32_t> path_;               // touchpoint of each step
  std::vector<double> path_satisfaction_;    // satisfaction after each step

  // Scratch space reused every round.
  std::vector<uint32_t> active_, next_active_, order_, bucket_start_, fill_;
  // Visit counts of agents past kScanSteps steps (see visits()).
  static constexpr uint32_t kScanSteps = 32;
  std::vector<uint8_t> counted_;
  std::unordered_map<uint64_t, uint32_t> long_visits_;
  std::vector<js_agent_view> views_;
  std::vector<js_outcome> outcomes_;
  std::vector<double> uniforms_;
  std::vector<double> stage_last_;
  std::vector<uint64_t> stage_seen_;
  uint64_t epoch_ = 0;
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
