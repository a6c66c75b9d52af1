// A run's calendar: when each customer arrives (the [arrivals] schedule for
// the run's own agent count, which `--agents` may change), the bins of its
// time series, and each persona's clock for send windows. Built once per
// run (and once per coupled pass); read-only and shared by every worker.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "calendar/arrival_schedule.h"
#include "calendar/send_window.h"
#include "calendar/time_zone.h"
#include "engine/series_bins.h"
#include "journeysim/calendar.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

class RunCalendar {
 public:
  /// For the run's `population` agents, the first of them `first_agent`.
  /// Throws InputError (at [arrivals]) when the schedule cannot be built.
  RunCalendar(const SimulationModel& model, uint64_t first_agent, uint64_t population);

  /// The journey uses calendar time: arrivals over days, windows, caps,
  /// queues, a start of its own. Otherwise nothing here is used.
  bool on() const { return on_; }

  /// Calendar hours from the journey's start to agent `agent`'s arrival;
  /// `u` is its own uniform (arrival draw 4). 0 without [arrivals].
  double arrival_hours(uint64_t agent, double u) const {
    return schedule_ ? schedule_->offset_hours(agent - first_agent_, u) : 0.0;
  }
  bool spreads_arrivals() const { return schedule_.has_value(); }

  const SeriesBins& bins() const { return bins_; }
  UtcSeconds start() const { return start_; }

  /// The instant `calendar_hours` after the start, as seconds (fractions
  /// kept) since 1970 UTC.
  double utc_seconds(double calendar_hours) const {
    return static_cast<double>(start_) + calendar_hours * 3600.0;
  }
  /// Hours a customer of `persona` at `calendar_hours` waits for `window`.
  double hours_until_open(const SendWindow& window, uint32_t persona,
                          double calendar_hours) const {
    return calendar::hours_until_open(window, *zones_[persona], utc_seconds(calendar_hours));
  }
  const calendar::TimeZone& zone_of(uint32_t persona) const { return *zones_[persona]; }
  const calendar::TimeZone& journey_zone() const { return *journey_zone_; }

 private:
  bool on_;
  uint64_t first_agent_;
  std::optional<calendar::ArrivalSchedule> schedule_;
  SeriesBins bins_;
  UtcSeconds start_;
  TimeZonePtr journey_zone_;
  std::vector<TimeZonePtr> zones_;  // by persona
};

}  // namespace journeysim
