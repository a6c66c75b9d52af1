// The `checkout` channel: an online checkout, from "go to checkout" to the
// order confirmation.
//
// The customer meets, in order: an account wall (when guest checkout is off),
// then `steps` pages, each with its page load, its share of the form fields and
// a chance of an error, separated by "next step" transitions; then the payment
// choice; then the final review, where the price (and any surprise costs) are
// judged. Each of these is an independent hazard, so the chance of buying is
// the product of the survival probabilities (a closed form) and the drop reason
// is the hazard that fires first. The model (equations, coefficients, worked
// numbers) is stated in README.md beside this file; the constants below carry
// the names of its coefficient table, and checkout_channel_test.cpp recomputes
// the README equations independently.
//
// This header is the model: what `interact` computes, with no plugin
// boundary (benchmarks/fused_store_launch.cpp runs it in line).
#pragma once

#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace journeysim::channels::checkout {

using sdk::clamp01;
using sdk::logistic;
using sdk::standard_normal;

// Parameter indices, in declaration order (the order the host delivers them).
enum Param : uint32_t {
  kSteps,
  kFormFields,
  kPageLoadS,
  kPaymentOptions,
  kGuestCheckout,
  kSurpriseCosts,
  kErrorRate,
  kOrderValue,
  kOrderValueSpread,
  kParamCount
};

enum Reason : uint32_t {
  kSlowPage,
  kTooManySteps,
  kTooManyFields,
  kAccountRequired,
  kSurpriseCostsReason,
  kFewPaymentOptions,
  kError,
  kPrice,
  kReasonCount
};

// --- Coefficients: README.md "Coefficients" (log-odds). The persona terms
// are centred: P = patience - 0.5, T = tech_savvy - 0.5, S = price_sensitivity
// - 0.5, Q = satisfaction - 0.5. ---------------------------------------------
// Account wall (once, before step 1, only without guest checkout): ~22%.
constexpr double kAccountIntercept = -1.25;
constexpr double kAccountTech = -2.0;
constexpr double kAccountPatience = -1.0;
// Slow page (each of the steps): ~1.5% at 2 s, ~11% at 10 s.
constexpr double kSlowIntercept = -4.2;
constexpr double kSlowLogLoad = 1.3;  // per unit of ln(page_load_s / 2)
constexpr double kSlowPatience = -1.5;
constexpr double kReferenceLoadS = 2.0;
// Quits after an error (each step shows one with chance error_rate): ~40%.
constexpr double kErrorQuitIntercept = -0.4;
constexpr double kErrorQuitPatience = -2.0;
constexpr double kErrorQuitTech = -1.0;
// Each transition to a further step (steps - 1 of them): ~3.9%.
constexpr double kStepIntercept = -3.2;
constexpr double kStepPatience = -2.0;
// Each form field: ~0.8%.
constexpr double kFieldIntercept = -4.8;
constexpr double kFieldPatience = -2.0;
constexpr double kFieldTech = -1.0;
// Payment choice (once, after the steps): ~3.9% with 3 options.
constexpr double kPayIntercept = -3.2;
constexpr double kPayLogOptions = -1.1;  // per unit of ln(payment_options / 3)
constexpr double kPayTech = -1.0;
constexpr double kPayPatience = -1.0;
constexpr double kReferenceOptions = 3.0;
// Final review (once): ~15% walk away at the price alone.
constexpr double kPriceIntercept = -1.75;
constexpr double kPriceSensitivity = 2.0;
constexpr double kPriceLogValue = 0.3;  // per unit of ln(1 + V/60) - ln 2
constexpr double kPriceSatisfaction = -1.0;
constexpr double kPricePatience = -1.0;
constexpr double kReferenceOrderValue = 60.0;
// Surprise costs add 8 c (0.5 + price_sensitivity) to the final log-odds.
constexpr double kSurpriseCost = 8.0;
// Effort (simple actions) and time (seconds); README "Effort and time".
constexpr double kStepClicks = 1.0;
constexpr double kErrorRework = 2.0;    // actions to recover from an error
constexpr double kErrorSeconds = 20.0;  // plus one page reload
constexpr double kStepReadSeconds = 10.0;
constexpr double kFieldSecondsSlow = 8.0;  // tech_savvy 0
constexpr double kFieldSecondsFast = 4.0;  // tech_savvy 1
constexpr double kAccountChoiceSeconds = 15.0;
constexpr double kLeaveStepSeconds = 5.0;
constexpr double kPaymentLookSeconds = 10.0;
constexpr double kReviewSeconds = 20.0;
constexpr double kConfirmSeconds = 20.0;
// Emotion of a completed checkout: +0.10 minus friction (README table).
constexpr double kEmotionDone = 0.10;
constexpr double kFrictionPerExtraStep = 0.01;
constexpr double kFrictionPerField = 0.003;
constexpr double kFrictionPerLogLoad = 0.03;
constexpr double kFrictionAccount = 0.03;
constexpr double kFrictionSurprise = 0.1;  // per unit of c (0.5 + ps)
constexpr double kFrictionPerError = 0.05;
constexpr double kEmotionFloor = -0.3;
// Emotion of a drop, by reason, before the (1.5 - patience) multiplier.
constexpr std::array<double, kReasonCount> kDropEmotion = {
    -0.06,  // slow_page
    -0.05,  // too_many_steps
    -0.06,  // too_many_fields
    -0.08,  // account_required
    -0.15,  // surprise_costs
    -0.06,  // few_payment_options
    -0.12,  // error
    -0.03,  // price
};

