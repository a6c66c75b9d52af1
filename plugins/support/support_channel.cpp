// The `support` channel's plugin boundary: its parameters, drop reasons and
// uniforms, and the model functions they drive (support_model.h). The callbacks
// themselves are the SDK's (journeysim/channel_boundary.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "support_model.h"

namespace {

using namespace journeysim::channels::support;
using journeysim::sdk::touchpoint_name;
using journeysim::sdk::write_errorf;

constexpr js_param_spec kParams[] = {
    {"wait_minutes", JS_PARAM_NUMBER, 5.0, 0.0, 10080.0,
     "minutes before an agent answers (up to a week for slow e-mail support)"},
    {"resolution_rate", JS_PARAM_NUMBER, 0.8, 0.0, 1.0,
     "share of answered contacts whose issue is resolved (or, on a sales "
     "call, whose questions are answered)"},
    {"friendliness", JS_PARAM_NUMBER, 0.7, 0.0, 1.0,
     "how warm and respectful the agent is, 0 rude .. 1 excellent"},
    {"callback", JS_PARAM_BOOLEAN, 0.0, 0.0, 1.0,
     "offer a call back instead of holding (caps the perceived wait)"},
    {"deal_value", JS_PARAM_NUMBER, 0.0, 0.0, 1e7,
     "money taken when a sales call closes; 0 = a support conversation"},
    {"persuasion", JS_PARAM_NUMBER, 0.3, 0.0, 1.0,
     "sales calls: chance an interested customer of average price "
     "sensitivity says yes"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"gave_up_waiting", "gave up waiting for an agent",
     "cut the wait: staff the peak hours, or offer a call back"},
    {"not_resolved", "problem not resolved",
     "raise first-contact resolution: agent training, a better knowledge "
     "base, authority to fix things"},
    {"unfriendly", "put off by an unfriendly agent",
     "coach agents on tone and empathy; review low-rated conversations"},
    {"said_no", "said no to the offer",
     "qualify leads better; rework the offer and the objection handling"},
};
static_assert(std::size(kReasons) == kReasonCount);

// Events the journey routes on (README.md "Events"): an unresolved issue
// and an unfriendly agent both leave the customer unresolved.
enum Event : uint32_t { kResolved, kUnresolved, kGaveUp, kDeclined, kEventCount };
constexpr js_event kEvents[] = {
    {"resolved", "resolved (on a sales call: said yes)", JS_EVENT_SUCCESS},
    {"unresolved", "left unresolved or put off by the agent", 0},
    {"gave_up", "gave up waiting for an agent", 0},
    {"declined", "said no to the offer", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {
    kGaveUp,      // gave_up_waiting
    kUnresolved,  // not_resolved
    kUnresolved,  // unfriendly
    kDeclined,    // said_no
};

// uniforms[0]: continue or drop; [1]: which reason; [2]: time spent.
constexpr uint32_t kUniforms = 3;

// Combinations that describe no real conversation.
bool CheckCombinations(const js_config_view& config, char* error) {
  const double* p = config.params;
  if (p[kDealValue] > 0.0 && p[kPersuasion] == 0.0) {
    write_errorf(error,
                 "support touchpoint '%s': deal_value = %g makes this a "
                 "sales call, but persuasion = 0 means no customer ever "
                 "says yes; set persuasion > 0 or deal_value = 0",
                 touchpoint_name(config), p[kDealValue]);
    return false;
  }
  return true;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "support", "1.2.0",
    "a support or sales conversation: chat, phone or sales call", kParams,
    kReasons, kEvents, kReasonEvents, kUniforms);

// The host checks the declared ranges; support checks again only the count
// its model reads, so its tests can drive the model beyond the ranges.
constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeDesk, persona_terms, Decide,
                              CheckCombinations,
                              journeysim::sdk::recheck_count_only>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
