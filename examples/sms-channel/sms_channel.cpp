// A minimal but complete journeysim channel: a text message with a link.
// The customer continues when the message arrives and they tap the link:
//   p_continue = delivery * click,  click = clamp01(click_rate * 2 * affinity)
// so a persona with SMS affinity 0.5 taps at exactly `click_rate`.
#include <journeysim/channel_sdk.h>

namespace {

using journeysim::sdk::clamp01;
using journeysim::sdk::exponential;
using journeysim::sdk::guarded;

const js_param_spec kParams[] = {
    {"delivery", JS_PARAM_NUMBER, 0.98, 0.0, 1.0, "share of messages delivered"},
    {"click_rate", JS_PARAM_NUMBER, 0.1, 0.0, 0.5, "link taps of a persona with affinity 0.5"},
};

const js_drop_reason kReasons[] = {
    {"not_delivered", "message not delivered", "clean the phone-number list"},
    {"no_tap", "did not tap the link", "make the offer in the first 40 characters"},
};

struct Sms {
  double delivery;
  double click_rate;
};

js_status configure(const js_config_view* config, void** instance, char* error) {
  return guarded(error, [&] {
    *instance = new Sms{config->params[0], config->params[1]};
    return JS_OK;
  });
}

void destroy(void* instance) { delete static_cast<Sms*>(instance); }

js_status interact(void* instance, const js_batch* batch, js_outcome* out, char* error) {
  return guarded(error, [&] {
    const Sms& sms = *static_cast<const Sms*>(instance);
    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      const double affinity = batch->personas[agent.persona].channel_affinity;
      const double click = clamp01(sms.click_rate * 2.0 * affinity);
      const double p = sms.delivery * click;
      const bool taps = agent.uniforms[0] < p;
      js_outcome& o = out[i];
      o.next = taps ? JS_NEXT_BY_WEIGHT : JS_NEXT_DROP;
      // Of the failures, (1 - delivery) / (1 - p) were never delivered.
      o.reason = agent.uniforms[1] * (1.0 - p) < (1.0 - sms.delivery) ? 0 : 1;
      o.p_continue = p;
      o.hours = exponential(agent.uniforms[2], 0.5);  // read within ~30 minutes
      o.effort = taps ? 0.5 : 0.0;
      o.emotion = taps ? 0.02 : -0.01;
      o.money = 0.0;
      o.messages = 1;
      o.referrals = 0;
    }
    return JS_OK;
  });
}

const js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION, sizeof(js_channel_descriptor), "sms", "1.0.0",
    "text message with a link", kParams, 2, kReasons, 2,
    3,  // uniforms: decision, reason, reading delay
    configure, destroy, interact,
};

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
