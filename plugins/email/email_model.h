// The `email` channel: one email of a campaign, sent to a customer.
//
// Funnel: delivered -> opened -> clicked (the customer continues). The model
// (equations, coefficients, worked numbers) is stated in README.md beside this
// file; the constants below carry the names of the README's coefficient table,
// and email_channel_test.cpp recomputes the README equations independently, so
// a change here without a change there fails the tests.
//
// This header is the model: what `interact` computes, with no plugin
// boundary (benchmarks/fused_store_launch.cpp runs it in line).
#pragma once

#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace journeysim::channels::email {

using sdk::clamp01;
using sdk::exponential;
using sdk::logistic;

// Parameter indices, in declaration order (the order the host delivers them).
enum Param : uint32_t {
  kDeliverability,
  kSubjectRelevance,
  kSendHour,
  kFrequencyPerWeek,
  kContentQuality,
  kParamCount
};

// Reasons in funnel order; the drop-reason pick walks them in this order.
enum Reason : uint32_t {
  kNotDelivered,
  kNotOpened,
  kNoClick,
  kUnsubscribed,
  kReasonCount
};

// --- Coefficients: README.md "Coefficients" (log-odds unless stated). -------
// Open given delivered; anchored so the default email to an average persona
// opens at ~25% (industry open rates 20-40%).
constexpr double kOpenIntercept = -1.2;
constexpr double kOpenAffinity = 2.5;      // per unit of channel_affinity
constexpr double kOpenRelevance = 1.5;     // per unit of subject_relevance
constexpr double kOpenSatisfaction = 1.0;  // per unit of satisfaction
constexpr double kOpenFatigue = -2.0;      // per unit of fatigue index
// Send-hour shift of the open log-odds: buried under the morning's mail at
// night, read over coffee mid-morning and again in the evening.
constexpr std::array<double, 24> kOpenHour = {
    -0.6, -0.6, -0.6, -0.6, -0.6, -0.5, -0.3, -0.1,   // 00-07
    0.1,  0.25, 0.3,  0.25, 0.1,  0.05, 0.0,  0.0,    // 08-15
    0.0,  0.05, 0.15, 0.2,  0.2,  0.05, -0.2, -0.4};  // 16-23
// Fatigue index in [0, 0.875): saturating in messages received (half at 4)
// and in campaign frequency (half at 7 a week, i.e. daily).
constexpr double kFatigueMessagesWeight = 0.5;
constexpr double kFatigueMessagesHalf = 4.0;
constexpr double kFatigueFrequencyWeight = 0.5;
constexpr double kFatigueFrequencyHalf = 7.0;
// Click given open; anchored at ~15% click-to-open (industry 10-20%).
constexpr double kClickIntercept = -1.7;
constexpr double kClickQuality = 1.6;
constexpr double kClickRelevance = 0.8;
constexpr double kClickAffinity = 1.0;
// Unsubscribe given opened and not clicked: ~1% when fresh, so ~0.2% of
// delivered emails (industry 0.1-0.3%), several times that when fatigued.
constexpr double kUnsubIntercept = -5.0;
constexpr double kUnsubFatigue = 4.0;
constexpr double kUnsubRelevance = -1.0;  // irrelevant mail gets unsubscribed
// Delay until opened, in hours: the wait until 07:00 for sends from 22:00,
// then exponential with a mean that grows as affinity falls.
constexpr double kDelayMinMeanHours = 1.0;
constexpr double kDelayLowAffinityHours = 11.0;
constexpr int kWakeHour = 7;
constexpr int kBedHour = 22;
constexpr double kReadHours = 2.0 / 60.0;
// Effort, in simple actions (README "Effort").
constexpr double kEffortGlance = 0.1;
constexpr double kEffortOpen = 1.0;
constexpr double kEffortClick = 1.0;
constexpr double kEffortUnsubscribe = 2.0;
// Emotion (change of satisfaction).
constexpr double kEmotionClickBase = 0.02;
constexpr double kEmotionClickRelevance = 0.06;
constexpr double kEmotionClickFatigue = -0.03;
constexpr double kEmotionIgnoredFatigue = -0.02;
constexpr double kEmotionNoClickIrrelevance = -0.02;
constexpr double kEmotionNoClickFatigue = -0.05;
constexpr double kEmotionUnsubBase = -0.10;
constexpr double kEmotionUnsubFatigue = -0.10;

// Everything about one touchpoint that does not depend on the agent, resolved
// once at configure time (the persona's part once per batch: PersonaTerms).
struct EmailTouchpoint {
  double deliverability = 0.0;
  double open_offset = 0.0;   // intercept + relevance + send-hour terms
  double click_offset = 0.0;  // intercept + quality + relevance terms
  double unsub_offset = 0.0;  // intercept + relevance term
  double fatigue_frequency = 0.0;
  double wake_wait_hours = 0.0;
  double relevance = 0.0;
};

