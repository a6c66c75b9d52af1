#include "calendar/send_window.h"

#include <cmath>

#include "calendar/civil_time.h"

namespace journeysim::calendar {
namespace {

constexpr int32_t kMinutesPerDay = 1440;
constexpr double kSecondsPerDayD = 86'400.0;

// "HH:MM" at `pos`, hours up to 24 (24 only as 24:00).
bool read_clock(std::string_view s, size_t& pos, int32_t& minute) {
  auto digit = [&](size_t k) {
    return pos + k < s.size() && s[pos + k] >= '0' && s[pos + k] <= '9';
  };
  if (!(digit(0) && digit(1) && pos + 2 < s.size() && s[pos + 2] == ':' && digit(3) && digit(4))) {
    return false;
  }
  const int hours = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
  const int minutes = (s[pos + 3] - '0') * 10 + (s[pos + 4] - '0');
  pos += 5;
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) {
    return false;
  }
  minute = hours * 60 + minutes;
  return true;
}

}  // namespace

const std::vector<std::string>& day_names() {
  static const std::vector<std::string> names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  return names;
}

std::optional<WindowHours> parse_window_hours(std::string_view text, std::string& error) {
  WindowHours hours;
  size_t pos = 0;
  if (!read_clock(text, pos, hours.open_minute) || pos >= text.size() || text[pos++] != '-' ||
      !read_clock(text, pos, hours.close_minute) || pos != text.size()) {
    error =
        "expected \"HH:MM-HH:MM\" with hours 00 to 24 and minutes 00 to "
        "59, e.g. "
        "\"09:00-18:00\"";
    return std::nullopt;
  }
  if (hours.open_minute == kMinutesPerDay) {
    error = "a window cannot open at 24:00; write 00:00";
    return std::nullopt;
  }
  if (hours.open_minute == hours.close_minute) {
    error =
        "a window opens and closes at the same time; \"00:00-24:00\" is "
        "the whole day";
    return std::nullopt;
  }
  return hours;
}

bool window_open_at(const SendWindow& window, double local_seconds) {
  const double day_index = std::floor(local_seconds / kSecondsPerDayD);
  const double minute = (local_seconds - day_index * kSecondsPerDayD) / 60.0;
  const int weekday = weekday_from_days(static_cast<int64_t>(day_index));
  const bool today = window.days[static_cast<size_t>(weekday)];
  if (window.open_minute < window.close_minute) {
    return today && minute >= window.open_minute && minute < window.close_minute;
  }
  // Wrapped past midnight: the evening part belongs to today's window, the
  // morning part to yesterday's.
  const bool yesterday = window.days[static_cast<size_t>((weekday + 6) % 7)];
  return (today && minute >= window.open_minute) || (yesterday && minute < window.close_minute);
}

double hours_until_open(const SendWindow& window, double local_seconds) {
  if (window_open_at(window, local_seconds)) {
    return 0.0;
  }
  const double day_index = std::floor(local_seconds / kSecondsPerDayD);
  const int weekday = weekday_from_days(static_cast<int64_t>(day_index));
  // Outside the window, the next opening is today's or one of the next
  // seven days' (a window has at least one day).
  for (int ahead = 0; ahead <= 7; ++ahead) {
    if (!window.days[static_cast<size_t>((weekday + ahead) % 7)]) {
      continue;
    }
    const double opens = (day_index + ahead) * kSecondsPerDayD + window.open_minute * 60.0;
    if (opens >= local_seconds) {
      return (opens - local_seconds) / 3600.0;
    }
  }
  return 0.0;  // no day listed: unreachable for a loaded window
}

double hours_until_open(const SendWindow& window, const TimeZone& zone, double utc_seconds) {
  double now = utc_seconds;
  // Each round finds the next opening on the clock at `now`'s offset and
  // moves there; a round that lands outside the window (a gap swallowed the
  // opening) tries the next one. Real data needs one round, rarely two.
  for (int round = 0; round < 16; ++round) {
    const auto whole = static_cast<UtcSeconds>(std::floor(now));
    const double fraction = now - static_cast<double>(whole);
    const int32_t offset = zone.offset_seconds_at(whole);
    const double local = static_cast<double>(whole + offset) + fraction;
    const double wait = hours_until_open(window, local);
    if (wait == 0.0) {
      return (now - utc_seconds) / 3600.0;
    }
    // Openings fall on whole minutes of the clock.
    const auto opens_local = static_cast<int64_t>(std::llround(local + wait * 3600.0));
    const auto opens = static_cast<double>(zone.utc_of_local(opens_local));
    // An opening the clock already passed once (the repeated hour after
    // daylight saving ends) is reached on the current offset instead.
    now = opens > now ? opens : now + wait * 3600.0;
  }
  return (now - utc_seconds) / 3600.0;
}

}  // namespace journeysim::calendar
