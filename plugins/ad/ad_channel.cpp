// The `ad` channel's plugin boundary: its parameters, drop reasons, events and
// uniforms, and the model functions they drive (ad_model.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "ad_model.h"

namespace {

using namespace journeysim::channels::ad;
using journeysim::sdk::touchpoint_name;
using journeysim::sdk::write_errorf;

constexpr js_param_spec kParams[] = {
    {"reach", JS_PARAM_NUMBER, 0.6, 0.0, 1.0,
     "share of the journey's audience the campaign reaches at least once"},
    {"frequency", JS_PARAM_NUMBER, 3.0, 1.0, 100.0,
     "average exposures of a reached person (OTS)"},
    {"effective_frequency", JS_PARAM_NUMBER, 3.0, 1.0, 50.0,
     "exposures at which half the full response is reached"},
    {"recall_half_life_days", JS_PARAM_NUMBER, 7.0, 0.1, 3650.0,
     "days until half of those exposed no longer recall the ad (display 2, "
     "radio 5, billboard 7, print 14, TV 21)"},
    {"days_since_exposure", JS_PARAM_NUMBER, 1.0, 0.0, 365.0,
     "days between the exposure and the moment of need (the response lag)"},
    {"response_rate", JS_PARAM_NUMBER, 0.05, 0.0, 1.0,
     "share of reached, saturated, fresh-recall customers of average "
     "affinity who respond (search, visit, call)"},
    {"cpm", JS_PARAM_NUMBER, 10.0, 0.0, 1e5,
     "cost per thousand impressions (for the cost per response; not revenue)"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"not_reached", "never saw the ad",
     "widen reach: add a medium or placement this persona uses, or target "
     "the segment the campaign misses"},
    {"too_few_exposures", "saw it too rarely to take it in",
     "raise frequency towards the effective frequency (about 3 exposures): "
     "fewer placements seen more often beat many seen once"},
    {"forgotten", "no longer recalled the ad when the need came",
     "flight the campaign closer to the moment of need, or add a reminder "
     "(retargeting, a second burst) within the recall half-life"},
    {"not_interested", "recalled the ad but did not respond",
     "sharpen the message and the call to action: one benefit, one next "
     "step, an offer for this persona"},
};
static_assert(std::size(kReasons) == kReasonCount);

enum Event : uint32_t { kResponded, kNotReachedEvent, kIgnored, kEventCount };
constexpr js_event kEvents[] = {
    {"responded", "responded to the ad (searched, visited, called)",
     JS_EVENT_SUCCESS},
    {"not_reached", "never saw the ad", 0},
    {"ignored", "saw the ad but did not respond", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {
    kNotReachedEvent,  // not_reached
    kIgnored,          // too_few_exposures
    kIgnored,          // forgotten
    kIgnored,          // not_interested
};

// uniforms[0]: continue or drop; [1]: which reason.
constexpr uint32_t kUniforms = 2;

// Settings under which the touchpoint could never be passed.
bool CheckCombinations(const js_config_view& config, char* error) {
  const double* p = config.params;
  if (p[kReach] == 0.0 || p[kResponseRate] == 0.0) {
    write_errorf(error,
                 "ad touchpoint '%s': reach = %g and response_rate = %g: with "
                 "either 0 no customer ever responds; set both > 0 or remove "
                 "the touchpoint",
                 touchpoint_name(config), p[kReach], p[kResponseRate]);
    return false;
  }
  return true;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "ad", "1.0.0",
    "an ad (display, social, billboard, print, radio): reach, frequency, "
    "recall, response",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeCampaign, persona_terms, Decide,
                              CheckCombinations>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
