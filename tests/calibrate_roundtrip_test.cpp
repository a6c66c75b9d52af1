// Round trip: a known fixed journey simulated into an event log, the log
// calibrated, and the fitted journey's probabilities compared with the
// true ones within sampling error.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "journeysim/calibrate.h"
#include "journeysim/event_trace.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using testing::model_from_text;

// The true journey: drops and transition probabilities below.
const char* kKnown = R"(
[journey]
name = "known"
stages = ["awareness", "purchase"]
horizon_days = 3650

[personas.new]
share = 0.7
[personas.loyal]
share = 0.3

[touchpoints.ad]
stage = "awareness"
channel = "fixed"
via = "social"
entry = 0.6
params = { drop = 0.2, hours = 1.0 }
next = [{ to = "page", weight = 3, delay_hours = 5 }, { to = "blog", weight = 1 }]

[touchpoints.mail]
stage = "awareness"
channel = "fixed"
via = "email"
entry = 0.4
params = { drop = 0.3, hours = 0.5 }
next = [{ to = "page", delay_hours = 24 }]

[touchpoints.blog]
stage = "awareness"
channel = "fixed"
via = "web"
params = { drop = 0.5, hours = 2.0 }
next = [{ to = "page" }, { to = "ad" }]

[touchpoints.page]
stage = "purchase"
channel = "fixed"
via = "web"
params = { drop = 0.4, hours = 2.0 }
next = ["checkout"]

[touchpoints.checkout]
stage = "purchase"
channel = "fixed"
via = "web"
milestone = "purchase"
params = { drop = 0.3, hours = 0.5, value = 40.0 }
next = ["thanks"]

[touchpoints.thanks]
stage = "purchase"
channel = "fixed"
via = "email"
exit = true
)";

std::string simulate_log(const SimulationModel& model, uint64_t agents, unsigned threads) {
  std::ostringstream out;
  CsvEventWriter writer(out, model);
  writer.header();
  OrderedTrace trace(0, [&](const std::vector<TraceEvent>& e) { writer.write(e); });
  RunOptions options;
  options.agents = agents;
  options.seed = 5;
  options.threads = threads;
  options.trace = &trace;
  run_agents(model, options);
  EXPECT_TRUE(trace.complete(agents));
  return out.str();
}

const FittedTouchpoint& find(const FittedJourney& j, const std::string& name) {
  for (const FittedTouchpoint& tp : j.touchpoints) {
    if (tp.name == name) {
      return tp;
    }
  }
  throw std::runtime_error("no touchpoint " + name);
}

double edge_share(const FittedJourney& j, const FittedTouchpoint& tp, const std::string& to) {
  uint64_t total = 0, count = 0;
  for (const FittedEdge& e : tp.next) {
    total += e.count;
    count += j.touchpoints[e.to].name == to ? e.count : 0;
  }
  return static_cast<double>(count) / static_cast<double>(total);
}

TEST(CalibrateRoundTrip, TraceBytesDoNotDependOnThreads) {
  const SimulationModel model = model_from_text(kKnown);
  EXPECT_EQ(simulate_log(model, 5000, 1), simulate_log(model, 5000, 2));
}

TEST(CalibrateRoundTrip, RecoversTransitionAndDropProbabilitiesWithinFourStandardErrors) {
  const SimulationModel model = model_from_text(kKnown);
  std::istringstream log(simulate_log(model, 100000, 2));
  BadRows bad("sim.csv", true);
  const LogSummary summary = summarize_event_log(log, "sim.csv", {}, bad);
  const FittedJourney fit = fit_journey(summary, -1, "sim.csv");
  EXPECT_EQ(fit.customers, 100000u);

  // P(move a -> b) = (1 - drop_a) * weight share; each estimated from visits of a.
  struct Truth {
    const char* from;
    const char* to;  // "" = the drop probability
    double p;
  };
  const Truth truths[] = {
      {"ad", "", 0.2},       {"ad", "page", 0.8 * 0.75}, {"ad", "blog", 0.8 * 0.25},
      {"mail", "", 0.3},     {"mail", "page", 0.7},      {"blog", "", 0.5},
      {"blog", "ad", 0.25},  {"blog", "page", 0.25},     {"page", "", 0.4},
      {"checkout", "", 0.3},
  };
  for (const Truth& t : truths) {
    const FittedTouchpoint& tp = find(fit, t.from);
    const double estimate =
        t.to[0] == '\0' ? tp.drop : (1.0 - tp.drop) * edge_share(fit, tp, t.to);
    const double se = std::sqrt(t.p * (1 - t.p) / static_cast<double>(tp.visits));
    EXPECT_NEAR(estimate, t.p, 4 * se) << t.from << " -> " << (t.to[0] ? t.to : "drop");
  }
  EXPECT_NEAR(find(fit, "ad").entry, 0.6, 4 * std::sqrt(0.24 / 100000));
  EXPECT_TRUE(find(fit, "checkout").converts);
  EXPECT_DOUBLE_EQ(find(fit, "checkout").value, 40.0);
  // Shifted exponential gaps: the fixed hours are the shortest gap, the
  // delay the mean beyond it.
  EXPECT_NEAR(find(fit, "ad").hours, 1.0, 0.01);
  const FittedTouchpoint& mail = find(fit, "mail");
  ASSERT_EQ(mail.next.size(), 1u);
  const double n = static_cast<double>(mail.next[0].count);
  EXPECT_NEAR(mail.next[0].delay_hours, 24.0, 4 * 24.0 / std::sqrt(n));
  EXPECT_EQ(find(fit, "mail").via, "email");
}

