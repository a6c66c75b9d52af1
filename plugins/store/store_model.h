// The `store` channel: a visit to a physical store — the trip, the opening
// hours, the queue, the shelf, the staff and the till.
//
// The behavioural model (equations, coefficients, worked numbers) is stated in
// README.md beside this file; the constants below carry the README's names,
// and store_channel_test.cpp recomputes the README equations independently.
//
// This header is the model: what `interact` computes, with no plugin
// boundary.
#pragma once

#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace journeysim::channels::store {

using sdk::exponential;
using sdk::logistic;

// Parameter indices, in declaration order (the order the host delivers them).
enum Param : uint32_t {
  kTravelMinutes,
  kOpenHours,
  kQueueMinutes,
  kHelpfulness,
  kStockAvailability,
  kPurchaseRate,
  kBasketValue,
  kParamCount
};

// Reasons in the order the visit meets them (README §Model).
enum Reason : uint32_t {
  kTooFar,
  kClosed,
  kGaveUpWaiting,
  kOutOfStock,
  kNotConvinced,
  kReasonCount
};

// --- Coefficients (README "Coefficient table"). ---
// Stage 1, too_far: log-logistic tolerance of the trip, median 45 minutes.
constexpr double kTravelMedianMinutes = 45.0;
constexpr double kTravelShape = 1.5;
constexpr double kTravelPatience = 1.0;
constexpr double kTravelAffinityGap = 0.75;
// Stage 2, closed: a quarter of the closed hours would have been the
// customer's time to go.
constexpr double kClosedShare = 0.25;
constexpr double kHoursPerDay = 24.0;
// Stage 3, gave_up_waiting: log-logistic tolerance of the queue at the till
// or the counter, median 10 minutes (20% leave a 5-minute queue).
constexpr double kQueueMedianMinutes = 10.0;
constexpr double kQueueShape = 2.0;
constexpr double kQueuePatience = 1.5;
constexpr double kQueueSatisfaction = 1.0;
// Stage 4, out_of_stock: helpful staff save half the missing items with a
// substitute or an order.
constexpr double kSubstituteByStaff = 0.5;
// Stage 5, not_convinced: odds of buying from purchase_rate, shifted by staff
// helpfulness (around 0.6) and price sensitivity.
constexpr double kBuyHelpfulness = 2.0;
constexpr double kHelpfulnessCentre = 0.6;
constexpr double kBuyPriceSensitivity = -1.0;
constexpr double kTraitCentre = 0.5;

// --- Consequences (README §Consequences). ---
constexpr double kBrowseMeanMinutes = 20.0;
constexpr double kMinutesPerHour = 60.0;
constexpr double kTripEffort = 1.0;
constexpr double kTripEffortPer30Minutes = 1.0;
constexpr double kTripEffortCap = 3.0;
constexpr double kQueueEffortPerMinute = 0.1;
constexpr double kQueueEffortCap = 2.0;
constexpr double kBrowseEffort = 1.0;
constexpr double kBuyEffort = 1.0;
constexpr double kWaitEmotionScale = 0.04;
constexpr double kWaitEmotionMinutes = 5.0;
constexpr double kWaitEmotionCap = 0.15;
constexpr double kEmotionBought = 0.10;
constexpr double kEmotionBoughtHelpfulness = 0.10;
constexpr double kEmotionClosed = -0.15;
constexpr double kEmotionGaveUp = -0.15;
constexpr double kEmotionOutOfStock = -0.20;
constexpr double kEmotionNotConvinced = -0.05;
constexpr double kEmotionNotConvincedHelpfulness = 0.10;

// Everything that depends only on the touchpoint's params.
struct Store {
  double travel_minutes;
  double log_travel;      // ln travel (travel > 0)
  double q_closed;
  double queue_minutes;   // the param's queue; a resource's wait replaces it
  double q_out_of_stock;
  double purchase_rate;
  double buy_shift;       // helpfulness part of the buying log-odds
  double basket_value;
  double trip_effort;     // there and back
  double helpful;         // helpfulness - 0.5, for emotion
};

inline Store MakeStore(const double* p) {
  Store s;
  s.travel_minutes = p[kTravelMinutes];
  s.log_travel = s.travel_minutes > 0.0 ? std::log(s.travel_minutes) : 0.0;
  s.q_closed = kClosedShare * (1.0 - p[kOpenHours] / kHoursPerDay);
  s.queue_minutes = p[kQueueMinutes];
  s.q_out_of_stock = (1.0 - p[kStockAvailability]) *
                     (1.0 - kSubstituteByStaff * p[kHelpfulness]);
  s.purchase_rate = p[kPurchaseRate];
  s.buy_shift = kBuyHelpfulness * (p[kHelpfulness] - kHelpfulnessCentre);
  s.basket_value = p[kBasketValue];
  s.trip_effort = std::min(kTripEffortCap,
                           kTripEffort + kTripEffortPer30Minutes *
                                             s.travel_minutes / 30.0);
  s.helpful = p[kHelpfulness] - kTraitCentre;
  return s;
}

