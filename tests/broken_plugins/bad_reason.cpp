// Breaks the drop reason: every agent drops (p_continue = 0, consistent) with
// reason index 1 while the plugin declares one reason (index 0): the classic
// off-by-one. A host must reject a reason index >= reason_count.
#include <iterator>

#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* batch, js_outcome* out,
                   char* /*error*/) {
  for (uint32_t i = 0; i < batch->agent_count; ++i) {
    out[i] = broken::valid_outcome();
    out[i].next = JS_NEXT_DROP;
    out[i].p_continue = 0.0;
    out[i].reason = static_cast<uint32_t>(std::size(broken::kReasons));
  }
  return JS_OK;
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("bad_reason");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
