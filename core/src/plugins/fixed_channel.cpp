// The built-in `fixed` channel: a touchpoint whose behaviour is given
// outright. `next` weights are transition probabilities (normalised), `drop`
// the probability of leaving. It is what calibrated models and simple maps
// use, and what lets tests compare the engine with exact Markov-chain results.
// It goes through the same descriptor as any plugin, so the engine has one
// code path.
#include "journeysim/plugin_host.h"

namespace journeysim {
namespace {

enum Param : uint32_t { kDrop, kHours, kEffort, kEmotion, kValue, kParamCount };

const js_param_spec kParams[kParamCount] = {
    {"drop", JS_PARAM_NUMBER, 0.0, 0.0, 1.0,
     "probability that a customer leaves here"},
    {"hours", JS_PARAM_NUMBER, 0.0, 0.0, 876000.0,
     "time a customer spends here, in hours"},
    {"effort", JS_PARAM_NUMBER, 0.0, 0.0, 1000.0,
     "effort a customer spends here (1 = one simple action)"},
    {"emotion", JS_PARAM_NUMBER, 0.0, -1.0, 1.0,
     "change of satisfaction for customers who pass"},
    {"value", JS_PARAM_NUMBER, 0.0, 0.0, 1e15,
     "revenue taken from each customer who passes"},
};

const js_drop_reason kReasons[] = {
    {"dropped", "left at this step",
     "find out why customers leave here (survey, session recordings)"},
};

// The events a version-1 plugin's outcomes are named too, so a scenario
// reads the same whichever channel serves a touchpoint.
enum Event : uint32_t { kContinued, kDropped, kEventCount };
const js_event kEvents[kEventCount] = {
    {"continued", "passed on along next", JS_EVENT_SUCCESS},
    {"dropped", "left at this step", 0},
};
const uint32_t kReasonEvents[] = {kDropped};

struct FixedTouchpoint {
  double keep;  // 1 - drop
  double hours, effort, emotion, value;
};

js_status configure(const js_config_view* config, void** instance,
                    char* error) {
  return journeysim::sdk::guarded(error, [&] {
    const double* p = config->params;
    *instance = new FixedTouchpoint{1.0 - p[kDrop], p[kHours], p[kEffort],
                                    p[kEmotion], p[kValue]};
    return JS_OK;
  });
}

void destroy(void* instance) { delete static_cast<FixedTouchpoint*>(instance); }

js_status interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* /*error*/) {
  const auto& tp = *static_cast<const FixedTouchpoint*>(instance);
  for (uint32_t i = 0; i < batch->agent_count; ++i) {
    const bool stays = batch->agents[i].uniforms[0] < tp.keep;
    js_outcome& o = out[i];
    o.next = stays ? JS_NEXT_BY_WEIGHT : JS_NEXT_DROP;
    o.reason = 0;  // the drop reason, or the one success event
    o.p_continue = tp.keep;
    o.hours = tp.hours;
    o.effort = tp.effort;
    o.emotion = stays ? tp.emotion : 0.0;
    o.money = stays ? tp.value : 0.0;
    o.messages = 0;
    o.referrals = 0;
  }
  return JS_OK;
}

const js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "fixed",
    "1.1.0",
    "behaviour given outright: next weights are transition probabilities",
    kParams,
    kParamCount,
    kReasons,
    1,
    1,
    configure,
    destroy,
    interact,
    kEvents,
    kEventCount,
    kReasonEvents,
};

}  // namespace

const js_channel_descriptor& fixed_channel_descriptor() { return kDescriptor; }

}  // namespace journeysim
