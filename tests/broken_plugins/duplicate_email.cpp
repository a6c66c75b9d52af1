// Breaks nothing by itself: a well-behaved plugin whose channel name is
// "email". Loaded beside the real email plugin, a host must reject the second
// registration of the name, naming both files.
#include "well_behaved.h"

namespace {

constexpr js_channel_descriptor kDescriptor = broken::make_descriptor("email");

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
