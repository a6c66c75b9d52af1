// Waits (issue 17, part 2): duration text in hours, distribution tables and
// their errors, draws by the inverse distribution function, and the race of a
// wait against the customer's own return, checked against exact formulas.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "steps/duration.h"
#include "steps/normal_quantile.h"
#include "steps/race.h"

namespace journeysim {
namespace {

const SourceLocation kAt{"journey.toml", 7, 9};

double hours(const std::string& text) { return parse_duration_hours(text, kAt); }

// The one diagnostic reading `text` gives.
std::string duration_error(const std::string& text) {
  try {
    hours(text);
  } catch (const InputError& error) {
    EXPECT_EQ(error.diagnostics().size(), 1u);
    EXPECT_EQ(error.diagnostics()[0].where.to_string(), "journey.toml:7:9");
    return error.diagnostics()[0].message;
  }
  ADD_FAILURE() << text << " was read";
  return "";
}

WaitField field(const std::string& text, uint32_t line) { return WaitField{text, {"journey.toml", line, 3}}; }

WaitDistributionFields table(const std::string& distribution) {
  WaitDistributionFields fields;
  fields.table = {"journey.toml", 10, 7};
  fields.distribution = field(distribution, 11);
  return fields;
}

WaitDuration lognormal(const std::string& median, const std::string& p90) {
  WaitDistributionFields fields = table("lognormal");
  fields.median = field(median, 12);
  fields.p90 = field(p90, 13);
  return wait_from_fields(fields);
}

WaitDuration exponential(const std::string& mean) {
  WaitDistributionFields fields = table("exponential");
  fields.mean = field(mean, 12);
  return wait_from_fields(fields);
}

WaitDuration uniform(const std::string& min, const std::string& max) {
  WaitDistributionFields fields = table("uniform");
  fields.min = field(min, 12);
  fields.max = field(max, 13);
  return wait_from_fields(fields);
}

// Every diagnostic of a table, as "line: message".
std::vector<std::string> table_errors(const WaitDistributionFields& fields) {
  try {
    wait_from_fields(fields);
  } catch (const InputError& error) {
    std::vector<std::string> out;
    for (const Diagnostic& d : error.diagnostics()) {
      out.push_back(std::to_string(d.where.line) + ": " + d.message);
    }
    return out;
  }
  return {};
}

TEST(Duration, EachUnitReadsAsItsHours) {
  EXPECT_EQ(hours("90s"), 90.0 / 3600);
  EXPECT_EQ(hours("30m"), 0.5);
  EXPECT_EQ(hours("4h"), 4.0);
  EXPECT_EQ(hours("2d"), 48.0);
  EXPECT_EQ(hours("1w"), 168.0);
}

TEST(Duration, DecimalsAreRead) {
  EXPECT_EQ(hours("1.5h"), 1.5);
  EXPECT_EQ(hours("0.5d"), 12.0);
  EXPECT_EQ(hours("2.25w"), 378.0);
}

TEST(Duration, ZeroIsAFixedWaitOfNothing) {
  EXPECT_EQ(hours("0h"), 0.0);
  EXPECT_EQ(fixed_wait("0d", kAt).fixed_hours, 0.0);
}

TEST(Duration, NegativeIsRefused) { EXPECT_EQ(duration_error("-2d"), "duration '-2d': a duration cannot be negative"); }

TEST(Duration, UnknownUnitListsTheUnits) {
  EXPECT_EQ(duration_error("2x"),
            "duration '2x': unknown unit 'x' (units: s seconds, m minutes, h hours, d days, w weeks)");
}

TEST(Duration, AMissingUnitShowsTheNumberWithEachUnit) {
  EXPECT_EQ(duration_error("2"), "duration '2': no unit: write 2s, 2m, 2h, 2d or 2w");
}

TEST(Duration, SpelledOutUnitsNameTheLetterToWrite) {
  EXPECT_EQ(duration_error("4hours"), "duration '4hours': write '4h' (the unit is 'h')");
  EXPECT_EQ(duration_error("30min"), "duration '30min': write '30m' (the unit is 'm')");
  EXPECT_EQ(duration_error("2D"), "duration '2D': write '2d' (the unit is 'd')");
}

TEST(Duration, MonthsAndYearsAreRefused) {
  EXPECT_NE(duration_error("1M").find("months and years vary in length"), std::string::npos);
  EXPECT_NE(duration_error("1y").find("write days or weeks"), std::string::npos);
}

TEST(Duration, MalformedTextIsRefused) {
  EXPECT_NE(duration_error("").find("empty"), std::string::npos);
  EXPECT_NE(duration_error("soon").find("not a duration"), std::string::npos);
  EXPECT_NE(duration_error(".5h").find("digit before the point"), std::string::npos);
  EXPECT_NE(duration_error("1.h").find("digit after the point"), std::string::npos);
  EXPECT_NE(duration_error("2 d").find("without a space"), std::string::npos);
  EXPECT_NE(duration_error("1d12h").find("unknown unit 'd12h'"), std::string::npos);
  EXPECT_NE(duration_error(std::string(400, '9') + "w").find("too large"), std::string::npos);
}

TEST(Duration, LognormalTakesSigmaFromMedianAndP90) {
  const WaitDuration wait = lognormal("4h", "12h");
  EXPECT_EQ(wait.distribution, WaitDistribution::Lognormal);
  EXPECT_EQ(wait.median_hours, 4.0);
  EXPECT_EQ(wait.p90_hours, 12.0);
  EXPECT_EQ(wait.sigma, std::log(3.0) / 1.2815515655446004);
}

TEST(Duration, ExponentialTakesItsMean) {
  const WaitDuration wait = exponential("2d");
  EXPECT_EQ(wait.distribution, WaitDistribution::Exponential);
  EXPECT_EQ(wait.mean_hours, 48.0);
}

TEST(Duration, UniformTakesMinAndMax) {
  const WaitDuration wait = uniform("1h", "3h");
  EXPECT_EQ(wait.min_hours, 1.0);
  EXPECT_EQ(wait.max_hours, 3.0);
}

TEST(DurationTable, P90MustExceedTheMedian) {
  WaitDistributionFields fields = table("lognormal");
  fields.median = field("4h", 12);
  fields.p90 = field("240m", 13);
  EXPECT_EQ(table_errors(fields), std::vector<std::string>{"13: p90 (240m) must be above the median (4h)"});
}

TEST(DurationTable, AZeroMedianOrMeanIsRefused) {
  WaitDistributionFields lognormal = table("lognormal");
  lognormal.median = field("0h", 12);
  lognormal.p90 = field("1h", 13);
  EXPECT_EQ(table_errors(lognormal), std::vector<std::string>{"12: the median must be above zero"});
  WaitDistributionFields exponential = table("exponential");
  exponential.mean = field("0d", 12);
  EXPECT_EQ(table_errors(exponential), std::vector<std::string>{"12: the mean must be above zero"});
}

TEST(DurationTable, UniformMaxMustExceedMin) {
  WaitDistributionFields fields = table("uniform");
  fields.min = field("3h", 12);
  fields.max = field("3h", 13);
  EXPECT_EQ(table_errors(fields),
            std::vector<std::string>{"13: max (3h) must be above min (3h); for a fixed wait write for = \"3h\""});
}

TEST(DurationTable, UnknownDistributionSuggestsTheNearest) {
  EXPECT_EQ(table_errors(table("lognorml")),
            std::vector<std::string>{"11: unknown distribution 'lognorml' (did you mean 'lognormal'?); "
                                     "distributions: lognormal, exponential, uniform"});
}

TEST(DurationTable, AMissingDistributionIsRefusedAtTheTable) {
  WaitDistributionFields fields = table("x");
  fields.distribution.reset();
  EXPECT_EQ(table_errors(fields),
            std::vector<std::string>{
                "10: a wait's table needs distribution = \"lognormal\", \"exponential\" or \"uniform\""});
}

TEST(DurationTable, EveryProblemIsReportedInOneRound) {
  WaitDistributionFields fields = table("lognormal");
  fields.median = field("4 h", 12);
  fields.mean = field("2d", 14);
  EXPECT_EQ(table_errors(fields),
            (std::vector<std::string>{"14: 'mean' is not a key of a lognormal wait (it takes median and p90)",
                                      "12: duration '4 h': write the unit right after the number, without a space",
                                      "10: a lognormal wait needs p90 (e.g. p90 = \"4h\")"}));
}

TEST(WaitDraw, FixedWaitIsItsHours) {
  const WaitDuration wait = fixed_wait("2d", kAt);
  EXPECT_EQ(sample_wait_hours(wait, 0.0), 48.0);
  EXPECT_EQ(sample_wait_hours(wait, 0.99), 48.0);
}

TEST(WaitDraw, NormalQuantileIsZeroAtTheMiddleAndZ90AtNinety) {
  EXPECT_EQ(normal_quantile(0.5), 0.0);
  EXPECT_NEAR(normal_quantile(0.9), kZ90, 1e-15);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-15);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-13);
  EXPECT_NEAR(normal_quantile(0.1), -kZ90, 1e-15);
}

