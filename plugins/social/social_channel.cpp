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
#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <memory>

namespace {

using journeysim::sdk::clamp01;
using journeysim::sdk::exponential;
using journeysim::sdk::guarded;
using journeysim::sdk::logistic;
using journeysim::sdk::write_error;

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

constexpr js_param_spec kParams[] = {
    {"reach", JS_PARAM_NUMBER, 0.6, 0.0, 1.0,
     "posts: chance the platform shows the post to a follower"},
    {"content_quality", JS_PARAM_NUMBER, 0.5, 0.0, 1.0,
     "posts: how engaging the content is; conversations: how well replies "
     "answer"},
    {"conversation", JS_PARAM_BOOLEAN, 0.0, 0.0, 1.0,
     "true: an inbox / DM chat the customer starts; false: a post"},
    {"reply_minutes", JS_PARAM_NUMBER, 60.0, 0.0, 10080.0,
     "conversations: minutes until the first reply"},
    {"reply_friendliness", JS_PARAM_NUMBER, 0.7, 0.0, 1.0,
     "conversations: tone of the replies, 0 curt .. 1 warm and personal"},
    {"share_incentive", JS_PARAM_NUMBER, 0.1, 0.0, 1.0,
     "strength of the reason to share (referral reward, contest), 0 .. 1"},
};
static_assert(std::size(kParams) == kParamCount);

// Post reasons first, then conversation reasons, each in funnel order.
enum Reason : uint32_t {
  kNotReached,
  kNotEngaged,
  kSlowReply,
  kUnfriendlyReply,
  kReasonCount
};

constexpr js_drop_reason kReasons[] = {
    {"not_reached", "post not seen",
     "post when this persona is online, boost the post, or reach them on a "
     "channel they follow more"},
    {"not_engaged", "saw the post, did not engage",
     "make the content for this persona: a clear hook in the first line or "
     "second and one obvious next step"},
    {"slow_reply", "gave up waiting for a reply",
     "answer messages within an hour: staff the inbox at peak times and send "
     "an instant acknowledgement"},
    {"unfriendly_reply", "reply unfriendly or unhelpful",
     "train the team on tone and give them answers that solve the question "
     "in the first reply"},
};
static_assert(std::size(kReasons) == kReasonCount);

// Uniforms: [0] continue or drop, [1] drop reason, [2] time spent,
// [3] share.
constexpr uint32_t kUniforms = 4;

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
// once at configure time so `interact` needs two exp() calls per agent (three
// when it shares, one log when it engages with a post).
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

[[gnu::format(printf, 2, 3)]] void Fail(char* error, const char* format, ...) {
  if (error == nullptr) {
    return;
  }
  va_list args;
  va_start(args, format);
  std::vsnprintf(error, JS_ERROR_CAPACITY, format, args);
  va_end(args);
}

const char* NameOf(const js_config_view* config) {
  return config->touchpoint_id != nullptr ? config->touchpoint_id : "?";
}

// The host checks declared ranges before calling us; checking again is cheap
// here and keeps the plugin honest when driven by a test or another host.
bool CheckParams(const js_config_view* config, char* error) {
  if (config->params == nullptr || config->param_count != kParamCount) {
    Fail(error, "social touchpoint '%s': expected %u parameters, got %u",
         NameOf(config), static_cast<unsigned>(kParamCount),
         static_cast<unsigned>(config->param_count));
    return false;
  }
  for (uint32_t i = 0; i < kParamCount; ++i) {
    const js_param_spec& spec = kParams[i];
    const double v = config->params[i];
    if (spec.type == JS_PARAM_BOOLEAN) {
      if (v != 0.0 && v != 1.0) {
        Fail(error,
             "social touchpoint '%s': parameter '%s' = %g must be a boolean "
             "(0 or 1)",
             NameOf(config), spec.name, v);
        return false;
      }
      continue;
    }
    if (!std::isfinite(v) || v < spec.min_value || v > spec.max_value) {
      Fail(error,
           "social touchpoint '%s': parameter '%s' = %g must be a number in "
           "[%g, %g]",
           NameOf(config), spec.name, v, spec.min_value, spec.max_value);
      return false;
    }
  }
  return true;
}

js_status Configure(const js_config_view* config, void** instance,
                    char* error) {
  return guarded(error, [&]() -> js_status {
    if (config == nullptr || instance == nullptr) {
      write_error(error, "social: configure called without config or instance");
      return JS_ERROR;
    }
    if (!CheckParams(config, error)) {
      return JS_ERROR;
    }
    // No cross-parameter constraint: each mode ignores the other mode's
    // parameters (README "Parameters"), and every value in range is a real
    // setting (reach 0 is a "post buried" what-if).
    const double* p = config->params;
    const double quality = p[kContentQuality];
    const double wait = p[kReplyMinutes];
    const double friendliness = p[kReplyFriendliness];
    const double log_wait =
        std::log((wait + 1.0) / (kReferenceWaitMinutes + 1.0));

    auto social = std::make_unique<SocialTouchpoint>();
    social->conversation = p[kConversation] != 0.0;
    social->reach = p[kReach];
    social->quality = quality;
    social->engage_offset = kEngageIntercept + kEngageQuality * (quality - 0.5);
    social->leave_offset = kLeaveIntercept + kLeaveLogWait * log_wait;
    social->bad_reply_offset = kBadReplyIntercept +
                               kBadReplyFriendliness * (friendliness - 0.5) +
                               kBadReplyQuality * (quality - 0.5);
    social->share_offset = kShareIntercept +
                           kShareIncentiveCoef * p[kShareIncentive] +
                           kShareQuality * (quality - 0.5);
    social->wait_minutes = wait;
    social->speed_emotion = std::clamp(-kEmotionSpeedPerLog * log_wait,
                                       kEmotionSpeedMin, kEmotionSpeedMax);
    social->tone_emotion = kEmotionFriendliness * (friendliness - 0.5);
    social->view_mean_minutes =
        kViewMeanMinutes + kViewMeanQualityMinutes * quality;
    *instance = social.release();
    return JS_OK;
  });
}

void Destroy(void* instance) {
  delete static_cast<SocialTouchpoint*>(instance);
}

// Shares with the satisfaction the customer brought with them, so the share
// decision does not depend on this touchpoint's own emotion draw.
bool Shares(const SocialTouchpoint& social, double satisfaction, double u) {
  return u < logistic(social.share_offset +
                      kShareSatisfaction * (satisfaction - 0.5));
}

js_outcome DecidePost(const SocialTouchpoint& social,
                      const js_persona_view& persona,
                      const js_agent_view& agent) {
  const double* u = agent.uniforms;
  const double affinity = clamp01(persona.channel_affinity);
  const double satisfaction = clamp01(agent.satisfaction);
  const double p_seen =
      social.reach * logistic(kSeenAffinity * (affinity - 0.5));
  const double p_engage =
      logistic(social.engage_offset + kEngageAffinity * (affinity - 0.5) +
               kEngageSatisfaction * (satisfaction - 0.5));

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

js_outcome DecideConversation(const SocialTouchpoint& social,
                              const js_persona_view& persona,
                              const js_agent_view& agent) {
  const double* u = agent.uniforms;
  const double patience = clamp01(persona.patience);
  const double satisfaction = clamp01(agent.satisfaction);
  const double p_leave =
      logistic(social.leave_offset + kLeavePatience * (patience - 0.5));
  const double p_bad_reply = logistic(
      social.bad_reply_offset + kBadReplySatisfaction * (satisfaction - 0.5));
  // Impatient customers feel a slow reply more (x1.5 at patience 0).
  const double speed = social.speed_emotion < 0.0
                           ? social.speed_emotion * (1.5 - patience)
                           : social.speed_emotion;

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

js_status Interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* error) {
  return guarded(error, [&]() -> js_status {
    if (instance == nullptr || batch == nullptr || out == nullptr) {
      write_error(error,
                  "social: interact called without instance, batch or output");
      return JS_ERROR;
    }
    if (batch->agent_count > 0 &&
        (batch->agents == nullptr || batch->personas == nullptr)) {
      write_error(error,
                  "social: batch has agents but no agent or persona array");
      return JS_ERROR;
    }
    // Read-only: the host may call this concurrently for one touchpoint.
    const auto& social = *static_cast<const SocialTouchpoint*>(instance);
    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      if (agent.persona >= batch->persona_count || agent.uniforms == nullptr) {
        Fail(error,
             "social: agent %u of the batch has persona index %u (batch has "
             "%u personas) or no uniforms",
             static_cast<unsigned>(i), static_cast<unsigned>(agent.persona),
             static_cast<unsigned>(batch->persona_count));
        return JS_ERROR;
      }
      const js_persona_view& persona = batch->personas[agent.persona];
      out[i] = social.conversation ? DecideConversation(social, persona, agent)
                                   : DecidePost(social, persona, agent);
    }
    return JS_OK;
  });
}

constexpr js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "social",
    "1.0.0",
    "a social post (reach, engagement) or inbox chat (reply speed and tone)",
    kParams,
    kParamCount,
    kReasons,
    kReasonCount,
    kUniforms,
    Configure,
    Destroy,
    Interact,
};

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
