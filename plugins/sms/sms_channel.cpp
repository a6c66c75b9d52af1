// The `sms` channel's plugin boundary: its parameters, drop reasons, events
// and uniforms, and the model functions they drive (sms_model.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "sms_model.h"

namespace {

using namespace journeysim::channels::sms;
using journeysim::sdk::touchpoint_name;
using journeysim::sdk::write_errorf;

constexpr js_param_spec kParams[] = {
    {"delivery_rate", JS_PARAM_NUMBER, 0.97, 0.0, 1.0,
     "share of texts delivered (valid numbers, carrier filtering)"},
    {"act_rate", JS_PARAM_NUMBER, 0.10, 0.0, 1.0,
     "share of delivered texts an average customer acts on (taps the link, "
     "replies), sent in the day"},
    {"sent_at_hour", JS_PARAM_INTEGER, 12.0, 0.0, 23.0,
     "local hour the text is sent; 21..7 are the quiet hours"},
    {"opt_out_rate", JS_PARAM_NUMBER, 0.005, 0.0, 1.0,
     "opt-out hazard of a first text in the day (reply STOP)"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"undelivered", "the text never arrived",
     "clean the number list (validate at sign-up, drop numbers that "
     "bounced) and register the sender with the carriers"},
    {"opted_out", "replied STOP",
     "send fewer texts: cap texts per customer per month, keep texts for "
     "what is urgent, and never send in the quiet hours (21:00-08:00)"},
    {"ignored", "read the text but did not act",
     "put one clear action and a short link in the first line; send when "
     "the customer can act (not at night), personalise the offer"},
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
    {"acted", "acted on the text", JS_EVENT_SUCCESS},
    {"undelivered", "the text never arrived", 0},
    {"opted_out", "opted out of texts", 0},
    {"ignored", "read the text but did not act", 0},
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
                 "sms touchpoint '%s': delivery_rate = %g and act_rate = %g: "
                 "with either 0 no customer ever acts on the text; set both "
                 "> 0 or remove the touchpoint",
                 touchpoint_name(config), p[kDeliveryRate], p[kActRate]);
    return false;
  }
  return true;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "sms", "1.0.0",
    "a text message: delivery, quiet hours, acting on it, opting out",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeSms, persona_terms, Decide,
                              CheckCombinations>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
