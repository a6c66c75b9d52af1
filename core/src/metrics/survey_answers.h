// A customer's survey answers at the end of their journey: the respondent's
// noise from their own arrival draws, then the answers on each scale
// (satisfaction_scales.h). Kept apart from the engine so the rule "who is
// asked and what they answer" reads in one place.
#pragma once

#include <cmath>

#include "metrics/satisfaction_scales.h"

namespace journeysim {

/// The respondent's standard normal noise on the CSAT and recommend scales.
struct RespondentNoise {
  double csat, recommend;
};

/// A Box-Muller pair from two uniforms in (0, 1): both variates of the pair,
/// so one customer's two answers are independent.
///
/// Not the SDK's sdk::standard_normal: that one takes log1p(-u1) (so u1 = 0
/// is safe for plugins) and returns only the cosine half. Switching to it
/// would change every survey count of every run, so the engine keeps the
/// formula its results were defined with (docs/metrics.md).
inline RespondentNoise respondent_noise(double u1, double u2) {
  const double r = std::sqrt(-2.0 * std::log(u1));
  return {r * std::cos(6.283185307179586 * u2), r * std::sin(6.283185307179586 * u2)};
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
