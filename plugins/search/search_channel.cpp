// The `search` channel's plugin boundary: its parameters, drop reasons, events
// and uniforms, and the model functions they drive (search_model.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "search_model.h"

namespace {

using namespace journeysim::channels::search;
using journeysim::sdk::touchpoint_name;
using journeysim::sdk::write_errorf;

constexpr js_param_spec kParams[] = {
    {"position", JS_PARAM_INTEGER, 3.0, 1.0, 20.0,
     "rank on the results page (1 = top; 11..20 = page two)"},
    {"relevance", JS_PARAM_NUMBER, 0.7, 0.0, 1.0,
     "how well title and snippet match the query (0.7 = typical result)"},
    {"paid", JS_PARAM_BOOLEAN, 0.0, 0.0, 1.0,
     "a paid result, shown with the ad label"},
    {"cpc", JS_PARAM_NUMBER, 0.0, 0.0, 1000.0,
     "paid results: cost per click (for the cost per visit; not revenue)"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"not_seen", "never looked as far down as the result",
     "move up the page: strengthen the page for this query (content that "
     "answers it, internal and external links, speed) or bid for a top "
     "paid slot"},
    {"skipped_ad", "skipped the result because it was an ad",
     "win the organic result for this query as well, so searchers who skip "
     "ads still find you; use sitelinks and reviews in the ad"},
    {"not_relevant", "saw the result but it did not look like the answer",
     "rewrite the title and description to match the query's words and "
     "intent; add structured data for rich results (price, rating, FAQ)"},
};
static_assert(std::size(kReasons) == kReasonCount);

enum Event : uint32_t { kClicked, kNotSeenEvent, kNotClicked, kEventCount };
constexpr js_event kEvents[] = {
    {"clicked", "clicked the result", JS_EVENT_SUCCESS},
    {"not_seen", "never looked as far down as the result", 0},
    {"not_clicked", "saw the result and clicked elsewhere or nowhere", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {
    kNotSeenEvent,  // not_seen
    kNotClicked,    // skipped_ad
    kNotClicked,    // not_relevant
};

// uniforms[0]: continue or drop; [1]: which reason.
constexpr uint32_t kUniforms = 2;

// A cost per click belongs to a paid result, and a paid result has one.
bool CheckCombinations(const js_config_view& config, char* error) {
  const double* p = config.params;
  const bool paid = p[kPaid] != 0.0;
  if (paid == (p[kCpc] > 0.0)) {
    return true;
  }
  if (paid) {
    write_errorf(error,
                 "search touchpoint '%s': paid = true needs the cost per "
                 "click: set cpc > 0 (or paid = false for an organic result)",
                 touchpoint_name(config));
  } else {
    write_errorf(error,
                 "search touchpoint '%s': cpc = %g on an organic result, "
                 "which costs nothing per click: set paid = true or cpc = 0",
                 touchpoint_name(config), p[kCpc]);
  }
  return false;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "search", "1.0.0",
    "a search result, organic or paid: position, relevance, click-through",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeResult, persona_terms, Decide,
                              CheckCombinations>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
