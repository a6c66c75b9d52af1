// Breaks the next edge: every agent is sent to edge 7, whatever the
// touchpoint has (tests give it fewer than 8 edges). A host must reject an
// edge index >= edge_count instead of indexing past its edge list.
#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* batch, js_outcome* out,
                   char* /*error*/) {
  for (uint32_t i = 0; i < batch->agent_count; ++i) {
    out[i] = broken::valid_outcome();
    out[i].next = 7;
  }
  return JS_OK;
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("bad_edge");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
