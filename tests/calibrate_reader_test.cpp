// The event-log and path readers: timestamps, columns, bad rows with their
// line and column, --strict.
#include <gtest/gtest.h>

#include <sstream>

#include "journeysim/calibrate.h"
#include "journeysim/event_log.h"
#include "journeysim/path_set.h"

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
  EXPECT_EQ(rows[0].conversions, 3.0);
  EXPECT_EQ(rows[0].nulls, 7.0);
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

std::vector<PathRow> read_paths(const std::string& text, BadRows& bad,
                                const PathLogColumns& columns = {}) {
  std::istringstream in(text);
  std::vector<PathRow> rows;
  read_path_log(in, "paths.csv", columns, bad, [&](const PathRow& r) { rows.push_back(r); });
  return rows;
}

// The first diagnostic of the InputError that reading `text` throws, as
// "file:line:column: message".
std::string path_header_error(const std::string& text, const PathLogColumns& columns = {}) {
  BadRows bad("paths.csv", false);
  try {
    read_paths(text, bad, columns);
  } catch (const InputError& e) {
    return e.diagnostics()[0].where.to_string() + ": " + e.diagnostics()[0].message;
  }
  return "no error";
}

TEST(CalibratePaths, ChannelAttributionsOwnSemicolonFileIsReadAsItIs) {
  BadRows bad("paths.csv", true);
  const auto rows = read_paths(
      "path;total_conversions;total_conversion_value;total_null\n"
      "eta > iota > alpha > eta;1;0.244;3\n"
      "iota > iota > iota > iota;2;3.013;1\n",
      bad);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].steps, (std::vector<std::string>{"eta", "iota", "alpha", "eta"}));
  EXPECT_EQ(rows[0].conversions, 1.0);
  EXPECT_EQ(rows[0].nulls, 3.0);
  EXPECT_DOUBLE_EQ(rows[1].value, 3.013);
  EXPECT_EQ(rows[1].conversions_column, 27u);  // after the 25-character path and its ';'
}

TEST(CalibratePaths, SeparatorIsTheMostFrequentOfCommaSemicolonAndTab) {
  EXPECT_EQ(detect_separator("path,total_conversions,total_null"), ',');
  EXPECT_EQ(detect_separator("path;total_conversions;total_null"), ';');
  EXPECT_EQ(detect_separator("path\ttotal_conversions\ttotal_null"), '\t');
  // Commas inside a quoted name do not count.
  EXPECT_EQ(detect_separator("\"path, as walked\";conversions"), ';');
  EXPECT_EQ(detect_separator("path"), ',');
}

TEST(CalibratePaths, TabSeparatedFileIsRead) {
  BadRows bad("paths.csv", true);
  const auto rows = read_paths("path\ttotal_conversions\ttotal_null\na > b\t2\t5\n", bad);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].steps, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(rows[0].nulls, 5.0);
}

TEST(CalibratePaths, SeparatorGivenByFlagOverridesDetection) {
  // Detected, ';' would win (two against one); the flag says ','.
  BadRows bad("paths.csv", true);
  PathLogColumns columns;
  columns.separator = ',';
  const auto rows = read_paths("path,total;conversions;x\na;b,3\n", bad, [&] {
    PathLogColumns c = columns;
    c.conversions = "total;conversions;x";
    return c;
  }());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].steps, (std::vector<std::string>{"a;b"}));
  EXPECT_EQ(rows[0].conversions, 3.0);
}

TEST(CalibratePaths, WithoutANullColumnEveryPathConverted) {
  BadRows bad("paths.csv", true);
  const auto rows = read_paths("path,total_conversions\na > b,4\n", bad);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].conversions, 4.0);
  EXPECT_EQ(rows[0].nulls, 0.0);
  EXPECT_EQ(rows[0].nulls_column, 0u);
}

TEST(CalibratePaths, FractionalCountsAndValuesAreRead) {
  BadRows bad("paths.csv", true);
  const auto rows =
      read_paths("path,total_conversions,total_null,total_conversion_value\na,0.25,1.5,2.125\n",
                 bad);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].conversions, 0.25);
  EXPECT_EQ(rows[0].nulls, 1.5);
  EXPECT_EQ(rows[0].value, 2.125);
}

TEST(CalibratePaths, HeaderNamesAreMappedByFlags) {
  BadRows bad("paths.csv", true);
  PathLogColumns columns;
  columns.path = "journey";
  columns.conversions = "sales";
  columns.nulls = "lost";
  columns.value = "revenue";
  const auto rows = read_paths("journey,sales,lost,revenue\na > b,1,2,30\n", bad, columns);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].conversions, 1.0);
  EXPECT_EQ(rows[0].nulls, 2.0);
  EXPECT_EQ(rows[0].value, 30.0);
}

TEST(CalibratePaths, MissingPathColumnSaysWhatItExpectedAndWhatItFound) {
  EXPECT_EQ(path_header_error("route;total_conversions\n"),
            "paths.csv:1:1: path header needs a path column: expected one named 'path' or "
            "'paths' (or name it with --path-column); the header has 'route', "
            "'total_conversions' (separated by ';')");
}

