// A customer's survey answers at the end of their journey: the respondent's
// noise from their own arrival draws, then the answers on each scale
// (satisfaction_scales.h). Kept apart from the engine so the rule "who is
// asked and what they answer" reads in one place.
#pragma once

#include "journeysim/channel_sdk.h"
#include "metrics/satisfaction_scales.h"

namespace journeysim {

/// The respondent's standard normal noise on the CSAT and recommend scales.
struct RespondentNoise {
  double csat, recommend;
};

/// The two halves of the SDK's Box-Muller draw (sdk::standard_normal_pair,
/// the plugins' normal draw too) from two uniforms in [0, 1): one customer's
/// two answers get independent noise. Engine 1 had its own formula (log(u1)
/// instead of log1p(-u1)); engine 2 uses the SDK's, so survey counts of
/// engine-1 results differ.
inline RespondentNoise respondent_noise(double u1, double u2) {
  const sdk::NormalPair z = sdk::standard_normal_pair(u1, u2);
  return {z.first, z.second};
}

/// What one surveyed customer answered, as the counts see it.
struct SurveyAnswers {
  bool satisfied;  // CSAT 4 or 5
  bool promoter;   // recommend 9 or 10
  bool detractor;  // recommend 0 to 6

  bool operator==(const SurveyAnswers&) const = default;
};

/// The answers of a customer leaving with satisfaction `s` in [0, 1].
inline SurveyAnswers answer_survey(double s, const RespondentNoise& noise) {
  const int recommend = recommend_answer(s, noise.recommend);
  return {is_satisfied(s, noise.csat), recommend >= 9, recommend <= 6};
}

}  // namespace journeysim
