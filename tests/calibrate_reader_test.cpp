// The event-log and path readers: timestamps, columns, bad rows with their
// line and column, --strict.
#include <gtest/gtest.h>

#include <sstream>

#include "journeysim/calibrate.h"
#include "journeysim/event_log.h"

namespace journeysim {
namespace {

// A LogEvent's views die with the reader's next row, so the tests keep copies.
struct OwnedEvent {
  std::string customer, touchpoint, channel, segment;
  double seconds = 0.0;
  double revenue = 0.0;
  bool converted = false;
  uint64_t line = 0;
};

std::vector<OwnedEvent> read_all(const std::string& text, BadRows& bad,
                                 const EventLogOptions& options = {}) {
  std::istringstream in(text);
  EventLogReader reader(in, "log.csv", options, bad);
  std::vector<OwnedEvent> events;
  LogEvent e;
  while (reader.next(e)) {
    events.push_back({std::string(e.customer), std::string(e.touchpoint),
                      std::string(e.channel), std::string(e.segment), e.seconds,
                      e.revenue, e.converted, e.line});
  }
  return events;
}

TEST(CalibrateTimestamp, IsoAndEpochSecondsAgree) {
  double iso = 0, epoch = 0;
  ASSERT_TRUE(parse_timestamp("2026-01-01T00:00:00Z", EpochUnit::Seconds, iso));
  ASSERT_TRUE(parse_timestamp("1767225600", EpochUnit::Seconds, epoch));
  EXPECT_DOUBLE_EQ(iso, 1767225600.0);
  EXPECT_DOUBLE_EQ(epoch, iso);
}

TEST(CalibrateTimestamp, OffsetsFractionsDatesAndUnits) {
  double t = 0;
  ASSERT_TRUE(parse_timestamp("2026-01-01T02:30:00+02:30", EpochUnit::Seconds, t));
  EXPECT_DOUBLE_EQ(t, 1767225600.0);
  ASSERT_TRUE(parse_timestamp("2026-01-01 00:00:01.250", EpochUnit::Seconds, t));
  EXPECT_DOUBLE_EQ(t, 1767225601.25);
  ASSERT_TRUE(parse_timestamp("2024-02-29", EpochUnit::Seconds, t));
  EXPECT_DOUBLE_EQ(t, 1709164800.0);
  ASSERT_TRUE(parse_timestamp("1767225600000", EpochUnit::Milliseconds, t));
  EXPECT_DOUBLE_EQ(t, 1767225600.0);
  ASSERT_TRUE(parse_timestamp("1767225600000000", EpochUnit::Microseconds, t));
  EXPECT_DOUBLE_EQ(t, 1767225600.0);
}

TEST(CalibrateTimestamp, RejectsImpossibleDatesAndJunk) {
  double t = 0;
  EXPECT_FALSE(parse_timestamp("2023-02-29", EpochUnit::Seconds, t));
  EXPECT_FALSE(parse_timestamp("2026-13-01T00:00:00Z", EpochUnit::Seconds, t));
  EXPECT_FALSE(parse_timestamp("2026-01-01T24:00:00Z", EpochUnit::Seconds, t));
  EXPECT_FALSE(parse_timestamp("2026-01-01T10:00:00Q", EpochUnit::Seconds, t));
  EXPECT_FALSE(parse_timestamp("yesterday", EpochUnit::Seconds, t));
  EXPECT_FALSE(parse_timestamp("1e300", EpochUnit::Seconds, t));
  EXPECT_FALSE(parse_timestamp("", EpochUnit::Seconds, t));
}

TEST(CalibrateTimestamp, FormatIsTheInverseOfParse) {
  double t = 0;
  ASSERT_TRUE(parse_timestamp(format_timestamp(1767229261.5), EpochUnit::Seconds, t));
  EXPECT_DOUBLE_EQ(t, 1767229261.5);
  EXPECT_EQ(format_timestamp(1767225600.0), "2026-01-01T00:00:00.000Z");
}

TEST(CalibrateReader, ReadsQuotedFieldsAndOptionalColumns) {
  BadRows bad("log.csv", false);
  const auto events = read_all(
      "customer_id,timestamp,event,channel,segment,revenue,converted\n"
      "\"c,1\",2026-01-01T00:00:00Z,\"Add \"\"gift\"\" card\",web,new,12.5,1\r\n",
      bad);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].customer, "c,1");
  EXPECT_EQ(events[0].touchpoint, "Add \"gift\" card");
  EXPECT_EQ(events[0].segment, "new");
  EXPECT_DOUBLE_EQ(events[0].revenue, 12.5);
  EXPECT_TRUE(events[0].converted);
  EXPECT_EQ(bad.count(), 0u);
}

