// Calendar time in a scenario, as plain data the loader fills in: when the
// journey starts, in which time zones its customers live, the send windows
// of touchpoints and waits, how customers arrive over days, and frequency
// caps. The algorithms that use them (time zone offsets, window opening
// times, arrival offsets) live in core/src/calendar/; docs/calendar.md says
// what every key means.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "journeysim/diagnostics.h"

namespace journeysim {

/// An instant: whole seconds since 1970-01-01T00:00:00Z, leap seconds not
/// counted (POSIX time).
using UtcSeconds = int64_t;

/// [journey] start when the file gives none: 2027-01-04T00:00:00Z, a Monday
/// (so a weekday window is open on the first day of a default journey).
inline constexpr UtcSeconds kDefaultStartUtc = 1'799'020'800;

namespace calendar {
class TimeZone;
}
/// A time zone, shared: zones are immutable once read, and one per name.
using TimeZonePtr = std::shared_ptr<const calendar::TimeZone>;

/// `window = { hours = "09:00-18:00", days = ["mon", ...] }`: when a
/// message may go out, in the customer's local time. Minutes count from
/// local midnight; `close_minute < open_minute` wraps past midnight
/// ("22:00-06:00"), and then a listed day is the day the window opens.
struct SendWindow {
  int32_t open_minute = 0;      // [0, 1440)
  int32_t close_minute = 1440;  // [0, 1440], != open_minute
  std::array<bool, 7> days = {true, true, true, true, true, true, true};  // Monday first
  std::string hours_text;  // as written ("09:00-18:00")
  SourceLocation where;    // of the window table
};

/// The `[arrivals]` pattern: when each of the run's agents arrives, as an
/// offset after [journey] start. The agent count stays journey.agents.
struct ArrivalPattern {
  enum class Kind { AtStart, Steady, Poisson };
  /// One launch burst: `share` of all arrivals fall on day `day` (the 24
  /// hours from start + day * 24 h), spread by hourly_weights.
  struct Burst {
    uint32_t day = 0;
    double share = 0.0;  // (0, 1]; the bursts' shares sum to <= 1
    SourceLocation where;
  };

  Kind kind = Kind::AtStart;
  double over_days = 0.0;  // Steady: > 0
  double per_hour = 0.0;   // Poisson: the mean rate (per_day / 24 when given per day)
  std::array<double, 7> weekday_weights = {1, 1, 1, 1, 1, 1, 1};  // Monday first, local time
  std::array<double, 24> hourly_weights = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                           1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  std::vector<Burst> bursts;  // in the order written
  SourceLocation where;       // of the [arrivals] table ("" when absent)
};

/// One `[policies] frequency_cap`: at most `messages` messages on
/// `channels` to one customer within any `per_hours` span.
struct FrequencyCap {
  uint32_t messages = 0;                       // >= 1
  double per_hours = 0.0;                      // > 0
  std::string per_text;                        // as written ("7d")
  std::vector<std::string> channels;           // non-empty, unique, each the `channel` or
                                               // `via` of some touchpoint
  std::vector<SourceLocation> channel_wheres;  // as `channels`
  SourceLocation where;                        // of the cap's table
};

/// [policies]
struct Policies {
  std::vector<FrequencyCap> frequency_caps;  // in the order written
  SourceLocation where;
};

}  // namespace journeysim
