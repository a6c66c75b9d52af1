#include "engine/shift_schedule.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "calendar/send_window.h"

namespace journeysim {
namespace {

// Local seconds of Monday 1970-01-05 00:00: a week's windows are read from it.
constexpr double kAMonday = 4.0 * 86400.0;

}  // namespace

ShiftSchedule::ShiftSchedule(const std::vector<Resource::Shift>& shifts, uint32_t capacity,
                             UtcSeconds start, TimeZonePtr zone)
    : capacity_(capacity), start_(start), zone_(std::move(zone)), at_work_(kWeekMinutes) {
  for (uint32_t m = 0; m < kWeekMinutes; ++m) {
    uint32_t servers = 0;
    for (const Resource::Shift& shift : shifts) {
      // The middle of the minute: a shift opening at 08:00 works from 08:00.
      if (calendar::window_open_at(shift.when, kAMonday + m * 60.0 + 30.0)) {
        servers += shift.capacity;
      }
    }
    at_work_[m] = std::min(servers, capacity_);
  }
  until_.assign(size_t{capacity_} * kWeekMinutes, kNever);
  for (uint32_t k = 0; k < capacity_; ++k) {
    uint32_t* until = &until_[size_t{k} * kWeekMinutes];
    // Twice round the week, backwards: a minute's distance to the next one
    // at which server k works, wrapping past Sunday midnight.
    uint32_t next = kNever;
    for (uint32_t pass = 0; pass < 2; ++pass) {
      for (uint32_t m = kWeekMinutes; m-- > 0;) {
        next = at_work_[m] > k ? 0 : (next == kNever ? kNever : next + 1);
        until[m] = next;
      }
    }
  }
}

double ShiftSchedule::local_seconds(double t) const {
  const double utc = static_cast<double>(start_) + t * 3600.0;
  return utc + zone_->offset_seconds_at(static_cast<UtcSeconds>(std::floor(utc)));
}

uint32_t ShiftSchedule::minute_of_week(double local) {
  const auto minutes = static_cast<int64_t>(std::floor((local - kAMonday) / 60.0));
  const int64_t week = kWeekMinutes;
  return static_cast<uint32_t>(((minutes % week) + week) % week);
}

double ShiftSchedule::next_on(uint32_t k, double t) const {
  if (k >= capacity_) {
    return std::numeric_limits<double>::infinity();
  }
  const double local = local_seconds(t);
  const uint32_t m = minute_of_week(local);
  const uint32_t until = until_[size_t{k} * kWeekMinutes + m];
  if (until == kNever) {
    return std::numeric_limits<double>::infinity();
  }
  if (until == 0) {
    return t;
  }
  const double minute_start = std::floor(local / 60.0) * 60.0;
  return t + (minute_start + until * 60.0 - local) / 3600.0;
}

double ShiftSchedule::open_hours(double from, double to) const {
  double total = 0.0;
  for (double t = from; t < to;) {
    const double local = local_seconds(t);
    const double minute_end = (std::floor(local / 60.0) + 1.0) * 60.0;
    const double next = std::min(to, t + (minute_end - local) / 3600.0);
    total += at_work_[minute_of_week(local)] * (next - t);
    t = next > t ? next : to;
  }
  return total;
}

}  // namespace journeysim
