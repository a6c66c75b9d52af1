// The order a block's agents take their steps in. Ordinarily in rounds
// (RoundSchedule: everyone one step per round, grouped by node, so each
// channel sees a batch). In the coupled pass of a journey with a queue, in
// time order instead: one agent at a time, the one whose clock (calendar
// hours since the journey's start) is earliest, ties by index, so customers
// reach every queue in the order they really arrive.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "engine/block_agent.h"
#include "engine/round_schedule.h"

namespace journeysim {

class AgentSchedule {
 public:
  AgentSchedule(uint32_t capacity, size_t nodes, bool timed)
      : rounds_(timed ? 0 : capacity, nodes), timed_(timed) {}

  bool timed() const { return timed_; }

  /// Agents 0..count-1 (states `agents`) all take a first step.
  void start(uint32_t count, const BlockAgent* agents) {
    if (!timed_) {
      return rounds_.start(count);
    }
    agents_ = agents;
    for (uint32_t i = 0; i < count; ++i) {
      go_on(i);
    }
  }

  bool done() const { return timed_ ? due_.empty() : rounds_.done(); }

  /// The next steps: a round of groups, or the one earliest agent.
  template <class Step>
  void run_round(const BlockAgent* agents, Step&& step) {
    if (!timed_) {
      return rounds_.run_round(agents, std::forward<Step>(step));
    }
    const uint32_t i = due_.top().second;
    due_.pop();
    step(agents[i].at, &i, 1u);
  }

  /// Agent i takes another step (its clock and node already moved on).
  void go_on(uint32_t i) {
    if (!timed_) {
      return rounds_.go_on(i);
    }
    due_.emplace(agents_[i].arrived + agents_[i].hours, i);
  }

 private:
  RoundSchedule rounds_;
  bool timed_;
  const BlockAgent* agents_ = nullptr;
  // (clock, agent), earliest first.
  std::priority_queue<std::pair<double, uint32_t>, std::vector<std::pair<double, uint32_t>>,
                      std::greater<>>
      due_;
};

}  // namespace journeysim
