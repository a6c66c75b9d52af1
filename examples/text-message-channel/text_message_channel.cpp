// A minimal but complete journeysim channel: a text message with a link.
// The customer continues when the message arrives and they tap the link:
//   p_continue = delivery * click,  click = clamp01(click_rate * 2 * affinity)
// so a persona with text_message affinity 0.5 taps at exactly `click_rate`.
//
// The channel writes its tables and its model; the SDK's boundary
// (journeysim/channel_boundary.h) writes configure, destroy and interact:
// parameter checks, batch checks, the per-persona cache, no exception across
// the C boundary.
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

namespace {

using journeysim::sdk::clamp01;
using journeysim::sdk::exponential;

constexpr js_param_spec kParams[] = {
    {"delivery", JS_PARAM_NUMBER, 0.98, 0.0, 1.0,
     "share of messages delivered"},
    {"click_rate", JS_PARAM_NUMBER, 0.1, 0.0, 0.5,
     "link taps of a persona with affinity 0.5"},
};

constexpr js_drop_reason kReasons[] = {
    {"not_delivered", "message not delivered", "clean the phone-number list"},
    {"no_tap", "did not tap the link",
     "make the offer in the first 40 characters"},
};

// Uniforms: decision, reason, reading delay.
constexpr uint32_t kUniforms = 3;

struct TextMessage {
  double delivery;
  double click_rate;
};

TextMessage MakeTextMessage(const double* params) {
  return {params[0], params[1]};
}

// What depends on the persona alone: its chance of tapping the link.
double TapChance(const TextMessage& text, const js_persona_view& persona) {
  return clamp01(text.click_rate * 2.0 * persona.channel_affinity);
}

js_outcome Decide(const TextMessage& text, const double& click,
                  const js_agent_view& agent) {
  const double p = text.delivery * click;
  const bool taps = agent.uniforms[0] < p;
  js_outcome o{};
  o.next = taps ? JS_NEXT_BY_WEIGHT : JS_NEXT_DROP;
  // Of the failures, (1 - delivery) / (1 - p) were never delivered.
  o.reason = agent.uniforms[1] * (1.0 - p) < (1.0 - text.delivery) ? 0 : 1;
  o.p_continue = p;
  o.hours = exponential(agent.uniforms[2], 0.5);  // read within ~30 minutes
  o.effort = taps ? 0.5 : 0.0;
  o.emotion = taps ? 0.02 : -0.01;
  o.money = 0.0;
  o.messages = 1;
  o.referrals = 0;
  return o;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "text_message", "1.0.0", "text message with a link", kParams, kReasons, kUniforms);

constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeTextMessage, TapChance, Decide>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
