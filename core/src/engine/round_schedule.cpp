#include "engine/round_schedule.h"

#include <algorithm>
#include <bit>

namespace journeysim {

RoundSchedule::RoundSchedule(uint32_t capacity, size_t nodes)
    : nodes_(nodes), bucket_start_(nodes + 1), next_bits_((size_t{capacity} + 63) / 64) {}

void RoundSchedule::start(uint32_t count) {
  active_.clear();
  for (uint32_t i = 0; i < count; ++i) {
    active_.push_back(i);
  }
}

void RoundSchedule::order(const BlockAgent* agents) {
  order_.resize(active_.size());
  if (nodes_ > 2 * active_.size()) {
    // Few agents spread over a huge journey: sorting them is cheaper than
    // a pass over every node each round.
    std::copy(active_.begin(), active_.end(), order_.begin());
    std::stable_sort(order_.begin(), order_.end(),
                     [&](uint32_t a, uint32_t b) { return agents[a].at < agents[b].at; });
  } else {
    std::fill(bucket_start_.begin(), bucket_start_.end(), 0u);
    for (uint32_t i : active_) {
      ++bucket_start_[agents[i].at + 1];
    }
    for (size_t t = 0; t < nodes_; ++t) {
      bucket_start_[t + 1] += bucket_start_[t];
    }
    for (uint32_t i : active_) {
      order_[bucket_start_[agents[i].at]++] = i;
    }
  }
  std::fill(next_bits_.begin(), next_bits_.end(), uint64_t{0});
}

// The agents going on, in index order, so that each group of the next
// round holds its agents in index order too.
void RoundSchedule::collect_next() {
  active_.clear();
  for (size_t w = 0; w < next_bits_.size(); ++w) {
    for (uint64_t bits = next_bits_[w]; bits != 0; bits &= bits - 1) {
      active_.push_back(static_cast<uint32_t>(w * 64 + std::countr_zero(bits)));
    }
  }
}

}  // namespace journeysim
