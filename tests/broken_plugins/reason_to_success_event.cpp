// Breaks the reason-to-event map: a second drop reason belongs to
// `continued`, the success event, so a dropped customer would be routed as
// one who continued. A host must refuse it at load, naming the reason.
#include "well_behaved.h"

namespace {

constexpr js_drop_reason kReasons[] = {
    {"test_reason", "a test reason", "nothing to do: a test plugin"},
    {"happy_reason", "a drop that claims success", "map it to a drop event"},
};
constexpr uint32_t kReasonEvents[] = {1, 0};

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("reason_to_success_event");
  d.reasons = kReasons;
  d.reason_count = 2;
  d.reason_events = kReasonEvents;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
