// The `web` channel: a landing, product or content page, or a lead form.
//
// The behavioural model (equations, coefficients, worked numbers) is stated in
// README.md beside this file; the constants below carry the same names as the
// README's coefficient table, and web_channel_test.cpp recomputes the README
// equations independently, so a change here without a change there fails.
//
// This header is the model: what `interact` computes, with no plugin
// boundary (benchmarks/fused_store_launch.cpp runs it in line).
#pragma once

#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace journeysim::channels::web {

using sdk::exponential;
using sdk::logistic;

// Parameter indices, in declaration order (the order the host delivers them).
enum Param : uint32_t {
  kPageLoadS,
  kContentQuality,
  kRelevance,
  kCtaClarity,
  kFormFields,
  kMobileFriendly,
  kPriceShown,
  kLeadValue,
  kParamCount
};

// Reasons in the order a visitor meets them on the page; the index of a
// reason is also the index of its stage in the drop funnel (README §Model).
enum Reason : uint32_t {
  kSlowPage,
  kNotMobileFriendly,
  kNotRelevant,
  kPrice,
  kUnclearNextStep,
  kFormTooLong,
  kReasonCount
};

// --- Coefficients (README "Coefficient table"). Log-odds units. ---
// Stage 1, slow_page: anchored at 14% leaving at 3 s for an average-patience
// visitor, rising ~2.5 log-odds per e-fold of load time (Google/SOASTA 2017).
constexpr double kSlowIntercept = -1.8;
constexpr double kSlowReferenceS = 3.0;
constexpr double kSlowPerLogLoad = 2.5;
constexpr double kSlowPatience = -2.0;
// Stage 2, not_mobile_friendly: ~60% of visits are on phones and about a third
// of those leave a page that is not built for them (22% at average tech savvy).
constexpr double kMobileIntercept = -1.25;
constexpr double kMobileTechSavvy = -1.0;
// Stage 3, not_relevant: anchored at 30% at the defaults.
constexpr double kRelevanceIntercept = -0.85;
constexpr double kRelevanceRelevance = -3.0;
constexpr double kRelevanceQuality = -1.5;
constexpr double kRelevanceAffinity = -1.0;
constexpr double kRelevanceReturning = -0.5;
constexpr double kRelevanceSatisfaction = -1.0;
// Stage 4, price: 15% at a price of 100 for an average price sensitivity.
constexpr double kPriceIntercept = -1.75;
constexpr double kPriceSensitivity = 3.0;
constexpr double kPriceReference = 100.0;
constexpr double kPricePerLogPrice = 0.25;
// Stage 5, unclear_next_step: 15% at the defaults.
constexpr double kCtaIntercept = -1.75;
constexpr double kCtaPerClarity = -3.0;
constexpr double kCtaTechSavvy = -0.5;
// Stage 6, form_too_long: 25% at 5 fields for an average visitor; each field
// adds 0.2 log-odds (cutting 11 fields to 4 lifts submissions by ~65%).
constexpr double kFormIntercept = -1.1;
constexpr double kFormReferenceFields = 5.0;
constexpr double kFormPerField = 0.2;
constexpr double kFormPatience = -1.0;
constexpr double kFormTechSavvy = -1.0;

// Centres of the covariates: at the defaults every term but the intercept is 0.
constexpr double kQualityCentre = 0.6;
constexpr double kRelevanceCentre = 0.6;
constexpr double kCtaCentre = 0.6;
constexpr double kTraitCentre = 0.5;

