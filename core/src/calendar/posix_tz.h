// The POSIX TZ rule that ends a TZif v2+ file ("CET-1CEST,M3.5.0,M10.5.0/3"):
// how a zone's offset goes on after its last listed transition. Debian's
// zone files list transitions only up to 2037 and rely on this rule for
// later years (RFC 8536, section 3.3), which is why journeysim reads it
// itself rather than through a library that ignores it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "journeysim/calendar.h"

namespace journeysim::calendar {

/// A day of the year on which daylight saving starts or ends, and the local
/// time of day (in seconds, possibly negative or past 24 h) it happens.
struct PosixTransitionRule {
  enum class Form { JulianNoLeap, ZeroBasedDay, MonthWeekDay };
  Form form = Form::MonthWeekDay;
  int day = 0;          // JulianNoLeap 1..365, ZeroBasedDay 0..365, MonthWeekDay 0 (Sun)..6
  int month = 0;        // MonthWeekDay: 1..12
  int week = 0;         // MonthWeekDay: 1..5 (5 = the last)
  int32_t time = 7200;  // seconds after local midnight (default 02:00)
};

/// "std offset [dst [offset] [,start[/time],end[/time]]]", offsets as
/// written in POSIX (hours west of UTC) but stored east of UTC.
struct PosixTz {
  int32_t standard_offset = 0;  // east of UTC
  bool has_dst = false;
  int32_t dst_offset = 0;  // east of UTC (default standard + 1 h)
  PosixTransitionRule dst_start, dst_end;

  /// The offset east of UTC in force at `utc`.
  int32_t offset_at(UtcSeconds utc) const;
};

/// The rule `text` says, or nullopt when it is not a POSIX TZ string.
std::optional<PosixTz> parse_posix_tz(std::string_view text);

}  // namespace journeysim::calendar
