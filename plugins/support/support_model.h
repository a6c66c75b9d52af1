// The `support` channel: a support or sales conversation (chat, phone, call).
//
// The behavioural model (equations, coefficients, worked numbers) is stated in
// README.md beside this file; the constants below carry the same names as the
// README's coefficient table, and support_channel_test.cpp recomputes the
// README equations independently, so a change here without a change there
// fails.
//
// This header is the model: what `interact` computes, with no plugin
// boundary.
#pragma once

#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace journeysim::channels::support {

using sdk::exponential;
using sdk::logistic;

// Parameter indices, in declaration order (the order the host delivers them).
enum Param : uint32_t {
  kWaitMinutes,
  kResolutionRate,
  kFriendliness,
  kCallback,
  kDealValue,
  kPersuasion,
  kParamCount
};

// Reasons in the order the conversation meets them; a reason's index is also
// the index of its stage in the drop funnel (README §Model).
enum Reason : uint32_t {
  kGaveUpWaiting,
  kNotResolved,
  kUnfriendly,
  kSaidNo,
  kReasonCount
};

// --- Coefficients (README "Coefficient table"). ---
// Stage 1, gave_up_waiting: log-logistic tolerance. An average customer's
// median tolerance is 12 minutes; abandonment is 2% at 1 minute and 21% at 5.
constexpr double kToleranceMedianMinutes = 12.0;
constexpr double kWaitShape = 1.5;
constexpr double kTolerancePatience = 1.5;
constexpr double kToleranceAffinityGap = 0.75;
constexpr double kToleranceSatisfaction = 1.0;
constexpr double kToleranceRepeatContact = -0.5;
// A call back replaces holding; what is left is the wait to ask for one.
constexpr double kCallbackPerceivedCapMinutes = 2.0;
// Stage 3, unfriendly: 3% of resolved customers still walk away at the
// default friendliness, 29% with a rude agent.
constexpr double kUnfriendlyIntercept = -3.5;
constexpr double kUnfriendlyFriendliness = -3.75;
constexpr double kUnfriendlyPatience = -1.0;
constexpr double kFriendlinessCentre = 0.7;
// Stage 4, said_no: odds of yes = odds(persuasion) * exp(-1.5 (ps - 0.5)).
constexpr double kYesPriceSensitivity = -1.5;
constexpr double kTraitCentre = 0.5;

// --- Time (minutes), effort (simple actions), emotion (README §Consequences).
constexpr double kSupportTalkMinutes = 8.0;
constexpr double kSalesTalkMinutes = 20.0;
constexpr double kGiveUpEffort = 2.0;
constexpr double kContactEffort = 3.0;
constexpr double kCallbackEffort = 0.5;
constexpr double kHoldEffortPerMinute = 0.2;
constexpr double kHoldEffortCap = 2.0;
constexpr double kResolvedEffort = 1.0;
constexpr double kNotResolvedEffort = 2.0;
constexpr double kWaitEmotionScale = 0.04;
constexpr double kWaitEmotionMinutes = 5.0;
constexpr double kWaitEmotionCap = 0.15;
constexpr double kEmotionContinue = 0.10;
constexpr double kEmotionContinueFriendliness = 0.15;
constexpr double kEmotionGaveUp = -0.10;
constexpr double kEmotionNotResolved = -0.20;
constexpr double kEmotionNotResolvedFriendliness = 0.10;
constexpr double kEmotionUnfriendly = -0.25;
constexpr double kEmotionSaidNo = -0.02;
constexpr double kEmotionSaidNoFriendliness = 0.05;

// What the wait before an answer does, for a wait of `minutes`: who may
// give up, the holding effort and the frustration of waiting.
struct WaitTerms {
  bool has_wait;          // perceived wait > 0; else nobody gives up
  double log_wait;        // ln(perceived wait)
  double wait_minutes;    // real minutes before an answer
  double perceived_wait;  // minutes that count for patience
  double give_up_effort;
  double reached_effort;  // effort of everyone who got an answer
  double penalty;         // W: satisfaction lost to the wait
};

inline WaitTerms wait_terms(double wait, bool callback) {
  WaitTerms w;
  w.wait_minutes = wait;
  w.perceived_wait =
      callback ? std::min(wait, kCallbackPerceivedCapMinutes) : wait;
  w.has_wait = w.perceived_wait > 0.0;
  w.log_wait = w.has_wait ? std::log(w.perceived_wait) : 0.0;
  const double hold_effort =
      callback ? kCallbackEffort
               : std::min(kHoldEffortCap, kHoldEffortPerMinute * wait);
  w.give_up_effort = kGiveUpEffort + hold_effort;
  w.reached_effort = kContactEffort + hold_effort;
  w.penalty = std::min(kWaitEmotionCap,
                       kWaitEmotionScale *
                           std::log1p(w.perceived_wait / kWaitEmotionMinutes));
  return w;
}

// Everything that depends only on the touchpoint's params, derived once.
struct Desk {
  bool callback;
  WaitTerms wait;         // of `wait_minutes`; a queue's wait replaces it
  double resolution_rate;
  double unfriendly_eta;  // stage-3 log-odds before the persona term
  bool sales;
  double deal_value;
  double persuasion;
  double talk_mean_minutes;
  // Emotion of each outcome before the wait's penalty W.
  std::array<double, kReasonCount> drop_emotion;
  double continue_emotion;
};

// What depends on the desk and the persona but not on the agent; computed at
// most once per persona per batch, leaving one exp per agent.
struct PersonaTerms {
  std::array<double, kReasonCount> q;  // q[kGaveUpWaiting] is per agent
  double survive_after_wait;           // R (1 - q3)(1 - q4)
  double log_tolerance;                // ln tau without the agent's terms
};

