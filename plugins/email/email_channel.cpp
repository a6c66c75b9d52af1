// The `email` channel's plugin boundary: its parameters and drop reasons,
// their checks, and the batch call. The model itself is email_model.h.
#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <iterator>

#include "email_model.h"

namespace {

using namespace journeysim::channels::email;
using journeysim::sdk::guarded;
using journeysim::sdk::write_error;

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

// Uniforms: [0] continue or drop, [1] drop reason, [2] delay until opened.
constexpr uint32_t kUniforms = 3;

[[gnu::format(printf, 2, 3)]] void Fail(char* error, const char* format, ...) {
  if (error == nullptr) {
    return;
  }
  va_list args;
  va_start(args, format);
  std::vsnprintf(error, JS_ERROR_CAPACITY, format, args);
  va_end(args);
}

const char* NameOf(const js_config_view* config) {
  return config->touchpoint_id != nullptr ? config->touchpoint_id : "?";
}

// The host checks declared ranges before calling us; checking again is cheap
// here and keeps the plugin honest when driven by a test or another host.
bool CheckParams(const js_config_view* config, char* error) {
  if (config->params == nullptr || config->param_count != kParamCount) {
    Fail(error, "email touchpoint '%s': expected %u parameters, got %u",
         NameOf(config), static_cast<unsigned>(kParamCount),
         static_cast<unsigned>(config->param_count));
    return false;
  }
  for (uint32_t i = 0; i < kParamCount; ++i) {
    const js_param_spec& spec = kParams[i];
    const double v = config->params[i];
    const bool whole = std::isfinite(v) && v == std::floor(v);
    const bool ok = std::isfinite(v) && v >= spec.min_value &&
                    v <= spec.max_value &&
                    (spec.type != JS_PARAM_INTEGER || whole);
    if (!ok) {
      Fail(error,
           "email touchpoint '%s': parameter '%s' = %g must be %s in "
           "[%g, %g]",
           NameOf(config), spec.name, v,
           spec.type == JS_PARAM_INTEGER ? "a whole number" : "a number",
           spec.min_value, spec.max_value);
      return false;
    }
  }
  return true;
}

js_status Configure(const js_config_view* config, void** instance,
                    char* error) {
  return guarded(error, [&]() -> js_status {
    if (config == nullptr || instance == nullptr) {
      write_error(error, "email: configure called without config or instance");
      return JS_ERROR;
    }
    if (!CheckParams(config, error)) {
      return JS_ERROR;
    }
    // No cross-parameter constraint exists for email: every combination in
    // range describes a real send (deliverability 0 is an outage what-if).
    *instance = new EmailTouchpoint(MakeTouchpoint(config->params));
    return JS_OK;
  });
}

void Destroy(void* instance) { delete static_cast<EmailTouchpoint*>(instance); }


js_status Interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* error) {
  return guarded(error, [&]() -> js_status {
    if (instance == nullptr || batch == nullptr || out == nullptr) {
      write_error(error,
                  "email: interact called without instance, batch or "
                  "output");
      return JS_ERROR;
    }
    if (batch->agent_count > 0 &&
        (batch->agents == nullptr || batch->personas == nullptr)) {
      write_error(error,
                  "email: batch has agents but no agent or persona "
                  "array");
      return JS_ERROR;
    }
    // Read-only: the host may call this concurrently for one touchpoint, so
    // the persona cache lives on this call's stack, filled at first sight.
    const auto& email = *static_cast<const EmailTouchpoint*>(instance);
    journeysim::sdk::PersonaTermsCache<PersonaTerms> terms;
    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      if (agent.persona >= batch->persona_count || agent.uniforms == nullptr) {
        Fail(error,
             "email: agent %u of the batch has persona index %u (batch has "
             "%u personas) or no uniforms",
             static_cast<unsigned>(i), static_cast<unsigned>(agent.persona),
             static_cast<unsigned>(batch->persona_count));
        return JS_ERROR;
      }
      out[i] = Decide(email, terms.get(agent.persona, [&] {
                        return TermsFor(email, batch->personas[agent.persona]);
                      }),
                      agent);
    }
    return JS_OK;
  });
}

constexpr js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "email",
    "1.0.0",
    "an email: delivered, opened (affinity, subject, hour, fatigue), clicked",
    kParams,
    kParamCount,
    kReasons,
    kReasonCount,
    kUniforms,
    Configure,
    Destroy,
    Interact,
};

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
