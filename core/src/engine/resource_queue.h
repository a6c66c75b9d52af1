// One resource's queue, first come, first served, as the coupled pass meets
// its customers in time order. A customer's wait is known the moment they
// arrive: everyone ahead of them arrived earlier, so the earliest a server
// is free is already decided (the "virtual waiting time" of a FCFS queue).
// Whoever would wait longer than their patience leaves and takes no
// server; anyone else holds the first free server for their service time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <queue>
#include <vector>

#include "engine/shift_schedule.h"
#include "journeysim/tally.h"

namespace journeysim {

class ResourceQueue {
 public:
  /// `servers` >= 1; arrivals before `warm_up_hours` (calendar hours since
  /// the journey's start) are served but not measured. The time series
  /// has `bins` bins of `bin_hours` (0 bins: none).
  /// With `shifts`, server k works only while the shifts have more than k
  /// at work.
  ResourceQueue(uint32_t servers, double warm_up_hours, double bin_hours = 1.0,
                uint32_t bins = 0, std::shared_ptr<const ShiftSchedule> shifts = nullptr);

  /// How long a customer arriving at `t` (hours since the journey's start,
  /// never earlier than the previous arrival) waits for a server; served()
  /// then books the server that is first free for them.
  double wait_at(double t);

  /// Records an arrival at `t` that waited `wait` hours in the queue: it
  /// gave up after `wait` (and takes no server), or a server serves it
  /// from t + wait for `service` hours.
  void gave_up(double t, double wait);
  void served(double t, double wait, double service);

  /// The statistics of everything recorded (resources.<id> in reports).
  ResourceTally summary() const;

 private:
  void measure(double t, double wait, double leaves, bool gave_up);
  struct Interval {
    double low, high;
  };
  template <class Value>
  Interval batch_means(Value value) const;
  // Adds the overlap of [from, to) with each bin to `by_bin`.
  void spread(std::vector<double>& by_bin, double from, double to) const;

  uint32_t servers_;
  double warm_up_;
  // When each server is next free, earliest first.
  std::priority_queue<double, std::vector<double>, std::greater<>> free_at_;
  // With shifts, servers are not alike: each one's next free time, and the
  // one wait_at chose.
  std::shared_ptr<const ShiftSchedule> shifts_;
  std::vector<double> server_free_;
  uint32_t chosen_ = 0;
  // Of the measured arrivals (after the warm-up), in arrival order:
  std::vector<double> waits_;
  std::vector<uint8_t> gave_up_flags_;
  uint64_t waited_ = 0, gave_up_ = 0, served_ = 0;
  double busy_ = 0.0;
  double first_ = 0.0, last_leaves_ = 0.0;  // the measured span
  double bin_hours_;
  std::vector<double> queue_by_bin_, busy_by_bin_;  // everyone, warm-up included
};

}  // namespace journeysim