inline double centred(double x, double centre) { return x - centre; }

// The touchpoint's parameters (in declaration order, already checked) as
// what `interact` needs.
inline Desk MakeDesk(const double* p) {
  Desk desk;
  desk.callback = p[kCallback] != 0.0;
  desk.wait = wait_terms(p[kWaitMinutes], desk.callback);
  const double friendliness = p[kFriendliness];
  desk.resolution_rate = p[kResolutionRate];
  desk.unfriendly_eta =
      kUnfriendlyIntercept +
      kUnfriendlyFriendliness * centred(friendliness, kFriendlinessCentre);
  desk.sales = p[kDealValue] > 0.0;
  desk.deal_value = p[kDealValue];
  desk.persuasion = p[kPersuasion];
  desk.talk_mean_minutes =
      desk.sales ? kSalesTalkMinutes : kSupportTalkMinutes;

  const double friendly = friendliness - 0.5;
  desk.continue_emotion =
      kEmotionContinue + kEmotionContinueFriendliness * friendly;
  desk.drop_emotion[kGaveUpWaiting] = kEmotionGaveUp;
  desk.drop_emotion[kNotResolved] =
      kEmotionNotResolved + kEmotionNotResolvedFriendliness * friendly;
  desk.drop_emotion[kUnfriendly] = kEmotionUnfriendly;
  desk.drop_emotion[kSaidNo] =
      kEmotionSaidNo + kEmotionSaidNoFriendliness * friendly;
  return desk;
}

// Probability of yes for an interested customer: persuasion shifted in
// log-odds by price sensitivity, written in odds form so that persuasion 0
// and 1 stay exact (no logit of 0 or 1).
inline double yes_probability(double persuasion,
                              double price_sensitivity) {
  const double k =
      std::exp(kYesPriceSensitivity * centred(price_sensitivity, kTraitCentre));
  return persuasion * k / (1.0 - persuasion + persuasion * k);
}

inline PersonaTerms persona_terms(const Desk& desk,
                                  const js_persona_view& persona) {
  const double patience = centred(persona.patience, kTraitCentre);
  PersonaTerms t;
  t.q[kGaveUpWaiting] = 0.0;
  t.q[kNotResolved] = 1.0 - desk.resolution_rate;
  t.q[kUnfriendly] =
      logistic(desk.unfriendly_eta + kUnfriendlyPatience * patience);
  t.q[kSaidNo] = desk.sales ? 1.0 - yes_probability(desk.persuasion,
                                                    persona.price_sensitivity)
                            : 0.0;
  t.survive_after_wait =
      desk.resolution_rate * (1.0 - t.q[kUnfriendly]) * (1.0 - t.q[kSaidNo]);
  t.log_tolerance =
      std::log(kToleranceMedianMinutes) + kTolerancePatience * patience +
      kToleranceAffinityGap *
          (persona.channel_affinity - persona.best_other_affinity);
  return t;
}

// One agent's outcome at the desk. `queue_wait_hours` (API 3): the wait the
// agent had in the queue of a resource the touchpoint uses, which replaces
// `wait_minutes`; the host adds it to the time, so the time reported is the
// conversation's alone (or, for who gave up, how long they held on).
inline js_outcome Decide(const Desk& desk, const PersonaTerms& t,
                         const js_agent_view& agent,
                         const double* queue_wait_hours = nullptr) {
  const WaitTerms w = queue_wait_hours == nullptr
                          ? desk.wait
                          : wait_terms(*queue_wait_hours * 60.0, desk.callback);
  const double waited_before_answer =
      queue_wait_hours == nullptr ? w.wait_minutes : 0.0;
  double q_wait = 0.0;
  if (w.has_wait) {
    const double log_tolerance =
        t.log_tolerance +
        kToleranceSatisfaction * centred(agent.satisfaction, kTraitCentre) +
        (agent.visits > 0 ? kToleranceRepeatContact : 0.0);
    q_wait = logistic(kWaitShape * (w.log_wait - log_tolerance));
  }
  const double p = (1.0 - q_wait) * t.survive_after_wait;
  const double* u = agent.uniforms;

  js_outcome o{};
  o.p_continue = p;
  o.messages = 0;
  o.referrals = 0;
  double minutes = 0.0;
  if (u[0] < p) {
    o.next = JS_NEXT_BY_WEIGHT;
    o.reason = 0;
    minutes = waited_before_answer + exponential(u[2], desk.talk_mean_minutes);
    o.effort = w.reached_effort + kResolvedEffort;
    o.emotion = desk.continue_emotion - w.penalty;
    o.money = desk.deal_value;
  } else {
    std::array<double, kReasonCount> q = t.q;
    q[kGaveUpWaiting] = q_wait;
    const uint32_t reason = sdk::failed_check(q, u[1] * (1.0 - p), kGaveUpWaiting);
    o.next = JS_NEXT_DROP;
    o.reason = reason;
    if (reason == kGaveUpWaiting) {
      // Hung up somewhere within the wait they were made to feel.
      minutes = u[2] * w.perceived_wait;
      o.effort = w.give_up_effort;
    } else {
      minutes =
          waited_before_answer + exponential(u[2], desk.talk_mean_minutes);
      o.effort = w.reached_effort +
                 (reason == kNotResolved ? kNotResolvedEffort : 0.0);
    }
    // A customer who said no to an offer is not frustrated by the wait.
    o.emotion = desk.drop_emotion[reason] - (reason == kSaidNo ? 0.0 : w.penalty);
    o.money = 0.0;
  }
  o.hours = minutes / 60.0;
  return o;
}

}  // namespace journeysim::channels::support
