// Calls exit(3) mid-run. A host names the plugin and the touchpoint and
// exits with its own code for a plugin that ended the process (3), whatever
// status the plugin chose.
#include <cstdlib>

#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* /*batch*/, js_outcome* /*out*/,
                   char* /*error*/) {
  std::exit(3);
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("exits_three");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
