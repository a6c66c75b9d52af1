// Breaks the reason-to-event map: a second drop reason belongs to event #7,
// but two events are declared (the first reason keeps `dropped` reachable,
// so that is the only fault). A host must refuse it at load, naming the
// reason.
#include "well_behaved.h"

namespace {

constexpr js_drop_reason kReasons[] = {
    {"test_reason", "a test reason", "nothing to do: a test plugin"},
    {"lost_reason", "a reason with no event", "map it to a declared event"},
};
constexpr uint32_t kReasonEvents[] = {1, 7};

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("reason_to_missing_event");
  d.reasons = kReasons;
  d.reason_count = 2;
  d.reason_events = kReasonEvents;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
