// Calls exit(0) mid-run: a process ending "successfully" inside a plugin
// call. A host must not take that for success: it names the plugin and the
// touchpoint and exits 3; plugin-test must fail it.
#include <cstdlib>

#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* /*batch*/, js_outcome* /*out*/,
                   char* /*error*/) {
  std::exit(0);
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("exits_zero");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
