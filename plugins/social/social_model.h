// The `social` channel: a social-media post, or an inbox / direct-message
// conversation with the brand.
//
// Post mode: reached -> engaged (the customer continues). Conversation mode:
// the customer writes; they wait for the first reply (slow_reply hazard), then
// judge it (unfriendly_reply hazard). Continuing customers may share, which
// refers a new customer. The model (equations, coefficients, worked numbers)
// is stated in README.md beside this file; the constants below carry the
// names of its coefficient table, and social_channel_test.cpp recomputes the
// README equations independently.
//
// This header is the model: what `interact` computes, with no plugin
// boundary (benchmarks/fused_store_launch.cpp runs it in line).
#pragma once

#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace journeysim::channels::social {

using sdk::clamp01;
using sdk::exponential;
using sdk::logistic;

// Parameter indices, in declaration order (the order the host delivers them).
enum Param : uint32_t {
  kReach,
  kContentQuality,
  kConversation,
  kReplyMinutes,
  kReplyFriendliness,
  kShareIncentive,
  kParamCount
};

// Post reasons first, then conversation reasons, each in funnel order.
enum Reason : uint32_t {
  kNotReached,
  kNotEngaged,
  kSlowReply,
  kUnfriendlyReply,
  kReasonCount
};

// --- Coefficients: README.md "Coefficients" (log-odds unless stated). -------
// Post seen by a follower, given the platform shows it: attention follows
// how much the persona uses this channel.
constexpr double kSeenAffinity = 4.0;
// Engaged given seen; anchored at ~10% for average content and persona.
constexpr double kEngageIntercept = -2.2;
constexpr double kEngageQuality = 3.0;
constexpr double kEngageAffinity = 2.0;
constexpr double kEngageSatisfaction = 1.0;
// Leaves before the first reply: logistic in the log of the wait, anchored at
// ~12% for a one-hour reply to an average-patience persona.
constexpr double kLeaveIntercept = -2.0;
constexpr double kLeaveLogWait = 1.2;  // per unit of ln((w + 1) / 61)
constexpr double kLeavePatience = -3.0;
constexpr double kReferenceWaitMinutes = 60.0;
// Leaves after the reply because of its tone or content.
constexpr double kBadReplyIntercept = -1.5;
constexpr double kBadReplyFriendliness = -4.0;
constexpr double kBadReplyQuality = -2.0;
constexpr double kBadReplySatisfaction = -1.0;
// Shares (one referral) given continuing; ~3% without incentive.
constexpr double kShareIntercept = -3.5;
constexpr double kShareIncentiveCoef = 2.5;  // per unit of share_incentive
constexpr double kShareQuality = 1.5;
constexpr double kShareSatisfaction = 1.5;
// Time, in minutes.
constexpr double kScrollPastMinutes = 5.0 / 60.0;
constexpr double kViewMinMinutes = 0.5;
constexpr double kViewMeanMinutes = 1.0;
constexpr double kViewMeanQualityMinutes = 4.0;
constexpr double kWriteMinutes = 3.0;
constexpr double kReadReplyMinutes = 2.0;
// Effort, in simple actions (README "Effort").
constexpr double kEffortScrollPast = 0.1;
constexpr double kEffortEngage = 1.0;
constexpr double kEffortShare = 1.0;
constexpr double kEffortWrite = 3.0;
constexpr double kEffortReadReply = 1.0;
// Emotion (change of satisfaction).
constexpr double kEmotionIgnoredQuality = 0.02;  // per unit of (q - 0.5)
constexpr double kEmotionEngageBase = 0.03;
constexpr double kEmotionEngageQuality = 0.1;  // per unit of (q - 0.5)
constexpr double kEmotionShare = 0.02;
constexpr double kEmotionSpeedPerLog = 0.04;  // per unit of ln(61/(w+1))
constexpr double kEmotionSpeedMax = 0.08;
constexpr double kEmotionSpeedMin = -0.15;
constexpr double kEmotionFriendliness = 0.2;  // per unit of (f - 0.5)
constexpr double kEmotionGaveUp = -0.05;
constexpr double kEmotionBadReply = -0.08;
// No single touchpoint moves satisfaction by more than this (the worst case,
// an impatient customer curtly answered after a week, would reach -0.41).
constexpr double kEmotionLimit = 0.3;

