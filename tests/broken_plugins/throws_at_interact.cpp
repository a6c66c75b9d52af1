// Breaks the no-exceptions rule mid-run: interact throws
// std::runtime_error("boom at interact") without sdk::guarded, so the
// exception escapes into the host (possibly on a worker thread). A host must
// contain it, stop the run and report it naming plugin and touchpoint.
#include <stdexcept>

#include "well_behaved.h"

namespace {

js_status interact(void* /*instance*/, const js_batch* /*batch*/,
                   js_outcome* /*out*/, char* /*error*/) {
  throw std::runtime_error("boom at interact");
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("throws_at_interact");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
