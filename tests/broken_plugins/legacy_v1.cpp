// Not broken: a channel as built against API version 1's channel_sdk.h,
// before events existed. Its descriptor is that header's struct, frozen here
// field for field (88 bytes on LP64, no event table), so the host reading
// one byte past it would be a bug ASan reports. Half its agents drop; the
// continuing half leave `reason` at 9, which version 1 allowed. A host must
// load it and name its outcomes `continued` and `dropped`.
#include "well_behaved.h"

namespace {

// API version 1's js_channel_descriptor, as it was.
struct DescriptorV1 {
  uint32_t api_version;
  uint32_t struct_size;
  const char* name;
  const char* version;
  const char* description;
  const js_param_spec* params;
  uint32_t param_count;
  const js_drop_reason* reasons;
  uint32_t reason_count;
  uint32_t uniforms_per_interaction;
  js_status (*configure)(const js_config_view*, void**, char*);
  void (*destroy)(void*);
  js_status (*interact)(void*, const js_batch*, js_outcome*, char*);
};
static_assert(sizeof(DescriptorV1) == JS_CHANNEL_DESCRIPTOR_V1_SIZE,
              "version 2 must extend version 1's layout, not change it");

js_status interact(void* /*instance*/, const js_batch* batch, js_outcome* out,
                   char* /*error*/) {
  for (uint32_t i = 0; i < batch->agent_count; ++i) {
    const bool stays = batch->agents[i].uniforms[0] < 0.5;
    out[i] = broken::valid_outcome();
    out[i].next = stays ? JS_NEXT_BY_WEIGHT : JS_NEXT_DROP;
    out[i].reason = stays ? 9 : 0;
    out[i].p_continue = 0.5;
  }
  return JS_OK;
}

constexpr DescriptorV1 kDescriptor = {1,
                                      sizeof(DescriptorV1),
                                      "legacy_v1",
                                      "0.0.1",
                                      "a channel built against plugin API 1",
                                      broken::kParams,
                                      1,
                                      broken::kReasons,
                                      1,
                                      1,
                                      broken::configure_ok,
                                      broken::destroy_ok,
                                      interact};

}  // namespace

JS_CHANNEL_EXPORT const js_channel_descriptor* journeysim_channel_v1(void) {
  // What an API 1 binary hands over: a pointer to the smaller struct.
  return reinterpret_cast<const js_channel_descriptor*>(&kDescriptor);
}