// Everything about one touchpoint that does not depend on the agent.
struct CheckoutTouchpoint {
  int steps = 1;
  double n = 1.0;  // steps, as a number
  double fields = 0.0;
  double fields_per_step = 0.0;
  double load_s = 0.0;
  bool guest = true;
  double surprise = 0.0;
  double error_rate = 0.0;
  double order_value = 0.0;
  double sigma = 0.0;
  double half_sigma_squared = 0.0;
  double slow_offset = 0.0;   // intercept + load term
  double pay_offset = 0.0;    // intercept + options term
  double price_offset = 0.0;  // intercept + order-value term
  double friction = 0.0;      // persona-free part of the completion friction
};

// Everything about one persona at one touchpoint: the hazards of every stage
// but the final review's satisfaction term. Computed once per persona per
// batch (about ten transcendental calls), so agents only pay for the review.
struct PersonaTerms {
  double h_account = 0.0;
  double h_step = 0.0;
  double h_slow = 0.0;
  double h_fields = 0.0;  // all the fields of one step
  double h_error = 0.0;
  double h_pay = 0.0;
  double survive_to_review = 0.0;
  double review_offset = 0.0;  // price log-odds without the satisfaction term
  double surprise_shift = 0.0;
  double errors_per_step = 0.0;  // survived errors per completed step (mean)
  double field_seconds = 0.0;
  double done_emotion = 0.0;
  double drop_emotion_scale = 0.0;
};

// The touchpoint's parameters (in declaration order, already checked) as
// what `interact` needs.
inline CheckoutTouchpoint MakeTouchpoint(const double* p) {
  CheckoutTouchpoint c;
  c.steps = static_cast<int>(p[kSteps]);
  c.n = p[kSteps];
  c.fields = p[kFormFields];
  c.fields_per_step = c.fields / c.n;
  c.load_s = p[kPageLoadS];
  c.guest = p[kGuestCheckout] != 0.0;
  c.surprise = p[kSurpriseCosts];
  c.error_rate = p[kErrorRate];
  c.order_value = p[kOrderValue];
  c.sigma = p[kOrderValueSpread];
  c.half_sigma_squared = 0.5 * c.sigma * c.sigma;
  const double log_load = std::log(c.load_s / kReferenceLoadS);
  c.slow_offset = kSlowIntercept + kSlowLogLoad * log_load;
  c.pay_offset =
      kPayIntercept +
      kPayLogOptions * std::log(p[kPaymentOptions] / kReferenceOptions);
  c.price_offset =
      kPriceIntercept +
      kPriceLogValue *
          (std::log1p(c.order_value / kReferenceOrderValue) - std::log(2.0));
  c.friction = kFrictionPerExtraStep * (c.n - 1.0) +
               kFrictionPerField * c.fields +
               kFrictionPerLogLoad * std::max(log_load, 0.0) +
               (c.guest ? 0.0 : kFrictionAccount);
  return c;
}

