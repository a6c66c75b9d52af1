// The loader's calendar keys (issue 18): [journey] start and timezone, a
// persona's timezone, [arrivals], `window` on touchpoints and wait steps,
// and [policies] frequency caps. Each is read into the model, and each bad
// value is refused at its file:line:column.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "build_paths.h"
#include "calendar/civil_time.h"
#include "calendar/time_zone.h"
#include "journeysim/scenario_loader.h"
#include "support/load_diagnostics.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

const fs::path kDataDir = fs::path(journeysim::testing::test_data_dir()) / "loader";

// A journey without calendar keys; tests add theirs with `with`.
const std::string kBase = R"([journey]
name = "Calendar"
stages = ["start", "buy"]

[personas.all]
share = 1.0

[touchpoints.mail]
stage = "start"
channel = "email"
entry = 1.0
next = ["shop"]

[touchpoints.shop]
stage = "buy"
channel = "fixed"
milestone = "purchase"
exit = true
)";
//  1 [journey]  5 [personas.all]  8 [touchpoints.mail]  11 entry  19 (first
//  appended line)

// kBase with `line` inserted after the first `after`.
std::string with(const std::string& after, const std::string& line) {
  std::string text = kBase;
  const size_t at = text.find(after);
  EXPECT_NE(at, std::string::npos) << after;
  text.insert(text.find('\n', at) + 1, line + "\n");
  return text;
}

Scenario load_text(const std::string& text) {
  return load_scenario_text(text, "inline.toml", kDataDir);
}

Lines errors(const std::string& text) {
  return journeysim::testing::diagnostics_of([&] { load_text(text); });
}