// Everything about one touchpoint that does not depend on the agent, resolved
// once at configure time (and what depends on the persona, once per batch:
// PersonaTerms) so `interact` needs one exp() call per agent (two when it
// shares, and a log when it engages with a post).
struct SocialTouchpoint {
  bool conversation = false;
  double reach = 0.0;
  double quality = 0.0;
  double engage_offset = 0.0;     // post: intercept + quality
  double leave_offset = 0.0;      // conversation: intercept + wait
  double bad_reply_offset = 0.0;  // conversation: intercept + tone + quality
  double share_offset = 0.0;      // intercept + incentive + quality
  double wait_minutes = 0.0;
  double speed_emotion = 0.0;  // before the patience multiplier
  double tone_emotion = 0.0;
  double view_mean_minutes = 0.0;
};

// The touchpoint's parameters (in declaration order, already checked) as
// what `interact` needs.
inline SocialTouchpoint MakeTouchpoint(const double* p) {
  const double quality = p[kContentQuality];
  const double wait = p[kReplyMinutes];
  const double friendliness = p[kReplyFriendliness];
  const double log_wait =
      std::log((wait + 1.0) / (kReferenceWaitMinutes + 1.0));

  SocialTouchpoint social;
  social.conversation = p[kConversation] != 0.0;
  social.reach = p[kReach];
  social.quality = quality;
  social.engage_offset = kEngageIntercept + kEngageQuality * (quality - 0.5);
  social.leave_offset = kLeaveIntercept + kLeaveLogWait * log_wait;
  social.bad_reply_offset = kBadReplyIntercept +
                            kBadReplyFriendliness * (friendliness - 0.5) +
                            kBadReplyQuality * (quality - 0.5);
  social.share_offset = kShareIntercept +
                        kShareIncentiveCoef * p[kShareIncentive] +
                        kShareQuality * (quality - 0.5);
  social.wait_minutes = wait;
  social.speed_emotion = std::clamp(-kEmotionSpeedPerLog * log_wait,
                                    kEmotionSpeedMin, kEmotionSpeedMax);
  social.tone_emotion = kEmotionFriendliness * (friendliness - 0.5);
  social.view_mean_minutes =
      kViewMeanMinutes + kViewMeanQualityMinutes * quality;
  return social;
}

// What depends on the touchpoint and the persona but not on the agent:
// worked out once per persona per batch, so a post costs one exp() per agent
// (two when it shares) and a conversation likewise.
struct PersonaTerms {
  double p_seen;         // post: reach times the chance a follower sees it
  double engage_offset;  // post: engagement log-odds before satisfaction
  double p_leave;        // conversation: leaves before the first reply
  double speed;          // conversation: emotion of the reply's speed
};

inline PersonaTerms TermsFor(const SocialTouchpoint& social,
                             const js_persona_view& persona) {
  const double affinity = clamp01(persona.channel_affinity);
  const double patience = clamp01(persona.patience);
  PersonaTerms t;
  t.p_seen = social.reach * logistic(kSeenAffinity * (affinity - 0.5));
  t.engage_offset = social.engage_offset + kEngageAffinity * (affinity - 0.5);
  t.p_leave =
      logistic(social.leave_offset + kLeavePatience * (patience - 0.5));
  // Impatient customers feel a slow reply more (x1.5 at patience 0).
  t.speed = social.speed_emotion < 0.0
                ? social.speed_emotion * (1.5 - patience)
                : social.speed_emotion;
  return t;
}

// Shares with the satisfaction the customer brought with them, so the share
// decision does not depend on this touchpoint's own emotion draw.
inline bool Shares(const SocialTouchpoint& social, double satisfaction,
                   double u) {
  return u < logistic(social.share_offset +
                      kShareSatisfaction * (satisfaction - 0.5));
}

