// Breaks an event name: the success event is called `Clicked` (upper case),
// which a scenario's `on` table could not name reliably. A host must refuse
// it at load: names are lowercase identifiers.
#include "well_behaved.h"

namespace {

constexpr js_event kEvents[] = {
    {"Clicked", "passed on", JS_EVENT_SUCCESS},
    {"dropped", "left", 0},
};

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("bad_event_name");
  d.events = kEvents;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
