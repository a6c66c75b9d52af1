// The `push` channel's plugin boundary: its parameters, drop reasons, events
// and uniforms, and the model functions they drive (push_model.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "push_model.h"

namespace {

using namespace journeysim::channels::push;
using journeysim::sdk::touchpoint_name;
using journeysim::sdk::write_errorf;

constexpr js_param_spec kParams[] = {
    {"delivery_rate", JS_PARAM_NUMBER, 0.80, 0.0, 1.0,
     "share of notifications shown (app installed, notifications allowed, "
     "token still valid)"},
    {"act_rate", JS_PARAM_NUMBER, 0.05, 0.0, 1.0,
     "share of shown notifications an average customer taps and acts on, "
     "sent in the day"},
    {"sent_at_hour", JS_PARAM_INTEGER, 12.0, 0.0, 23.0,
     "local hour the notification is sent; 21..7 are the quiet hours"},
    {"opt_out_rate", JS_PARAM_NUMBER, 0.01, 0.0, 1.0,
     "hazard that a first notification in the day makes the customer turn "
     "notifications off"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"undelivered", "the notification was never shown",
     "ask for notification permission at a moment of value (after a first "
     "order), not at first launch; refresh push tokens on every app start"},
    {"opted_out", "turned notifications off",
     "send fewer, more useful notifications: a frequency cap, topic "
     "preferences in the app, nothing in the quiet hours (21:00-08:00)"},
    {"ignored", "saw the notification but did not act",
     "make the notification specific (the item, the price, the deadline) "
     "and deep-link it to the screen where the customer acts"},
};
static_assert(std::size(kReasons) == kReasonCount);

enum Event : uint32_t {
  kActed,
  kUndeliveredEvent,
  kOptedOutEvent,
  kIgnoredEvent,
  kEventCount
};
constexpr js_event kEvents[] = {
    {"acted", "tapped the notification and acted", JS_EVENT_SUCCESS},
    {"undelivered", "the notification was never shown", 0},
    {"opted_out", "turned notifications off", 0},
    {"ignored", "saw the notification but did not act", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {
    kUndeliveredEvent, kOptedOutEvent, kIgnoredEvent};

// uniforms[0]: continue or drop; [1]: which reason; [2]: time to act.
constexpr uint32_t kUniforms = 3;

bool CheckCombinations(const js_config_view& config, char* error) {
  const double* p = config.params;
  if (p[kDeliveryRate] == 0.0 || p[kActRate] == 0.0) {
    write_errorf(error,
                 "push touchpoint '%s': delivery_rate = %g and act_rate = %g: "
                 "with either 0 no customer ever acts on the notification; set both "
                 "> 0 or remove the touchpoint",
                 touchpoint_name(config), p[kDeliveryRate], p[kActRate]);
    return false;
  }
  return true;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "push", "1.0.0",
    "a push notification: delivery, quiet hours, acting on it, opting out",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakePush, persona_terms, Decide,
                              CheckCombinations>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
