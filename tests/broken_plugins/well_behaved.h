// The well-behaved parts every broken test plugin shares: one parameter, one
// drop reason, API version 2's events `continued` (success) and `dropped`
// (the reason's), everyone continues by weight. Each plugin's own .cpp breaks
// exactly one thing, so a host test failing on it fails for that reason.
#pragma once

#include <journeysim/channel_sdk.h>

namespace broken {

inline constexpr js_param_spec kParams[] = {
    {"level", JS_PARAM_NUMBER, 0.5, 0.0, 1.0, "an arbitrary test parameter"},
};

inline constexpr js_drop_reason kReasons[] = {
    {"test_reason", "a test reason", "nothing to do: a test plugin"},
};

inline constexpr js_event kEvents[] = {
    {"continued", "passed on", JS_EVENT_SUCCESS},
    {"dropped", "left", 0},
};

inline constexpr uint32_t kReasonEvents[] = {1};

inline js_status configure_ok(const js_config_view* /*config*/, void** instance,
                              char* /*error*/) {
  *instance = nullptr;  // stateless
  return JS_OK;
}

inline void destroy_ok(void* /*instance*/) {}

// A valid outcome: continue by weight, small and finite consequences.
inline js_outcome valid_outcome() {
  js_outcome o{};
  o.next = JS_NEXT_BY_WEIGHT;
  o.reason = 0;
  o.p_continue = 1.0;
  o.hours = 0.01;
  o.effort = 1.0;
  o.emotion = 0.0;
  o.money = 0.0;
  return o;
}

inline js_status interact_ok(void* /*instance*/, const js_batch* batch,
                             js_outcome* out, char* /*error*/) {
  for (uint32_t i = 0; i < batch->agent_count; ++i) {
    out[i] = valid_outcome();
  }
  return JS_OK;
}

// A descriptor that is valid in every respect; plugins copy it and change one
// field.
inline constexpr js_channel_descriptor make_descriptor(const char* name) {
  return {JS_CHANNEL_API_VERSION,
          sizeof(js_channel_descriptor),
          name,
          "0.0.1",
          "a deliberately broken test plugin",
          kParams,
          1,
          kReasons,
          1,
          1,
          configure_ok,
          destroy_ok,
          interact_ok,
          kEvents,
          2,
          kReasonEvents};
}

}  // namespace broken
