// Calendar instants and time zones: dates to seconds and back, ISO 8601
// timestamps, and zones from the OS database (/usr/share/zoneinfo) with
// their daylight-saving changes, past 2037 too, where Debian's zone files
// stop listing transitions and only their POSIX rule goes on.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <thread>
#include <vector>

#include "calendar/civil_time.h"
#include "calendar/posix_tz.h"
#include "calendar/time_zone.h"
#include "calendar/tzif.h"

namespace journeysim::calendar {
namespace {

// The instant an offset date-time names ("2027-03-28T01:00:00Z").
UtcSeconds utc(const std::string& text) {
  const auto value = parse_toml_date_time(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? local_seconds_of(*value) - value->offset_seconds.value_or(0) : 0;
}

TimeZonePtr zone(const std::string& name) { return find_time_zone(name, {"test.toml", 1, 1}); }

std::string load_error(const std::string& name) {
  try {
    zone(name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "<no error>";
}

// --- instants --------------------------------------------------------------

TEST(CivilTime, DefaultStartIsMondayTheFourthOfJanuary2027) {
  EXPECT_EQ(kDefaultStartUtc, utc("2027-01-04T00:00:00Z"));
  EXPECT_EQ(weekday_from_days(floor_div(kDefaultStartUtc, kSecondsPerDay)), 0);
}

TEST(CivilTime, DaysRoundTripAcrossLeapYearsAndBefore1970) {
  for (int64_t days : {-719468LL, -1LL, 0LL, 59LL, 20'822LL, 2'932'896LL}) {
    EXPECT_EQ(days_from_civil(civil_from_days(days)), days);
  }
  const CivilDate leap_day = civil_from_days(days_from_civil({2028, 2, 29}));
  EXPECT_EQ(leap_day.year, 2028);
  EXPECT_EQ(leap_day.month, 2u);
  EXPECT_EQ(leap_day.day, 29u);
  EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
}

TEST(CivilTime, ParsesTheFormsTomlPrints) {
  const auto offset = parse_toml_date_time("2027-03-01T00:00:00+07:00");
  ASSERT_TRUE(offset.has_value());
  EXPECT_EQ(offset->offset_seconds, 7 * 3600);
  EXPECT_EQ(utc("2027-03-01T00:00:00+07:00"), utc("2027-02-28T17:00:00Z"));
  EXPECT_EQ(utc("2027-03-01T00:00:00-05:30"), utc("2027-03-01T05:30:00Z"));
  const auto local = parse_toml_date_time("2027-03-01T09:30:15.75");
  ASSERT_TRUE(local.has_value());
  EXPECT_FALSE(local->offset_seconds.has_value());
  EXPECT_EQ(local->second_of_day,
            9 * 3600 + 30 * 60 + 15);  // the fraction is dropped
  const auto date = parse_toml_date_time("2027-03-01");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->second_of_day, 0);
}

TEST(CivilTime, RefusesWhatIsNotADateTime) {
  for (const char* bad : {"2027-02-29", "2027-13-01", "2027-03-01T24:00:00", "2027-03-01 09:00",
                          "27-03-01", "2027-03-01T09:00:00+7", "2027-03-01T09:00:00Zx", ""}) {
    EXPECT_FALSE(parse_toml_date_time(bad).has_value()) << bad;
  }
}

TEST(FormatTimestamp, WritesTheClockAtTheOffsetToTheSecond) {
  EXPECT_EQ(format_timestamp(utc("2027-03-01T02:00:00Z"), 7 * 3600), "2027-03-01T09:00:00+07:00");
  EXPECT_EQ(format_timestamp(utc("2027-03-01T02:00:00Z"), 0), "2027-03-01T02:00:00+00:00");
  EXPECT_EQ(format_timestamp(utc("2027-03-01T02:00:00Z"), -(5 * 3600 + 1800)),
            "2027-02-28T20:30:00-05:30");
  EXPECT_EQ(format_timestamp(-1, 0), "1969-12-31T23:59:59+00:00");
}

TEST(FormatTimestamp, InstantAfterDropsTheFractionOfASecond) {
  const UtcSeconds start = utc("2027-03-01T00:00:00Z");
  EXPECT_EQ(instant_after(start, 1.5), start + 5400);
  EXPECT_EQ(instant_after(start, 0.9999 / 3600.0),
            start);  // 0.9999 s: still 00:00:00
  EXPECT_EQ(instant_after(start, -0.5 / 3600.0), start - 1);
}

// --- zones from the database -------------------------------------------------

TEST(TimeZone, BerlinSwitchesToSummerTimeAt0100UtcOnTheLastSundayOfMarch2027) {
  const TimeZonePtr berlin = zone("Europe/Berlin");
  EXPECT_EQ(berlin->offset_seconds_at(utc("2027-03-28T00:59:59Z")), 3600);
  EXPECT_EQ(berlin->offset_seconds_at(utc("2027-03-28T01:00:00Z")), 7200);
  EXPECT_EQ(berlin->offset_seconds_at(utc("2027-10-31T00:59:59Z")), 7200);
  EXPECT_EQ(berlin->offset_seconds_at(utc("2027-10-31T01:00:00Z")), 3600);
}

TEST(TimeZone, BerlinStillHasSummerTimeIn2040FromTheFooterRule) {
  // Debian's files list transitions to 2037 only; the POSIX footer
  // "CET-1CEST,M3.5.0,M10.5.0/3" carries on (a library ignoring it says CET).
  const TimeZonePtr berlin = zone("Europe/Berlin");
  EXPECT_EQ(berlin->offset_seconds_at(utc("2040-03-25T00:59:59Z")), 3600);
  EXPECT_EQ(berlin->offset_seconds_at(utc("2040-03-25T01:00:00Z")), 7200);
  EXPECT_EQ(berlin->offset_seconds_at(utc("2040-07-15T12:00:00Z")), 7200);
  EXPECT_EQ(berlin->offset_seconds_at(utc("2040-10-28T00:59:59Z")), 7200);
  EXPECT_EQ(berlin->offset_seconds_at(utc("2040-10-28T01:00:00Z")), 3600);
}

TEST(TimeZone, NewYorkChangesOnTheSecondSundayOfMarchAndTheFirstOfNovember) {
  const TimeZonePtr new_york = zone("America/New_York");
  EXPECT_EQ(new_york->offset_seconds_at(utc("2027-03-14T06:59:59Z")), -5 * 3600);
  EXPECT_EQ(new_york->offset_seconds_at(utc("2027-03-14T07:00:00Z")), -4 * 3600);
  EXPECT_EQ(new_york->offset_seconds_at(utc("2027-11-07T05:59:59Z")), -4 * 3600);
  EXPECT_EQ(new_york->offset_seconds_at(utc("2027-11-07T06:00:00Z")), -5 * 3600);
  EXPECT_EQ(new_york->offset_seconds_at(utc("2040-03-11T07:00:00Z")), -4 * 3600);
  EXPECT_EQ(new_york->offset_seconds_at(utc("2040-11-04T06:00:00Z")), -5 * 3600);
}

TEST(TimeZone, SydneyHasSummerTimeAcrossTheNewYear) {
  const TimeZonePtr sydney = zone("Australia/Sydney");
  EXPECT_EQ(sydney->offset_seconds_at(utc("2040-01-01T00:00:00Z")), 11 * 3600);
  EXPECT_EQ(sydney->offset_seconds_at(utc("2040-03-31T15:59:59Z")), 11 * 3600);
  EXPECT_EQ(sydney->offset_seconds_at(utc("2040-03-31T16:00:00Z")), 10 * 3600);
  EXPECT_EQ(sydney->offset_seconds_at(utc("2040-10-06T16:00:00Z")), 11 * 3600);
  EXPECT_EQ(sydney->offset_seconds_at(utc("2040-12-31T23:00:00Z")), 11 * 3600);
}

TEST(TimeZone, FixedOffsetsAndUtc) {
  EXPECT_EQ(zone("+07:00")->offset_seconds_at(0), 7 * 3600);
  EXPECT_EQ(zone("-05:30")->offset_seconds_at(utc("2040-07-01T00:00:00Z")), -(5 * 3600 + 1800));
  EXPECT_EQ(zone("UTC")->offset_seconds_at(utc("2027-07-01T00:00:00Z")), 0);
  EXPECT_EQ(zone("Z")->offset_seconds_at(0), 0);
  EXPECT_EQ(fixed_offset_zone(-4 * 3600)->name(), "-04:00");
}

TEST(TimeZone, OneZonePerNameIsShared) {
  EXPECT_EQ(zone("Europe/Berlin").get(), zone("Europe/Berlin").get());
  EXPECT_EQ(zone("Europe/Berlin")->name(), "Europe/Berlin");
}

TEST(TimeZone, ThreadsShareOneZoneAndAgree) {
  std::vector<int32_t> offsets(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < offsets.size(); ++t) {
    threads.emplace_back([&offsets, t] {
      offsets[t] = zone("America/Chicago")->offset_seconds_at(utc("2030-07-01T00:00:00Z"));
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(offsets, std::vector<int32_t>(4, -5 * 3600));
}

TEST(TimeZone, UnknownNameIsRefusedWithTheNearestName) {
  EXPECT_EQ(
      load_error("Europe/Berln").rfind("test.toml:1:1: error: unknown time zone 'Europe/Berln'", 0),
      0u);
  EXPECT_NE(load_error("Europe/Berln").find("did you mean 'Europe/Berlin'?"), std::string::npos);
  EXPECT_NE(load_error("Mars/Olympus").find("unknown time zone 'Mars/Olympus'"), std::string::npos);
}

TEST(TimeZone, NamesThatAreNotZoneFilesAreRefusedWithoutTouchingOtherFiles) {
  for (const char* bad : {"../../etc/passwd", "/etc/localtime", "Europe", "tzdata.zi", "+25:00",
                          "+07:60", "+7", "-05:30:00"}) {
    EXPECT_NE(load_error(bad), "<no error>") << bad;
  }
}

TEST(TimeZone, LocalTimeSkippedBySpringForwardMovesOnByTheGap) {
  const TimeZonePtr berlin = zone("Europe/Berlin");
  // 2027-03-28 02:30 never shows on a Berlin clock: it is read as 03:30 CEST.
  const int64_t wall = utc("2027-03-28T02:30:00Z");  // the clock reading, as if UTC
  EXPECT_EQ(berlin->utc_of_local(wall), utc("2027-03-28T01:30:00Z"));
  // 02:30 on 31 October happens twice: the first one (CEST).
  EXPECT_EQ(berlin->utc_of_local(utc("2027-10-31T02:30:00Z")), utc("2027-10-31T00:30:00Z"));
  EXPECT_EQ(berlin->utc_of_local(utc("2027-07-01T09:00:00Z")), utc("2027-07-01T07:00:00Z"));
}

TEST(TimeZone, DatabaseVersionIsNamedAsTzdataNamesIt) {
  const std::string version = tzdb_version();  // e.g. "2025b"
  ASSERT_EQ(version.size(), 5u) << version;
  EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(version[3])) &&
              std::islower(static_cast<unsigned char>(version[4])))
      << version;
}

// --- the pieces --------------------------------------------------------------

TEST(PosixTz, ReadsTheFormsOfTheFooter) {
  const auto berlin = parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_TRUE(berlin.has_value());
  EXPECT_EQ(berlin->standard_offset, 3600);
  EXPECT_EQ(berlin->dst_offset, 7200);
  const auto bangkok = parse_posix_tz("<+07>-7");
  ASSERT_TRUE(bangkok.has_value());
  EXPECT_FALSE(bangkok->has_dst);
  EXPECT_EQ(bangkok->offset_at(0), 7 * 3600);
  // Greenland: transitions at -1:00 and 0:00 local, negative times (RFC 8536).
  ASSERT_TRUE(parse_posix_tz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0").has_value());
  // Julian days without and with February 29.
  const auto julian = parse_posix_tz("AAA3BBB,J60/0,300/0");
  ASSERT_TRUE(julian.has_value());
  EXPECT_EQ(julian->offset_at(utc("2028-03-01T02:59:59Z")),
            -3 * 3600);  // J60 = 1 March
  EXPECT_EQ(julian->offset_at(utc("2028-03-01T03:00:00Z")), -2 * 3600);
  for (const char* bad :
       {"", "CE-1", "CET-1CEST", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.5.0"}) {
    EXPECT_FALSE(parse_posix_tz(bad).has_value()) << bad;
  }
}

TEST(Tzif, RefusesTruncatedFiles) {
  std::string error;
  EXPECT_FALSE(parse_tzif("TZif2", error).has_value());
  EXPECT_EQ(error, "not a TZif file");
  std::string header(44, '\0');
  header.replace(0, 5, "TZif2");
  header[35] = 100;  // 100 transitions announced, none there
  EXPECT_FALSE(parse_tzif(header, error).has_value());
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace journeysim::calendar
