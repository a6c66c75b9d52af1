// Breaks the descriptor size: claims to be one pointer shorter than
// js_channel_descriptor, as a plugin built against a different layout would.
// A host must refuse it (naming both sizes) rather than read past its end.
#include "well_behaved.h"

namespace {

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("bad_struct_size");
  d.struct_size = sizeof(js_channel_descriptor) - sizeof(void*);
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
