// Breaks an outcome value: hours = -1 (time running backwards). A host must
// reject a negative time.
#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* batch, js_outcome* out,
                   char* /*error*/) {
  for (uint32_t i = 0; i < batch->agent_count; ++i) {
    out[i] = broken::valid_outcome();
    out[i].hours = -1.0;
  }
  return JS_OK;
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("negative_time");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
