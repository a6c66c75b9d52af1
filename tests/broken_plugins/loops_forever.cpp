// Never returns from interact: it spins (a volatile counter, so the loop
// is not undefined behaviour the compiler may remove). A host must end it
// after --plugin-timeout, naming the plugin and the touchpoint (exit 4), and
// SIGTERM must still end the run.
#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* /*batch*/, js_outcome* /*out*/,
                   char* /*error*/) {
  volatile unsigned long spins = 0;
  for (;;) {
    spins = spins + 1;
  }
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("loops_forever");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
