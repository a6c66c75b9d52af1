// The engine's running sums of real values, kept by chunk of kSettleAgents
// agents (by global index). Each chunk's double partial sums are settled
// into the tally's fixed-point totals apart from every other chunk's (see
// FixedSum), so the totals do not depend on how a run's agents are split
// between threads, clusters or processes.
//
// A chunk keeps its sums in one flat array. Quantities always added
// together share a count: a "group" (e.g. the effort, emotion, hours, money
// and satisfaction of a visit to a touchpoint), stored as its sums then its
// sums of squares, so adding a group is a few vector instructions. The
// chunk lists the groups it used, so settling costs what the chunk touched,
// not the journey's size.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "journeysim/tally.h"

namespace journeysim {

/// Where each group of sums lives; built once per model.
class SumLayout {
 public:
  /// A visit to a touchpoint that was not cut off.
  enum VisitSum : uint32_t { kEffort, kEmotion, kHours, kMoney, kSatisfaction, kVisitSums };
  /// Every agent at the end of its journey.
  enum AgentSum : uint32_t {
    kAgentEffort, kRevenue, kReferrals, kMessages, kPathLength, kAgentSatisfaction, kAgentSums
  };

  /// A group: its count's index and where its sums start (each sum
  /// takes two doubles: the group's sums come first, then their squares).
  struct Slot {
    uint32_t group, first;
  };

  SumLayout(uint32_t touchpoints, uint32_t personas, uint32_t stages);

  // Touchpoint t: the model's p_continue at every arrival; a visit's sums.
  Slot arrival(uint32_t t) const { return {2 * t, 6 * t}; }
  Slot visit(uint32_t t) const { return {2 * t + 1, 6 * t + 1}; }
  // Persona p's agents (the run's totals are the personas' sums): every
  // agent; the converters' time to convert; the surveyed's CES.
  Slot agent(uint32_t p) const { return {agent_groups_ + 3 * p, agent_sums_ + 8 * p}; }
  Slot converter(uint32_t p) const { return {agent_groups_ + 3 * p + 1, agent_sums_ + 8 * p + 6}; }
  Slot respondent(uint32_t p) const {
    return {agent_groups_ + 3 * p + 2, agent_sums_ + 8 * p + 7};
  }
  // Persona p's satisfaction on leaving stage s.
  Slot stage(uint32_t p, uint32_t s) const {
    const uint32_t k = p * stages_ + s;
    return {stage_groups_ + k, stage_sums_ + k};
  }

  uint32_t groups() const { return static_cast<uint32_t>(groups_.size()); }
  uint32_t sums() const { return sums_; }

  /// Adds a group's settled parts (one per sum) to the tally's FixedSums.
  void settle_into(uint32_t group, const FixedPart* parts, RunTally& tally) const;
  uint32_t first_sum(uint32_t group) const { return groups_[group].first; }
  uint32_t size(uint32_t group) const { return groups_[group].size; }

 private:
  enum class Kind : uint8_t { Arrival, Visit, Agent, Converter, Respondent, Stage };
  struct Group {
    uint32_t first;
    uint16_t size;
    Kind kind;
    uint32_t a, b;  // touchpoint; persona; persona and stage
  };
  uint32_t stages_;
  uint32_t agent_groups_, stage_groups_;
  uint32_t agent_sums_, stage_sums_, sums_;
  std::vector<Group> groups_;
};

/// One chunk's partial sums.
class ChunkSums {
 public:
  explicit ChunkSums(const SumLayout& layout)
      : sums_(2 * size_t{layout.sums()}), counts_(layout.groups()) {}

  /// As FixedSum::add for each sum of the group, in order.
  template <size_t N>
  void add(SumLayout::Slot slot, const std::array<double, N>& values) {
    if (counts_[slot.group]++ == 0) {
      touched_.push_back(slot.group);
    }
    double* sum = &sums_[2 * size_t{slot.first}];
    double* square = sum + N;
    for (size_t k = 0; k < N; ++k) {
      sum[k] += values[k];
    }
    for (size_t k = 0; k < N; ++k) {
      square[k] += values[k] * values[k];
    }
  }
  void add(SumLayout::Slot slot, double value) { add<1>(slot, {value}); }

  /// Forgets every partial sum (after a block that failed half-way).
  void clear(const SumLayout& layout);

  /// Settles every group used into `tally` (as FixedSum::settle does) and
  /// leaves the chunk empty.
  void settle(const SumLayout& layout, RunTally& tally);

 private:
  std::vector<double> sums_;  // by group: its sums, then their squares
  std::vector<uint64_t> counts_;  // by group
  std::vector<uint32_t> touched_;
};

}  // namespace journeysim