TEST(WaitDraw, LognormalGivesItsMedianAtOneHalfAndP90AtNinetyPercent) {
  const WaitDuration wait = lognormal("4h", "12h");
  EXPECT_EQ(sample_wait_hours(wait, 0.5), 4.0);
  EXPECT_NEAR(sample_wait_hours(wait, 0.9), 12.0, 12.0 * 1e-14);
  EXPECT_EQ(sample_wait_hours(wait, 0.0), 0.0);
  EXPECT_LT(sample_wait_hours(wait, 0.3), sample_wait_hours(wait, 0.31));
}

TEST(WaitDraw, ExponentialIsMinusMeanTimesLogOfOneMinusU) {
  const WaitDuration wait = exponential("2d");
  for (double u : {0.0, 0.1, 0.5, 0.9, 0.999}) {
    EXPECT_EQ(sample_wait_hours(wait, u), -48.0 * std::log1p(-u)) << u;
  }
  EXPECT_NEAR(sample_wait_hours(wait, 1 - std::exp(-1.0)), 48.0, 1e-12);
}

TEST(WaitDraw, UniformIsLinearInU) {
  const WaitDuration wait = uniform("1h", "3h");
  EXPECT_EQ(sample_wait_hours(wait, 0.0), 1.0);
  EXPECT_EQ(sample_wait_hours(wait, 0.25), 1.5);
}

