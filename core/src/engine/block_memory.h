// What each agent of a block remembers for journey model 2 (issue 17 part
// 3): the nodes it has entered, its last event at each touchpoint, its
// attributes, how often it has stood at each step (which keys the step's
// random stream), and its arm in each experiment. Flat arrays of a fixed
// size per agent, so memory is bounded by block size x nodes however many
// agents run or however long they walk. Kept only for journeys that can
// read it (steps or `on` routes): a model-1 journey pays nothing.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/block_agent.h"
#include "steps/agent_memory.h"

namespace journeysim {

/// An experiment an agent has not been assigned to yet.
inline constexpr uint32_t kNoArm = UINT32_MAX;

class BlockMemory {
 public:
  BlockMemory(bool on, uint32_t capacity, uint32_t nodes, uint32_t steps, uint32_t attributes,
              uint32_t experiments)
      : on_(on),
        words_(visited_words(nodes)),
        nodes_(nodes),
        steps_(steps),
        attributes_(attributes),
        experiments_(experiments) {
    if (on) {
      visited_.resize(size_t{capacity} * words_);
      last_event_.resize(size_t{capacity} * nodes_);
      attribute_.resize(size_t{capacity} * attributes_);
      step_visits_.resize(size_t{capacity} * steps_);
      arm_.resize(size_t{capacity} * experiments_);
    }
  }

  bool on() const { return on_; }

  /// Agent i starts its journey remembering nothing.
  void arrive(uint32_t i) {
    std::fill_n(&visited_[size_t{i} * words_], words_, uint64_t{0});
    std::fill_n(&last_event_[size_t{i} * nodes_], nodes_, kNoEvent);
    std::fill_n(attribute_.begin() + static_cast<std::ptrdiff_t>(size_t{i} * attributes_),
                attributes_, kAttributeUnset);
    std::fill_n(step_visits_.begin() + static_cast<std::ptrdiff_t>(size_t{i} * steps_), steps_,
                0u);
    std::fill_n(arm_.begin() + static_cast<std::ptrdiff_t>(size_t{i} * experiments_),
                experiments_, kNoArm);
  }

  void visit(uint32_t i, uint32_t node) {
    mark_visited(std::span<uint64_t>(&visited_[size_t{i} * words_], words_), node);
  }
  /// Agent i's interaction at touchpoint t ended in event e.
  void event(uint32_t i, uint32_t t, uint32_t e) {
    last_event_[size_t{i} * nodes_ + t] = event_code(e);
  }
  /// Earlier visits of agent i to step s; counts this one.
  uint32_t next_step_visit(uint32_t i, uint32_t s) { return step_visits_[size_t{i} * steps_ + s]++; }
  double& attribute(uint32_t i, uint32_t a) { return attribute_[size_t{i} * attributes_ + a]; }
  uint32_t& arm(uint32_t i, uint32_t experiment) {
    return arm_[size_t{i} * experiments_ + experiment];
  }
  uint32_t arm(uint32_t i, uint32_t experiment) const {
    return arm_[size_t{i} * experiments_ + experiment];
  }

  /// Agent i (state `a`) as a condition reads it.
  AgentMemoryView view(uint32_t i, const BlockAgent& a) const {
    return AgentMemoryView{
        a.persona,
        a.messages,
        a.spent,
        a.satisfaction,
        std::span<const uint64_t>(&visited_[size_t{i} * words_], words_),
        std::span<const uint8_t>(last_event_.data() + size_t{i} * nodes_, nodes_),
        std::span<const double>(attribute_.data() + size_t{i} * attributes_, attributes_)};
  }

 private:
  bool on_;
  size_t words_, nodes_, steps_, attributes_, experiments_;
  std::vector<uint64_t> visited_;     // words_ per agent
  std::vector<uint8_t> last_event_;   // nodes_ per agent
  std::vector<double> attribute_;     // attributes_ per agent
  std::vector<uint32_t> step_visits_;  // steps_ per agent
  std::vector<uint32_t> arm_;         // experiments_ per agent
};

}  // namespace journeysim
