// The `social` channel's plugin boundary: its parameters, drop reasons and
// uniforms, and the model functions they drive (social_model.h). The callbacks
// themselves are the SDK's (journeysim/channel_boundary.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "social_model.h"

namespace {

using namespace journeysim::channels::social;

constexpr js_param_spec kParams[] = {
    {"reach", JS_PARAM_NUMBER, 0.6, 0.0, 1.0,
     "posts: chance the platform shows the post to a follower"},
    {"content_quality", JS_PARAM_NUMBER, 0.5, 0.0, 1.0,
     "posts: how engaging the content is; conversations: how well replies "
     "answer"},
    {"conversation", JS_PARAM_BOOLEAN, 0.0, 0.0, 1.0,
     "true: an inbox / DM chat the customer starts; false: a post"},
    {"reply_minutes", JS_PARAM_NUMBER, 60.0, 0.0, 10080.0,
     "conversations: minutes until the first reply"},
    {"reply_friendliness", JS_PARAM_NUMBER, 0.7, 0.0, 1.0,
     "conversations: tone of the replies, 0 curt .. 1 warm and personal"},
    {"share_incentive", JS_PARAM_NUMBER, 0.1, 0.0, 1.0,
     "strength of the reason to share (referral reward, contest), 0 .. 1"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"not_reached", "post not seen",
     "post when this persona is online, boost the post, or reach them on a "
     "channel they follow more"},
    {"not_engaged", "saw the post, did not engage",
     "make the content for this persona: a clear hook in the first line or "
     "second and one obvious next step"},
    {"slow_reply", "gave up waiting for a reply",
     "answer messages within an hour: staff the inbox at peak times and send "
     "an instant acknowledgement"},
    {"unfriendly_reply", "reply unfriendly or unhelpful",
     "train the team on tone and give them answers that solve the question "
     "in the first reply"},
};
static_assert(std::size(kReasons) == kReasonCount);

// Events the journey routes on (README.md "Events"): one per reason, since
// each is a different situation to follow up (a post not seen is not a
// conversation that went badly).
enum Event : uint32_t {
  kEngaged,
  kNotReachedEvent,
  kNotEngagedEvent,
  kNoReply,
  kUnhelpfulReply,
  kEventCount
};
constexpr js_event kEvents[] = {
    {"engaged", "engaged: followed the post, or got a helpful reply",
     JS_EVENT_SUCCESS},
    {"not_reached", "post not seen", 0},
    {"not_engaged", "saw the post, did not engage", 0},
    {"no_reply", "gave up waiting for a reply", 0},
    {"unhelpful_reply", "reply unfriendly or unhelpful", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {
    kNotReachedEvent,  // not_reached
    kNotEngagedEvent,  // not_engaged
    kNoReply,          // slow_reply
    kUnhelpfulReply,   // unfriendly_reply
};

// Uniforms: [0] continue or drop, [1] drop reason, [2] time spent,
// [3] share.
constexpr uint32_t kUniforms = 4;

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "social", "1.1.0",
    "a social post (reach, engagement) or inbox chat (reply speed and tone)",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

// No CheckCombinations: each mode ignores the other mode's parameters
// (README "Parameters"), and every value in range is a real setting
// (reach 0 is a "post buried" what-if).
constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeTouchpoint, TermsFor, Decide>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
