#include "calendar/civil_time.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace journeysim::calendar {

int64_t floor_div(int64_t value, int64_t divisor) {
  const int64_t quotient = value / divisor;
  return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

int64_t days_from_civil(const CivilDate& date) {
  const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = floor_div(y, 400);
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned m = date.month;
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate civil_from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = floor_div(z, 146097);
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  CivilDate date;
  date.day = doy - (153 * mp + 2) / 5 + 1;
  date.month = mp < 10 ? mp + 3 : mp - 9;
  date.year = static_cast<int64_t>(yoe) + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

int weekday_from_days(int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

bool is_leap_year(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

UtcSeconds instant_after(UtcSeconds start, double hours) {
  return start + static_cast<int64_t>(std::floor(hours * 3600.0));
}

std::string format_timestamp(UtcSeconds utc, int32_t offset_seconds) {
  const int64_t local = utc + offset_seconds;
  const int64_t days = floor_div(local, kSecondsPerDay);
  const int64_t second = local - days * kSecondsPerDay;
  const CivilDate date = civil_from_days(days);
  const int32_t offset_minutes = std::abs(offset_seconds) / 60;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld%c%02d:%02d",
                static_cast<long long>(date.year), date.month, date.day,
                static_cast<long long>(second / 3600), static_cast<long long>(second / 60 % 60),
                static_cast<long long>(second % 60), offset_seconds < 0 ? '-' : '+',
                offset_minutes / 60, offset_minutes % 60);
  return buffer;
}

namespace {

// Exactly `n` digits at `pos`.
bool read_digits(std::string_view s, size_t& pos, size_t n, unsigned& value) {
  if (pos + n > s.size()) {
    return false;
  }
  value = 0;
  for (size_t k = 0; k < n; ++k) {
    const char c = s[pos + k];
    if (c < '0' || c > '9') {
      return false;
    }
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  pos += n;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

std::optional<TomlDateTime> parse_toml_date_time(std::string_view s) {
  TomlDateTime out;
  size_t pos = 0;
  unsigned year = 0;
  if (!read_digits(s, pos, 4, year) || !expect(s, pos, '-') ||
      !read_digits(s, pos, 2, out.date.month) || !expect(s, pos, '-') ||
      !read_digits(s, pos, 2, out.date.day)) {
    return std::nullopt;
  }
  out.date.year = year;
  if (out.date.month < 1 || out.date.month > 12 || out.date.day < 1 ||
      out.date.day > days_in_month(year, out.date.month)) {
    return std::nullopt;
  }
  if (pos == s.size()) {
    return out;  // a date: midnight
  }
  unsigned hour = 0, minute = 0, second = 0;
  if (!expect(s, pos, 'T') || !read_digits(s, pos, 2, hour) || !expect(s, pos, ':') ||
      !read_digits(s, pos, 2, minute) || !expect(s, pos, ':') || !read_digits(s, pos, 2, second) ||
      hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  out.second_of_day = hour * 3600 + minute * 60 + second;
  if (expect(s, pos, '.')) {
    const size_t digits_from = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      ++pos;
    }
    if (pos == digits_from) {
      return std::nullopt;
    }
  }
  if (pos == s.size()) {
    return out;
  }
  if (expect(s, pos, 'Z')) {
    out.offset_seconds = 0;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const int sign = s[pos] == '+' ? 1 : -1;
    ++pos;
    unsigned zh = 0, zm = 0;
    if (!read_digits(s, pos, 2, zh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, zm) ||
        zh > 23 || zm > 59) {
      return std::nullopt;
    }
    out.offset_seconds = sign * static_cast<int32_t>(zh * 3600 + zm * 60);
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) {
    return std::nullopt;
  }
  return out;
}

int64_t local_seconds_of(const TomlDateTime& value) {
  return days_from_civil(value.date) * kSecondsPerDay + value.second_of_day;
}

}  // namespace journeysim::calendar