// --- Time (minutes), effort (simple actions), emotion (README §Consequences).
constexpr double kReadMinutesBase = 0.5;
constexpr double kReadMinutesPerQuality = 1.5;
constexpr double kBounceScanMinutes = 0.25;
constexpr double kFieldMinutes = 0.2;
constexpr double kFieldEffortBase = 1.25;
constexpr double kFieldEffortTechSavvy = -0.5;
constexpr double kSlowDropEffort = 0.5;
constexpr double kViewEffort = 1.0;
constexpr double kSearchCtaEffort = 1.0;
constexpr double kZoomEffort = 1.0;
constexpr double kClickEffort = 1.0;
constexpr double kEmotionContinueBase = 0.03;
constexpr double kEmotionQuality = 0.08;
constexpr double kEmotionCta = 0.04;
constexpr double kEmotionSlowPerS = 0.02;
constexpr double kEmotionSlowFreeS = 2.0;
constexpr double kEmotionSlowCap = 0.12;
constexpr double kEmotionPerField = 0.003;
constexpr double kEmotionNotMobile = 0.03;
constexpr double kEmotionLimit = 0.3;
constexpr std::array<double, kReasonCount> kDropEmotion = {
    -0.05,  // slow_page, plus the slow-load penalty
    -0.08,  // not_mobile_friendly
    -0.02,  // not_relevant: a quick, cheap exit
    -0.05,  // price
    -0.06,  // unclear_next_step: wanted to go on and could not
    -0.08,  // form_too_long, plus the per-field penalty
};

// Everything that depends only on the touchpoint's params, derived once.
struct Page {
  double slow_eta;  // stage-1 log-odds before the persona term
  bool mobile_friendly;
  double relevance_eta;  // stage-3 log-odds before persona and agent terms
  bool has_price;
  double price_eta;  // stage-4 log-odds before the persona term
  double cta_eta;    // stage-5 log-odds before the persona term
  double form_fields;
  double form_eta;  // stage-6 log-odds before the persona terms
  double lead_value;
  double load_minutes;
  double read_mean_minutes;
  double page_effort;
  double continue_emotion;
  std::array<double, kReasonCount> drop_emotion;
};

// What depends on the page and the persona but not on the agent. Computed at
// most once per persona per batch: it holds all but one of the logistic
// evaluations, which keeps the per-agent path at one exp and one log.
struct PersonaTerms {
  std::array<double, kReasonCount> q;  // q[kNotRelevant] is filled per agent
  double survive_before_relevance;     // (1 - q1)(1 - q2)
  double survive_after_relevance;      // (1 - q4)(1 - q5)(1 - q6)
  double relevance_eta;                // stage-3 log-odds without agent terms
  double form_minutes;
  double form_effort;
};

inline double centred(double x, double centre) { return x - centre; }

// The touchpoint's parameters (in declaration order, already checked) as
// what `interact` needs.
inline Page MakePage(const double* p) {
  Page page;
  const double load_s = p[kPageLoadS];
  const double quality = p[kContentQuality];
  const double cta = p[kCtaClarity];
  page.slow_eta =
      kSlowIntercept + kSlowPerLogLoad * std::log(load_s / kSlowReferenceS);
  page.mobile_friendly = p[kMobileFriendly] != 0.0;
  page.relevance_eta =
      kRelevanceIntercept +
      kRelevanceRelevance * centred(p[kRelevance], kRelevanceCentre) +
      kRelevanceQuality * centred(quality, kQualityCentre);
  page.has_price = p[kPriceShown] > 0.0;
  page.price_eta =
      page.has_price
          ? kPriceIntercept +
                kPricePerLogPrice * std::log(p[kPriceShown] / kPriceReference)
          : 0.0;
  page.cta_eta = kCtaIntercept + kCtaPerClarity * centred(cta, kCtaCentre);
  page.form_fields = p[kFormFields];
  page.form_eta = kFormIntercept +
                  kFormPerField * (page.form_fields - kFormReferenceFields);
  page.lead_value = page.form_fields > 0.0 ? p[kLeadValue] : 0.0;

  page.load_minutes = load_s / 60.0;
  page.read_mean_minutes =
      kReadMinutesBase + kReadMinutesPerQuality * quality;
  page.page_effort = kViewEffort + kSearchCtaEffort * (1.0 - cta) +
                     (page.mobile_friendly ? 0.0 : kZoomEffort);

  const double slow_penalty =
      std::min(kEmotionSlowCap,
               kEmotionSlowPerS * std::max(0.0, load_s - kEmotionSlowFreeS));
  const double field_penalty = kEmotionPerField * page.form_fields;
  page.continue_emotion = std::clamp(
      kEmotionContinueBase + kEmotionQuality * (quality - 0.5) +
          kEmotionCta * (cta - 0.5) - slow_penalty - field_penalty -
          (page.mobile_friendly ? 0.0 : kEmotionNotMobile),
      -kEmotionLimit, kEmotionLimit);
  page.drop_emotion = kDropEmotion;
  page.drop_emotion[kSlowPage] -= slow_penalty;
  page.drop_emotion[kFormTooLong] -= field_penalty;
  return page;
}

