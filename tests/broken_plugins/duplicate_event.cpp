// Breaks the event table: `continued` is declared twice (both success
// events, so the table is otherwise valid: two success events are allowed).
// A host must refuse it at load, naming the duplicate.
#include "well_behaved.h"

namespace {

constexpr js_event kEvents[] = {
    {"continued", "passed on", JS_EVENT_SUCCESS},
    {"dropped", "left", 0},
    {"continued", "passed on again", JS_EVENT_SUCCESS},
};

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("duplicate_event");
  d.events = kEvents;
  d.event_count = 3;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
