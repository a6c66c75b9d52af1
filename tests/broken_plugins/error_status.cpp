// Breaks a run the well-mannered way: interact returns JS_ERROR with the
// message "database unreachable". A host must stop and pass the plugin's
// message on, naming plugin and touchpoint.
#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* /*batch*/,
                   js_outcome* /*out*/, char* error) {
  journeysim::sdk::write_error(error, "database unreachable");
  return JS_ERROR;
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("error_status");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
