#include "journeysim/statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "metrics/satisfaction_scales.h"

namespace journeysim {
namespace {

// Survey answers round like std::lround (halves away from zero); the engine
// does it without the library call, and must give the same answers.
TEST(SurveyScales, RoundingMatchesLroundEverywhere) {
  std::vector<double> xs = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                            -0.49999999999999994, 4503599627370495.5, -4503599627370495.5,
                            0x1p52, -0x1p52, 1e300, -1e300};
  for (double x = -12.0; x <= 12.0; x += 0.25) {
    xs.push_back(x);
    xs.push_back(std::nextafter(x, 100.0));
    xs.push_back(std::nextafter(x, -100.0));
  }
  for (int i = 0; i < 100000; ++i) {
    xs.push_back(-20.0 + 40.0 * ((i * 2654435761u) % 1000003u) / 1000003.0);
  }
  for (double x : xs) {
    EXPECT_EQ(round_half_away(x), std::lround(x)) << x;
  }
}

TEST(Statistics, WilsonIntervalMatchesTheClosedFormForTwentyOfHundred) {
  // p = 0.2, n = 100: Wilson 95% = [0.1333, 0.2888] (standard tables).
  const Estimate e = proportion(20, 100);
  EXPECT_DOUBLE_EQ(e.value, 0.2);
  EXPECT_NEAR(e.low, 0.13330, 1e-4);
  EXPECT_NEAR(e.high, 0.28883, 1e-4);
}

TEST(Statistics, WilsonIntervalStaysInsideZeroOneAtTheEdges) {
  const Estimate none = proportion(0, 50);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_GT(none.high, 0.0);
  const Estimate all = proportion(50, 50);
  EXPECT_EQ(all.high, 1.0);
  EXPECT_LT(all.low, 1.0);
}

TEST(Statistics, AMetricWithNoObservationsHasNoValue) {
  EXPECT_FALSE(proportion(0, 0).has_value());
  EXPECT_FALSE(mean_of(FixedSum{}).has_value());
  EXPECT_FALSE(quantile_days(DurationHistogram{}, 0.5).has_value());
}

TEST(Statistics, MeanIntervalUsesTheSampleVariance) {
  FixedSum sum;
  for (double v : {1.0, 2.0, 3.0, 4.0, 5.0}) {
    sum.add(v);
  }
  const Estimate e = mean_of(sum);
  EXPECT_DOUBLE_EQ(e.value, 3.0);
  EXPECT_DOUBLE_EQ(sum.variance(), 2.5);
  EXPECT_NEAR(e.high - e.value, kZ95 * std::sqrt(2.5 / 5), 1e-12);
}

TEST(Statistics, FixedSumMergeIsExactAndOrderFree) {
  FixedSum a, b, ab, ba;
  for (int i = 0; i < 1000; ++i) {
    const double v = 0.1 * i + 1e-3;
    (i % 2 ? a : b).add(v);
  }
  ab = a;
  ab.merge(b);
  ba = b;
  ba.merge(a);
  EXPECT_EQ(ab.sum(), ba.sum());
  EXPECT_EQ(ab.variance(), ba.variance());
}

TEST(Statistics, HistogramIsExactBelowAThousandMinutes) {
  DurationHistogram h;
  for (int m = 1; m <= 100; ++m) {
    h.add(m / 60.0);
  }
  EXPECT_DOUBLE_EQ(h.value_at_rank(50), 50 / 60.0);
  EXPECT_DOUBLE_EQ(quantile_days(h, 0.9).value, 90 / 60.0 / 24.0);
}

TEST(Statistics, HistogramIsWithinATenthOfAPercentAboveIt) {
  for (double hours : {20.0, 123.4, 999.0, 30000.0}) {
    DurationHistogram h;
    h.add(hours);
    EXPECT_NEAR(h.value_at_rank(1), hours, hours * 1e-3) << hours;
  }
}

TEST(Statistics, NetPromoterScoreIsPromotersMinusDetractorsInPercent) {
  const Estimate e = net_promoter_score(50, 20, 100);
  EXPECT_DOUBLE_EQ(e.value, 30.0);
  // var = (p + d - (p - d)^2) / n = (0.7 - 0.09) / 100
  EXPECT_NEAR(e.high - e.value, 100 * kZ95 * std::sqrt(0.61 / 100), 1e-9);
}

}  // namespace
}  // namespace journeysim
