// The `ad` channel: exposure to an advertisement and the response to it.
//
// The behavioural model (equations, coefficients, worked numbers) is stated in
// README.md beside this file; the constants below carry the README's names,
// and ad_channel_test.cpp recomputes the README equations independently.
//
// This header is the model: what `interact` computes, with no plugin
// boundary.
#pragma once

#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstdint>

namespace journeysim::channels::ad {

// Parameter indices, in declaration order (the order the host delivers them).
enum Param : uint32_t {
  kReach,
  kFrequency,
  kEffectiveFrequency,
  kRecallHalfLifeDays,
  kDaysSinceExposure,
  kResponseRate,
  kCpm,
  kParamCount
};

// Reasons in the order the funnel meets them (README §Model).
enum Reason : uint32_t {
  kNotReached,
  kTooFewExposures,
  kForgotten,
  kNotInterested,
  kReasonCount
};

// --- Coefficients (README "Coefficient table"). ---
// Effective-frequency curve E(f) = f^s / (f^s + F^s): S-shaped, so one
// exposure does little and the response saturates past a few.
constexpr double kExposureShape = 2.0;
// Odds of responding scale by exp(1.0 (channel_affinity - best_other)).
constexpr double kResponseAffinityGap = 1.0;
constexpr double kLn2 = 0.6931471805599453;
constexpr double kHoursPerDay = 24.0;

// --- Consequences (README §Consequences). ---
constexpr double kRespondEffort = 1.0;
constexpr double kEmotionRespond = 0.02;

// Everything that depends only on the touchpoint's params.
struct Campaign {
  double reach;
  double frequency;
  double effective_frequency_pow;  // F^s
  double decay_per_day;            // ln 2 / half-life
  double days_since_exposure;
  double response_rate;
  double response_lag_hours;  // time from exposure to the response
};

inline double exposure_effect(const Campaign& c, double exposures) {
  const double fs = std::pow(exposures, kExposureShape);
  return fs / (fs + c.effective_frequency_pow);
}

inline Campaign MakeCampaign(const double* p) {
  Campaign c;
  c.reach = p[kReach];
  c.frequency = p[kFrequency];
  c.effective_frequency_pow = std::pow(p[kEffectiveFrequency], kExposureShape);
  c.decay_per_day = kLn2 / p[kRecallHalfLifeDays];
  c.days_since_exposure = p[kDaysSinceExposure];
  c.response_rate = p[kResponseRate];
  c.response_lag_hours = p[kDaysSinceExposure] * kHoursPerDay;
  return c;
}

// Probability that a reached, reminded customer of this persona responds:
// the response rate shifted in odds by the persona's liking for the medium
// (odds form keeps rates 0 and 1 exact).
inline double interested(double rate, double affinity_gap) {
  const double k = std::exp(kResponseAffinityGap * affinity_gap);
  return rate * k / (1.0 - rate + rate * k);
}

struct PersonaTerms {
  double interested;
};

inline PersonaTerms persona_terms(const Campaign& c,
                                  const js_persona_view& persona) {
  return {interested(c.response_rate,
                     persona.channel_affinity - persona.best_other_affinity)};
}

// The funnel's stage probabilities for one agent: each earlier visit to the
// touchpoint is another flight of the campaign (more exposures), and the
// exposure is as old as the customer's time in the journey plus the lag.
inline std::array<double, kReasonCount> stage_losses(
    const Campaign& c, const PersonaTerms& t, const js_agent_view& agent) {
  const double exposures =
      c.frequency * (1.0 + static_cast<double>(agent.visits));
  const double days = c.days_since_exposure + agent.hours / kHoursPerDay;
  const double recall = std::exp(-c.decay_per_day * days);
  return {1.0 - c.reach, 1.0 - exposure_effect(c, exposures), 1.0 - recall,
          1.0 - t.interested};
}

inline js_outcome Decide(const Campaign& c, const PersonaTerms& t,
                         const js_agent_view& agent) {
  const std::array<double, kReasonCount> q = stage_losses(c, t, agent);
  double p = 1.0;
  for (double qk : q) {
    p *= 1.0 - qk;
  }
  const double* u = agent.uniforms;
  js_outcome o{};
  o.p_continue = p;
  if (u[0] < p) {
    o.next = JS_NEXT_BY_WEIGHT;
    o.reason = 0;
    o.hours = c.response_lag_hours;
    o.effort = kRespondEffort;
    o.emotion = kEmotionRespond;
  } else {
    o.next = JS_NEXT_DROP;
    o.reason = sdk::failed_check(q, u[1] * (1.0 - p), kNotReached);
  }
  return o;
}

}  // namespace journeysim::channels::ad
