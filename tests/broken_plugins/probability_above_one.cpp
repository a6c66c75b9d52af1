// Breaks an outcome value: p_continue = 1.5 (the agent still continues). A
// host must reject a probability outside [0, 1].
#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* batch, js_outcome* out,
                   char* /*error*/) {
  for (uint32_t i = 0; i < batch->agent_count; ++i) {
    out[i] = broken::valid_outcome();
    out[i].p_continue = 1.5;
  }
  return JS_OK;
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("probability_above_one");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