inline PersonaTerms TermsFor(const CheckoutTouchpoint& c,
                             const js_persona_view& persona) {
  // Centred traits, as in the README: 0 for the average persona.
  const double patience = clamp01(persona.patience) - 0.5;
  const double tech = clamp01(persona.tech_savvy) - 0.5;
  const double price = clamp01(persona.price_sensitivity) - 0.5;
  PersonaTerms t;
  t.h_account = c.guest ? 0.0
                        : logistic(kAccountIntercept + kAccountTech * tech +
                                   kAccountPatience * patience);
  t.h_step = logistic(kStepIntercept + kStepPatience * patience);
  t.h_slow = logistic(c.slow_offset + kSlowPatience * patience);
  const double h_field =
      logistic(kFieldIntercept + kFieldPatience * patience + kFieldTech * tech);
  // (1 - h)^k as exp(k log1p(-h)): exact for the fractional fields per step.
  t.h_fields = -std::expm1(c.fields_per_step * std::log1p(-h_field));
  const double quit_after_error =
      logistic(kErrorQuitIntercept + kErrorQuitPatience * patience +
               kErrorQuitTech * tech);
  t.h_error = c.error_rate * quit_after_error;
  t.h_pay = logistic(c.pay_offset + kPayTech * tech + kPayPatience * patience);

  const double survive_step =
      (1.0 - t.h_slow) * (1.0 - t.h_fields) * (1.0 - t.h_error);
  t.survive_to_review = (1.0 - t.h_account) *
                        std::pow(1.0 - t.h_step, c.n - 1.0) *
                        std::pow(survive_step, c.n) * (1.0 - t.h_pay);
  t.review_offset =
      c.price_offset + kPriceSensitivity * price + kPricePatience * patience;
  t.surprise_shift = kSurpriseCost * c.surprise * (price + 1.0);

  // Errors met and survived on a completed step: error_rate (1 - quit) over
  // the chance of completing the step's error hazard.
  t.errors_per_step =
      c.error_rate * (1.0 - quit_after_error) / (1.0 - t.h_error);
  t.field_seconds = kFieldSecondsSlow -
                    (kFieldSecondsSlow - kFieldSecondsFast) * (tech + 0.5);
  const double friction = c.friction +
                          kFrictionSurprise * c.surprise * (price + 1.0) +
                          kFrictionPerError * c.n * t.errors_per_step;
  t.done_emotion = std::max(kEmotionDone - friction, kEmotionFloor);
  t.drop_emotion_scale = 1.0 - patience;  // 1.5 - patience
  return t;
}

// Effort and seconds of the steps completed before `step` (1-based).
struct Progress {
  double effort;
  double seconds;
};

inline Progress Before(const CheckoutTouchpoint& c, const PersonaTerms& t,
                       double completed_steps) {
  const double step_effort =
      kStepClicks + c.fields_per_step + kErrorRework * t.errors_per_step;
  const double step_seconds = c.load_s + kStepReadSeconds +
                              c.fields_per_step * t.field_seconds +
                              t.errors_per_step * (kErrorSeconds + c.load_s);
  const double account_effort = c.guest ? 0.0 : 1.0;
  const double account_seconds = c.guest ? 0.0 : kAccountChoiceSeconds;
  return {account_effort + completed_steps * step_effort,
          account_seconds + completed_steps * step_seconds};
}

