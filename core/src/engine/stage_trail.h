// The stages each agent of a block has reached, in order of first visit,
// and its satisfaction on leaving each (so far): the emotion curve of the
// journey map, recorded when the agent finishes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/block_agent.h"

namespace journeysim {

class StageTrail {
 public:
  StageTrail(uint32_t capacity, uint32_t stages)
      : stages_(stages),
        list_(size_t{capacity} * stages),
        seen_(size_t{capacity} * stages),
        last_(size_t{capacity} * stages) {}

  /// Forgets marks left by a block that failed half-way.
  void start_block() { std::fill(seen_.begin(), seen_.end(), uint8_t{0}); }

  bool seen(uint32_t i, uint32_t stage) const { return seen_[size_t{i} * stages_ + stage] != 0; }

  /// Agent i's satisfaction now stands as its satisfaction on leaving
  /// `stage` (so far).
  void reach(BlockAgent& a, uint32_t i, uint32_t stage) {
    const size_t k = size_t{i} * stages_ + stage;
    if (!seen_[k]) {
      seen_[k] = 1;
      list_[size_t{i} * stages_ + a.stages++] = stage;
    }
    last_[k] = a.satisfaction;
  }

  /// Calls leave(stage, satisfaction on leaving it) for each stage agent i
  /// reached, in order, and clears its marks for the agent after it.
  template <class Leave>
  void leave_all(const BlockAgent& a, uint32_t i, Leave&& leave) {
    for (uint32_t k = 0; k < a.stages; ++k) {
      const uint32_t s = list_[size_t{i} * stages_ + k];
      leave(s, last_[size_t{i} * stages_ + s]);
      seen_[size_t{i} * stages_ + s] = 0;
    }
  }

 private:
  uint32_t stages_;
  std::vector<uint32_t> list_;  // stages_ per agent: the stages reached
  std::vector<uint8_t> seen_;   // by (agent, stage): reached yet?
  std::vector<double> last_;    // by (agent, stage): satisfaction on leaving
};

}  // namespace journeysim
