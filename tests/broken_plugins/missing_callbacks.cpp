// Breaks the callbacks: interact is nullptr. A host must refuse the plugin at
// load (naming the missing callback) rather than call through a null pointer.
#include "well_behaved.h"

namespace {

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("missing_callbacks");
  d.interact = nullptr;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
