// Calls abort() mid-run, as a failed assert or an exception escaping a
// noexcept function would (SIGABRT). A host must name the plugin and the
// touchpoint, exit 3, and leave no output.
#include <cstdlib>

#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* /*batch*/, js_outcome* /*out*/,
                   char* /*error*/) {
  std::abort();
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("aborts");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
