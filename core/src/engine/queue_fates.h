// What happened to each customer at each queue in the coupled pass: how
// long they waited and whether their patience ran out. The pass that
// orders everyone in time records them; the ordinary parallel blocks then
// replay them, so a journey with a queue runs on as many threads as any
// other and gives the same bytes (engine/coupled_pass.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace journeysim {

struct QueueFate {
  double wait_hours = 0.0;  // in the queue (until giving up, if they did)
  bool gave_up = false;     // their patience ran out first
};

class QueueFates {
 public:
  /// Agent `agent`'s visit number `visit` to touchpoint `t` met `fate`.
  void record(uint64_t agent, uint32_t t, uint32_t visit, QueueFate fate);
  /// Orders what was recorded for find(); call once, after the pass.
  void seal();
  /// The fate recorded for that visit. Throws std::logic_error when there
  /// is none (a replay that left the path the pass took is a bug).
  QueueFate find(uint64_t agent, uint32_t t, uint32_t visit) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint64_t agent;
    uint32_t t, visit;
    QueueFate fate;
  };
  std::vector<Entry> entries_;
};

}  // namespace journeysim
