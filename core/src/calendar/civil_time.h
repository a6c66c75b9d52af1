// Dates and clock times of the proleptic Gregorian calendar, counted as days
// and seconds from 1970-01-01 (Howard Hinnant's civil-date algorithms, exact
// for every int64 day a TOML file can name). Time zones are not this file's
// business: "local" below means UTC plus a given offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "journeysim/calendar.h"

namespace journeysim::calendar {

inline constexpr int64_t kSecondsPerDay = 86'400;

/// A calendar date.
struct CivilDate {
  int64_t year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
};

/// Days from 1970-01-01 to `date` (negative before it).
int64_t days_from_civil(const CivilDate& date);
/// The date `days` after 1970-01-01.
CivilDate civil_from_days(int64_t days);
/// 0 = Monday ... 6 = Sunday, of the day `days` after 1970-01-01 (a Thursday).
int weekday_from_days(int64_t days);
bool is_leap_year(int64_t year);
unsigned days_in_month(int64_t year, unsigned month);

/// `value / divisor` rounded towards minus infinity (divisor > 0): the day
/// of a negative second count is the one before, not the one after.
int64_t floor_div(int64_t value, int64_t divisor);

/// The instant `hours` after `start`, to the second: a fraction of a second
/// is dropped (rounded down), so a timestamp never shows a time later than
/// the simulated one.
UtcSeconds instant_after(UtcSeconds start, double hours);

/// "2027-03-01T09:00:00+07:00": the instant `utc` as the clock reads it at
/// `offset_seconds` east of UTC, to the second; an offset of 0 is written
/// "+00:00". An offset that is not whole minutes is written to the minute
/// after truncation towards zero (no real zone has one since 1972).
std::string format_timestamp(UtcSeconds utc, int32_t offset_seconds);

/// A TOML date, local date-time or offset date-time, as TOML++ prints them
/// ("2027-03-01", "2027-03-01T09:00:00", "2027-03-01T09:00:00.5+07:00").
struct TomlDateTime {
  CivilDate date;
  int64_t second_of_day = 0;              // whole seconds; a fraction is dropped
  std::optional<int32_t> offset_seconds;  // east of UTC; absent = local
};

/// Reads that text; nullopt when it is not of that form.
std::optional<TomlDateTime> parse_toml_date_time(std::string_view text);

/// The clock reading (seconds since 1970-01-01 on the local calendar) of a
/// date-time, ignoring its offset.
int64_t local_seconds_of(const TomlDateTime& value);

}  // namespace journeysim::calendar
