// [policies] frequency_cap: at most `messages` messages on some channels to
// one customer within any `per` span. Each agent of a block keeps, per cap,
// the times of its last `messages` sends in a ring; a message that would be
// one too many within the span is skipped (the `capped` event). Memory is
// the block's agents times the caps' message counts: flat in the run size.
#pragma once

#include <cstdint>
#include <vector>

#include "journeysim/scenario.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

class FrequencyCaps {
 public:
  FrequencyCaps(const Scenario& scenario, uint32_t capacity) {
    uint32_t offset = 0;
    for (const FrequencyCap& cap : scenario.policies.frequency_caps) {
      caps_.push_back({cap.messages, cap.per_hours, offset});
      offset += cap.messages;
    }
    slots_ = offset;
    times_.resize(size_t{capacity} * slots_);
    sent_.resize(size_t{capacity} * caps_.size());
  }

  bool on() const { return !caps_.empty(); }

  /// Agent i of the block has arrived: nothing sent yet.
  void arrive(uint32_t i) {
    for (size_t c = 0; c < caps_.size(); ++c) {
      sent_[size_t{i} * caps_.size() + c] = 0;
    }
  }

  /// Whether every cap of `tp` lets agent i receive a message at `now`
  /// (calendar hours).
  bool allows(uint32_t i, const ModelTouchpoint& tp, double now) const {
    for (const uint32_t c : tp.caps) {
      const Cap& cap = caps_[c];
      const uint64_t sent = sent_[size_t{i} * caps_.size() + c];
      if (sent < cap.messages) {
        continue;
      }
      // The oldest of the last `messages` sends is the one the ring would
      // overwrite next.
      const double oldest = times_[size_t{i} * slots_ + cap.offset + sent % cap.messages];
      if (now - oldest < cap.per_hours) {
        return false;
      }
    }
    return true;
  }

  /// Agent i received a message of `tp` at `now`.
  void record(uint32_t i, const ModelTouchpoint& tp, double now) {
    for (const uint32_t c : tp.caps) {
      const Cap& cap = caps_[c];
      uint64_t& sent = sent_[size_t{i} * caps_.size() + c];
      times_[size_t{i} * slots_ + cap.offset + sent % cap.messages] = now;
      ++sent;
    }
  }

 private:
  struct Cap {
    uint32_t messages;
    double per_hours;
    uint32_t offset;  // of its ring within an agent's slots
  };
  std::vector<Cap> caps_;
  uint32_t slots_ = 0;
  std::vector<double> times_;   // slots_ per agent
  std::vector<uint64_t> sent_;  // per agent and cap: messages so far
};

}  // namespace journeysim
