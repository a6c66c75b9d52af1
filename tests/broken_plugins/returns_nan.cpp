// Breaks an outcome value: every outcome has emotion = NaN. A host must reject
// it (a non-finite emotion) rather than let it poison the satisfaction sums.
#include <limits>

#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* batch, js_outcome* out,
                   char* /*error*/) {
  for (uint32_t i = 0; i < batch->agent_count; ++i) {
    out[i] = broken::valid_outcome();
    out[i].emotion = std::numeric_limits<double>::quiet_NaN();
  }
  return JS_OK;
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("returns_nan");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