TEST(WaitDraw, UniformsOutsideTheUnitIntervalAreClamped) {
  const WaitDuration wait = exponential("1h");
  EXPECT_EQ(sample_wait_hours(wait, -0.5), 0.0);
  EXPECT_TRUE(std::isfinite(sample_wait_hours(wait, 1.0)));
}

TEST(WaitDraw, MeansFollowTheDistributions) {
  const WaitDuration skewed = lognormal("4h", "12h");
  EXPECT_EQ(mean_wait_hours(skewed), 4.0 * std::exp(skewed.sigma * skewed.sigma / 2));
  EXPECT_EQ(mean_wait_hours(uniform("1h", "3h")), 2.0);
  EXPECT_EQ(mean_wait_hours(fixed_wait("1w", kAt)), 168.0);
}

TEST(WaitText, DescriptionsUseTheLargestWholeUnit) {
  EXPECT_EQ(format_duration(48), "2d");
  EXPECT_EQ(format_duration(336), "2w");
  EXPECT_EQ(format_duration(0.5), "30m");
  EXPECT_EQ(format_duration(1.5), "90m");
  EXPECT_EQ(format_duration(0.01), "36s");
  EXPECT_EQ(format_duration(1.2345), "1.2345h");
  EXPECT_EQ(format_duration(0), "0h");
  EXPECT_EQ(describe_wait(lognormal("4h", "0.5d")), "lognormal, median 4h, p90 12h");
  EXPECT_EQ(describe_wait(exponential("2d")), "exponential, mean 2d");
  EXPECT_EQ(describe_wait(uniform("1h", "90m")), "uniform 1h to 90m");
  EXPECT_EQ(describe_wait(fixed_wait("2d", kAt)), "2d");
}

// Races.

