// A resource's shifts: how many of its servers are at work at each minute
// of the week, on the journey's clock, and when a given server next is.
// Built once per run from the shifts' windows; read by the queue.
//
// The clock: the journey's zone at the moment asked about; a scan for the
// next opening keeps that offset (a shift change within a daylight-saving
// change moves by the change's hour).
#pragma once

#include <cstdint>
#include <vector>

#include "calendar/time_zone.h"
#include "journeysim/scenario.h"

namespace journeysim {

class ShiftSchedule {
 public:
  ShiftSchedule(const std::vector<Resource::Shift>& shifts, uint32_t capacity, UtcSeconds start,
                TimeZonePtr zone);

  /// The earliest calendar hour at or after `t` at which server `k` works
  /// (servers are numbered from 0: server k works while more than k are at
  /// work); infinity when it never does.
  double next_on(uint32_t k, double t) const;

  /// Server-hours at work in [from, to) (calendar hours).
  double open_hours(double from, double to) const;

  uint32_t servers() const { return capacity_; }

 private:
  static constexpr uint32_t kWeekMinutes = 7 * 24 * 60;
  static constexpr uint32_t kNever = UINT32_MAX;

  double local_seconds(double t) const;
  static uint32_t minute_of_week(double local);

  uint32_t capacity_;
  UtcSeconds start_;
  TimeZonePtr zone_;
  std::vector<uint32_t> at_work_;  // servers at work, per minute of the week (Monday 00:00 first)
  std::vector<uint32_t> until_;    // [k * kWeekMinutes + m]: minutes from m until server k works
};

}  // namespace journeysim
