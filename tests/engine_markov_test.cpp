// The engine against exact results of absorbing Markov chains, using the
// built-in `fixed` channel whose behaviour is given outright.
#include <gtest/gtest.h>

#include <cmath>

#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using testing::metric;
using testing::model_from_text;
using testing::run_report;

// ad -> page (3/4) or blog (1/4); blog -> page or back to ad (1/2 each);
// page -> checkout (purchase) -> thanks (exit). Drops: ad 0.2, blog 0.5,
// page 0.4, checkout 0.3.
const char* kChain = R"(
[journey]
name = "chain"
stages = ["awareness", "purchase"]
agents = 1000

[personas.everyone]
share = 1.0

[touchpoints.ad]
stage = "awareness"
channel = "fixed"
entry = 1.0
params = { drop = 0.2, hours = 1.0 }
next = [{ to = "page", weight = 3 }, { to = "blog", weight = 1 }]

[touchpoints.blog]
stage = "awareness"
channel = "fixed"
params = { drop = 0.5, hours = 2.0 }
next = [{ to = "page" }, { to = "ad" }]

[touchpoints.page]
stage = "purchase"
channel = "fixed"
params = { drop = 0.4, hours = 2.0 }
next = ["checkout"]

[touchpoints.checkout]
stage = "purchase"
channel = "fixed"
milestone = "purchase"
params = { drop = 0.3, hours = 0.5, value = 40.0 }
next = ["thanks"]

[touchpoints.thanks]
stage = "purchase"
channel = "fixed"
exit = true
)";

// Absorption probabilities solved by hand from the chain's equations:
//   x_ck = 0.7, x_page = 0.6 x_ck,
//   x_blog = 0.5 (x_page / 2 + x_ad / 2), x_ad = 0.8 (3/4 x_page + 1/4 x_blog).
double exact_conversion() {
  const double x_page = 0.6 * 0.7;
  // x_ad = 0.8 (0.75 x_page + 0.25 (0.25 x_page + 0.25 x_ad))
  return 0.8 * (0.75 * x_page + 0.0625 * x_page) / (1.0 - 0.8 * 0.0625);
}

TEST(EngineMarkov, ConversionMatchesExactAbsorptionProbabilityAtOneMillionAgents) {
  const SimulationModel model = model_from_text(kChain);
  const uint64_t n = 1'000'000;
  const RunReport report = run_report(model, n, 11, 2);
  const double p = exact_conversion();
  const double se = std::sqrt(p * (1 - p) / static_cast<double>(n));
  EXPECT_NEAR(report.journey.conversion_rate.value, p, 4 * se);
  EXPECT_LE(report.journey.conversion_rate.low, p);
  EXPECT_GE(report.journey.conversion_rate.high, p);
}

TEST(EngineMarkov, ExpectedVisitsToACycleEntryMatchTheGeometricSeries) {
  const SimulationModel model = model_from_text(kChain);
  const uint64_t n = 400'000;
  const RunReport report = run_report(model, n, 5);
  // Each visit to ad returns to it with probability
  // 0.8 (stays) * 1/4 (to blog) * 0.5 (stays at blog) * 1/2 (back to ad).
  const double q = 0.05;
  const double expected = 1.0 / (1.0 - q);
  const double visits = metric(report, "touchpoints.ad.arrivals").value / static_cast<double>(n);
  // Visits are geometric: variance q / (1 - q)^2 per agent.
  const double se = std::sqrt(q / ((1 - q) * (1 - q)) / static_cast<double>(n));
  EXPECT_NEAR(visits, expected, 4 * se);
  EXPECT_EQ(metric(report, "touchpoints.ad.agents").value, static_cast<double>(n));
}

