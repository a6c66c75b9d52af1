// Send windows: `window = { hours = "09:00-18:00", days = ["mon", ...] }` on
// a message touchpoint or a wait step. A message due outside its window
// waits until the window next opens, on the customer's own clock.
//
// The rule across a daylight-saving change: the window opens when the
// customer's wall clock first shows the opening time, so the wait is real
// elapsed time (Friday 18:30 to Monday 09:00 is 62.5 h, or 61.5 h when the
// clocks go forward over the weekend). A wall time skipped by the change
// counts as the same time on the old offset (02:30 becomes 03:30), and the
// window must still be open then.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/time_zone.h"
#include "journeysim/calendar.h"

namespace journeysim::calendar {

/// "mon", "tue", ..., "sun": Monday first, as SendWindow::days.
const std::vector<std::string>& day_names();

/// The minutes of "HH:MM-HH:MM" (open 00:00..23:59, close 00:00..24:00,
/// close != open; close < open wraps past midnight). On a bad text, nullopt
/// and `error` says what is wrong.
struct WindowHours {
  int32_t open_minute = 0;
  int32_t close_minute = 0;
};
std::optional<WindowHours> parse_window_hours(std::string_view text, std::string& error);

/// Whether `window` is open at `local_seconds` (a clock reading: seconds
/// since 1970-01-01 on the local calendar, fractions allowed).
bool window_open_at(const SendWindow& window, double local_seconds);

/// 0 inside the window, else the hours until it next opens, on the local
/// clock (no time zone: the caller's offset is taken as constant).
double hours_until_open(const SendWindow& window, double local_seconds);

/// The same at the instant `utc_seconds` for a customer in `zone`, in real
/// elapsed hours: daylight-saving changes before the opening are taken into
/// account by the rule above.
double hours_until_open(const SendWindow& window, const TimeZone& zone, double utc_seconds);

}  // namespace journeysim::calendar
