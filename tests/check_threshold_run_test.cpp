// Thresholds evaluated on a real run of the test shop (seed 5, 20,000
// agents). The shop uses the built-in `fixed` channel, so its true rates are
// known: conversion 0.18, checkout drop 0.5, nobody reaches `promo`.
#include <gtest/gtest.h>

#include <cstdio>

#include "journeysim/check.h"
#include "journeysim/scenario_loader.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

const std::string kShop = journeysim::testing::test_data_dir() + "/check/shop.toml";

class CheckThresholdRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new SimulationModel(load_scenario(kShop), PluginCatalog());
    rows_ = new std::vector<MetricRow>(metric_rows(testing::run_report(*model_, 20000, 5)));
  }
  static void TearDownTestSuite() {
    delete rows_;
    delete model_;
  }

  static const MetricRow& row(const std::string& path) {
    for (const MetricRow& r : *rows_) {
      if (r.path == path) {
        return r;
      }
    }
    throw std::runtime_error("no metric " + path);
  }

  static ConditionOutcome check(const std::string& metric, const std::string& condition) {
    return evaluate_condition(metric, parse_condition(condition, {"test", 1, 1}), &row(metric));
  }
  static bool holds(const std::string& metric, const std::string& condition) {
    return check(metric, condition).passed;
  }

  static std::string exactly(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
  }

  static SimulationModel* model_;
  static std::vector<MetricRow>* rows_;
};

SimulationModel* CheckThresholdRun::model_ = nullptr;
std::vector<MetricRow>* CheckThresholdRun::rows_ = nullptr;

TEST_F(CheckThresholdRun, LessThan) {
  EXPECT_TRUE(holds("conversion_rate", "< 0.25"));
  EXPECT_FALSE(holds("conversion_rate", "< 0.1"));
}

TEST_F(CheckThresholdRun, LessOrEqual) {
  EXPECT_TRUE(holds("touchpoints.checkout.drop_rate", "<= 0.6"));
  EXPECT_FALSE(holds("touchpoints.checkout.drop_rate", "<= 0.4"));
}

TEST_F(CheckThresholdRun, GreaterThan) {
  EXPECT_TRUE(holds("revenue_per_agent", "> 4"));  // 0.18 * 30 = 5.4
  EXPECT_FALSE(holds("revenue_per_agent", "> 7"));
}

TEST_F(CheckThresholdRun, GreaterOrEqual) {
  EXPECT_TRUE(holds("conversion_rate", ">= 15%"));
  EXPECT_FALSE(holds("conversion_rate", ">= 21%"));
}

TEST_F(CheckThresholdRun, EqualOnACount) {
  EXPECT_TRUE(holds("agents", "== 20000"));
  EXPECT_FALSE(holds("agents", "== 19999"));
}

TEST_F(CheckThresholdRun, NotEqualOnACount) {
  EXPECT_TRUE(holds("touchpoints.broken_link.continued", "!= 1"));
  EXPECT_FALSE(holds("touchpoints.broken_link.continued", "!= 0"));
}

TEST_F(CheckThresholdRun, EqualAtNinetyFivePercentContainsTheTrueRate) {
  EXPECT_TRUE(holds("conversion_rate", "== 0.18 @95%"));
  EXPECT_FALSE(holds("conversion_rate", "== 0.25 @95%"));
  EXPECT_TRUE(holds("conversion_rate", "!= 0.25 @95%"));
}

TEST_F(CheckThresholdRun, PointEstimateHoldsButTheIntervalStraddlesTheBound) {
  const Estimate e = row("conversion_rate").estimate;
  ASSERT_LT(e.low, e.value);
  const std::string bound = ">= " + exactly(e.value);
  EXPECT_TRUE(holds("conversion_rate", bound));
  const ConditionOutcome strict = check("conversion_rate", bound + " @95%");
  EXPECT_FALSE(strict.passed);
  EXPECT_DOUBLE_EQ(strict.low, e.low);
  EXPECT_NE(strict.reason.find("is not entirely >="), std::string::npos);
}

TEST_F(CheckThresholdRun, PerPersonaPath) {
  EXPECT_TRUE(holds("personas.loyal_customer.conversion_rate", ">= 12%"));
  EXPECT_FALSE(holds("personas.bargain_hunter.conversion_rate", "< 0.1"));
  EXPECT_TRUE(holds("personas.bargain_hunter.touchpoints.checkout.drop_rate", "== 0.5 @99%"));
}

TEST_F(CheckThresholdRun, PerTouchpointPath) {
  EXPECT_TRUE(holds("touchpoints.landing.drop_rate", "< 0.25 @95%"));
  EXPECT_FALSE(holds("touchpoints.landing.drop_rate", "> 0.25"));
  EXPECT_TRUE(holds("touchpoints.broken_link.drop_rate", "== 1"));
}

TEST_F(CheckThresholdRun, ATouchpointNobodyReachedHasNoDataAndFails) {
  ASSERT_EQ(row("touchpoints.promo.arrivals").estimate.value, 0.0);
  for (const char* condition : {"< 0.5", ">= 0", "!= 1", "<= 1 @95%"}) {
    const ConditionOutcome out = check("touchpoints.promo.drop_rate", condition);
    EXPECT_FALSE(out.passed) << condition;
    EXPECT_EQ(out.reason.rfind("no data: nobody was counted", 0), 0u) << out.reason;
  }
}

TEST_F(CheckThresholdRun, TheShopsOwnThresholdsHold) {
  const auto specs = compile_thresholds(model_->scenario(), metric_paths(*model_));
  for (const ConditionOutcome& out : evaluate_thresholds(specs, *rows_)) {
    EXPECT_TRUE(out.passed) << out.metric << " " << out.condition.text << ": " << out.reason;
  }
}

}  // namespace
}  // namespace journeysim
