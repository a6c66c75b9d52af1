// Recurses without end in interact until the thread's stack overflows
// (SIGSEGV on the guard page, with no stack left to run a handler on). A host
// must still name the plugin and the touchpoint, exit 3: the guard runs its
// handler on an alternate stack.
#include "well_behaved.h"

namespace {

// Not a tail call (the frame's byte is used after the call) and not provably
// endless (a negative depth would stop it), so it stays a real recursion.
int deeper(int depth) {
  volatile char frame[256];
  frame[0] = static_cast<char>(depth);
  if (depth < 0) {
    return 0;
  }
  return deeper(depth + 1) + frame[0];
}

js_status interact(void* instance, const js_batch* batch, js_outcome* out, char* error) {
  if (deeper(static_cast<int>(batch->agent_count)) == 42) {
    return JS_ERROR;
  }
  return broken::interact_ok(instance, batch, out, error);
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("recurses_forever");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