inline js_outcome DecidePost(const SocialTouchpoint& social,
                             const PersonaTerms& t,
                             const js_agent_view& agent) {
  const double* u = agent.uniforms;
  const double satisfaction = clamp01(agent.satisfaction);
  const double p_seen = t.p_seen;
  const double p_engage = logistic(
      t.engage_offset + kEngageSatisfaction * (satisfaction - 0.5));

  js_outcome out{};
  out.p_continue = p_seen * p_engage;
  out.messages = 0;  // a post in the feed is not a message to the customer
  if (u[0] < out.p_continue) {
    out.next = JS_NEXT_BY_WEIGHT;
    const bool shared = Shares(social, satisfaction, u[3]);
    out.referrals = shared ? 1 : 0;
    out.hours =
        (kViewMinMinutes + exponential(u[2], social.view_mean_minutes)) / 60.0;
    out.effort = kEffortEngage + (shared ? kEffortShare : 0.0);
    out.emotion = kEmotionEngageBase +
                  kEmotionEngageQuality * (social.quality - 0.5) +
                  (shared ? kEmotionShare : 0.0);
    return out;
  }

  const double lost_reach = 1.0 - p_seen;
  const double lost_engage = p_seen * (1.0 - p_engage);
  out.next = JS_NEXT_DROP;
  if (u[1] * (lost_reach + lost_engage) < lost_reach) {
    out.reason = kNotReached;  // never saw it: no time, effort or feeling
    return out;
  }
  out.reason = kNotEngaged;
  out.hours = kScrollPastMinutes / 60.0;
  out.effort = kEffortScrollPast;
  out.emotion = kEmotionIgnoredQuality * (social.quality - 0.5);
  return out;
}

inline js_outcome DecideConversation(const SocialTouchpoint& social,
                                     const PersonaTerms& t,
                                     const js_agent_view& agent) {
  const double* u = agent.uniforms;
  const double satisfaction = clamp01(agent.satisfaction);
  const double p_leave = t.p_leave;
  const double p_bad_reply = logistic(
      social.bad_reply_offset + kBadReplySatisfaction * (satisfaction - 0.5));
  const double speed = t.speed;

  js_outcome out{};
  out.p_continue = (1.0 - p_leave) * (1.0 - p_bad_reply);
  const double replied_hours =
      (kWriteMinutes + social.wait_minutes + kReadReplyMinutes) / 60.0;
  if (u[0] < out.p_continue) {
    out.next = JS_NEXT_BY_WEIGHT;
    const bool shared = Shares(social, satisfaction, u[3]);
    out.referrals = shared ? 1 : 0;
    out.hours = replied_hours;
    out.effort =
        kEffortWrite + kEffortReadReply + (shared ? kEffortShare : 0.0);
    out.emotion =
        std::max(speed + social.tone_emotion + (shared ? kEmotionShare : 0.0),
                 -kEmotionLimit);
    out.messages = 1;
    return out;
  }

  const double lost_wait = p_leave;
  const double lost_reply = (1.0 - p_leave) * p_bad_reply;
  out.next = JS_NEXT_DROP;
  if (u[1] * (lost_wait + lost_reply) < lost_wait) {
    // Gave up at a uniform point of the wait; the late reply goes unread.
    out.reason = kSlowReply;
    out.hours = (kWriteMinutes + u[2] * social.wait_minutes) / 60.0;
    out.effort = kEffortWrite;
    out.emotion = std::min(speed, 0.0) + kEmotionGaveUp;
    out.messages = 0;
    return out;
  }
  out.reason = kUnfriendlyReply;
  out.hours = replied_hours;
  out.effort = kEffortWrite + kEffortReadReply;
  out.emotion =
      std::max(std::min(speed, 0.0) + std::min(social.tone_emotion, 0.0) +
                   kEmotionBadReply,
               -kEmotionLimit);
  out.messages = 1;
  return out;
}

// One agent's outcome.
inline js_outcome Decide(const SocialTouchpoint& social, const PersonaTerms& t,
                         const js_agent_view& agent) {
  return social.conversation ? DecideConversation(social, t, agent)
                             : DecidePost(social, t, agent);
}

}  // namespace journeysim::channels::social
