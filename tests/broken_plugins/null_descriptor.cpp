// Breaks the descriptor: the entry point exists but returns nullptr. A host
// must report a null descriptor instead of dereferencing it.
#include <journeysim/channel_sdk.h>

JS_CHANNEL_EXPORT const js_channel_descriptor* journeysim_channel_v1(void) {
  return nullptr;
}