TEST(CalibrateReader, CountsBadRowsWithLineAndColumn) {
  BadRows bad("log.csv", false);
  const auto events = read_all(
      "customer_id,timestamp,touchpoint\n"
      "a,2026-01-01T00:00:00Z,home\n"   // line 2: good
      "b,not-a-time,home\n"              // line 3: timestamp at column 3
      ",2026-01-01T00:00:00Z,home\n"     // line 4: missing id
      "c,2026-01-01T00:00:00Z\n"         // line 5: two columns
      "d,1767225600,cart\n",             // line 6: good (epoch)
      bad);
  EXPECT_EQ(events.size(), 2u);
  ASSERT_EQ(bad.count(), 3u);
  EXPECT_EQ(bad.kept()[0].line, 3u);
  EXPECT_EQ(bad.kept()[0].column, 3u);
  EXPECT_NE(bad.kept()[0].message.find("unparseable timestamp"), std::string::npos);
  EXPECT_EQ(bad.kept()[1].line, 4u);
  EXPECT_NE(bad.kept()[1].message.find("missing customer id"), std::string::npos);
  EXPECT_EQ(bad.kept()[2].line, 5u);
  EXPECT_NE(bad.kept()[2].message.find("expected 3 columns, found 2"), std::string::npos);
  EXPECT_NE(bad.describe(1).find("log.csv:3:3: bad row"), std::string::npos);
  EXPECT_NE(bad.describe(1).find("and 2 more"), std::string::npos);
}

TEST(CalibrateReader, OutOfOrderEventsOfACustomerAreBadRows) {
  BadRows bad("log.csv", false);
  std::istringstream in(
      "customer_id,timestamp,touchpoint\n"
      "a,2026-01-02T00:00:00Z,home\n"
      "b,2026-01-01T00:00:00Z,home\n"   // another customer: fine
      "a,2026-01-01T00:00:00Z,cart\n"   // line 4: earlier than a's previous
      "a,2026-01-03T00:00:00Z,cart\n");
  const LogSummary s = summarize_event_log(in, "log.csv", {}, bad);
  ASSERT_EQ(bad.count(), 1u);
  EXPECT_EQ(bad.kept()[0].line, 4u);
  EXPECT_EQ(bad.kept()[0].column, 3u);
  EXPECT_NE(bad.kept()[0].message.find("out of order"), std::string::npos);
  EXPECT_EQ(s.segments[0].customers, 2u);
  EXPECT_EQ(s.segments[0].events, 3u);
}

TEST(CalibrateReader, StrictMakesTheFirstBadRowAnError) {
  BadRows bad("log.csv", true);
  try {
    read_all("customer_id,timestamp,touchpoint\na,2026-01-01,home\nb,2026-02-30,home\n", bad);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].where.to_string(), "log.csv:3:3");
  }
}

TEST(CalibrateReader, ColumnsChosenByFlagMustExist) {
  BadRows bad("log.csv", false);
  EventLogOptions options;
  options.columns.customer = "user_pseudo_id";
  try {
    read_all("user,timestamp,touchpoint\n", bad, options);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no column 'user_pseudo_id'"), std::string::npos)
        << e.what();
  }
  options.columns.customer = "user";
  EXPECT_EQ(read_all("user,timestamp,touchpoint\nu,1767225600,home\n", bad, options).size(), 1u);
}

TEST(CalibrateReader, MissingRequiredColumnIsAnError) {
  BadRows bad("log.csv", false);
  EXPECT_THROW(read_all("customer_id,touchpoint\n", bad), InputError);
  EXPECT_THROW(read_all("", bad), InputError);
}

TEST(CalibratePaths, ReadsRowsAndCountsBadOnes) {
  std::istringstream in(
      "path,total_conversions,total_null,total_conversion_value\n"
      "search > email > site,3,7,150\n"
      "email,0,10,\n"
      "search >  > site,1,1,5\n"   // line 4: empty step
      "site,x,1,0\n");             // line 5: not a number
  BadRows bad("paths.csv", false);
  std::vector<PathRow> rows;
  read_path_log(in, "paths.csv", {}, bad, [&](const PathRow& r) { rows.push_back(r); });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].steps, (std::vector<std::string>{"search", "email", "site"}));
  EXPECT_EQ(rows[0].conversions, 3u);
  EXPECT_EQ(rows[0].nulls, 7u);
  EXPECT_DOUBLE_EQ(rows[0].value, 150.0);
  ASSERT_EQ(bad.count(), 2u);
  EXPECT_EQ(bad.kept()[0].line, 4u);
  EXPECT_EQ(bad.kept()[1].line, 5u);
  EXPECT_EQ(bad.kept()[1].column, 6u);
}

TEST(CalibratePaths, SummaryAddsTheConversionStep) {
  std::istringstream in("path,total_conversions,total_null\na > b,2,3\nb,1,0\n");
  BadRows bad("paths.csv", false);
  const LogSummary s = summarize_path_log(in, "paths.csv", {}, bad);
  ASSERT_EQ(s.touchpoints, (std::vector<std::string>{"a", "b", kConversionStepName}));
  const SegmentStats& st = s.segments[0];
  EXPECT_EQ(st.customers, 6u);
  EXPECT_EQ(st.converted, 3u);
  EXPECT_EQ(st.touchpoints[1].visits, 6u);
  EXPECT_EQ(st.touchpoints[1].ends, 3u);  // the nulls of "a > b"
  EXPECT_EQ(st.transitions.at({1, 2}).count, 3u);
}

}  // namespace
}  // namespace journeysim
