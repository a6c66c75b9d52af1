// The `web` channel's plugin boundary: its parameters and drop reasons,
// their checks, and the batch call. The model itself is web_model.h.
#include <journeysim/channel_sdk.h>

#include <array>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <iterator>

#include "web_model.h"

namespace {

using namespace journeysim::channels::web;
using journeysim::sdk::guarded;
using journeysim::sdk::write_error;

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

// uniforms[0]: continue or drop; [1]: which reason; [2]: dwell time.
constexpr uint32_t kUniforms = 3;

// printf-style variant of sdk::write_error, for messages naming values.
__attribute__((format(printf, 2, 3))) void write_errorf(char* error,
                                                        const char* format,
                                                        ...) {
  if (error == nullptr) {
    return;
  }
  va_list args;
  va_start(args, format);
  std::vsnprintf(error, JS_ERROR_CAPACITY, format, args);
  va_end(args);
}

js_status configure(const js_config_view* config, void** instance,
                    char* error) {
  return guarded(error, [&]() -> js_status {
    if (config == nullptr || instance == nullptr || config->params == nullptr ||
        config->param_count != kParamCount) {
      write_error(error, "web: expected 8 resolved parameters");
      return JS_ERROR;
    }
    const double* p = config->params;
    if (p[kLeadValue] > 0.0 && p[kFormFields] == 0.0) {
      write_errorf(
          error,
          "web touchpoint '%s': lead_value = %g is recorded when a "
          "form is submitted, but form_fields = 0 (no form); set "
          "form_fields > 0 or drop lead_value",
          config->touchpoint_id != nullptr ? config->touchpoint_id : "?",
          p[kLeadValue]);
      return JS_ERROR;
    }

    *instance = new Page(MakePage(p));
    return JS_OK;
  });
}

void destroy(void* instance) { delete static_cast<Page*>(instance); }


js_status interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* error) {
  return guarded(error, [&]() -> js_status {
    if (instance == nullptr || batch == nullptr ||
        (batch->agent_count > 0 &&
         (batch->agents == nullptr || out == nullptr ||
          batch->personas == nullptr))) {
      write_error(error, "web: interact called with a null instance or batch");
      return JS_ERROR;
    }
    const Page& page = *static_cast<const Page*>(instance);
    journeysim::sdk::PersonaTermsCache<PersonaTerms> terms;

    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      if (agent.persona >= batch->persona_count) {
        write_errorf(error,
                     "web: agent %u has persona index %u but the batch has "
                     "%u personas",
                     i, agent.persona, batch->persona_count);
        return JS_ERROR;
      }
      out[i] = Decide(page, terms.get(agent.persona, [&] {
                        return persona_terms(page, batch->personas[agent.persona]);
                      }),
                      agent);
    }
    return JS_OK;
  });
}

constexpr js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "web",
    "1.0.0",
    "a landing, product or content page, or a lead form",
    kParams,
    kParamCount,
    kReasons,
    kReasonCount,
    kUniforms,
    configure,
    destroy,
    interact,
};

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
