// What a block tells the world outside the tally while it runs: progress
// for the command line's bar and, with run --events, every step taken.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

#include "journeysim/event_trace.h"

namespace journeysim {

/// Finished agents, published in batches so the shared counter stays cold.
class ProgressBatch {
 public:
  void set_counter(std::atomic<uint64_t>* progress) { progress_ = progress; }
  void agent_finished() {
    if (++batch_ == 256) {
      flush();
    }
  }
  void flush() {
    if (progress_ != nullptr) {
      progress_->fetch_add(batch_, std::memory_order_relaxed);
    }
    batch_ = 0;
  }

 private:
  std::atomic<uint64_t>* progress_ = nullptr;
  uint64_t batch_ = 0;
};

/// The steps of a block's agents, for run --events (off without a trace).
class BlockTrace {
 public:
  void set_trace(EventTrace* trace) { trace_ = trace; }
  bool on() const { return trace_ != nullptr; }
  void add(const TraceEvent& event) { events_.push_back(event); }

  /// Steps were recorded round by round; a stable sort by agent puts each
  /// agent's steps together, still in step order.
  void flush(uint64_t first_agent, uint32_t count) {
    std::stable_sort(events_.begin(), events_.end(),
                     [](const TraceEvent& a, const TraceEvent& b) { return a.agent < b.agent; });
    trace_->block(first_agent, count, events_);
    events_.clear();
  }

 private:
  EventTrace* trace_ = nullptr;
  std::vector<TraceEvent> events_;
};

}  // namespace journeysim
