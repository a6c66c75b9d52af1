// Crashes mid-run: interact writes to address 16, which is never mapped
// (SIGSEGV; not a null pointer, which UBSan would report first). A
// host must name the plugin, the touchpoint and the signal, exit 3 and leave
// no output; plugin-test must fail it, not die with it.
#include <cstdint>

#include "well_behaved.h"

namespace {

js_status interact(void* instance, const js_batch* batch, js_outcome* out, char* error) {
  // A volatile pointer: the compiler cannot see where it points, so the store
  // stays a real store (and no -Warray-bounds for a known bad address).
  volatile int* volatile nowhere = reinterpret_cast<volatile int*>(uintptr_t{16});
  *nowhere = 1;
  return broken::interact_ok(instance, batch, out, error);
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("segfaults");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