inline double WakeWaitHours(int send_hour) {
  if (send_hour >= kBedHour) {
    return static_cast<double>(24 + kWakeHour - send_hour);
  }
  if (send_hour < kWakeHour) {
    return static_cast<double>(kWakeHour - send_hour);
  }
  return 0.0;
}

// The touchpoint's parameters (in declaration order, already checked) as
// what `interact` needs.
inline EmailTouchpoint MakeTouchpoint(const double* p) {
  const double relevance = p[kSubjectRelevance];
  const int hour = static_cast<int>(p[kSendHour]);
  const double frequency = p[kFrequencyPerWeek];

  EmailTouchpoint email;
  email.deliverability = p[kDeliverability];
  email.open_offset = kOpenIntercept + kOpenRelevance * (relevance - 0.5) +
                      kOpenHour[static_cast<size_t>(hour)];
  email.click_offset = kClickIntercept +
                       kClickQuality * (p[kContentQuality] - 0.5) +
                       kClickRelevance * (relevance - 0.5);
  email.unsub_offset = kUnsubIntercept + kUnsubRelevance * (relevance - 0.5);
  email.fatigue_frequency = kFatigueFrequencyWeight * frequency /
                            (frequency + kFatigueFrequencyHalf);
  email.wake_wait_hours = WakeWaitHours(hour);
  email.relevance = relevance;
  return email;
}

// What depends on the touchpoint and the persona but not on the agent,
// worked out once per persona per batch: `interact` then needs one exp() per
// agent (two when an opener does not click).
struct PersonaTerms {
  double open_offset;  // open log-odds before satisfaction and fatigue
  double p_click;      // click given open
  double delay_mean;   // mean hours from waking to opening
};

inline PersonaTerms TermsFor(const EmailTouchpoint& email,
                             const js_persona_view& persona) {
  const double affinity = clamp01(persona.channel_affinity);
  PersonaTerms t;
  t.open_offset = email.open_offset + kOpenAffinity * (affinity - 0.5);
  t.p_click = logistic(email.click_offset + kClickAffinity * (affinity - 0.5));
  t.delay_mean = kDelayMinMeanHours + kDelayLowAffinityHours * (1.0 - affinity);
  return t;
}

inline js_outcome Decide(const EmailTouchpoint& email, const PersonaTerms& t,
                         const js_agent_view& agent) {
  const double* u = agent.uniforms;
  const double satisfaction = clamp01(agent.satisfaction);
  const double messages = static_cast<double>(agent.messages);
  const double fatigue =
      email.fatigue_frequency +
      kFatigueMessagesWeight * messages / (messages + kFatigueMessagesHalf);

  const double p_open =
      logistic(t.open_offset + kOpenSatisfaction * (satisfaction - 0.5) +
               kOpenFatigue * fatigue);
  const double p_click = t.p_click;

  js_outcome out{};
  out.p_continue = email.deliverability * p_open * p_click;
  out.money = 0.0;
  out.referrals = 0;

  // Every opener, whatever they do next, opened after the same delay.
  const auto open_delay = [&] {
    return email.wake_wait_hours + exponential(u[2], t.delay_mean) +
           kReadHours;
  };

  if (u[0] < out.p_continue) {
    out.next = JS_NEXT_BY_WEIGHT;
    out.hours = open_delay();
    out.effort = kEffortOpen + kEffortClick;
    out.emotion = kEmotionClickBase + kEmotionClickRelevance * email.relevance +
                  kEmotionClickFatigue * fatigue;
    out.messages = 1;
    return out;
  }

  // Failure mass of each stage; their sum is 1 - p_continue.
  const double lost_delivery = 1.0 - email.deliverability;
  const double lost_open = email.deliverability * (1.0 - p_open);
  const double lost_click = email.deliverability * p_open * (1.0 - p_click);
  const double target = u[1] * (lost_delivery + lost_open + lost_click);

  out.next = JS_NEXT_DROP;
  if (target < lost_delivery) {
    // A bounced or spam-foldered email is never seen: no time, no fatigue.
    out.reason = kNotDelivered;
    out.messages = 0;
    return out;
  }
  out.messages = 1;
  if (target < lost_delivery + lost_open) {
    out.reason = kNotOpened;
    out.effort = kEffortGlance;
    out.emotion = kEmotionIgnoredFatigue * fatigue;
    return out;
  }
  const double p_unsub = logistic(email.unsub_offset + kUnsubFatigue * fatigue);
  out.hours = open_delay();
  if (target < lost_delivery + lost_open + lost_click * (1.0 - p_unsub)) {
    out.reason = kNoClick;
    out.effort = kEffortOpen;
    out.emotion = kEmotionNoClickIrrelevance * (1.0 - email.relevance) +
                  kEmotionNoClickFatigue * fatigue;
    return out;
  }
  out.reason = kUnsubscribed;
  out.effort = kEffortOpen + kEffortUnsubscribe;
  out.emotion = kEmotionUnsubBase + kEmotionUnsubFatigue * fatigue;
  return out;
}

}  // namespace journeysim::channels::email
