#include "calendar/posix_tz.h"

#include "calendar/civil_time.h"

namespace journeysim::calendar {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// A zone abbreviation: three or more letters, or <...> with letters, digits,
// '+' and '-' ("<+07>").
bool read_name(std::string_view s, size_t& pos) {
  const size_t from = pos;
  if (pos < s.size() && s[pos] == '<') {
    ++pos;
    while (pos < s.size() &&
           (is_alpha(s[pos]) || is_digit(s[pos]) || s[pos] == '+' || s[pos] == '-')) {
      ++pos;
    }
    if (pos >= s.size() || s[pos] != '>' || pos - from < 4) {
      return false;
    }
    ++pos;
    return true;
  }
  while (pos < s.size() && is_alpha(s[pos])) {
    ++pos;
  }
  return pos - from >= 3;
}

bool read_number(std::string_view s, size_t& pos, int max, int& value) {
  const size_t from = pos;
  value = 0;
  while (pos < s.size() && is_digit(s[pos]) && pos - from < 3) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
  }
  return pos > from && value <= max;
}

// [+-]hh[:mm[:ss]], hours up to `max_hours` (24 for offsets, 167 for rule
// times, RFC 8536's extension). Seconds with the sign as written.
bool read_hms(std::string_view s, size_t& pos, int max_hours, int32_t& seconds) {
  int sign = 1;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    sign = s[pos] == '-' ? -1 : 1;
    ++pos;
  }
  int hours = 0, minutes = 0, secs = 0;
  if (!read_number(s, pos, max_hours, hours)) {
    return false;
  }
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!read_number(s, pos, 59, minutes)) {
      return false;
    }
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!read_number(s, pos, 59, secs)) {
        return false;
      }
    }
  }
  seconds = sign * (hours * 3600 + minutes * 60 + secs);
  return true;
}

bool read_rule(std::string_view s, size_t& pos, PosixTransitionRule& rule) {
  if (pos < s.size() && s[pos] == 'M') {
    ++pos;
    rule.form = PosixTransitionRule::Form::MonthWeekDay;
    if (!read_number(s, pos, 12, rule.month) || rule.month < 1 || pos >= s.size() ||
        s[pos++] != '.' || !read_number(s, pos, 5, rule.week) || rule.week < 1 || pos >= s.size() ||
        s[pos++] != '.' || !read_number(s, pos, 6, rule.day)) {
      return false;
    }
  } else if (pos < s.size() && s[pos] == 'J') {
    ++pos;
    rule.form = PosixTransitionRule::Form::JulianNoLeap;
    if (!read_number(s, pos, 365, rule.day) || rule.day < 1) {
      return false;
    }
  } else {
    rule.form = PosixTransitionRule::Form::ZeroBasedDay;
    if (!read_number(s, pos, 365, rule.day)) {
      return false;
    }
  }
  rule.time = 7200;
  if (pos < s.size() && s[pos] == '/') {
    ++pos;
    return read_hms(s, pos, 167, rule.time);
  }
  return true;
}

// Days from 1970-01-01 to the day `rule` names in `year`.
int64_t rule_day(const PosixTransitionRule& rule, int64_t year) {
  const int64_t jan1 = days_from_civil({year, 1, 1});
  switch (rule.form) {
    case PosixTransitionRule::Form::JulianNoLeap: {
      // Day 60 is always 1 March: February 29 is never counted.
      const int64_t day = rule.day - 1;
      return jan1 + day + (is_leap_year(year) && rule.day >= 60 ? 1 : 0);
    }
    case PosixTransitionRule::Form::ZeroBasedDay:
      return jan1 + rule.day;
    case PosixTransitionRule::Form::MonthWeekDay: {
      const auto month = static_cast<unsigned>(rule.month);
      const int64_t first = days_from_civil({year, month, 1});
      // weekday_from_days counts Monday as 0; POSIX counts Sunday as 0.
      const int first_weekday = (weekday_from_days(first) + 1) % 7;
      int64_t day = first + (rule.day - first_weekday + 7) % 7 + 7 * (rule.week - 1);
      const int64_t last = first + days_in_month(year, month) - 1;
      while (day > last) {
        day -= 7;  // week 5: the last such weekday of the month
      }
      return day;
    }
  }
  return jan1;
}

}  // namespace

int32_t PosixTz::offset_at(UtcSeconds utc) const {
  if (!has_dst) {
    return standard_offset;
  }
  // The rules are given per local year; the year of the standard-time clock
  // decides which year's transitions to compare with (both hemispheres: in
  // the south daylight saving spans the new year, and the test below is
  // then the complement).
  const int64_t year = civil_from_days(floor_div(utc + standard_offset, kSecondsPerDay)).year;
  const UtcSeconds start = rule_day(dst_start, year) * kSecondsPerDay + dst_start.time -
                           standard_offset;  // start time is on the standard clock
  const UtcSeconds end =
      rule_day(dst_end, year) * kSecondsPerDay + dst_end.time - dst_offset;  // on DST's clock
  const bool in_dst = start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);
  return in_dst ? dst_offset : standard_offset;
}

std::optional<PosixTz> parse_posix_tz(std::string_view s) {
  PosixTz tz;
  size_t pos = 0;
  int32_t west = 0;
  if (!read_name(s, pos) || !read_hms(s, pos, 24, west)) {
    return std::nullopt;
  }
  tz.standard_offset = -west;
  if (pos == s.size()) {
    return tz;
  }
  if (!read_name(s, pos)) {
    return std::nullopt;
  }
  tz.has_dst = true;
  tz.dst_offset = tz.standard_offset + 3600;
  if (pos < s.size() && s[pos] != ',') {
    if (!read_hms(s, pos, 24, west)) {
      return std::nullopt;
    }
    tz.dst_offset = -west;
  }
  // A footer with daylight saving always gives its rules (RFC 8536 3.3);
  // without them the transitions are unknown, so refuse rather than guess.
  if (pos >= s.size() || s[pos++] != ',' || !read_rule(s, pos, tz.dst_start) || pos >= s.size() ||
      s[pos++] != ',' || !read_rule(s, pos, tz.dst_end) || pos != s.size()) {
    return std::nullopt;
  }
  return tz;
}

}  // namespace journeysim::calendar
