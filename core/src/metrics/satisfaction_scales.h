// How an agent's end state becomes survey answers. Answers follow the
// ordered-response model used for survey scales: a latent score from the
// agent's satisfaction s in [0, 1] plus the respondent's own noise, rounded
// onto the scale. The noise comes from the agent's random stream, so the
// same customer gives the same answer to both versions of a journey (common
// random numbers). docs/metrics.md states the same formulas.
#pragma once

#include <algorithm>
#include <cmath>

namespace journeysim {

/// Effort at which a customer's CES falls 63% of the way from 7 to 1.
inline constexpr double kEffortScale = 10.0;
/// Standard deviation of the respondent noise on each scale, in answer units.
inline constexpr double kCsatNoise = 0.8;
inline constexpr double kRecommendNoise = 1.5;

/// std::lround (halves away from zero), without a library call: the
/// engine rounds two answers per respondent. Exact: x - trunc(x) is exact
/// for any double, so the comparison with 0.5 decides as lround does.
inline long round_half_away(double x) {
  if (!(std::fabs(x) < 0x1p52)) {
    return std::lround(x);  // huge, infinite or NaN: the library's answer
  }
  long n = static_cast<long>(x);  // truncates toward zero
  const double rest = x - static_cast<double>(n);
  n += rest >= 0.5 ? 1 : (rest <= -0.5 ? -1 : 0);
  return n;
}

/// CSAT answer 1-5: 1 + round(4 s + 0.8 z), clamped.
inline int csat_answer(double s, double z) {
  return std::clamp(1 + static_cast<int>(round_half_away(4.0 * s + kCsatNoise * z)), 1, 5);
}
/// "Satisfied" = answered 4 or 5.
inline bool is_satisfied(double s, double z) { return csat_answer(s, z) >= 4; }

/// Likelihood to recommend 0-10: round(10 s + 1.5 z), clamped.
inline int recommend_answer(double s, double z) {
  return std::clamp(static_cast<int>(round_half_away(10.0 * s + kRecommendNoise * z)), 0, 10);
}
inline bool is_promoter(double s, double z) { return recommend_answer(s, z) >= 9; }
inline bool is_detractor(double s, double z) { return recommend_answer(s, z) <= 6; }

/// CES on the 1-7 agreement scale ("the company made it easy"; 7 = very
/// easy): 7 - 6 (1 - e^(-effort / kEffortScale)). Effort is already summed
/// over many actions, so no respondent noise is added.
inline double customer_effort_score(double effort) {
  return 7.0 - 6.0 * (1.0 - std::exp(-effort / kEffortScale));
}

}  // namespace journeysim