TEST(CalibrateRoundTrip, FittedFileLoadsAndRuns) {
  const SimulationModel model = model_from_text(kKnown);
  std::istringstream log(simulate_log(model, 5000, 1));
  BadRows bad("sim.csv", true);
  const LogSummary summary = summarize_event_log(log, "sim.csv", {}, bad);
  FittedJourney fit = fit_journey(summary, -1, "sim.csv");
  fit.name = "fitted \"quoted\" name";
  fit.source = "sim.csv";
  const SimulationModel fitted = model_from_text(render_fitted_toml(fit));
  EXPECT_EQ(fitted.scenario().personas.size(), 2u);
  EXPECT_EQ(fitted.scenario().journey.name, "fitted \"quoted\" name");
  const RunReport report = testing::run_report(fitted, 2000);
  EXPECT_GT(report.journey.converted, 0u);
}

TEST(CalibrateRoundTrip, ConvertersWhoStopAtALeadingTouchpointFinishThere) {
  // c converts at "buy" and stops; d converts at "buy" and goes on to
  // "help"; e stops at "buy" without converting (a drop).
  std::istringstream log(
      "customer_id,timestamp,touchpoint,converted\n"
      "c,1767225600,home,0\nc,1767225700,buy,1\n"
      "d,1767225600,home,0\nd,1767225700,buy,1\nd,1767225800,help,0\n"
      "e,1767225600,home,0\ne,1767225700,buy,0\n");
  BadRows bad("log.csv", true);
  const FittedJourney fit =
      fit_journey(summarize_event_log(log, "log.csv", {}, bad), -1, "log.csv");
  const FittedTouchpoint& buy = find(fit, "buy");
  EXPECT_DOUBLE_EQ(buy.drop, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(edge_share(fit, buy, kJourneyEndName), 0.5);
  EXPECT_DOUBLE_EQ(edge_share(fit, buy, "help"), 0.5);
  EXPECT_NO_THROW(model_from_text(render_fitted_toml(fit)));
}

TEST(CalibrateRoundTrip, MalformedUtf8NamesStillGiveALoadableFile) {
  // Found by the event_log fuzzer: "\xe0\x9a" is an overlong start (E0 needs
  // a second byte of A0..BF), "\xed\xa0\x80" a surrogate; both must become
  // U+FFFD, not bytes TOML++ rejects.
  std::istringstream log(
      "customer_id,timestamp,touchpoint,converted\n"
      "a,1767225600,se\xe0\x9a\x92\xa3il,0\na,1767225700,b\xed\xa0\x80uy,1\n"
      "b,1767225600,caf\xc3\xa9,1\n");
  BadRows bad("log.csv", true);
  const FittedJourney fit =
      fit_journey(summarize_event_log(log, "log.csv", {}, bad), -1, "log.csv");
  const std::string toml = render_fitted_toml(fit);
  EXPECT_NE(toml.find("name = \"caf\xc3\xa9\""), std::string::npos);
  EXPECT_NO_THROW(model_from_text(toml));
}

TEST(CalibrateRoundTrip, AbsurdSpansAreClampedToWhatTheLoaderAccepts) {
  // Found by the event_log fuzzer: 170 years between two events gave
  // horizon_days and hours beyond the loader's and the fixed channel's bounds.
  std::istringstream log(
      "customer_id,timestamp,touchpoint,revenue\n"
      "a,0,home,0\na,5334451200,buy,1e18\n");
  BadRows bad("log.csv", true);
  EventLogOptions options;
  options.conversion_event = "buy";
  const FittedJourney fit =
      fit_journey(summarize_event_log(log, "log.csv", options, bad), -1, "log.csv");
  EXPECT_DOUBLE_EQ(fit.horizon_days, 36500.0);
  EXPECT_DOUBLE_EQ(find(fit, "home").hours, 876000.0);
  EXPECT_DOUBLE_EQ(find(fit, "buy").value, 1e15);
  EXPECT_NO_THROW(model_from_text(render_fitted_toml(fit)));
}

TEST(CalibrateRoundTrip, OrdersOfBillionsInSmallCurrencyUnitsAreKeptExactly) {
  // 5e9 dong is an ordinary order: the fitted value must not be clamped.
  std::istringstream log(
      "customer_id,timestamp,touchpoint,revenue\n"
      "a,0,home,0\na,60,buy,5e9\n");
  BadRows bad("log.csv", true);
  EventLogOptions options;
  options.conversion_event = "buy";
  const FittedJourney fit =
      fit_journey(summarize_event_log(log, "log.csv", options, bad), -1, "log.csv");
  EXPECT_DOUBLE_EQ(find(fit, "buy").value, 5e9);
  EXPECT_NO_THROW(model_from_text(render_fitted_toml(fit)));
}

TEST(CalibrateRoundTrip, NothingConvertingIsAnError) {
  std::istringstream log("customer_id,timestamp,touchpoint\na,1767225600,home\n");
  BadRows bad("log.csv", true);
  const LogSummary s = summarize_event_log(log, "log.csv", {}, bad);
  EXPECT_THROW(fit_journey(s, -1, "log.csv"), InputError);
}

}  // namespace
}  // namespace journeysim