TEST(Race, AReturnWinsExactlyWhenItsClockFallsBeforeTheWaitEnds) {
  // One entry at 2.4 a day (0.1 an hour) against 10 hours: returns come first
  // for u_return below 1 - exp(-1).
  const std::vector<double> rates = {2.4};
  const double threshold = -std::expm1(-1.0);
  const RaceOutcome before = race_wait(10, rates, std::nextafter(threshold, 0.0), 0.5);
  EXPECT_TRUE(before.returned);
  EXPECT_NEAR(before.hours, 10, 1e-9);
  EXPECT_FALSE(race_wait(10, rates, std::nextafter(threshold, 1.0), 0.5).returned);
  const RaceOutcome late = race_wait(10, rates, 0.9, 0.5);
  EXPECT_FALSE(late.returned);
  EXPECT_EQ(late.hours, 10.0);
  EXPECT_DOUBLE_EQ(race_wait(10, rates, 0.2, 0.5).hours, -std::log1p(-0.2) / 0.1);
}

TEST(Race, TheReturningEntryIsChosenInProportionToItsRate) {
  const std::vector<double> rates = {1, 0, 3};
  EXPECT_EQ(race_wait(100, rates, 0.5, 0.0).race, 0u);
  EXPECT_EQ(race_wait(100, rates, 0.5, 0.2499).race, 0u);
  EXPECT_EQ(race_wait(100, rates, 0.5, 0.25).race, 2u);
  EXPECT_EQ(race_wait(100, rates, 0.5, 0.9999).race, 2u);
}

TEST(Race, NoPositiveRateMeansTheWaitAlwaysEnds) {
  const std::vector<double> rates = {0, 0};
  const RaceOutcome out = race_wait(5, rates, 0.0, 0.0);
  EXPECT_FALSE(out.returned);
  EXPECT_EQ(out.hours, 5.0);
  EXPECT_EQ(race_return_probability(fixed_wait("1d", kAt), rates), 0.0);
}

// The share of a grid of n x n uniform pairs (midpoints) on which a return
// beats a wait drawn from the first uniform: a deterministic quadrature of
// P(return first), not a random sample.
double grid_return_share(const WaitDuration& wait, const std::vector<double>& rates, int n) {
  long returns = 0;
  for (int i = 0; i < n; ++i) {
    const double w = sample_wait_hours(wait, (i + 0.5) / n);
    for (int j = 0; j < n; ++j) {
      returns += race_wait(w, rates, (j + 0.5) / n, 0.5).returned ? 1 : 0;
    }
  }
  return static_cast<double>(returns) / (static_cast<double>(n) * n);
}

TEST(Race, ReturnFirstAgainstAnExponentialWaitIsRateOverRatePlusOneOverMean) {
  const WaitDuration wait = exponential("2d");
  const std::vector<double> rates = {0.05, 0.25};  // 0.3 a day
  const double r = 0.3 / 24, exact = r / (r + 1 / 48.0);
  EXPECT_DOUBLE_EQ(race_return_probability(wait, rates), exact);
  EXPECT_NEAR(grid_return_share(wait, rates, 1000), exact, 1e-3);
}

TEST(Race, ReturnFirstAgainstAFixedWaitIsOneMinusExpOfRateTimesWait) {
  const WaitDuration wait = fixed_wait("2d", kAt);
  const std::vector<double> rates = {0.05};
  EXPECT_DOUBLE_EQ(race_return_probability(wait, rates), 1 - std::exp(-0.1));
  EXPECT_NEAR(grid_return_share(wait, rates, 1000), 1 - std::exp(-0.1), 1e-3);
}

TEST(Race, ReturnFirstAgainstUniformAndLognormalWaitsMatchesTheQuadrature) {
  const std::vector<double> rates = {0.5};
  const WaitDuration u = uniform("1d", "3d");
  EXPECT_NEAR(race_return_probability(u, rates), grid_return_share(u, rates, 1000), 1e-3);
  const WaitDuration l = lognormal("1d", "4d");
  EXPECT_NEAR(race_return_probability(l, rates), grid_return_share(l, rates, 1000), 1e-3);
}

TEST(Race, ANegativeOrInfiniteRateIsRefused) {
  EXPECT_EQ(check_race_rate(0.05, kAt), 0.05);
  EXPECT_EQ(check_race_rate(0, kAt), 0.0);
  EXPECT_THROW(check_race_rate(-0.1, kAt), InputError);
  EXPECT_THROW(check_race_rate(std::numeric_limits<double>::infinity(), kAt), InputError);
}

}  // namespace
}  // namespace journeysim
