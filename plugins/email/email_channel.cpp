// The `email` channel's plugin boundary: its parameters, drop reasons and
// uniforms, and the model functions they drive (email_model.h). The callbacks
// themselves are the SDK's (journeysim/channel_boundary.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "email_model.h"

namespace {

using namespace journeysim::channels::email;

constexpr js_param_spec kParams[] = {
    {"deliverability", JS_PARAM_NUMBER, 0.97, 0.0, 1.0,
     "share of sends that reach the inbox (not bounced, not in spam)"},
    {"subject_relevance", JS_PARAM_NUMBER, 0.5, 0.0, 1.0,
     "how relevant the subject line is to the reader, 0 none .. 1 exact"},
    {"send_hour", JS_PARAM_INTEGER, 10.0, 0.0, 23.0,
     "local hour of sending; opens peak mid-morning and evening, dip at night"},
    {"frequency_per_week", JS_PARAM_NUMBER, 2.0, 0.0, 21.0,
     "emails per week of this campaign; with messages received, drives "
     "fatigue"},
    {"content_quality", JS_PARAM_NUMBER, 0.5, 0.0, 1.0,
     "how compelling the body and call to action are (click given open)"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"not_delivered", "email bounced or went to spam",
     "clean the list and authenticate the sending domain (SPF, DKIM, DMARC)"},
    {"not_opened", "email not opened",
     "write subject lines for this persona and send at the hours they read"},
    {"no_click", "opened but did not click",
     "lead with what the reader gets and make one clear call to action"},
    {"unsubscribed", "unsubscribed (message fatigue)",
     "send this persona fewer emails; let subscribers choose the frequency"},
};
static_assert(std::size(kReasons) == kReasonCount);

// Events the journey routes on (README.md "Events"). Each reason is the
// event it ends in; a click is the one success.
enum Event : uint32_t {
  kClicked,
  kOpened,
  kNotOpenedEvent,
  kBounced,
  kUnsubscribedEvent,
  kEventCount
};
constexpr js_event kEvents[] = {
    {"clicked", "opened and clicked", JS_EVENT_SUCCESS},
    {"opened", "opened, did not click", 0},
    {"not_opened", "delivered, not opened", 0},
    {"bounced", "bounced or went to spam", 0},
    {"unsubscribed", "unsubscribed (message fatigue)", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {
    kBounced,            // not_delivered
    kNotOpenedEvent,     // not_opened
    kOpened,             // no_click
    kUnsubscribedEvent,  // unsubscribed
};

// Uniforms: [0] continue or drop, [1] drop reason, [2] delay until opened.
constexpr uint32_t kUniforms = 3;

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "email", "1.1.0",
    "an email: delivered, opened (affinity, subject, hour, fatigue), clicked",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

// No CheckCombinations: every combination in range describes a real
// send (deliverability 0 is an outage what-if).
constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeTouchpoint, TermsFor, Decide>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
