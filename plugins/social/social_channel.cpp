// The `social` channel's plugin boundary: its parameters and drop reasons,
// their checks, and the batch call. The model itself is social_model.h.
#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <iterator>

#include "social_model.h"

namespace {

using namespace journeysim::channels::social;
using journeysim::sdk::guarded;
using journeysim::sdk::write_error;

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

// Uniforms: [0] continue or drop, [1] drop reason, [2] time spent,
// [3] share.
constexpr uint32_t kUniforms = 4;

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
    Fail(error, "social touchpoint '%s': expected %u parameters, got %u",
         NameOf(config), static_cast<unsigned>(kParamCount),
         static_cast<unsigned>(config->param_count));
    return false;
  }
  for (uint32_t i = 0; i < kParamCount; ++i) {
    const js_param_spec& spec = kParams[i];
    const double v = config->params[i];
    if (spec.type == JS_PARAM_BOOLEAN) {
      if (v != 0.0 && v != 1.0) {
        Fail(error,
             "social touchpoint '%s': parameter '%s' = %g must be a boolean "
             "(0 or 1)",
             NameOf(config), spec.name, v);
        return false;
      }
      continue;
    }
    if (!std::isfinite(v) || v < spec.min_value || v > spec.max_value) {
      Fail(error,
           "social touchpoint '%s': parameter '%s' = %g must be a number in "
           "[%g, %g]",
           NameOf(config), spec.name, v, spec.min_value, spec.max_value);
      return false;
    }
  }
  return true;
}

js_status Configure(const js_config_view* config, void** instance,
                    char* error) {
  return guarded(error, [&]() -> js_status {
    if (config == nullptr || instance == nullptr) {
      write_error(error, "social: configure called without config or instance");
      return JS_ERROR;
    }
    if (!CheckParams(config, error)) {
      return JS_ERROR;
    }
    // No cross-parameter constraint: each mode ignores the other mode's
    // parameters (README "Parameters"), and every value in range is a real
    // setting (reach 0 is a "post buried" what-if).
    *instance = new SocialTouchpoint(MakeTouchpoint(config->params));
    return JS_OK;
  });
}

void Destroy(void* instance) {
  delete static_cast<SocialTouchpoint*>(instance);
}


js_status Interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* error) {
  return guarded(error, [&]() -> js_status {
    if (instance == nullptr || batch == nullptr || out == nullptr) {
      write_error(error,
                  "social: interact called without instance, batch or output");
      return JS_ERROR;
    }
    if (batch->agent_count > 0 &&
        (batch->agents == nullptr || batch->personas == nullptr)) {
      write_error(error,
                  "social: batch has agents but no agent or persona array");
      return JS_ERROR;
    }
    // Read-only: the host may call this concurrently for one touchpoint, so
    // the persona cache lives on this call's stack, filled at first sight.
    const auto& social = *static_cast<const SocialTouchpoint*>(instance);
    journeysim::sdk::PersonaTermsCache<PersonaTerms> terms;
    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      if (agent.persona >= batch->persona_count || agent.uniforms == nullptr) {
        Fail(error,
             "social: agent %u of the batch has persona index %u (batch has "
             "%u personas) or no uniforms",
             static_cast<unsigned>(i), static_cast<unsigned>(agent.persona),
             static_cast<unsigned>(batch->persona_count));
        return JS_ERROR;
      }
      out[i] = Decide(social, terms.get(agent.persona, [&] {
                        return TermsFor(social, batch->personas[agent.persona]);
                      }),
                      agent);
    }
    return JS_OK;
  });
}

constexpr js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "social",
    "1.0.0",
    "a social post (reach, engagement) or inbox chat (reply speed and tone)",
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
