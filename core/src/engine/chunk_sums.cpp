#include "engine/chunk_sums.h"

#include <algorithm>

namespace journeysim {

SumLayout::SumLayout(uint32_t touchpoints, uint32_t personas, uint32_t stages)
    : stages_(stages) {
  for (uint32_t t = 0; t < touchpoints; ++t) {
    groups_.push_back({arrival(t).first, 1, Kind::Arrival, t, 0});
    groups_.push_back({visit(t).first, kVisitSums, Kind::Visit, t, 0});
  }
  agent_groups_ = static_cast<uint32_t>(groups_.size());
  agent_sums_ = 6 * touchpoints;
  for (uint32_t p = 0; p < personas; ++p) {
    groups_.push_back({agent(p).first, kAgentSums, Kind::Agent, p, 0});
    groups_.push_back({converter(p).first, 1, Kind::Converter, p, 0});
    groups_.push_back({respondent(p).first, 1, Kind::Respondent, p, 0});
  }
  stage_groups_ = static_cast<uint32_t>(groups_.size());
  stage_sums_ = agent_sums_ + 8 * personas;
  for (uint32_t p = 0; p < personas; ++p) {
    for (uint32_t s = 0; s < stages; ++s) {
      groups_.push_back({stage(p, s).first, 1, Kind::Stage, p, s});
    }
  }
  sums_ = stage_sums_ + personas * stages;
}

void SumLayout::settle_into(uint32_t group, const FixedPart* parts, RunTally& tally) const {
  const Group& g = groups_[group];
  switch (g.kind) {
    case Kind::Arrival:
      tally.touchpoints[g.a].p_continue.add(parts[0]);
      break;
    case Kind::Visit: {
      TouchpointTally& t = tally.touchpoints[g.a];
      t.effort.add(parts[kEffort]);
      t.emotion.add(parts[kEmotion]);
      t.hours.add(parts[kHours]);
      t.money.add(parts[kMoney]);
      t.satisfaction.add(parts[kSatisfaction]);
      break;
    }
    case Kind::Agent:
      for (JourneyTally* j : {&tally.personas[g.a].journey, &tally.journey}) {
        j->effort.add(parts[kAgentEffort]);
        j->revenue.add(parts[kRevenue]);
        j->referrals.add(parts[kReferrals]);
        j->messages.add(parts[kMessages]);
        j->path_length.add(parts[kPathLength]);
        j->satisfaction.add(parts[kAgentSatisfaction]);
      }
      break;
    case Kind::Converter:
      tally.personas[g.a].journey.time_to_convert_hours.add(parts[0]);
      tally.journey.time_to_convert_hours.add(parts[0]);
      break;
    case Kind::Respondent:
      tally.personas[g.a].journey.ces.add(parts[0]);
      tally.journey.ces.add(parts[0]);
      break;
    case Kind::Stage:
      tally.personas[g.a].stages[g.b].satisfaction.add(parts[0]);
      tally.stages[g.b].satisfaction.add(parts[0]);
      break;
  }
}

void ChunkSums::clear(const SumLayout& layout) {
  for (uint32_t group : touched_) {
    double* s = &sums_[2 * size_t{layout.first_sum(group)}];
    for (uint32_t k = 0; k < 2 * layout.size(group); ++k) {
      s[k] = 0.0;
    }
    counts_[group] = 0;
  }
  touched_.clear();
}

void ChunkSums::settle(const SumLayout& layout, RunTally& tally) {
  FixedPart parts[SumLayout::kAgentSums];
  for (uint32_t group : touched_) {
    double* s = &sums_[2 * size_t{layout.first_sum(group)}];
    const uint32_t size = layout.size(group);
    FixedSum::fix(s, s + size, size, counts_[group], parts);
    for (uint32_t k = 0; k < 2 * size; ++k) {
      s[k] = 0.0;
    }
    layout.settle_into(group, parts, tally);
    counts_[group] = 0;
  }
  touched_.clear();
}

}  // namespace journeysim