struct PersonaTerms {
  double q_too_far;
  double log_queue_tolerance;  // without the agent's satisfaction
  double q_not_convinced;
};

inline PersonaTerms persona_terms(const Store& s,
                                  const js_persona_view& persona) {
  const double patience = persona.patience - kTraitCentre;
  PersonaTerms t;
  if (s.travel_minutes > 0.0) {
    const double log_tolerance =
        std::log(kTravelMedianMinutes) + kTravelPatience * patience +
        kTravelAffinityGap *
            (persona.channel_affinity - persona.best_other_affinity);
    t.q_too_far = logistic(kTravelShape * (s.log_travel - log_tolerance));
  } else {
    t.q_too_far = 0.0;
  }
  t.log_queue_tolerance =
      std::log(kQueueMedianMinutes) + kQueuePatience * patience;
  const double k = std::exp(s.buy_shift + kBuyPriceSensitivity *
                                              (persona.price_sensitivity -
                                               kTraitCentre));
  t.q_not_convinced =
      1.0 - s.purchase_rate * k / (1.0 - s.purchase_rate + s.purchase_rate * k);
  return t;
}

// Share of customers who leave a queue of `minutes`.
inline double queue_loss(const PersonaTerms& t, double satisfaction,
                         double minutes) {
  if (minutes <= 0.0) {
    return 0.0;
  }
  const double log_tolerance =
      t.log_queue_tolerance +
      kQueueSatisfaction * (satisfaction - kTraitCentre);
  return logistic(kQueueShape * (std::log(minutes) - log_tolerance));
}

inline double wait_penalty(double minutes) {
  return std::min(kWaitEmotionCap,
                  kWaitEmotionScale * std::log1p(minutes / kWaitEmotionMinutes));
}

// One customer's visit. `queue_wait_hours` (API 3): the wait in the queue of
// a resource the touchpoint uses, replacing `queue_minutes`; the host then
// adds the wait to the time itself, so only the trip and the browsing are
// reported (or, for who gave up, how long they held on).
inline js_outcome Decide(const Store& s, const PersonaTerms& t,
                         const js_agent_view& agent,
                         const double* queue_wait_hours = nullptr) {
  const double wait = queue_wait_hours == nullptr
                          ? s.queue_minutes
                          : *queue_wait_hours * kMinutesPerHour;
  const double own_wait = queue_wait_hours == nullptr ? wait : 0.0;
  const std::array<double, kReasonCount> q = {
      t.q_too_far, s.q_closed, queue_loss(t, agent.satisfaction, wait),
      s.q_out_of_stock, t.q_not_convinced};
  double p = 1.0;
  for (double qk : q) {
    p *= 1.0 - qk;
  }
  const double* u = agent.uniforms;
  const double trip = 2.0 * s.travel_minutes;
  const double queue_effort =
      std::min(kQueueEffortCap, kQueueEffortPerMinute * wait);
  const double penalty = wait_penalty(wait);

  js_outcome o{};
  o.p_continue = p;
  double minutes = 0.0;
  if (u[0] < p) {
    o.next = JS_NEXT_BY_WEIGHT;
    o.reason = 0;
    minutes = trip + own_wait + exponential(u[2], kBrowseMeanMinutes);
    o.effort = s.trip_effort + queue_effort + kBrowseEffort + kBuyEffort;
    o.emotion = kEmotionBought + kEmotionBoughtHelpfulness * s.helpful - penalty;
    o.money = s.basket_value;
  } else {
    o.next = JS_NEXT_DROP;
    o.reason = sdk::failed_check(q, u[1] * (1.0 - p), kTooFar);
    switch (o.reason) {
      case kTooFar:  // stayed at home
        break;
      case kClosed:
        minutes = trip;
        o.effort = s.trip_effort;
        o.emotion = kEmotionClosed;
        break;
      case kGaveUpWaiting:  // the trip, and part of the queue
        minutes = trip + u[2] * wait;
        o.effort = s.trip_effort + queue_effort;
        o.emotion = kEmotionGaveUp;
        break;
      default:  // out of stock or not convinced, after the queue
        minutes = trip + own_wait + exponential(u[2], kBrowseMeanMinutes);
        o.effort = s.trip_effort + queue_effort + kBrowseEffort;
        o.emotion = (o.reason == kOutOfStock
                         ? kEmotionOutOfStock
                         : kEmotionNotConvinced +
                               kEmotionNotConvincedHelpfulness * s.helpful) -
                    penalty;
        break;
    }
  }
  o.hours = minutes / kMinutesPerHour;
  return o;
}

}  // namespace journeysim::channels::store
