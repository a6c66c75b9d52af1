// The `support` channel: a support or sales conversation (chat, phone, call).
//
// The behavioural model (equations, coefficients, worked numbers) is stated in
// README.md beside this file; the constants below carry the same names as the
// README's coefficient table, and support_channel_test.cpp recomputes the
// README equations independently, so a change here without a change there
// fails.
#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <memory>

namespace {

using journeysim::sdk::exponential;
using journeysim::sdk::guarded;
using journeysim::sdk::logistic;
using journeysim::sdk::write_error;

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

constexpr js_param_spec kParams[] = {
    {"wait_minutes", JS_PARAM_NUMBER, 5.0, 0.0, 10080.0,
     "minutes before an agent answers (up to a week for slow e-mail support)"},
    {"resolution_rate", JS_PARAM_NUMBER, 0.8, 0.0, 1.0,
     "share of answered contacts whose issue is resolved (or, on a sales "
     "call, whose questions are answered)"},
    {"friendliness", JS_PARAM_NUMBER, 0.7, 0.0, 1.0,
     "how warm and respectful the agent is, 0 rude .. 1 excellent"},
    {"callback", JS_PARAM_BOOLEAN, 0.0, 0.0, 1.0,
     "offer a call back instead of holding (caps the perceived wait)"},
    {"deal_value", JS_PARAM_NUMBER, 0.0, 0.0, 1e7,
     "money taken when a sales call closes; 0 = a support conversation"},
    {"persuasion", JS_PARAM_NUMBER, 0.3, 0.0, 1.0,
     "sales calls: chance an interested customer of average price "
     "sensitivity says yes"},
};
static_assert(std::size(kParams) == kParamCount);

// Reasons in the order the conversation meets them; a reason's index is also
// the index of its stage in the drop funnel (README §Model).
enum Reason : uint32_t {
  kGaveUpWaiting,
  kNotResolved,
  kUnfriendly,
  kSaidNo,
  kReasonCount
};

constexpr js_drop_reason kReasons[] = {
    {"gave_up_waiting", "gave up waiting for an agent",
     "cut the wait: staff the peak hours, or offer a call back"},
    {"not_resolved", "problem not resolved",
     "raise first-contact resolution: agent training, a better knowledge "
     "base, authority to fix things"},
    {"unfriendly", "put off by an unfriendly agent",
     "coach agents on tone and empathy; review low-rated conversations"},
    {"said_no", "said no to the offer",
     "qualify leads better; rework the offer and the objection handling"},
};
static_assert(std::size(kReasons) == kReasonCount);

// uniforms[0]: continue or drop; [1]: which reason; [2]: time spent.
constexpr uint32_t kUniforms = 3;

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

// Everything that depends only on the touchpoint's params, derived once.
struct Desk {
  bool has_wait;          // perceived wait > 0; else nobody gives up
  double log_wait;        // ln(perceived wait)
  double wait_minutes;    // real minutes before an answer
  double perceived_wait;  // minutes that count for patience
  double resolution_rate;
  double unfriendly_eta;  // stage-3 log-odds before the persona term
  bool sales;
  double deal_value;
  double persuasion;
  double talk_mean_minutes;
  double give_up_effort;
  double reached_effort;  // effort of everyone who got an answer
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

double centred(double x, double centre) { return x - centre; }

// printf-style variant of sdk::write_error, for messages naming values.
__attribute__((format(printf, 2, 3))) void write_errorf(char* error,
                                                        const char* format,
                                                        ...) {
  if (error == nullptr) {
    return;
  }
  va_list args;
  va_start(args, format);
  std::vsnprintf(error, JS_ERROR_CAPACITY, format, args);
  va_end(args);
}

// Probability of yes for an interested customer: persuasion shifted in
// log-odds by price sensitivity, written in odds form so that persuasion 0
// and 1 stay exact (no logit of 0 or 1).
double yes_probability(double persuasion, double price_sensitivity) {
  const double k =
      std::exp(kYesPriceSensitivity * centred(price_sensitivity, kTraitCentre));
  return persuasion * k / (1.0 - persuasion + persuasion * k);
}

PersonaTerms persona_terms(const Desk& desk, const js_persona_view& persona) {
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

// The stage at which a dropping agent left: stage k takes the share
// P(reach k) q_k / (1 - p) of the failures, so `target` = u * (1 - p) is
// walked through the cumulative drop probabilities. A stage with q_k = 0 is
// never chosen; rounding at the far end falls back to the last live stage.
uint32_t drop_stage(const std::array<double, kReasonCount>& q, double target) {
  double reach = 1.0;
  double cumulative = 0.0;
  uint32_t last = kGaveUpWaiting;
  for (uint32_t k = 0; k < kReasonCount; ++k) {
    const double d = reach * q[k];
    if (d > 0.0) {
      cumulative += d;
      last = k;
      if (target < cumulative) {
        return k;
      }
    }
    reach *= 1.0 - q[k];
  }
  return last;
}

js_status configure(const js_config_view* config, void** instance,
                    char* error) {
  return guarded(error, [&]() -> js_status {
    if (config == nullptr || instance == nullptr || config->params == nullptr ||
        config->param_count != kParamCount) {
      write_error(error, "support: expected 6 resolved parameters");
      return JS_ERROR;
    }
    const double* p = config->params;
    const char* where =
        config->touchpoint_id != nullptr ? config->touchpoint_id : "?";
    if (p[kDealValue] > 0.0 && p[kPersuasion] == 0.0) {
      write_errorf(error,
                   "support touchpoint '%s': deal_value = %g makes this a "
                   "sales call, but persuasion = 0 means no customer ever "
                   "says yes; set persuasion > 0 or deal_value = 0",
                   where, p[kDealValue]);
      return JS_ERROR;
    }

    auto desk = std::make_unique<Desk>();
    const bool callback = p[kCallback] != 0.0;
    const double wait = p[kWaitMinutes];
    const double friendliness = p[kFriendliness];
    desk->wait_minutes = wait;
    desk->perceived_wait =
        callback ? std::min(wait, kCallbackPerceivedCapMinutes) : wait;
    desk->has_wait = desk->perceived_wait > 0.0;
    desk->log_wait = desk->has_wait ? std::log(desk->perceived_wait) : 0.0;
    desk->resolution_rate = p[kResolutionRate];
    desk->unfriendly_eta =
        kUnfriendlyIntercept +
        kUnfriendlyFriendliness * centred(friendliness, kFriendlinessCentre);
    desk->sales = p[kDealValue] > 0.0;
    desk->deal_value = p[kDealValue];
    desk->persuasion = p[kPersuasion];
    desk->talk_mean_minutes =
        desk->sales ? kSalesTalkMinutes : kSupportTalkMinutes;

    const double hold_effort =
        callback ? kCallbackEffort
                 : std::min(kHoldEffortCap, kHoldEffortPerMinute * wait);
    desk->give_up_effort = kGiveUpEffort + hold_effort;
    desk->reached_effort = kContactEffort + hold_effort;

    const double wait_penalty = std::min(
        kWaitEmotionCap, kWaitEmotionScale * std::log1p(desk->perceived_wait /
                                                        kWaitEmotionMinutes));
    const double friendly = friendliness - 0.5;
    desk->continue_emotion = kEmotionContinue +
                             kEmotionContinueFriendliness * friendly -
                             wait_penalty;
    desk->drop_emotion[kGaveUpWaiting] = kEmotionGaveUp - wait_penalty;
    desk->drop_emotion[kNotResolved] =
        kEmotionNotResolved + kEmotionNotResolvedFriendliness * friendly -
        wait_penalty;
    desk->drop_emotion[kUnfriendly] = kEmotionUnfriendly - wait_penalty;
    desk->drop_emotion[kSaidNo] =
        kEmotionSaidNo + kEmotionSaidNoFriendliness * friendly;

    *instance = desk.release();
    return JS_OK;
  });
}

void destroy(void* instance) { delete static_cast<Desk*>(instance); }

// Personas whose terms are cached on the stack per batch; scenarios have a
// handful, and any beyond this are computed per agent (correct, just slower).
constexpr uint32_t kCachedPersonas = 64;

js_status interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* error) {
  return guarded(error, [&]() -> js_status {
    if (instance == nullptr || batch == nullptr ||
        (batch->agent_count > 0 &&
         (batch->agents == nullptr || out == nullptr ||
          batch->personas == nullptr))) {
      write_error(error,
                  "support: interact called with a null instance or batch");
      return JS_ERROR;
    }
    const Desk& desk = *static_cast<const Desk*>(instance);
    // Uninitialised on purpose: filling 64 entries per call would cost more
    // than small batches do; `ready` says which entries hold data.
    std::array<PersonaTerms, kCachedPersonas> cache;
    uint64_t ready = 0;

    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      if (agent.persona >= batch->persona_count) {
        write_errorf(error,
                     "support: agent %u has persona index %u but the batch "
                     "has %u personas",
                     i, agent.persona, batch->persona_count);
        return JS_ERROR;
      }
      PersonaTerms uncached;
      const PersonaTerms* terms = &uncached;
      if (agent.persona < kCachedPersonas) {
        const uint64_t bit = uint64_t{1} << agent.persona;
        if ((ready & bit) == 0) {
          cache[agent.persona] =
              persona_terms(desk, batch->personas[agent.persona]);
          ready |= bit;
        }
        terms = &cache[agent.persona];
      } else {
        uncached = persona_terms(desk, batch->personas[agent.persona]);
      }

      double q_wait = 0.0;
      if (desk.has_wait) {
        const double log_tolerance =
            terms->log_tolerance +
            kToleranceSatisfaction * centred(agent.satisfaction, kTraitCentre) +
            (agent.visits > 0 ? kToleranceRepeatContact : 0.0);
        q_wait = logistic(kWaitShape * (desk.log_wait - log_tolerance));
      }
      const double p = (1.0 - q_wait) * terms->survive_after_wait;
      const double* u = agent.uniforms;

      js_outcome& o = out[i];
      o.p_continue = p;
      o.messages = 0;
      o.referrals = 0;
      double minutes = 0.0;
      if (u[0] < p) {
        o.next = JS_NEXT_BY_WEIGHT;
        o.reason = 0;
        minutes = desk.wait_minutes + exponential(u[2], desk.talk_mean_minutes);
        o.effort = desk.reached_effort + kResolvedEffort;
        o.emotion = desk.continue_emotion;
        o.money = desk.deal_value;
      } else {
        std::array<double, kReasonCount> q = terms->q;
        q[kGaveUpWaiting] = q_wait;
        const uint32_t reason = drop_stage(q, u[1] * (1.0 - p));
        o.next = JS_NEXT_DROP;
        o.reason = reason;
        if (reason == kGaveUpWaiting) {
          // Hung up somewhere within the wait they were made to feel.
          minutes = u[2] * desk.perceived_wait;
          o.effort = desk.give_up_effort;
        } else {
          minutes =
              desk.wait_minutes + exponential(u[2], desk.talk_mean_minutes);
          o.effort = desk.reached_effort +
                     (reason == kNotResolved ? kNotResolvedEffort : 0.0);
        }
        o.emotion = desk.drop_emotion[reason];
        o.money = 0.0;
      }
      o.hours = minutes / 60.0;
    }
    return JS_OK;
  });
}

constexpr js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "support",
    "1.0.0",
    "a support or sales conversation: chat, phone or sales call",
    kParams,
    kParamCount,
    kReasons,
    kReasonCount,
    kUniforms,
    configure,
    destroy,
    interact,
};

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
