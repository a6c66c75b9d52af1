// Calendar time in the engine (issue 18): arrivals over time, send windows,
// frequency caps, and a queue fed by Poisson arrivals against Erlang C.
#include <gtest/gtest.h>

#include <cmath>
#include <ctime>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "journeysim/event_trace.h"
#include "journeysim/report_writers.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using testing::metric;
using testing::model_from_text;
using testing::run_report;

// The rows of `run --events` for `model`, as the CLI writes them.
std::vector<std::vector<std::string>> event_rows(const SimulationModel& model, uint64_t agents) {
  std::ostringstream csv;
  CsvEventWriter writer(csv, model);
  writer.header();
  OrderedTrace trace(0, [&](const std::vector<TraceEvent>& events) { writer.write(events); });
  RunOptions options;
  options.agents = agents;
  options.trace = &trace;
  run_agents(model, options);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(csv.str());
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ',')) {
      fields.push_back(cell);
    }
    rows.push_back(fields);
  }
  return rows;
}

// "2027-01-04T09:00:00-05:00": the local weekday (0 = Monday) and minute of
// the day the timestamp itself shows.
struct LocalTime {
  int weekday, minute;
};
LocalTime local_of(const std::string& stamp) {
  std::tm tm{};
  tm.tm_year = std::stoi(stamp.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(stamp.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(stamp.substr(8, 2));
  tm.tm_hour = 12;
  const time_t t = timegm(&tm);
  std::tm back{};
  gmtime_r(&t, &back);
  return {(back.tm_wday + 6) % 7, std::stoi(stamp.substr(11, 2)) * 60 + std::stoi(stamp.substr(14, 2))};
}

// A daily e-mail (a `fixed` touchpoint standing for e-mail) that waits a day
// and comes back, 10 % buying each time; customers arrive steadily over a
// day and live in New York while the journey runs on UTC.
std::string daily_mail(const std::string& extra) {
  return R"([journey]
name = "Daily mail"
stages = ["nurture", "buy"]
horizon_days = 30
max_steps = 60

[arrivals]
pattern = "steady"
over_days = 1

[personas.new_yorker]
share = 1.0
timezone = "America/New_York"

[touchpoints.mail]
stage = "nurture"
channel = "fixed"
via = "email"
entry = 1.0
params = { drop = 0.0, hours = 0.0 }
next = [{ to = "gap", weight = 9 }, { to = "shop", weight = 1 }]
)" + extra + R"(

[steps.gap]
kind = "wait"
for = "1d"
next = ["mail"]

[touchpoints.shop]
stage = "buy"
channel = "fixed"
milestone = "bought"
exit = true
)";
}

const std::string kWindow =
    "window = { hours = \"09:00-18:00\", days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"] }";
const std::string kCap =
    "\n[policies]\nfrequency_cap = { messages = 3, per = \"7d\", channels = [\"email\"] }\n";

TEST(EngineCalendar, EverySendLiesInsideTheWindowOnTheCustomersClock) {
  const SimulationModel model = model_from_text(daily_mail(kWindow));
  size_t sends = 0;
  for (const auto& row : event_rows(model, 400)) {
    if (row[2] != "mail") {
      continue;
    }
    ++sends;
    ASSERT_EQ(row[1].substr(19), "-05:00") << row[1];  // New York in winter
    const LocalTime local = local_of(row[1]);
    EXPECT_LT(local.weekday, 5) << row[1];
    EXPECT_GE(local.minute, 9 * 60) << row[1];
    EXPECT_LT(local.minute, 18 * 60) << row[1];
  }
  EXPECT_GT(sends, 1000u);
  // Customers arriving at night or at the weekend waited for Monday 09:00.
  EXPECT_GT(metric(run_report(model, 400), "touchpoints.mail.window_wait_hours").value, 1.0);
}

