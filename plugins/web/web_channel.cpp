// The `web` channel's plugin boundary: its parameters, drop reasons and
// uniforms, and the model functions they drive (web_model.h). The callbacks
// themselves are the SDK's (journeysim/channel_boundary.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "web_model.h"

namespace {

using namespace journeysim::channels::web;
using journeysim::sdk::touchpoint_name;
using journeysim::sdk::write_errorf;

constexpr js_param_spec kParams[] = {
    {"page_load_s", JS_PARAM_NUMBER, 2.0, 0.1, 60.0,
     "seconds until the page is usable (bounce rises steeply past ~3 s)"},
    {"content_quality", JS_PARAM_NUMBER, 0.6, 0.0, 1.0,
     "how good and convincing the content is, 0 poor .. 1 excellent"},
    {"relevance", JS_PARAM_NUMBER, 0.6, 0.0, 1.0,
     "match between the visitor's intent and the page, 0 none .. 1 exact"},
    {"cta_clarity", JS_PARAM_NUMBER, 0.6, 0.0, 1.0,
     "how obvious the next step (call to action) is, 0 hidden .. 1 obvious"},
    {"form_fields", JS_PARAM_INTEGER, 0.0, 0.0, 40.0,
     "fields in the page's lead form; 0 = the page has no form"},
    {"mobile_friendly", JS_PARAM_BOOLEAN, 1.0, 0.0, 1.0,
     "whether the page works well on a phone"},
    {"price_shown", JS_PARAM_NUMBER, 0.0, 0.0, 1e6,
     "a price shown on the page, in the scenario's currency; 0 = none"},
    {"lead_value", JS_PARAM_NUMBER, 0.0, 0.0, 1e6,
     "money recorded when the form is submitted (expected lead value)"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"slow_page", "page too slow to load",
     "speed up the page (images, scripts, hosting): aim for under 3 s"},
    {"not_mobile_friendly", "page hard to use on a phone",
     "make the page responsive: readable text and tappable buttons on mobile"},
    {"not_relevant", "content not relevant or not convincing",
     "match the page to the visitor's intent (ad and search message match) "
     "and strengthen the content"},
    {"price", "put off by the price",
     "show value before price; offer a cheaper plan, a trial or a guarantee"},
    {"unclear_next_step", "no clear next step",
     "make one clear call to action, visible without scrolling"},
    {"form_too_long", "form too long",
     "cut the form to the essential fields; ask the rest later"},
};
static_assert(std::size(kReasons) == kReasonCount);

// Events the journey routes on (README.md "Events"): whatever the reason,
// a visitor who does not take the next step has left.
enum Event : uint32_t { kContinued, kLeft, kEventCount };
constexpr js_event kEvents[] = {
    {"continued", "took the next step", JS_EVENT_SUCCESS},
    {"left", "left the page", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {kLeft, kLeft, kLeft,
                                                  kLeft, kLeft, kLeft};

// uniforms[0]: continue or drop; [1]: which reason; [2]: dwell time.
constexpr uint32_t kUniforms = 3;

// Combinations that describe no real page.
bool CheckCombinations(const js_config_view& config, char* error) {
  const double* p = config.params;
  if (p[kLeadValue] > 0.0 && p[kFormFields] == 0.0) {
    write_errorf(error,
                 "web touchpoint '%s': lead_value = %g is recorded when a "
                 "form is submitted, but form_fields = 0 (no form); set "
                 "form_fields > 0 or drop lead_value",
                 touchpoint_name(config), p[kLeadValue]);
    return false;
  }
  return true;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "web", "1.1.0", "a landing, product or content page, or a lead form",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

// The host checks the declared ranges; web checks again only the count
// its model reads, so its tests can drive the model beyond the ranges.
constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakePage, persona_terms, Decide,
                              CheckCombinations,
                              journeysim::sdk::recheck_count_only>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