inline js_outcome Decide(const CheckoutTouchpoint& c, const PersonaTerms& t,
                         const js_agent_view& agent) {
  const double* u = agent.uniforms;
  const double satisfaction = clamp01(agent.satisfaction) - 0.5;
  const double price_logit =
      t.review_offset + kPriceSatisfaction * satisfaction;
  const double h_review = logistic(price_logit + t.surprise_shift);

  js_outcome out{};
  out.p_continue = t.survive_to_review * (1.0 - h_review);
  if (u[0] < out.p_continue) {
    out.next = JS_NEXT_BY_WEIGHT;
    const Progress done = Before(c, t, c.n);
    out.effort = done.effort + 2.0;  // choose payment, confirm
    out.hours = (done.seconds + kConfirmSeconds + c.load_s) / 3600.0;
    out.emotion = t.done_emotion;
    // Lognormal with mean exactly order_value: E[exp(sigma Z - sigma^2/2)] = 1.
    out.money = c.order_value * std::exp(c.sigma * standard_normal(u[2], u[3]) -
                                         c.half_sigma_squared);
    return out;
  }

  // Walk the hazards in the order the customer meets them; the first whose
  // cumulative failure mass passes u[1] * (1 - p) is where they left. This
  // gives each reason exactly its share of the failure.
  const double target = u[1] * (1.0 - out.p_continue);
  double alive = 1.0;
  double lost = 0.0;
  const auto fires = [&](double hazard) {
    const double mass = alive * hazard;
    lost += mass;
    alive -= mass;
    return target < lost;
  };
  uint32_t reason = kReasonCount;
  double effort = 0.0;
  double seconds = 0.0;
  if (fires(t.h_account)) {
    reason = kAccountRequired;
    effort = 1.0;
    seconds = c.load_s + kStepReadSeconds;
  }
  for (int step = 1; reason == kReasonCount && step <= c.steps; ++step) {
    const Progress before = Before(c, t, static_cast<double>(step - 1));
    effort = before.effort;
    seconds = before.seconds;
    if (step >= 2 && fires(t.h_step)) {
      reason = kTooManySteps;
      seconds += kLeaveStepSeconds;
    } else if (fires(t.h_slow)) {
      reason = kSlowPage;
      seconds += c.load_s;
    } else if (fires(t.h_fields)) {
      reason = kTooManyFields;  // half-way through the step's fields
      effort += 0.5 * c.fields_per_step;
      seconds += c.load_s + 0.5 * c.fields_per_step * t.field_seconds;
    } else if (fires(t.h_error)) {
      reason = kError;  // filled the step, submitted, met the error
      effort += c.fields_per_step + kStepClicks;
      seconds += c.load_s + kStepReadSeconds +
                 c.fields_per_step * t.field_seconds + kErrorSeconds;
    }
  }
  if (reason == kReasonCount) {
    const Progress all = Before(c, t, c.n);
    effort = all.effort + 1.0;
    seconds = all.seconds + kPaymentLookSeconds;
    if (fires(t.h_pay)) {
      reason = kFewPaymentOptions;
    } else {
      // Price first, then the extra risk the surprise costs add (zero when
      // surprise_costs = 0); rounding leftovers land on the last reason.
      seconds += kReviewSeconds;
      reason = (fires(logistic(price_logit)) || t.surprise_shift == 0.0)
                   ? kPrice
                   : kSurpriseCostsReason;
    }
  }
  out.next = JS_NEXT_DROP;
  out.reason = reason;
  out.effort = effort;
  out.hours = seconds / 3600.0;
  out.emotion = kDropEmotion[reason] * t.drop_emotion_scale;
  return out;
}

}  // namespace journeysim::channels::checkout
