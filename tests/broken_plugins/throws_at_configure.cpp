// Breaks the no-exceptions rule at load: configure throws
// std::runtime_error("boom at configure") without sdk::guarded, so the
// exception escapes into the host. A host must contain it and report it as a
// configuration error of this plugin and touchpoint, never crash.
#include <stdexcept>

#include "well_behaved.h"

namespace {

js_status configure(const js_config_view* /*config*/, void** /*instance*/,
                    char* /*error*/) {
  throw std::runtime_error("boom at configure");
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("throws_at_configure");
  d.configure = configure;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