TEST(EngineMarkov, DropRatePerTouchpointEqualsItsDropParameter) {
  const SimulationModel model = model_from_text(kChain);
  const RunReport report = run_report(model, 300'000, 3);
  for (const auto& [id, drop] : {std::pair{"ad", 0.2}, {"blog", 0.5}, {"page", 0.4},
                                  {"checkout", 0.3}, {"thanks", 0.0}}) {
    const Estimate e = metric(report, std::string("touchpoints.") + id + ".drop_rate");
    const double se = std::sqrt(drop * (1 - drop) / static_cast<double>(e.n));
    EXPECT_NEAR(e.value, drop, 4 * se + 1e-12) << id;
  }
}

TEST(EngineMarkov, RevenuePerAgentIsValueTimesConversion) {
  const SimulationModel model = model_from_text(kChain);
  const RunReport report = run_report(model, 200'000, 9);
  const Estimate& revenue = report.journey.revenue_per_agent;
  EXPECT_DOUBLE_EQ(revenue.value, 40.0 * report.journey.conversion_rate.value);
}

TEST(EngineMarkov, EveryAgentEndsExactlyOnce) {
  const SimulationModel model = model_from_text(kChain);
  const RunReport report = run_report(model, 50'000, 2);
  const JourneyMetrics& j = report.journey;
  EXPECT_EQ(j.agents, 50'000u);
  EXPECT_EQ(j.exited + j.dropped + j.horizon + j.step_limit, j.agents);
  // Everyone who reaches `thanks` exits there; it never drops.
  EXPECT_EQ(j.exited, j.converted);
}

const char* kLine = R"(
[journey]
name = "line"
stages = ["all"]
horizon_days = 30

[personas.everyone]
share = 1.0

[touchpoints.a]
stage = "all"
channel = "fixed"
entry = 1.0
params = { hours = 1.5 }
next = ["b"]

[touchpoints.b]
stage = "all"
channel = "fixed"
milestone = "signup"
params = { hours = 2.0 }
next = ["c"]

[touchpoints.c]
stage = "all"
channel = "fixed"
exit = true
)";

TEST(EngineMarkov, TimeToConvertIsExactOnADeterministicPath) {
  const SimulationModel model = model_from_text(kLine);
  const RunReport report = run_report(model, 1000);
  EXPECT_EQ(report.journey.conversion_rate.value, 1.0);
  EXPECT_DOUBLE_EQ(report.journey.time_to_convert_median_days.value, 3.5 / 24.0);
  EXPECT_DOUBLE_EQ(report.journey.time_to_convert_p90_days.value, 3.5 / 24.0);
}

TEST(EngineMarkov, AgentsPastTheHorizonAreCutOffAndDoNotConvert) {
  std::string text = kLine;
  text.replace(text.find("horizon_days = 30"), 17, "horizon_days = 0.1");  // 2.4 hours
  const SimulationModel model = model_from_text(text);
  const RunReport report = run_report(model, 1000);
  EXPECT_EQ(report.journey.converted, 0u);
  EXPECT_EQ(report.journey.horizon, 1000u);
  const auto& b = report.touchpoints[1];
  ASSERT_EQ(b.id, "b");
  EXPECT_EQ(b.cut_off, 1000u);
  ASSERT_FALSE(b.reasons.empty());
  EXPECT_EQ(b.reasons.front().code, "horizon");
}

const char* kLoop = R"(
[journey]
name = "loop"
stages = ["all"]
max_steps = 50

[personas.everyone]
share = 1.0

[touchpoints.a]
stage = "all"
channel = "fixed"
entry = 1.0
next = [{ to = "b", weight = 99 }, { to = "out", weight = 1 }]

[touchpoints.b]
stage = "all"
channel = "fixed"
milestone = "seen"
next = ["a"]

[touchpoints.out]
stage = "all"
channel = "fixed"
exit = true
)";

TEST(EngineMarkov, StepLimitEndsLongLoopsAndIsReported) {
  const SimulationModel model = model_from_text(kLoop);
  const RunReport report = run_report(model, 10'000, 4);
  // Leaving needs the 1% edge within 25 passes through a: 1 - 0.99^25.
  const double p_exit = 1 - std::pow(0.99, 25);
  const double se = std::sqrt(p_exit * (1 - p_exit) / 10'000.0);
  EXPECT_NEAR(static_cast<double>(report.journey.exited) / 10'000.0, p_exit, 4 * se);
  EXPECT_EQ(report.journey.exited + report.journey.step_limit, 10'000u);
  EXPECT_GT(report.journey.step_limit, 0u);
}

}  // namespace
}  // namespace journeysim
