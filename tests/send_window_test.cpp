// Send windows: when a message due at some instant may go out, on the
// customer's clock, and how long it waits otherwise.
#include "calendar/send_window.h"

#include <gtest/gtest.h>

#include <string>

#include "calendar/civil_time.h"
#include "calendar/time_zone.h"

namespace journeysim::calendar {
namespace {

// The clock reading of "2027-03-05T18:30:00" (a Friday) as local seconds.
double local(const std::string& text) {
  const auto value = parse_toml_date_time(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? static_cast<double>(local_seconds_of(*value)) : 0.0;
}

double utc(const std::string& text) {
  const auto value = parse_toml_date_time(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? static_cast<double>(local_seconds_of(*value) - value->offset_seconds.value_or(0))
               : 0.0;
}

SendWindow window(const std::string& hours,
                  std::array<bool, 7> days = {true, true, true, true, true, true, true}) {
  std::string error;
  const auto parsed = parse_window_hours(hours, error);
  EXPECT_TRUE(parsed.has_value()) << hours << ": " << error;
  SendWindow w;
  w.open_minute = parsed ? parsed->open_minute : 0;
  w.close_minute = parsed ? parsed->close_minute : 1440;
  w.days = days;
  w.hours_text = hours;
  return w;
}

constexpr std::array<bool, 7> kWeekdays = {true, true, true, true, true, false, false};

std::string refusal(const std::string& hours) {
  std::string error;
  return parse_window_hours(hours, error) ? "<accepted>" : error;
}

TEST(WindowHours, ReadsOpenAndCloseMinutes) {
  std::string error;
  const auto office = parse_window_hours("09:00-18:00", error);
  ASSERT_TRUE(office.has_value());
  EXPECT_EQ(office->open_minute, 540);
  EXPECT_EQ(office->close_minute, 1080);
  const auto all_day = parse_window_hours("00:00-24:00", error);
  ASSERT_TRUE(all_day.has_value());
  EXPECT_EQ(all_day->close_minute, 1440);
  const auto night = parse_window_hours("22:00-06:00", error);
  ASSERT_TRUE(night.has_value());
  EXPECT_EQ(night->open_minute, 1320);
  EXPECT_EQ(night->close_minute, 360);
}

TEST(WindowHours, RefusesBadClockTimes) {
  EXPECT_NE(refusal("25:00-26:00").find("hours 00 to 24"), std::string::npos);
  EXPECT_NE(refusal("9-18").find("\"HH:MM-HH:MM\""), std::string::npos);
  EXPECT_EQ(refusal("09:00-09:00"),
            "a window opens and closes at the same "
            "time; \"00:00-24:00\" is the whole day");
  EXPECT_EQ(refusal("24:00-06:00"), "a window cannot open at 24:00; write 00:00");
  for (const char* bad : {"09:60-18:00", "24:30-01:00", "09:00 - 18:00", "09:00-18:00x", ""}) {
    EXPECT_NE(refusal(bad), "<accepted>") << bad;
  }
}

TEST(HoursUntilOpen, InsideTheWindowIsZero) {
  EXPECT_EQ(hours_until_open(window("09:00-18:00", kWeekdays), local("2027-03-05T09:00:00")), 0.0);
  EXPECT_EQ(hours_until_open(window("09:00-18:00", kWeekdays), local("2027-03-05T17:59:59")), 0.0);
}

TEST(HoursUntilOpen, FridayEveningWaitsForMondayMorning) {
  // 2027-03-05 is a Friday: 18:30 to Monday 09:00.
  EXPECT_EQ(hours_until_open(window("09:00-18:00", kWeekdays), local("2027-03-05T18:30:00")), 62.5);
  EXPECT_EQ(hours_until_open(window("09:00-18:00", kWeekdays), local("2027-03-05T18:00:00")), 63.0);
}

TEST(HoursUntilOpen, EarlyMorningWaitsForTheSameDay) {
  EXPECT_EQ(hours_until_open(window("09:00-18:00"), local("2027-03-03T07:15:00")), 1.75);
}

TEST(HoursUntilOpen, WindowWrappingMidnightBelongsToTheDayItOpens) {
  const SendWindow friday_night =
      window("22:00-06:00", {false, false, false, false, true, false, false});
  EXPECT_EQ(hours_until_open(friday_night, local("2027-03-05T23:00:00")),
            0.0);  // Friday
  EXPECT_EQ(hours_until_open(friday_night, local("2027-03-06T05:59:00")),
            0.0);  // Saturday early
  EXPECT_EQ(hours_until_open(friday_night, local("2027-03-06T06:00:00")), 6.0 * 24 + 16);
  EXPECT_EQ(hours_until_open(friday_night, local("2027-03-05T05:00:00")),
            17.0);  // Thursday's: shut
}

TEST(HoursUntilOpen, AllDayWindowsJoinAcrossMidnight) {
  const SendWindow weekend = window("00:00-24:00", {false, false, false, false, false, true, true});
  EXPECT_EQ(hours_until_open(weekend, local("2027-03-06T23:59:59")), 0.0);
  EXPECT_EQ(hours_until_open(weekend, local("2027-03-07T00:00:00")), 0.0);
  EXPECT_EQ(hours_until_open(weekend, local("2027-03-08T00:00:00")), 5.0 * 24);
}

TEST(HoursUntilOpen, KeepsFractionsOfASecond) {
  EXPECT_DOUBLE_EQ(hours_until_open(window("09:00-18:00"), local("2027-03-03T08:59:59") + 0.5),
                   0.5 / 3600.0);
}

TEST(HoursUntilOpen, InAZoneTheWaitIsRealTimeAcrossSpringForward) {
  const TimeZonePtr berlin = find_time_zone("Europe/Berlin", {});
  // Friday 2027-03-26 18:30 CET to Monday 09:00 CEST: clocks go forward on
  // Sunday, so the wait is an hour shorter than the clock suggests.
  EXPECT_EQ(
      hours_until_open(window("09:00-18:00", kWeekdays), *berlin, utc("2027-03-26T18:30:00+01:00")),
      61.5);
  // And an hour longer when they go back (Friday 2027-10-29).
  EXPECT_EQ(
      hours_until_open(window("09:00-18:00", kWeekdays), *berlin, utc("2027-10-29T18:30:00+02:00")),
      63.5);
}

TEST(HoursUntilOpen, InAZoneAWindowInsideTheSkippedHourMovesToTheNextDay) {
  const TimeZonePtr berlin = find_time_zone("Europe/Berlin", {});
  // 02:00-02:59 does not exist on 2027-03-28; the window next opens on the
  // 29th at 02:00 CEST (00:00Z).
  EXPECT_EQ(hours_until_open(window("02:00-02:59"), *berlin, utc("2027-03-28T00:30:00Z")), 23.5);
}

TEST(HoursUntilOpen, InAFixedZoneMatchesTheLocalClock) {
  const TimeZonePtr plus7 = find_time_zone("+07:00", {});
  EXPECT_EQ(
      hours_until_open(window("09:00-18:00", kWeekdays), *plus7, utc("2027-03-05T18:30:00+07:00")),
      62.5);
}

}  // namespace
}  // namespace journeysim::calendar
