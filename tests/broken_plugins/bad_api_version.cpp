// Breaks the API version: declares 42, as a plugin
// built against a far newer SDK would. A host must refuse it before reading
// anything else, naming the file and both versions.
#include "well_behaved.h"

namespace {

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("bad_api_version");
  d.api_version = 42;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
