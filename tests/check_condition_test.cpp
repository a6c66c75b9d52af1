// Threshold conditions: their syntax and what each form demands of an
// estimate. Estimates here are written out by hand so every boundary is
// exact; check_threshold_run_test.cpp does the same on real runs.
#include <gtest/gtest.h>

#include "journeysim/check.h"

namespace journeysim {
namespace {

const SourceLocation kAt{"journey.toml", 12, 24};

Condition parse(const std::string& text) { return parse_condition(text, kAt); }

// conversion 0.049 with its 95% interval [0.048, 0.050] over 200,000 agents.
Estimate conversion() { return {0.049, 0.048, 0.050, 200000, true}; }

MetricRow row_of(const Estimate& e, bool is_count = false) {
  MetricRow row;
  row.path = "conversion_rate";
  row.metric = "conversion_rate";
  row.estimate = e;
  row.is_count = is_count;
  return row;
}

bool holds(const std::string& condition, const Estimate& e, bool is_count = false) {
  const MetricRow row = row_of(e, is_count);
  return evaluate_condition("conversion_rate", parse(condition), &row).passed;
}

std::string error_of(const std::string& condition) {
  try {
    parse(condition);
  } catch (const InputError& e) {
    return e.diagnostics().at(0).to_string();
  }
  return "";
}

TEST(CheckCondition, ParsesEveryOperator) {
  EXPECT_EQ(parse("< 1").op, Comparison::Less);
  EXPECT_EQ(parse("<= 1").op, Comparison::LessEqual);
  EXPECT_EQ(parse("> 1").op, Comparison::Greater);
  EXPECT_EQ(parse(">= 1").op, Comparison::GreaterEqual);
  EXPECT_EQ(parse("== 1").op, Comparison::Equal);
  EXPECT_EQ(parse("!= 1").op, Comparison::NotEqual);
}

TEST(CheckCondition, BlanksAreOptionalAndNormalisedInTheText) {
  const Condition c = parse("  >=0.04   @95% ");
  EXPECT_EQ(c.op, Comparison::GreaterEqual);
  EXPECT_DOUBLE_EQ(c.value, 0.04);
  EXPECT_EQ(c.confidence, 95);
  EXPECT_EQ(c.text, ">= 0.04 @95%");
}

TEST(CheckCondition, PercentOnTheValueMeansHundredths) {
  EXPECT_DOUBLE_EQ(parse(">= 4%").value, 0.04);
  EXPECT_EQ(parse(">= 4%").text, ">= 4%");
  EXPECT_DOUBLE_EQ(parse("< 55%").value, parse("< 0.55").value);
}

TEST(CheckCondition, ScoresAreWrittenAsPlainNumbers) {
  EXPECT_DOUBLE_EQ(parse(">= 20").value, 20.0);
  EXPECT_DOUBLE_EQ(parse(">= -15.5").value, -15.5);
  EXPECT_DOUBLE_EQ(parse("<= 1e1").value, 10.0);
}

TEST(CheckCondition, ConfidenceLevelsNinetyNinetyFiveAndNinetyNine) {
  EXPECT_EQ(parse(">= 0.04").confidence, 0);
  EXPECT_EQ(parse(">= 0.04 @90%").confidence, 90);
  EXPECT_EQ(parse(">= 0.04 @95%").confidence, 95);
  EXPECT_EQ(parse(">= 0.04 @99%").confidence, 99);
}

TEST(CheckCondition, OtherConfidenceLevelsAreRejected) {
  EXPECT_NE(error_of(">= 0.04 @80%").find("use @90%, @95% or @99%"), std::string::npos);
  EXPECT_NE(error_of(">= 0.04 @95").find("'@95%'"), std::string::npos);
}

TEST(CheckCondition, BadSyntaxIsAnInputErrorAtTheConditionsLocation) {
  EXPECT_EQ(error_of("0.04"),
            "journey.toml:12:24: error: condition '0.04' must start with an operator "
            "(< <= > >= == !=), e.g. '>= 0.04'");
}

TEST(CheckCondition, HabitualOperatorSpellingsGetTheRightOne) {
  EXPECT_NE(error_of("=> 0.04").find("write '>='"), std::string::npos);
  EXPECT_NE(error_of("=< 0.04").find("write '<='"), std::string::npos);
  EXPECT_NE(error_of("= 0.04").find("write '=='"), std::string::npos);
  EXPECT_NE(error_of("<> 0.04").find("write '!='"), std::string::npos);
}

TEST(CheckCondition, ValueMustBeAFiniteDecimal) {
  EXPECT_NE(error_of(">= abc").find("'abc' is not a number"), std::string::npos);
  EXPECT_NE(error_of(">= nan").find("'nan' is not a number"), std::string::npos);
  EXPECT_NE(error_of(">= inf").find("is not a number"), std::string::npos);
  EXPECT_NE(error_of(">=").find("has no value"), std::string::npos);
  EXPECT_NE(error_of("").find("empty condition"), std::string::npos);
}

TEST(CheckCondition, TrailingWordsAreRejected) {
  EXPECT_NE(error_of(">= 0.04 please").find("unexpected 'please'"), std::string::npos);
}

TEST(CheckCondition, EachOperatorOnThePointEstimate) {
  const Estimate e = conversion();  // 0.049
  EXPECT_TRUE(holds("< 0.05", e));
  EXPECT_FALSE(holds("< 0.049", e));
  EXPECT_TRUE(holds("<= 0.049", e));
  EXPECT_FALSE(holds("<= 0.0489", e));
  EXPECT_TRUE(holds("> 0.0489", e));
  EXPECT_FALSE(holds("> 0.049", e));
  EXPECT_TRUE(holds(">= 0.049", e));
  EXPECT_FALSE(holds(">= 0.0491", e));
  EXPECT_TRUE(holds("== 0.049", e));
  EXPECT_FALSE(holds("== 0.05", e));
  EXPECT_TRUE(holds("!= 0.05", e));
  EXPECT_FALSE(holds("!= 0.049", e));
}

TEST(CheckCondition, AtNinetyFivePercentGreaterNeedsTheLowEnd) {
  const Estimate e = conversion();  // [0.048, 0.050]
  EXPECT_TRUE(holds(">= 0.048 @95%", e));
  EXPECT_FALSE(holds(">= 0.0485 @95%", e));
  EXPECT_FALSE(holds("> 0.048 @95%", e));  // strict: the low end itself fails
  EXPECT_TRUE(holds("> 0.0479 @95%", e));
}

TEST(CheckCondition, AtNinetyFivePercentLessNeedsTheHighEnd) {
  const Estimate e = conversion();
  EXPECT_TRUE(holds("<= 0.05 @95%", e));
  EXPECT_FALSE(holds("<= 0.0495 @95%", e));
  EXPECT_FALSE(holds("< 0.05 @95%", e));
  EXPECT_TRUE(holds("< 0.0501 @95%", e));
}

TEST(CheckCondition, AtNinetyFivePercentEqualMeansTheIntervalContainsTheValue) {
  const Estimate e = conversion();
  EXPECT_TRUE(holds("== 0.0485 @95%", e));
  EXPECT_FALSE(holds("== 0.051 @95%", e));
  EXPECT_TRUE(holds("!= 0.051 @95%", e));
  EXPECT_FALSE(holds("!= 0.0485 @95%", e));
}

TEST(CheckCondition, TrueOnThePointEstimateButNotForTheWholeInterval) {
  const Estimate e = conversion();
  EXPECT_TRUE(holds(">= 0.0485", e));
  EXPECT_FALSE(holds(">= 0.0485 @95%", e));
  const MetricRow row = row_of(e);
  const ConditionOutcome out = evaluate_condition("conversion_rate", parse(">= 0.0485 @95%"), &row);
  EXPECT_EQ(out.reason, "the 95% interval [0.0480, 0.0500] is not entirely >= 0.0485");
}

TEST(CheckCondition, NinetyNinePercentIsWiderAndNinetyNarrower) {
  const Estimate e{0.5, 0.4, 0.7, 100, true};  // asymmetric on purpose
  const auto [low99, high99] = interval_at(e, 99);
  const auto [low90, high90] = interval_at(e, 90);
  const double to99 = 2.5758293035489004 / kZ95;
  const double to90 = 1.6448536269514722 / kZ95;
  EXPECT_DOUBLE_EQ(low99, 0.5 - 0.1 * to99);
  EXPECT_DOUBLE_EQ(high99, 0.5 + 0.2 * to99);
  EXPECT_DOUBLE_EQ(low90, 0.5 - 0.1 * to90);
  EXPECT_DOUBLE_EQ(high90, 0.5 + 0.2 * to90);
  EXPECT_EQ(interval_at(e, 95), std::make_pair(0.4, 0.7));
}

TEST(CheckCondition, TheLevelDecidesAtTheMargin) {
  // low ends: 90% 0.4161, 95% 0.4, 99% 0.3686.
  const Estimate e{0.5, 0.4, 0.6, 100, true};
  EXPECT_TRUE(holds(">= 0.41 @90%", e));
  EXPECT_FALSE(holds(">= 0.41 @95%", e));
  EXPECT_TRUE(holds(">= 0.39 @95%", e));
  EXPECT_FALSE(holds(">= 0.39 @99%", e));
}

TEST(CheckCondition, NoDataFailsWhateverTheCondition) {
  const Estimate none{};
  EXPECT_FALSE(holds(">= 0", none));
  EXPECT_FALSE(holds("< 1", none));
  EXPECT_FALSE(holds("!= 0.5", none));
  const MetricRow row = row_of(none);
  EXPECT_EQ(evaluate_condition("conversion_rate", parse("< 1"), &row).reason.substr(0, 8),
            "no data:");
}

TEST(CheckCondition, AMetricTheRunDoesNotReportFails) {
  const ConditionOutcome out = evaluate_condition("conversion_rate", parse(">= 0"), nullptr);
  EXPECT_FALSE(out.passed);
  EXPECT_EQ(out.reason, "this run does not report 'conversion_rate'");
}

TEST(CheckCondition, AZeroCountIsAnObservedValue) {
  // Nobody arrived: 0 arrivals is a fact, not missing data.
  const Estimate zero = exact(0.0, 0);
  EXPECT_TRUE(holds("== 0", zero, true));
  EXPECT_FALSE(holds(">= 1", zero, true));
}

}  // namespace
}  // namespace journeysim
