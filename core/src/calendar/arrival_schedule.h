// When each agent arrives: the [arrivals] pattern turned into one arrival
// distribution over hours after [journey] start, and each agent's offset
// drawn from it by its quantile.
//
// The distribution is piecewise uniform: the time after start is cut into
// bins at every local clock hour (and at the span's end and every burst
// day's edges); inside a bin the intensity is constant, so the quantile is
// exact by linear interpolation, and a lookup is a binary search over the
// cumulative table, O(log bins).
//   at_start  every agent at offset 0 (an atom), unless bursts take a share
//   steady    over `over_days`, intensity weekday_weights x hourly_weights;
//             agent k of N takes the quantile at (k + 0.5) / N
//   poisson   over N / per_hour hours, the same intensity; each agent's
//             offset is an independent draw (the quantile of its own
//             uniform): a Poisson process conditioned on N arrivals
//   bursts    share s of all arrivals falls in day d, spread by
//             hourly_weights; the pattern above carries 1 - sum(s)
// Weights are read on the clock of `zone` (the journey's time zone): a bin
// takes the weekday and hour of the local time at its middle.
#pragma once

#include <cstdint>
#include <vector>

#include "calendar/time_zone.h"
#include "journeysim/calendar.h"

namespace journeysim::calendar {

/// The longest span arrivals may take (100 years of hourly bins).
inline constexpr double kMaxArrivalSpanHours = 36'500.0 * 24.0;

class ArrivalSchedule {
 public:
  /// Throws InputError at pattern.where when the span is longer than
  /// kMaxArrivalSpanHours or the weights are zero over all of it.
  ArrivalSchedule(const ArrivalPattern& pattern, uint64_t agents, UtcSeconds start,
                  const TimeZone& zone);

  /// Hours after start at which agent `agent_index` arrives; `u` is a
  /// uniform in [0, 1) from the agent's own stream (steady ignores it; a
  /// value outside is clamped). Monotone in u.
  double offset_hours(uint64_t agent_index, double u) const;

  /// The offset at cumulative probability `p` in [0, 1].
  double quantile(double p) const;

  /// Hours from start to the last possible arrival (0 for at_start alone).
  double span_hours() const { return edges_.back(); }

 private:
  ArrivalPattern::Kind kind_;
  uint64_t agents_;
  double atom_ = 0.0;               // probability of arriving exactly at start
  std::vector<double> edges_;       // bin edges in hours, edges_[0] = 0
  std::vector<double> cumulative_;  // probability up to each edge, [0] = atom_
};

}  // namespace journeysim::calendar