inline PersonaTerms persona_terms(const Page& page,
                                  const js_persona_view& persona) {
  const double patience = centred(persona.patience, kTraitCentre);
  const double tech = centred(persona.tech_savvy, kTraitCentre);
  PersonaTerms t;
  t.q[kSlowPage] = logistic(page.slow_eta + kSlowPatience * patience);
  t.q[kNotMobileFriendly] =
      page.mobile_friendly
          ? 0.0
          : logistic(kMobileIntercept + kMobileTechSavvy * tech);
  t.q[kNotRelevant] = 0.0;
  t.q[kPrice] =
      page.has_price
          ? logistic(page.price_eta +
                     kPriceSensitivity *
                         centred(persona.price_sensitivity, kTraitCentre))
          : 0.0;
  t.q[kUnclearNextStep] = logistic(page.cta_eta + kCtaTechSavvy * tech);
  t.q[kFormTooLong] = page.form_fields > 0.0
                          ? logistic(page.form_eta + kFormPatience * patience +
                                     kFormTechSavvy * tech)
                          : 0.0;
  t.survive_before_relevance =
      (1.0 - t.q[kSlowPage]) * (1.0 - t.q[kNotMobileFriendly]);
  t.survive_after_relevance = (1.0 - t.q[kPrice]) *
                              (1.0 - t.q[kUnclearNextStep]) *
                              (1.0 - t.q[kFormTooLong]);
  t.relevance_eta =
      page.relevance_eta +
      kRelevanceAffinity * centred(persona.channel_affinity, kTraitCentre);
  const double per_field =
      kFieldEffortBase + kFieldEffortTechSavvy * persona.tech_savvy;
  t.form_effort = page.form_fields * per_field;
  t.form_minutes = page.form_fields * kFieldMinutes * per_field;
  return t;
}

// One agent's outcome at the page.
inline js_outcome Decide(const Page& page, const PersonaTerms& t,
                         const js_agent_view& agent) {
  const double relevance_eta =
      t.relevance_eta +
      (agent.visits > 0 ? kRelevanceReturning : 0.0) +
      kRelevanceSatisfaction * centred(agent.satisfaction, kTraitCentre);
  const double q_relevance = logistic(relevance_eta);
  const double p = t.survive_before_relevance * (1.0 - q_relevance) *
                   t.survive_after_relevance;
  const double* u = agent.uniforms;

  js_outcome o{};
  o.p_continue = p;
  o.messages = 0;
  o.referrals = 0;
  double minutes = 0.0;
  if (u[0] < p) {
    o.next = JS_NEXT_BY_WEIGHT;
    o.reason = 0;
    minutes = page.load_minutes +
              exponential(u[2], page.read_mean_minutes) +
              t.form_minutes;
    o.effort = page.page_effort + kClickEffort + t.form_effort;
    o.emotion = page.continue_emotion;
    o.money = page.lead_value;
  } else {
    std::array<double, kReasonCount> q = t.q;
    q[kNotRelevant] = q_relevance;
    const uint32_t reason = sdk::failed_check(q, u[1] * (1.0 - p), kSlowPage);
    o.next = JS_NEXT_DROP;
    o.reason = reason;
    if (reason == kSlowPage) {
      // Left while the page was still loading.
      minutes = u[2] * page.load_minutes;
      o.effort = kSlowDropEffort;
    } else {
      minutes = page.load_minutes + exponential(u[2], kBounceScanMinutes);
      o.effort = page.page_effort;
      if (reason == kFormTooLong) {
        // Abandoners quit on average half-way through the form.
        minutes += 0.5 * t.form_minutes;
        o.effort += 0.5 * t.form_effort;
      }
    }
    o.emotion = page.drop_emotion[reason];
    o.money = 0.0;
  }
  o.hours = minutes / 60.0;
  return o;
}

}  // namespace journeysim::channels::web
