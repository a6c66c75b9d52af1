// The touchpoints each agent of a block has passed, and how often it has
// been at each: the visit number keys the random stream of a visit, so a
// customer coming back draws new numbers, the same ones in every variant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/block_agent.h"

namespace journeysim {

class AgentPaths {
 public:
  AgentPaths(uint32_t capacity, uint32_t max_steps)
      : capacity_(capacity), path_(size_t{capacity} * max_steps) {}

  /// Forgets the last block's long journeys.
  void start_block() { long_visits_.clear(); }

  /// Earlier visits of agent i (state `a`) to touchpoint t. Short paths are
  /// scanned; an agent past kScanSteps steps gets its visits counted in a
  /// hash map instead, so a 10^5-step journey costs linear time, not
  /// quadratic.
  uint32_t visits(BlockAgent& a, uint32_t i, uint32_t t) {
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

  /// The touchpoint of agent i's latest step (a.steps > 0).
  uint32_t last(const BlockAgent& a, uint32_t i) const {
    return path_[size_t{a.steps - 1} * capacity_ + i];
  }

  /// Agent i takes its next step, at touchpoint t.
  void take_step(BlockAgent& a, uint32_t i, uint32_t t) {
    path_[size_t{a.steps} * capacity_ + i] = t;
    if (a.counted) {
      ++long_visits_[visit_key(i, t)];
    }
    ++a.steps;
  }

 private:
  static constexpr uint32_t kScanSteps = 32;
  static uint64_t visit_key(uint32_t i, uint32_t t) { return uint64_t{i} << 32 | t; }

  uint32_t capacity_;
  // The touchpoint of agent i's step s at path_[s * capacity_ + i]: step by
  // step, so the first steps of the whole block share a few cache lines.
  std::vector<uint32_t> path_;
  std::unordered_map<uint64_t, uint32_t> long_visits_;  // (agent, touchpoint)
};

}  // namespace journeysim
