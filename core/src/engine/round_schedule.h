// Scheduling a block's rounds: in each round every active agent takes one
// step, and the agents are grouped by where they stand (touchpoints in
// order, agents by index within a group), so each touchpoint is stepped
// once per round with a batch and the order of everything the round adds up
// depends only on the agents, never on threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/block_agent.h"

namespace journeysim {

class RoundSchedule {
 public:
  /// A block of up to `capacity` agents over `nodes` touchpoints.
  RoundSchedule(uint32_t capacity, size_t nodes);

  /// Agents 0..count-1 of the block all take the first round.
  void start(uint32_t count);
  bool done() const { return active_.empty(); }

  /// Runs one round: step(node, group, size) for each group of agents
  /// standing at the same node, nodes ascending. The step says which of
  /// them go on with go_on().
  template <class Step>
  void run_round(const BlockAgent* agents, Step&& step) {
    order(agents);
    for (size_t begin = 0; begin < order_.size();) {
      const uint32_t node = agents[order_[begin]].at;
      size_t end = begin + 1;
      while (end < order_.size() && agents[order_[end]].at == node) {
        ++end;
      }
      step(node, &order_[begin], static_cast<uint32_t>(end - begin));
      begin = end;
    }
    collect_next();
  }

  /// Agent i takes the next round too.
  void go_on(uint32_t i) { next_bits_[i / 64] |= uint64_t{1} << (i % 64); }

 private:
  void order(const BlockAgent* agents);
  void collect_next();

  size_t nodes_;
  std::vector<uint32_t> active_;  // this round's agents, by index
  std::vector<uint32_t> order_;   // the same, grouped by node
  std::vector<uint32_t> bucket_start_;
  std::vector<uint64_t> next_bits_;  // agents going on to the next round
};

}  // namespace journeysim
