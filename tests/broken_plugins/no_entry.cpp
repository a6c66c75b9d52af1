// Breaks the entry point: exports a misspelt `journeysim_chanel_v1` and no
// `journeysim_channel_v1`. A host must report that the library does not
// export the entry point (a shared library, just not a channel plugin).
#include "well_behaved.h"

namespace {

constexpr js_channel_descriptor kDescriptor =
    broken::make_descriptor("no_entry");

}  // namespace

// The one exported symbol, deliberately not the SDK entry point name.
JS_CHANNEL_EXPORT const js_channel_descriptor* journeysim_chanel_v1(void) {
  return &kDescriptor;
}