TEST(CalibratePaths, MissingConversionsColumnSaysWhatItExpected) {
  EXPECT_EQ(path_header_error("path\ttotal_null\n"),
            "paths.csv:1:1: path header needs a conversions column: expected one named "
            "'total_conversions' or 'conversions' (or name it with --conversions-column); the "
            "header has 'path', 'total_null' (separated by tab)");
}

TEST(CalibratePaths, ColumnNamedByFlagMustExist) {
  PathLogColumns columns;
  columns.nulls = "lost";
  EXPECT_EQ(path_header_error("path,total_conversions\n", columns),
            "paths.csv:1:1: path header has no column 'lost' (given by --nulls-column); the "
            "header has 'path', 'total_conversions' (separated by ',')");
}

TEST(CalibratePaths, EachBadRowNamesLineColumnAndWhatWasExpected) {
  BadRows bad("paths.csv", false);
  const auto rows = read_paths(
      "path;total_conversions;total_null;total_conversion_value\n"
      "a > b;1;2;3\n"
      "a > > b;1;2;3\n"     // line 3: empty step, column 1
      "a;-1;2;3\n"          // line 4: negative conversions, column 3
      "a;1;two;3\n"         // line 5: nulls not a number, column 5
      "a;1;2;nan\n"         // line 6: value not finite, column 7
      "a;1;2\n"             // line 7: a field short, column 5 (the last one)
      "a;1;1e16;3\n"        // line 8: more than 2^53, column 5
      "\"a;1;2;3\n",       // line 9: quote not closed, column 1
      bad);
  EXPECT_EQ(rows.size(), 1u);
  EXPECT_EQ(bad.describe(10),
            "paths.csv:3:1: bad row: empty step in path 'a > > b': expected channel names "
            "separated by '>'\n"
            "paths.csv:4:3: bad row: conversions '-1': expected a non-negative number\n"
            "paths.csv:5:5: bad row: nulls 'two': expected a non-negative number\n"
            "paths.csv:6:7: bad row: value 'nan': expected a non-negative number\n"
            "paths.csv:7:5: bad row: expected 4 fields separated by ';', found 3\n"
            "paths.csv:8:5: bad row: count too large: expected at most 2^53\n"
            "paths.csv:9:1: bad row: unbalanced quotes\n");
}

TEST(CalibratePaths, AChannelNameThatIsNotUtf8IsABadRowAtItsByte) {
  // Channel names reach JSON, HTML and TOML; the fuzzer found a JSON
  // writer throwing on one.
  BadRows bad("paths.csv", false);
  const auto rows = read_paths(
      "path,total_conversions,total_null\n"
      "a > b,1,2\n"
      "a\xff > b,3,2\n"     // line 3: byte 0xFF, column 2
      "caf\xc3\xa9 > b,1,0\n",  // well-formed UTF-8 is a name like any other
      bad);
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_EQ(bad.describe(10),
            "paths.csv:3:2: bad row: byte 0xFF in the path is not UTF-8: expected channel "
            "names in UTF-8 text\n");
}

TEST(CalibratePaths, StrictMakesABadPathRowAnErrorAtItsLineAndColumn) {
  BadRows bad("paths.csv", true);
  try {
    read_paths("path,total_conversions\na,1\nb,x\n", bad);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].where.to_string(), "paths.csv:3:3");
    EXPECT_EQ(e.diagnostics()[0].message,
              "bad row: conversions 'x': expected a non-negative number");
  }
}

TEST(CalibratePaths, CalibrateNeedsWholeCountsAndSaysWhereOneIsNot) {
  std::istringstream in("path,total_conversions,total_null\na,1,2\nb,1,0.5\n");
  BadRows bad("paths.csv", false);
  const LogSummary s = summarize_path_log(in, "paths.csv", {}, bad);
  EXPECT_EQ(s.segments[0].customers, 3u);
  ASSERT_EQ(bad.count(), 1u);
  EXPECT_EQ(bad.describe(1),
            "paths.csv:3:5: bad row: nulls 0.5: expected a whole number (a fit counts "
            "customers; attribute --paths reads fractional counts)\n");
}

TEST(CalibratePaths, PathSetNumbersChannelsInOrderOfFirstAppearance) {
  std::istringstream in("path,total_conversions,total_null,total_conversion_value\n"
                        "b > a > b,1.5,0.5,3\n"
                        "c,0,0,0\n"  // nobody walked it: left out
                        "a > c,0,2,0\n");
  BadRows bad("paths.csv", true);
  const PathSet set = read_path_set(in, "paths.csv", {}, bad);
  EXPECT_EQ(set.channels, (std::vector<std::string>{"b", "a", "c"}));
  ASSERT_EQ(set.paths.size(), 2u);
  EXPECT_EQ(set.paths[0].steps, (std::vector<uint32_t>{0, 1, 0}));
  EXPECT_EQ(set.customers(), 4.0);
  EXPECT_EQ(set.conversions(), 1.5);
  EXPECT_EQ(set.value(), 3.0);
}

}  // namespace
}  // namespace journeysim
