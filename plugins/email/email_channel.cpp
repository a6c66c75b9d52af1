// The `email` channel: one email of a campaign, sent to a customer.
//
// Funnel: delivered -> opened -> clicked (the customer continues). The model
// (equations, coefficients, worked numbers) is stated in README.md beside this
// file; the constants below carry the names of the README's coefficient table,
// and email_channel_test.cpp recomputes the README equations independently, so
// a change here without a change there fails the tests.
#include <journeysim/channel_sdk.h>

#include <array>
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
  kDeliverability,
  kSubjectRelevance,
  kSendHour,
  kFrequencyPerWeek,
  kContentQuality,
  kParamCount
};

constexpr js_param_spec kParams[] = {
    {"deliverability", JS_PARAM_NUMBER, 0.97, 0.0, 1.0,
     "share of sends that reach the inbox (not bounced, not in spam)"},
    {"subject_relevance", JS_PARAM_NUMBER, 0.5, 0.0, 1.0,
     "how relevant the subject line is to the reader, 0 none .. 1 exact"},
    {"send_hour", JS_PARAM_INTEGER, 10.0, 0.0, 23.0,
     "local hour of sending; opens peak mid-morning and evening, dip at night"},
    {"frequency_per_week", JS_PARAM_NUMBER, 2.0, 0.0, 21.0,
     "emails per week of this campaign; with messages received, drives "
     "fatigue"},
    {"content_quality", JS_PARAM_NUMBER, 0.5, 0.0, 1.0,
     "how compelling the body and call to action are (click given open)"},
};
static_assert(std::size(kParams) == kParamCount);

// Reasons in funnel order; the drop-reason pick walks them in this order.
enum Reason : uint32_t {
  kNotDelivered,
  kNotOpened,
  kNoClick,
  kUnsubscribed,
  kReasonCount
};

constexpr js_drop_reason kReasons[] = {
    {"not_delivered", "email bounced or went to spam",
     "clean the list and authenticate the sending domain (SPF, DKIM, DMARC)"},
    {"not_opened", "email not opened",
     "write subject lines for this persona and send at the hours they read"},
    {"no_click", "opened but did not click",
     "lead with what the reader gets and make one clear call to action"},
    {"unsubscribed", "unsubscribed (message fatigue)",
     "send this persona fewer emails; let subscribers choose the frequency"},
};
static_assert(std::size(kReasons) == kReasonCount);

// Uniforms: [0] continue or drop, [1] drop reason, [2] delay until opened.
constexpr uint32_t kUniforms = 3;

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
// once at configure time so `interact` does arithmetic and two exp() calls.
struct EmailTouchpoint {
  double deliverability = 0.0;
  double open_offset = 0.0;   // intercept + relevance + send-hour terms
  double click_offset = 0.0;  // intercept + quality + relevance terms
  double unsub_offset = 0.0;  // intercept + relevance term
  double fatigue_frequency = 0.0;
  double wake_wait_hours = 0.0;
  double relevance = 0.0;
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
    Fail(error, "email touchpoint '%s': expected %u parameters, got %u",
         NameOf(config), static_cast<unsigned>(kParamCount),
         static_cast<unsigned>(config->param_count));
    return false;
  }
  for (uint32_t i = 0; i < kParamCount; ++i) {
    const js_param_spec& spec = kParams[i];
    const double v = config->params[i];
    const bool whole = std::isfinite(v) && v == std::floor(v);
    const bool ok = std::isfinite(v) && v >= spec.min_value &&
                    v <= spec.max_value &&
                    (spec.type != JS_PARAM_INTEGER || whole);
    if (!ok) {
      Fail(error,
           "email touchpoint '%s': parameter '%s' = %g must be %s in "
           "[%g, %g]",
           NameOf(config), spec.name, v,
           spec.type == JS_PARAM_INTEGER ? "a whole number" : "a number",
           spec.min_value, spec.max_value);
      return false;
    }
  }
  return true;
}

double WakeWaitHours(int send_hour) {
  if (send_hour >= kBedHour) {
    return static_cast<double>(24 + kWakeHour - send_hour);
  }
  if (send_hour < kWakeHour) {
    return static_cast<double>(kWakeHour - send_hour);
  }
  return 0.0;
}

