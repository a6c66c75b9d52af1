// Breaks the event table: its only event, `dropped`, is not a success, so
// no customer could ever continue along `next`. A host must refuse it at
// load.
#include "well_behaved.h"

namespace {

constexpr js_event kEvents[] = {{"dropped", "left", 0}};
constexpr uint32_t kReasonEvents[] = {0};

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("no_success_event");
  d.events = kEvents;
  d.event_count = 1;
  d.reason_events = kReasonEvents;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
