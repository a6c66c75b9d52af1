// The model shared by the `sms` and `push` channels: a short message that is
// delivered or not, read at once or after the quiet hours, acted on, ignored,
// or answered by opting out. The two channels differ only in their
// coefficients (sms_model.h, push_model.h) and defaults; the equations are
// stated in plugins/sms/README.md and plugins/push/README.md, and each
// channel's test recomputes them independently.
#pragma once

#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstdint>

namespace journeysim::channels::short_message {

// Parameter indices, in declaration order (the same for both channels).
enum Param : uint32_t {
  kDeliveryRate,
  kActRate,
  kSentAtHour,
  kOptOutRate,
  kParamCount
};

// Reasons in the order the message meets them.
enum Reason : uint32_t { kUndelivered, kOptedOut, kIgnored, kReasonCount };

// What differs between a text message and a push notification.
struct Coefficients {
  double fatigue_messages;   // M: messages that double the opt-out hazard
  double act_delay_hours;    // mean time from reading to acting
};

// --- Coefficients shared by both (README "Coefficient table"). ---
// Quiet hours 21:00-08:00 local: the window US rules (TCPA, 47 CFR
// 64.1200(c)(1)) leave free of marketing calls and texts.
constexpr int kQuietFrom = 21;
constexpr int kQuietUntil = 8;
constexpr double kQuietOptOutFactor = 3.0;
constexpr double kQuietActFactor = 0.6;
constexpr double kActAffinityGap = 1.0;
constexpr double kActPerMessage = -0.03;
constexpr double kHoursPerDay = 24.0;

// --- Consequences (README §Consequences). ---
constexpr double kActEffort = 1.0;
constexpr double kOptOutEffort = 1.0;
constexpr double kGlanceEffort = 0.1;
constexpr double kEmotionActed = 0.02;
constexpr double kEmotionIgnored = -0.01;
constexpr double kEmotionIgnoredQuiet = -0.04;
constexpr double kEmotionOptedOut = -0.10;

inline bool quiet_hour(int hour) {
  return hour >= kQuietFrom || hour < kQuietUntil;
}

// Everything that depends only on the touchpoint's params.
struct Send {
  Coefficients c;
  double delivery_rate;
  double act_rate;
  bool quiet;
  double wake_hours;       // from sending until it is read (quiet hours)
  double opt_out_hazard;   // opt_out_rate, x3 in the quiet hours
  double act_factor;       // 1, or 0.6 in the quiet hours
  double ignored_emotion;
};

inline Send MakeSend(const Coefficients& c, const double* p) {
  Send s;
  s.c = c;
  s.delivery_rate = p[kDeliveryRate];
  s.act_rate = p[kActRate];
  const int hour = static_cast<int>(p[kSentAtHour]);
  s.quiet = quiet_hour(hour);
  s.wake_hours =
      s.quiet ? std::fmod(kQuietUntil - hour + kHoursPerDay, kHoursPerDay)
              : 0.0;
  s.opt_out_hazard = p[kOptOutRate] * (s.quiet ? kQuietOptOutFactor : 1.0);
  s.act_factor = s.quiet ? kQuietActFactor : 1.0;
  s.ignored_emotion = s.quiet ? kEmotionIgnoredQuiet : kEmotionIgnored;
  return s;
}

// The persona's liking for the channel, as an odds factor on acting.
struct PersonaTerms {
  double log_odds_shift;
};

inline PersonaTerms persona_terms(const Send& /*send*/,
                                  const js_persona_view& persona) {
  return {kActAffinityGap *
          (persona.channel_affinity - persona.best_other_affinity)};
}

// The funnel for an agent who has received `messages` messages before.
inline std::array<double, kReasonCount> stage_losses(const Send& s,
                                                     const PersonaTerms& t,
                                                     uint32_t messages) {
  const double m = static_cast<double>(messages);
  const double opt_out =
      -std::expm1(-s.opt_out_hazard * (1.0 + m / s.c.fatigue_messages));
  const double k = std::exp(t.log_odds_shift + kActPerMessage * m);
  const double act =
      s.act_factor * s.act_rate * k / (1.0 - s.act_rate + s.act_rate * k);
  return {1.0 - s.delivery_rate, opt_out, 1.0 - act};
}

inline js_outcome Decide(const Send& s, const PersonaTerms& t,
                         const js_agent_view& agent) {
  const std::array<double, kReasonCount> q =
      stage_losses(s, t, agent.messages);
  const double p = (1.0 - q[0]) * (1.0 - q[1]) * (1.0 - q[2]);
  const double* u = agent.uniforms;
  js_outcome o{};
  o.p_continue = p;
  o.messages = 1;
  if (u[0] < p) {
    o.next = JS_NEXT_BY_WEIGHT;
    o.reason = 0;
    o.hours = s.wake_hours + sdk::exponential(u[2], s.c.act_delay_hours);
    o.effort = kActEffort;
    o.emotion = kEmotionActed;
    return o;
  }
  o.next = JS_NEXT_DROP;
  o.reason = sdk::failed_check(q, u[1] * (1.0 - p), kUndelivered);
  switch (o.reason) {
    case kUndelivered:  // never arrived: no time, no fatigue
      o.messages = 0;
      break;
    case kOptedOut:
      o.hours = s.wake_hours;
      o.effort = kOptOutEffort;
      o.emotion = kEmotionOptedOut;
      break;
    default:
      o.effort = kGlanceEffort;
      o.emotion = s.ignored_emotion;
      break;
  }
  return o;
}

}  // namespace journeysim::channels::short_message