js_status Configure(const js_config_view* config, void** instance,
                    char* error) {
  return guarded(error, [&]() -> js_status {
    if (config == nullptr || instance == nullptr) {
      write_error(error, "email: configure called without config or instance");
      return JS_ERROR;
    }
    if (!CheckParams(config, error)) {
      return JS_ERROR;
    }
    // No cross-parameter constraint exists for email: every combination in
    // range describes a real send (deliverability 0 is an outage what-if).
    const double* p = config->params;
    const double relevance = p[kSubjectRelevance];
    const int hour = static_cast<int>(p[kSendHour]);
    const double frequency = p[kFrequencyPerWeek];

    auto email = std::make_unique<EmailTouchpoint>();
    email->deliverability = p[kDeliverability];
    email->open_offset = kOpenIntercept + kOpenRelevance * (relevance - 0.5) +
                         kOpenHour[static_cast<size_t>(hour)];
    email->click_offset = kClickIntercept +
                          kClickQuality * (p[kContentQuality] - 0.5) +
                          kClickRelevance * (relevance - 0.5);
    email->unsub_offset = kUnsubIntercept + kUnsubRelevance * (relevance - 0.5);
    email->fatigue_frequency = kFatigueFrequencyWeight * frequency /
                               (frequency + kFatigueFrequencyHalf);
    email->wake_wait_hours = WakeWaitHours(hour);
    email->relevance = relevance;
    *instance = email.release();
    return JS_OK;
  });
}

void Destroy(void* instance) { delete static_cast<EmailTouchpoint*>(instance); }

js_outcome Decide(const EmailTouchpoint& email, const js_persona_view& persona,
                  const js_agent_view& agent) {
  const double* u = agent.uniforms;
  const double affinity = clamp01(persona.channel_affinity);
  const double satisfaction = clamp01(agent.satisfaction);
  const double messages = static_cast<double>(agent.messages);
  const double fatigue =
      email.fatigue_frequency +
      kFatigueMessagesWeight * messages / (messages + kFatigueMessagesHalf);

  const double p_open = logistic(
      email.open_offset + kOpenAffinity * (affinity - 0.5) +
      kOpenSatisfaction * (satisfaction - 0.5) + kOpenFatigue * fatigue);
  const double p_click =
      logistic(email.click_offset + kClickAffinity * (affinity - 0.5));

  js_outcome out{};
  out.p_continue = email.deliverability * p_open * p_click;
  out.money = 0.0;
  out.referrals = 0;

  // Every opener, whatever they do next, opened after the same delay.
  const auto open_delay = [&] {
    const double mean =
        kDelayMinMeanHours + kDelayLowAffinityHours * (1.0 - affinity);
    return email.wake_wait_hours + exponential(u[2], mean) + kReadHours;
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

js_status Interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* error) {
  return guarded(error, [&]() -> js_status {
    if (instance == nullptr || batch == nullptr || out == nullptr) {
      write_error(error,
                  "email: interact called without instance, batch or "
                  "output");
      return JS_ERROR;
    }
    if (batch->agent_count > 0 &&
        (batch->agents == nullptr || batch->personas == nullptr)) {
      write_error(error,
                  "email: batch has agents but no agent or persona "
                  "array");
      return JS_ERROR;
    }
    // Read-only: the host may call this concurrently for one touchpoint.
    const auto& email = *static_cast<const EmailTouchpoint*>(instance);
    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      if (agent.persona >= batch->persona_count || agent.uniforms == nullptr) {
        Fail(error,
             "email: agent %u of the batch has persona index %u (batch has "
             "%u personas) or no uniforms",
             static_cast<unsigned>(i), static_cast<unsigned>(agent.persona),
             static_cast<unsigned>(batch->persona_count));
        return JS_ERROR;
      }
      out[i] = Decide(email, batch->personas[agent.persona], agent);
    }
    return JS_OK;
  });
}

constexpr js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "email",
    "1.0.0",
    "an email: delivered, opened (affinity, subject, hour, fatigue), clicked",
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
