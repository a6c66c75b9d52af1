// Timestamps of event logs: ISO 8601 date-times or epoch numbers.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "calendar/civil_time.h"
#include "journeysim/event_log.h"

namespace journeysim {
namespace {

using calendar::civil_from_days;
using calendar::days_from_civil;
using calendar::days_in_month;

// Reads exactly `n` digits at `pos`.
bool digits(std::string_view s, size_t& pos, size_t n, unsigned& value) {
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

bool parse_iso(std::string_view s, double& seconds) {
  size_t pos = 0;
  unsigned year = 0, month = 0, day = 0;
  if (!digits(s, pos, 4, year) || pos >= s.size() || s[pos++] != '-' ||
      !digits(s, pos, 2, month) || pos >= s.size() || s[pos++] != '-' ||
      !digits(s, pos, 2, day)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return false;
  }
  double time = 0.0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') {
      return false;
    }
    ++pos;
    unsigned hour = 0, minute = 0, second = 0;
    if (!digits(s, pos, 2, hour) || pos >= s.size() || s[pos++] != ':' ||
        !digits(s, pos, 2, minute) || hour > 23 || minute > 59) {
      return false;
    }
    double fraction = 0.0;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!digits(s, pos, 2, second) || second > 60) {  // 60: a leap second
        return false;
      }
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        double scale = 0.1;
        const size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          fraction += scale * (s[pos] - '0');
          scale /= 10;
          ++pos;
        }
        if (pos == start) {
          return false;
        }
      }
    }
    time = hour * 3600.0 + minute * 60.0 + second + fraction;
    if (pos < s.size()) {
      if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
      } else if (s[pos] == '+' || s[pos] == '-') {
        const double sign = s[pos] == '+' ? 1.0 : -1.0;
        ++pos;
        unsigned zh = 0, zm = 0;
        if (!digits(s, pos, 2, zh)) {
          return false;
        }
        if (pos < s.size() && s[pos] == ':') {
          ++pos;
        }
        if (pos < s.size() && !digits(s, pos, 2, zm)) {
          return false;
        }
        if (zh > 23 || zm > 59) {
          return false;
        }
        time -= sign * (zh * 3600.0 + zm * 60.0);  // local = UTC + offset
      } else {
        return false;
      }
    }
    if (pos != s.size()) {
      return false;
    }
  }
  seconds = static_cast<double>(days_from_civil({year, month, day})) * 86400.0 + time;
  return true;
}

}  // namespace

bool parse_timestamp(std::string_view text, EpochUnit unit, double& seconds) {
  if (text.empty()) {
    return false;
  }
  if (text.size() >= 10 && text[4] == '-') {
    return parse_iso(text, seconds);
  }
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return false;
  }
  switch (unit) {
    case EpochUnit::Seconds:
      break;
    case EpochUnit::Milliseconds:
      value /= 1e3;
      break;
    case EpochUnit::Microseconds:
      value /= 1e6;
      break;
  }
  // Years 0..9999 only, like the ISO form: anything else is a wrong unit
  // or a wrong column, not a time.
  if (value < -62167219200.0 || value > 253402300799.0) {
    return false;
  }
  seconds = value;
  return true;
}

std::string format_timestamp(double seconds) {
  const double ms_total = std::round(seconds * 1000.0);
  const auto ms = static_cast<int64_t>(ms_total);
  int64_t days = ms / 86400000;
  int64_t rest = ms % 86400000;
  if (rest < 0) {
    rest += 86400000;
    --days;
  }
  const calendar::CivilDate date = civil_from_days(days);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(date.year), date.month, date.day,
                static_cast<long long>(rest / 3600000),
                static_cast<long long>(rest / 60000 % 60),
                static_cast<long long>(rest / 1000 % 60), static_cast<long long>(rest % 1000));
  return buffer;
}

}  // namespace journeysim
