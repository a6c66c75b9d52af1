// The `support` channel's plugin boundary: its parameters and drop reasons,
// their checks, and the batch call. The model itself is support_model.h.
#include <journeysim/channel_sdk.h>

#include <array>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <iterator>

#include "support_model.h"

namespace {

using namespace journeysim::channels::support;
using journeysim::sdk::guarded;
using journeysim::sdk::write_error;

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

// uniforms[0]: continue or drop; [1]: which reason; [2]: time spent.
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
      write_error(error, "support: expected 6 resolved parameters");
      return JS_ERROR;
    }
    const double* p = config->params;
    const char* where =
        config->touchpoint_id != nullptr ? config->touchpoint_id : "?";
    if (p[kDealValue] > 0.0 && p[kPersuasion] == 0.0) {
      write_errorf(error,
                   "support touchpoint '%s': deal_value = %g makes this a "
                   "sales call, but persuasion = 0 means no customer ever "
                   "says yes; set persuasion > 0 or deal_value = 0",
                   where, p[kDealValue]);
      return JS_ERROR;
    }

    *instance = new Desk(MakeDesk(p));
    return JS_OK;
  });
}

void destroy(void* instance) { delete static_cast<Desk*>(instance); }


js_status interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* error) {
  return guarded(error, [&]() -> js_status {
    if (instance == nullptr || batch == nullptr ||
        (batch->agent_count > 0 &&
         (batch->agents == nullptr || out == nullptr ||
          batch->personas == nullptr))) {
      write_error(error,
                  "support: interact called with a null instance or batch");
      return JS_ERROR;
    }
    const Desk& desk = *static_cast<const Desk*>(instance);
    journeysim::sdk::PersonaTermsCache<PersonaTerms> terms;

    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      if (agent.persona >= batch->persona_count) {
        write_errorf(error,
                     "support: agent %u has persona index %u but the batch "
                     "has %u personas",
                     i, agent.persona, batch->persona_count);
        return JS_ERROR;
      }
      out[i] = Decide(desk, terms.get(agent.persona, [&] {
                        return persona_terms(desk, batch->personas[agent.persona]);
                      }),
                      agent);
    }
    return JS_OK;
  });
}

constexpr js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "support",
    "1.0.0",
    "a support or sales conversation: chat, phone or sales call",
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