UtcSeconds utc(const std::string& text) {
  const auto value = calendar::parse_toml_date_time(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? calendar::local_seconds_of(*value) - value->offset_seconds.value_or(0) : 0;
}

Scenario acceptance() { return load_scenario(kDataDir / "calendar_acceptance.toml"); }

const Persona& persona(const Scenario& s, const std::string& id) {
  return s.personas.at(static_cast<size_t>(s.find_persona(id)));
}

// --- the issue's examples ----------------------------------------------------

TEST(ScenarioCalendar, StartWithAnOffsetIsThatInstant) {
  const Scenario s = acceptance();
  EXPECT_EQ(s.journey.start, utc("2027-02-28T17:00:00Z"));
  EXPECT_EQ(s.journey.start_offset_seconds, 7 * 3600);
  EXPECT_EQ(s.journey.start_where.line, 6u);
}

TEST(ScenarioCalendar, JourneyAndPersonaTimeZones) {
  const Scenario s = acceptance();
  EXPECT_EQ(s.journey.timezone, "Asia/Bangkok");
  ASSERT_NE(s.journey.zone, nullptr);
  EXPECT_EQ(s.journey.zone->name(), "Asia/Bangkok");
  EXPECT_EQ(persona(s, "berliner").timezone, "Europe/Berlin");
  EXPECT_EQ(persona(s, "berliner").zone->offset_seconds_at(s.journey.start), 3600);
  EXPECT_EQ(persona(s, "local").timezone, "");
  EXPECT_EQ(persona(s, "local").zone.get(), s.journey.zone.get());
}

TEST(ScenarioCalendar, PoissonArrivalsWithWeightsAndABurst) {
  const ArrivalPattern& a = acceptance().arrivals;
  EXPECT_EQ(a.kind, ArrivalPattern::Kind::Poisson);
  EXPECT_EQ(a.per_hour, 24.0);
  EXPECT_EQ(a.weekday_weights, (std::array<double, 7>{1, 1, 1, 1, 1, 0.5, 0.5}));
  EXPECT_EQ(a.hourly_weights[8], 3.0);
  EXPECT_EQ(a.hourly_weights[23], 0.0);
  ASSERT_EQ(a.bursts.size(), 1u);
  EXPECT_EQ(a.bursts[0].day, 0u);
  EXPECT_EQ(a.bursts[0].share, 0.3);
  EXPECT_EQ(a.where.line, 16u);
}

TEST(ScenarioCalendar, FrequencyCapOfThreeEmailsPerSevenDays) {
  const Policies& p = acceptance().policies;
  ASSERT_EQ(p.frequency_caps.size(), 1u);
  EXPECT_EQ(p.frequency_caps[0].messages, 3u);
  EXPECT_EQ(p.frequency_caps[0].per_hours, 168.0);
  EXPECT_EQ(p.frequency_caps[0].per_text, "7d");
  EXPECT_EQ(p.frequency_caps[0].channels, Lines{"email"});
}

TEST(ScenarioCalendar, WindowsOnATouchpointAndAWaitStep) {
  const Scenario s = acceptance();
  const auto& mail = s.touchpoints.at(static_cast<size_t>(s.find_touchpoint("newsletter")));
  ASSERT_TRUE(mail.window.has_value());
  EXPECT_EQ(mail.window->open_minute, 9 * 60);
  EXPECT_EQ(mail.window->close_minute, 18 * 60);
  EXPECT_EQ(mail.window->days, (std::array<bool, 7>{true, true, true, true, true, false, false}));
  EXPECT_EQ(mail.window->hours_text, "09:00-18:00");
  const Step& wait = s.steps.at(static_cast<size_t>(s.find_step("wait_quiet")));
  ASSERT_TRUE(wait.window.has_value());
  EXPECT_EQ(wait.window->open_minute, 22 * 60);
  EXPECT_EQ(wait.window->close_minute, 6 * 60);
  EXPECT_EQ(wait.window->days, (std::array<bool, 7>{true, true, true, true, true, true, true}));
}

// --- defaults: an old scenario means what it meant -------------------------

TEST(ScenarioCalendar, WithoutCalendarKeysEveryoneStartsAtTheDefaultInstantInUtc) {
  const Scenario s = load_text(kBase);
  EXPECT_EQ(s.journey.start, kDefaultStartUtc);
  EXPECT_EQ(s.journey.start_offset_seconds, 0);
  ASSERT_NE(s.journey.zone, nullptr);
  EXPECT_EQ(s.journey.zone->offset_seconds_at(kDefaultStartUtc), 0);
  EXPECT_EQ(s.personas[0].zone.get(), s.journey.zone.get());
  EXPECT_EQ(s.arrivals.kind, ArrivalPattern::Kind::AtStart);
  EXPECT_TRUE(s.arrivals.bursts.empty());
  EXPECT_TRUE(s.policies.frequency_caps.empty());
  EXPECT_FALSE(s.touchpoints[0].window.has_value());
}

TEST(ScenarioCalendar, LocalStartIsUtcWithoutATimeZone) {
  const Scenario s = load_text(with("name = \"Calendar\"", "start = 2027-07-01T09:00:00"));
  EXPECT_EQ(s.journey.start, utc("2027-07-01T09:00:00Z"));
  EXPECT_EQ(s.journey.zone->name(), "+00:00");
}

TEST(ScenarioCalendar, LocalStartIsOnTheJourneysClockWithATimeZone) {
  const Scenario s = load_text(
      with("name = \"Calendar\"", "start = 2027-07-01T09:00:00\ntimezone = \"Europe/Berlin\""));
  EXPECT_EQ(s.journey.start, utc("2027-07-01T07:00:00Z"));
  EXPECT_EQ(s.journey.start_offset_seconds, 7200);
}

TEST(ScenarioCalendar, ADateStartsAtMidnight) {
  const Scenario s = load_text(with("name = \"Calendar\"", "start = 2027-03-01"));
  EXPECT_EQ(s.journey.start, utc("2027-03-01T00:00:00Z"));
}

TEST(ScenarioCalendar, TheStartsOffsetIsTheJourneysZoneWhenNoneIsNamed) {
  const Scenario s = load_text(with("name = \"Calendar\"", "start = 2027-03-01T00:00:00-05:30"));
  EXPECT_EQ(s.journey.zone->name(), "-05:30");
  EXPECT_EQ(s.personas[0].zone->offset_seconds_at(s.journey.start), -(5 * 3600 + 1800));
}

TEST(ScenarioCalendar, StartCanBeSetFromTheCommandLine) {
  LoadOptions options;
  options.overrides = {"journey.start=2027-03-01T00:00:00Z"};
  const Scenario s = load_scenario_text(kBase, "inline.toml", kDataDir, options);
  EXPECT_EQ(s.journey.start, utc("2027-03-01T00:00:00Z"));
}

TEST(ScenarioCalendar, SteadyArrivalsAndPerDay) {
  const Scenario steady = load_text(kBase + "[arrivals]\npattern = \"steady\"\nover_days = 7\n");
  EXPECT_EQ(steady.arrivals.kind, ArrivalPattern::Kind::Steady);
  EXPECT_EQ(steady.arrivals.over_days, 7.0);
  const Scenario per_day = load_text(kBase + "[arrivals]\npattern = \"poisson\"\nper_day = 48\n");
  EXPECT_EQ(per_day.arrivals.per_hour, 2.0);
}

TEST(ScenarioCalendar, SeveralFrequencyCaps) {
  const Scenario s =
      load_text(kBase +
                "[policies]\nfrequency_cap = [\n"
                "  { messages = 3, per = \"7d\", channels = [\"email\"] },\n"
                "  { messages = 1, per = \"24h\", channels = [\"email\", \"fixed\"] },\n"
                "]\n");
  ASSERT_EQ(s.policies.frequency_caps.size(), 2u);
  EXPECT_EQ(s.policies.frequency_caps[1].per_hours, 24.0);
  EXPECT_EQ(s.policies.frequency_caps[1].channels, (Lines{"email", "fixed"}));
}

// --- hashing ---------------------------------------------------------------

TEST(ScenarioCalendar, CalendarKeysChangeTheScenarioHash) {
  const std::string base_hash = load_text(kBase).hash;
  const std::string office =
      load_text(with("entry = 1.0", "window = { hours = \"09:00-18:00\" }")).hash;
  const std::string late =
      load_text(with("entry = 1.0", "window = { hours = \"09:00-19:00\" }")).hash;
  const std::string start = load_text(with("name = \"Calendar\"", "start = 2027-03-01")).hash;
  const std::string later = load_text(with("name = \"Calendar\"", "start = 2027-03-02")).hash;
  EXPECT_NE(office, base_hash);
  EXPECT_NE(office, late);
  EXPECT_NE(start, base_hash);
  EXPECT_NE(start, later);
}

// --- refusals --------------------------------------------------------------

TEST(ScenarioCalendarErrors, WindowHoursPastMidnightOfTheClock) {
  EXPECT_EQ(errors(with("entry = 1.0", "window = { hours = \"25:00-26:00\" }")),
            Lines{"inline.toml:12:20: error: touchpoints.mail.window.hours: "
                  "'25:00-26:00': "
                  "expected \"HH:MM-HH:MM\" with hours 00 to 24 and minutes 00 "
                  "to 59, e.g. "
                  "\"09:00-18:00\""});
}

TEST(ScenarioCalendarErrors, WindowHoursWithoutMinutesOrEmpty) {
  const std::string no_minutes = errors(with("entry = 1.0", "window = { hours = \"9-18\" }")).at(0);
  EXPECT_TRUE(
      no_minutes.starts_with("inline.toml:12:20: error: touchpoints.mail.window.hours: '9-18': "
                             "expected \"HH:MM-HH:MM\""))
      << no_minutes;
  EXPECT_EQ(errors(with("entry = 1.0", "window = { hours = \"09:00-09:00\" }")),
            Lines{"inline.toml:12:20: error: touchpoints.mail.window.hours: "
                  "'09:00-09:00': a "
                  "window opens and closes at the same time; \"00:00-24:00\" "
                  "is the whole day"});
}

TEST(ScenarioCalendarErrors, WindowDays) {
  EXPECT_EQ(errors(with("entry = 1.0",
                        "window = { hours = \"09:00-18:00\", days = [\"mon\", \"tues\"] }")),
            Lines{"inline.toml:12:50: error: touchpoints.mail.window.days[1]: "
                  "unknown day 'tues' "
                  "(did you mean 'tue'?); days: mon, tue, wed, thu, fri, sat, sun"});
  EXPECT_EQ(errors(with("entry = 1.0",
                        "window = { hours = \"09:00-18:00\", days = [\"mon\", \"mon\"] }")),
            Lines{"inline.toml:12:50: error: touchpoints.mail.window.days lists "
                  "'mon' more than "
                  "once"});
  EXPECT_EQ(errors(with("entry = 1.0", "window = { hours = \"09:00-18:00\", days = [] }")),
            Lines{"inline.toml:12:42: error: touchpoints.mail.window.days must "
                  "list at least one "
                  "day (leave it out for every day)"});
}

TEST(ScenarioCalendarErrors, WindowUnknownKeyAndMissingHours) {
  EXPECT_EQ(errors(with("entry = 1.0", "window = { hour = \"09:00-18:00\" }")),
            (Lines{"inline.toml:12:12: error: unknown key 'hour' in "
                   "[touchpoints.mail.window] "
                   "(did you mean 'hours'?)",
                   "inline.toml:12:10: error: missing required key 'hours' in "
                   "[touchpoints.mail.window]"}));
}

TEST(ScenarioCalendarErrors, WindowOnAWaitStep) {
  EXPECT_EQ(errors(kBase + "[steps.pause]\nkind = \"wait\"\nfor = \"1d\"\n"
                           "window = { hours = \"24:00-06:00\" }\nnext = [\"shop\"]\n"),
            Lines{"inline.toml:22:20: error: steps.pause.window.hours: "
                  "'24:00-06:00': a window "
                  "cannot open at 24:00; write 00:00"});
}

TEST(ScenarioCalendarErrors, UnknownTimeZoneNamesTheNearest) {
  const Lines found = errors(with("share = 1.0", "timezone = \"Europe/Berln\""));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(
      found[0].starts_with("inline.toml:7:12: error: personas.all.timezone: unknown time zone "
                           "'Europe/Berln' "
                           "(did you mean 'Europe/Berlin'?); give an IANA name"))
      << found[0];
}

TEST(ScenarioCalendarErrors, BadOffsetAndEmptyZone) {
  EXPECT_EQ(errors(with("name = \"Calendar\"", "timezone = \"+25:00\"")),
            Lines{"inline.toml:3:12: error: journey.timezone: time zone offset "
                  "'+25:00' is not "
                  "of the form +07:00 or -05:30 (at most 18 hours)"});
  EXPECT_EQ(errors(with("name = \"Calendar\"", "timezone = \"\"")),
            Lines{"inline.toml:3:12: error: journey.timezone must not be empty"});
}

TEST(ScenarioCalendarErrors, StartMustBeADateTime) {
  EXPECT_EQ(errors(with("name = \"Calendar\"", "start = \"2027-03-01T00:00:00Z\"")),
            Lines{"inline.toml:3:9: error: journey.start: expected TOML date-time "
                  "such as "
                  "2027-03-01T00:00:00+07:00 (unquoted), got string"});
  EXPECT_EQ(errors(with("name = \"Calendar\"", "start = 09:00:00")),
            Lines{"inline.toml:3:9: error: journey.start: expected TOML "
                  "date-time such as "
                  "2027-03-01T00:00:00+07:00 (unquoted), got time"});
}

TEST(ScenarioCalendarErrors, CapWithAZeroPeriod) {
  EXPECT_EQ(errors(kBase + "[policies]\n"
                           "frequency_cap = { messages = 3, per = \"0d\", "
                           "channels = [\"email\"] }\n"),
            Lines{"inline.toml:20:39: error: policies.frequency_cap.per must "
                  "be longer than 0, "
                  "got '0d'"});
}

TEST(ScenarioCalendarErrors, CapMessagesChannelsAndKeys) {
  EXPECT_EQ(errors(kBase + "[policies]\n"
                           "frequency_cap = { messages = 0, per = \"7d\", "
                           "channels = [\"email\"] }\n"),
            Lines{"inline.toml:20:30: error: policies.frequency_cap.messages "
                  "must be between 1 "
                  "and 1000000, got 0"});
  EXPECT_EQ(errors(kBase + "[policies]\n"
                           "frequency_cap = { messages = 3, per = \"7d\", "
                           "channels = [\"emial\"] }\n"),
            Lines{"inline.toml:20:57: error: policies.frequency_cap: no "
                  "touchpoint uses channel "
                  "'emial' (did you mean 'email'?)"});
  EXPECT_EQ(errors(kBase + "[policies]\n"
                           "frequency_cap = { messages = 3, per = \"7d\", channels = [] }\n"),
            Lines{"inline.toml:20:56: error: policies.frequency_cap.channels must "
                  "name at least "
                  "one channel"});
  EXPECT_EQ(errors(kBase + "[policies]\nfrequency_caps = []\n"),
            Lines{"inline.toml:20:1: error: unknown key 'frequency_caps' in "
                  "[policies] (did you "
                  "mean 'frequency_cap'?)"});
}

TEST(ScenarioCalendarErrors, ArrivalKeysOfAnotherPattern) {
  EXPECT_EQ(errors(kBase + "[arrivals]\npattern = \"poisson\"\nover_days = 3\nper_hour = 2\n"),
            Lines{"inline.toml:21:1: error: arrivals.over_days applies to pattern = "
                  "\"steady\", "
                  "not to pattern = \"poisson\""});
  EXPECT_EQ(errors(kBase + "[arrivals]\npattern = \"poisson\"\nper_hour = 2\nper_day = 48\n"),
            Lines{"inline.toml:21:12: error: [arrivals] with pattern = \"poisson\" "
                  "needs exactly "
                  "one of per_hour and per_day"});
  EXPECT_EQ(errors(kBase + "[arrivals]\npattern = \"steady\"\n"),
            Lines{"inline.toml:19:1: error: missing required key 'over_days' "
                  "in [arrivals]"});
  EXPECT_EQ(errors(kBase + "[arrivals]\npattern = \"poison\"\n"),
            Lines{"inline.toml:20:11: error: arrivals.pattern: unknown pattern "
                  "'poison' (did you "
                  "mean 'poisson'?); patterns: at_start, steady, poisson"});
}

TEST(ScenarioCalendarErrors, ArrivalWeightsAndBursts) {
  EXPECT_EQ(errors(kBase + "[arrivals]\npattern = \"steady\"\nover_days = 1\n"
                           "weekday_weights = [1, 1, 1]\n"),
            Lines{"inline.toml:22:19: error: arrivals.weekday_weights must "
                  "have 7 numbers, got 3"});
  EXPECT_EQ(errors(kBase + "[arrivals]\npattern = \"steady\"\nover_days = 1\n"
                           "weekday_weights = [0, 0, 0, 0, 0, 0, 0]\n"),
            Lines{"inline.toml:22:19: error: arrivals.weekday_weights: the "
                  "weights are all 0, so "
                  "nobody could arrive"});
  EXPECT_EQ(errors(kBase + "[arrivals]\nbursts = [{ day = 0, share = 0.7 }, { "
                           "day = 1, share = 0.4 }]\n"),
            Lines{"inline.toml:20:10: error: arrivals.bursts: the shares sum "
                  "to 1.1, more than all "
                  "arrivals (1)"});
  EXPECT_EQ(errors(kBase + "[arrivals]\nbursts = [{ day = -1, share = 0 }]\n"),
            (Lines{"inline.toml:20:19: error: arrivals.bursts[0].day must be "
                   "between 0 and 36499, "
                   "got -1",
                   "inline.toml:20:31: error: arrivals.bursts[0].share must be "
                   "in (0, 1], got 0"}));
}

TEST(ScenarioCalendarErrors, ArrivalWeightsThatLeaveNoHourInTheSpan) {
  // The default start is a Monday; two days of weekend-only weights.
  EXPECT_EQ(errors(kBase + "[arrivals]\npattern = \"steady\"\nover_days = 2\n"
                           "weekday_weights = [0, 0, 0, 0, 0, 1, 1]\n"),
            Lines{"inline.toml:19:1: error: arrivals: the weights are zero at "
                  "every hour from 0 h "
                  "to 48 h after start, so nobody can arrive then"});
}

}  // namespace
}  // namespace journeysim
