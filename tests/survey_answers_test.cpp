// Survey answers at the end of a journey (metrics/survey_answers.h): the
// respondent's noise from two of their arrival draws, then the answers.
#include "metrics/survey_answers.h"

#include <gtest/gtest.h>

#include <cmath>

namespace journeysim {
namespace {

TEST(RespondentNoise, IsABoxMullerPairOfTheTwoDraws) {
  // u1 = 1 - e^-0.5 puts the radius at exactly 1 (r = sqrt(-2 ln(1 - u1)));
  // u2 picks the angle.
  const double u1 = -std::expm1(-0.5);
  const RespondentNoise at_zero = respondent_noise(u1, 0.0);
  EXPECT_DOUBLE_EQ(at_zero.csat, 1.0);
  EXPECT_DOUBLE_EQ(at_zero.recommend, 0.0);
  const RespondentNoise quarter = respondent_noise(u1, 0.25);
  EXPECT_NEAR(quarter.csat, 0.0, 1e-15);
  EXPECT_DOUBLE_EQ(quarter.recommend, 1.0);
  // u1 = 1 - e^-2: radius 2, angle pi.
  const RespondentNoise half = respondent_noise(-std::expm1(-2.0), 0.5);
  EXPECT_DOUBLE_EQ(half.csat, -2.0);
  EXPECT_NEAR(half.recommend, 0.0, 1e-15);
}

TEST(RespondentNoise, IsTheSdksNormalDrawBitForBit) {
  // Engine 2: one Box-Muller for plugins and surveys alike; the CSAT noise
  // is exactly the plugins' sdk::standard_normal of the same draws.
  const double u1 = 0.3183098861837907, u2 = 0.7071067811865476;
  const RespondentNoise noise = respondent_noise(u1, u2);
  const sdk::NormalPair z = sdk::standard_normal_pair(u1, u2);
  EXPECT_EQ(noise.csat, z.first);
  EXPECT_EQ(noise.recommend, z.second);
  EXPECT_EQ(noise.csat, sdk::standard_normal(u1, u2));
  const double r = std::sqrt(-2.0 * std::log1p(-u1));
  EXPECT_EQ(noise.recommend, r * std::sin(6.283185307179586 * u2));
}

TEST(RespondentNoise, AZeroDrawIsFinite) {
  // log1p(-0) = 0: the radius is 0, never infinite.
  const RespondentNoise noise = respondent_noise(0.0, 0.3);
  EXPECT_EQ(noise.csat, 0.0);
  EXPECT_EQ(noise.recommend, 0.0);
}

// Each expectation reads {satisfied, promoter, detractor}.

TEST(SurveyAnswers, AHappyCustomerWithoutNoiseIsSatisfiedAndPromotes) {
  // CSAT 1 + round(3.6) = 5; recommend round(9) = 9.
  EXPECT_EQ(answer_survey(0.9, {0.0, 0.0}), (SurveyAnswers{true, true, false}));
}

TEST(SurveyAnswers, AMiddlingCustomerIsNeitherSatisfiedNorPromoting) {
  // CSAT 1 + round(2) = 3; recommend 5 is a detractor's answer.
  EXPECT_EQ(answer_survey(0.5, {0.0, 0.0}), (SurveyAnswers{false, false, true}));
}

TEST(SurveyAnswers, SevenOrEightToRecommendIsPassive) {
  // s = 0.7: CSAT 1 + round(2.8) = 4 (satisfied), recommend 7 (passive).
  EXPECT_EQ(answer_survey(0.7, {0.0, 0.0}), (SurveyAnswers{true, false, false}));
}

TEST(SurveyAnswers, NoiseMovesEachAnswerOnItsOwnScale) {
  // s = 0.5; csat noise +1 adds 0.8 (2.8 -> CSAT 4); recommend noise +2
  // adds 3 (5 -> 8, passive).
  EXPECT_EQ(answer_survey(0.5, {1.0, 2.0}), (SurveyAnswers{true, false, false}));
}

TEST(SurveyAnswers, LargeNoiseIsClampedOntoTheScaleNotWrapped) {
  // s = 0.9: CSAT 1 + round(3.6 - 8) = -3 -> 1; recommend 9 - 15 -> 0.
  EXPECT_EQ(answer_survey(0.9, {-10.0, -10.0}), (SurveyAnswers{false, false, true}));
  EXPECT_EQ(answer_survey(0.1, {10.0, 10.0}), (SurveyAnswers{true, true, false}));
}

}  // namespace
}  // namespace journeysim
