// The bootstrap of attribute --paths: its Poisson draws, its replicates as
// functions of (seed, replicate, row), its intervals against the analytic
// Poisson interval, and the same numbers for any number of threads.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "calibrate/poisson_draw.h"
#include "journeysim/attribution_bootstrap.h"

namespace journeysim {
namespace {

PathSet read(const std::string& text) {
  std::istringstream in(text);
  BadRows bad("paths.csv", true);
  return read_path_set(in, "paths.csv", {}, bad);
}

// Mean and variance of a Poisson(mean) are both `mean`: over n draws the
// sample mean has standard error sqrt(mean / n), the sample variance about
// mean * sqrt(2 / n) (plus a fourth-cumulant term, mean / n, negligible).
void expect_poisson(double mean) {
  const RandomStream random(7);
  constexpr int n = 40000;
  double sum = 0.0, squares = 0.0;
  for (int k = 0; k < n; ++k) {
    UniformSequence uniforms(random, static_cast<uint64_t>(k), 3, 0);
    const double x = poisson_draw(mean, uniforms);
    ASSERT_EQ(x, std::floor(x));
    ASSERT_GE(x, 0.0);
    sum += x;
    squares += x * x;
  }
  const double m = sum / n, var = squares / n - m * m;
  EXPECT_NEAR(m, mean, 4 * std::sqrt(mean / n)) << "mean " << mean;
  EXPECT_NEAR(var, mean, 4 * std::sqrt(2.0 / n * mean * mean + mean / n)) << "mean " << mean;
}

TEST(AttributionBootstrap, PoissonDrawsHaveTheirMeanAndVariance) {
  for (const double mean : {0.3, 4.5, 9.99, 10.0, 37.25, 5000.0}) {
    expect_poisson(mean);
  }
}

TEST(AttributionBootstrap, LogFactorialIsExactEnoughOnBothSidesOfItsSwitch) {
  for (const double k : {0.0, 1.0, 5.0, 15.0, 16.0, 17.0, 100.0, 1e6}) {
    EXPECT_NEAR(log_factorial(k), std::lgamma(k + 1.0), 1e-12 * std::max(1.0, k * std::log(k)))
        << k;
  }
}

TEST(AttributionBootstrap, PercentileInterpolatesBetweenOrderStatistics) {
  std::vector<double> v = {5, 1, 4, 2, 3};
  EXPECT_DOUBLE_EQ(percentile(v, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(percentile(v, 0.25), 2.0);
  EXPECT_DOUBLE_EQ(percentile(v, 0.1), 1.4);  // 0.4 of the way from 1 to 2
  EXPECT_DOUBLE_EQ(percentile(v, 1.0), 5.0);
}

constexpr const char* kPaths =
    "path,total_conversions,total_null,total_conversion_value\n"
    "a > b,300,700,3000\nb,290,710,5800\nc > a,50,950,400\nc,0,1000,0\n";

TEST(AttributionBootstrap, AReplicateIsAFunctionOfSeedReplicateAndRow) {
  const PathSet paths = read(kPaths);
  const PathSet once = resample_paths(paths, 5, 17);
  const PathSet again = resample_paths(paths, 5, 17);
  ASSERT_EQ(once.paths.size(), again.paths.size());
  for (size_t k = 0; k < once.paths.size(); ++k) {
    EXPECT_EQ(once.paths[k].conversions, again.paths[k].conversions);
    EXPECT_EQ(once.paths[k].nulls, again.paths[k].nulls);
  }
  // Another replicate redraws the rows; the channels stay.
  const PathSet other = resample_paths(paths, 5, 18);
  EXPECT_EQ(other.channels, paths.channels);
  EXPECT_NE(other.customers(), once.customers());
  // A row's value follows its conversions: 10 per conversion of a > b.
  EXPECT_DOUBLE_EQ(once.paths[0].value, 10.0 * once.paths[0].conversions);
}

TEST(AttributionBootstrap, OneChannelsIntervalIsThePoissonIntervalOfItsConversions) {
  // Every model gives the one channel all 10,000 conversions; resampled
  // they are Poisson(10000), whose 95% interval is 10000 -+ 1.96 * 100
  // (normal approximation, skew 0.01). With 2,000 replicates a 2.5%
  // quantile has a standard error of sqrt(0.025 * 0.975 / 2000) /
  // (phi(1.96) / 100) = 6.0 conversions: allow 4 of them.
  const PathSet paths = read("path,total_conversions,total_null\na,10000,10000\n");
  PathModels models;
  models.shapley = true;
  Attribution a = attribute_paths(paths, "p", models);
  BootstrapOptions options;
  options.replicates = 2000;
  add_bootstrap(a, paths, "p", models, options);
  const ChannelShare& c = a.channels.at(0);
  EXPECT_NEAR(c.markov_ci.conversions.low, 10000 - 196, 24);
  EXPECT_NEAR(c.markov_ci.conversions.high, 10000 + 196, 24);
  EXPECT_EQ(c.credit_ci.at(0).conversions.low, c.markov_ci.conversions.low);
  // Its removal effect is 1 in every replicate.
  EXPECT_EQ(c.removal_effect_ci.low, 1.0);
  EXPECT_EQ(c.removal_effect_ci.high, 1.0);
}

Attribution bootstrapped(unsigned threads) {
  const PathSet paths = read(kPaths);
  PathModels models;
  models.heuristics = {HeuristicModel::FirstTouch, HeuristicModel::Linear};
  models.shapley = true;
  Attribution a = attribute_paths(paths, "p", models);
  BootstrapOptions options;
  options.replicates = 101;
  options.threads = threads;
  add_bootstrap(a, paths, "p", models, options);
  return a;
}

TEST(AttributionBootstrap, SameIntervalsForAnyNumberOfThreads) {
  const std::string one = render_attribution_json(bootstrapped(1));
  EXPECT_EQ(render_attribution_json(bootstrapped(2)), one);
  EXPECT_EQ(render_attribution_json(bootstrapped(3)), one);
}

TEST(AttributionBootstrap, RankStepsSayWhichDifferencesTheDataShow) {
  // Markov conversions: b (removal effect about 0.9) well ahead of a
  // (about 0.55), a far ahead of c (about 0.1). First touch gives a 300
  // and b 290 conversions: a difference of 10 where the Poisson noise of
  // the difference alone is sqrt(590) = 24, so it is no real step; b's 290
  // against c's 50 is.
  const Attribution a = bootstrapped(1);
  ASSERT_EQ(a.rankings.size(), 4u);
  EXPECT_EQ(a.rankings[0].model, "markov");
  ASSERT_EQ(a.rankings[0].steps.size(), 2u);
  EXPECT_EQ(a.rankings[0].steps[0].higher, "b");
  EXPECT_EQ(a.rankings[0].steps[0].lower, "a");
  EXPECT_TRUE(a.rankings[0].steps[0].real());
  EXPECT_TRUE(a.rankings[0].steps[1].real());
  EXPECT_EQ(a.rankings[1].model, "first_touch");
  const RankStep& first = a.rankings[1].steps[0];
  EXPECT_EQ(first.higher, "a");
  EXPECT_EQ(first.lower, "b");
  EXPECT_DOUBLE_EQ(first.difference, 10.0);
  EXPECT_FALSE(first.real());
  EXPECT_LT(first.ci.low, 0.0);
  EXPECT_GT(first.ci.high, 0.0);
  EXPECT_TRUE(a.rankings[1].steps[1].real());
  // Tiers, channels in Markov order b, a, c: markov a b c; first touch
  // a a b.
  const std::vector<std::vector<std::string>> tiers = channel_tiers(a);
  EXPECT_EQ(tiers[0], (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(tiers[1], (std::vector<std::string>{"a", "a", "b"}));
}

}  // namespace
}  // namespace journeysim