TEST(EngineCalendar, NoCustomerGetsAFourthMessageWithinSevenDays) {
  const SimulationModel model = model_from_text(daily_mail("") + kCap);
  std::map<std::string, std::vector<time_t>> sends;
  for (const auto& row : event_rows(model, 300)) {
    if (row[2] == "mail") {
      std::tm tm{};
      strptime(row[1].c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
      sends[row[0]].push_back(timegm(&tm));  // the journey runs on UTC
    }
  }
  for (const auto& [customer, times] : sends) {
    for (size_t k = 3; k < times.size(); ++k) {
      EXPECT_GE(times[k] - times[k - 3], 7 * 24 * 3600) << customer;
    }
  }
}

// A skipped message goes on to `next` just as a sent one does here (the
// e-mail takes no time and loses nobody), so every visit the uncapped run
// sends is either sent or capped in the capped one.
TEST(EngineCalendar, CappedCountsTheMessagesTheCapKeptBack) {
  const RunReport free = run_report(model_from_text(daily_mail("")), 2000);
  const RunReport capped = run_report(model_from_text(daily_mail("") + kCap), 2000);
  const double sent_free = metric(free, "touchpoints.mail.arrivals").value;
  const double sent = metric(capped, "touchpoints.mail.arrivals").value;
  const double skipped = metric(capped, "touchpoints.mail.capped").value;
  EXPECT_GT(skipped, 0.0);
  EXPECT_EQ(sent_free - sent, skipped);
}

// A skipped message takes a step of the path like any visit: at the step
// limit the journey ends there, rather than going on to a touchpoint with
// no room left in the path.
TEST(EngineCalendar, ACappedMessageAtTheStepLimitEndsTheJourneyThere) {
  const SimulationModel model = model_from_text(R"([journey]
name = "Two mails in a row"
stages = ["nurture"]
max_steps = 2

[policies]
frequency_cap = { messages = 1, per = "7d", channels = ["email"] }

[personas.anyone]
share = 1.0

[touchpoints.first]
stage = "nurture"
channel = "fixed"
via = "email"
entry = 1.0
next = ["second"]

[touchpoints.second]
stage = "nurture"
channel = "fixed"
via = "email"
next = ["shop"]

[touchpoints.shop]
stage = "nurture"
channel = "fixed"
milestone = "bought"
exit = true
)");
  const RunReport r = run_report(model, 500);
  EXPECT_EQ(metric(r, "touchpoints.second.capped").value, 500.0);
  EXPECT_EQ(metric(r, "touchpoints.shop.arrivals").value, 0.0);
  EXPECT_EQ(r.journey.step_limit, 500u);
}

TEST(EngineCalendar, SteadyArrivalsFillEveryHourOfTheirSpanEvenly) {
  std::string text = daily_mail("");
  text.replace(text.find("horizon_days = 30"), 17, "horizon_days = 3");
  text.replace(text.find("over_days = 1"), 13, "over_days = 2");
  const RunReport r = run_report(model_from_text(text), 4800);
  ASSERT_EQ(r.series.bin_hours, 1.0);
  ASSERT_GE(r.series.arrivals.size(), 48u);
  for (size_t h = 0; h < 48; ++h) {
    EXPECT_EQ(r.series.arrivals[h], 100u) << "hour " << h;
  }
  EXPECT_EQ(r.series.times.front(), "2027-01-04T00:00:00+00:00");
}

TEST(EngineCalendar, ACalendarJourneyGivesTheSameBytesForOneTwoAndThreeThreads) {
  const SimulationModel model = model_from_text(daily_mail(kWindow) + kCap);
  const std::string one = render_json(run_report(model, 3000, 9, 1));
  EXPECT_EQ(render_json(run_report(model, 3000, 9, 2)), one);
  EXPECT_EQ(render_json(run_report(model, 3000, 9, 3)), one);
}

// The issue's check: Poisson arrivals at 24 an hour, five servers of
// exponential ten-minute services, nobody gives up. Erlang C with offered
// load 4: P(wait) = 0.5541, mean wait 5.541 minutes. Warm-up: the first two
// days (about 1,150 customers; the queue relaxes in under an hour). The
// standard errors are the batch-means intervals' (half-width / t(19)).
TEST(EngineCalendar, PoissonArrivalsAtFiveServersWaitAsErlangCSays) {
  const SimulationModel model = model_from_text(R"([journey]
name = "M/M/5 at load 4"
stages = ["help"]
horizon_days = 10
max_steps = 5

[arrivals]
pattern = "poisson"
per_hour = 24

[personas.anyone]
share = 1.0

[resources.team]
capacity = 5
service = { distribution = "exponential", mean = "10m" }
warm_up = "2d"

[touchpoints.desk]
stage = "help"
channel = "fixed"
entry = 1.0
uses = "team"
milestone = "helped"
exit = true
)");
  const RunReport r = run_report(model, 200000);
  const ResourceReport& team = r.resources.at(0);
  const double t19 = 2.093;
  const Estimate& share = team.waited_share;
  const Estimate& wait = team.wait_minutes;
  EXPECT_NEAR(share.value, 0.5541, 4.0 * (share.high - share.value) / t19);
  EXPECT_NEAR(wait.value, 5.541, 4.0 * (wait.high - wait.value) / t19);
  EXPECT_NEAR(team.utilization.value, 0.8, 0.01);
  EXPECT_EQ(team.gave_up, 0u);
}

}  // namespace
}  // namespace journeysim
