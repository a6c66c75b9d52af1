// Breaks the descriptor size: says API version 2 but gives version 1's size,
// as a plugin that bumped the version without rebuilding against the new
// header would. A host must refuse it (naming both sizes) rather than read
// an event table that is not there.
#include "well_behaved.h"

namespace {

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("v2_with_v1_size");
  d.struct_size = JS_CHANNEL_DESCRIPTOR_V1_SIZE;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
