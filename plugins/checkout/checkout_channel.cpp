// The `checkout` channel's plugin boundary: its parameters and drop
// reasons, their checks, and the batch call. The model itself is
// checkout_model.h.
#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <iterator>

#include "checkout_model.h"

namespace {

using namespace journeysim::channels::checkout;
using journeysim::sdk::guarded;
using journeysim::sdk::write_error;

constexpr js_param_spec kParams[] = {
    {"steps", JS_PARAM_INTEGER, 4.0, 1.0, 12.0,
     "pages from cart to confirmation, the payment page included"},
    {"form_fields", JS_PARAM_INTEGER, 10.0, 0.0, 60.0,
     "fields the customer fills in, account fields included"},
    {"page_load_s", JS_PARAM_NUMBER, 2.0, 0.1, 60.0,
     "seconds until each checkout page is usable"},
    {"payment_options", JS_PARAM_INTEGER, 3.0, 1.0, 12.0,
     "payment methods offered (card, PayPal, wallet, invoice...)"},
    {"guest_checkout", JS_PARAM_BOOLEAN, 1.0, 0.0, 1.0,
     "false: the customer must create an account before buying"},
    {"surprise_costs", JS_PARAM_NUMBER, 0.0, 0.0, 1.0,
     "costs revealed only at the final review, as a share of order value"},
    {"error_rate", JS_PARAM_NUMBER, 0.02, 0.0, 1.0,
     "chance that a step shows an error (validation, timeout, declined)"},
    {"order_value", JS_PARAM_NUMBER, 60.0, 0.0, 1e6,
     "mean order value, in the scenario's currency"},
    {"order_value_spread", JS_PARAM_NUMBER, 0.5, 0.0, 2.0,
     "sigma of the lognormal order value (0: every order is order_value)"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"slow_page", "checkout page too slow",
     "make checkout pages usable in under 2 s (fewer scripts, faster API)"},
    {"too_many_steps", "too many checkout steps",
     "merge pages: aim for one to three steps"},
    {"too_many_fields", "too many form fields",
     "cut fields: autofill the address, drop optional ones, one name field"},
    {"account_required", "forced to create an account",
     "offer guest checkout; invite to save an account after the purchase"},
    {"surprise_costs", "unexpected extra costs",
     "show shipping, taxes and fees up front, on the product and cart pages"},
    {"few_payment_options", "preferred payment method missing",
     "add the methods this persona uses (wallets, PayPal, pay later)"},
    {"error", "an error at a step",
     "fix the failing validations and timeouts; keep what was typed"},
    {"price", "decided the total was not worth it",
     "reassure at review: returns policy, guarantees, a small incentive"},
};
static_assert(std::size(kReasons) == kReasonCount);

// Uniforms: [0] buy or drop, [1] drop reason (and where), [2] and [3] the
// order value (one standard normal, Box-Muller).
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
    Fail(error, "checkout touchpoint '%s': expected %u parameters, got %u",
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
             "checkout touchpoint '%s': parameter '%s' = %g must be a boolean "
             "(0 or 1)",
             NameOf(config), spec.name, v);
        return false;
      }
      continue;
    }
    const bool whole = std::isfinite(v) && v == std::floor(v);
    if (!std::isfinite(v) || v < spec.min_value || v > spec.max_value ||
        (spec.type == JS_PARAM_INTEGER && !whole)) {
      Fail(error,
           "checkout touchpoint '%s': parameter '%s' = %g must be %s in "
           "[%g, %g]",
           NameOf(config), spec.name, v,
           spec.type == JS_PARAM_INTEGER ? "a whole number" : "a number",
           spec.min_value, spec.max_value);
      return false;
    }
  }
  return true;
}

// Combinations that describe no real checkout.
bool CheckCombinations(const js_config_view* config, char* error) {
  const double* p = config->params;
  if (p[kGuestCheckout] == 0.0 && p[kFormFields] < 2.0) {
    Fail(error,
         "checkout touchpoint '%s': guest_checkout = false means the customer "
         "creates an account, which takes at least 2 of form_fields (e-mail "
         "and password), but form_fields = %g; raise form_fields or set "
         "guest_checkout = true",
         NameOf(config), p[kFormFields]);
    return false;
  }
  if (p[kSurpriseCosts] > 0.0 && p[kOrderValue] == 0.0) {
    Fail(error,
         "checkout touchpoint '%s': surprise_costs = %g is a share of "
         "order_value, but order_value = 0; set order_value or "
         "surprise_costs = 0",
         NameOf(config), p[kSurpriseCosts]);
    return false;
  }
  return true;
}

js_status Configure(const js_config_view* config, void** instance,
                    char* error) {
  return guarded(error, [&]() -> js_status {
    if (config == nullptr || instance == nullptr) {
      write_error(error,
                  "checkout: configure called without config or instance");
      return JS_ERROR;
    }
    if (!CheckParams(config, error) || !CheckCombinations(config, error)) {
      return JS_ERROR;
    }
    *instance = new CheckoutTouchpoint(MakeTouchpoint(config->params));
    return JS_OK;
  });
}

void Destroy(void* instance) {
  delete static_cast<CheckoutTouchpoint*>(instance);
}


js_status Interact(void* instance, const js_batch* batch, js_outcome* out,
                   char* error) {
  return guarded(error, [&]() -> js_status {
    if (instance == nullptr || batch == nullptr || out == nullptr) {
      write_error(
          error, "checkout: interact called without instance, batch or output");
      return JS_ERROR;
    }
    if (batch->agent_count > 0 &&
        (batch->agents == nullptr || batch->personas == nullptr)) {
      write_error(error,
                  "checkout: batch has agents but no agent or persona array");
      return JS_ERROR;
    }
    // Read-only: the host may call this concurrently for one touchpoint, so
    // the persona cache lives on this call's stack, filled at first sight.
    const auto& c = *static_cast<const CheckoutTouchpoint*>(instance);
    journeysim::sdk::PersonaTermsCache<PersonaTerms> terms;
    for (uint32_t i = 0; i < batch->agent_count; ++i) {
      const js_agent_view& agent = batch->agents[i];
      const uint32_t k = agent.persona;
      if (k >= batch->persona_count || agent.uniforms == nullptr) {
        Fail(error,
             "checkout: agent %u of the batch has persona index %u (batch has "
             "%u personas) or no uniforms",
             static_cast<unsigned>(i), static_cast<unsigned>(k),
             static_cast<unsigned>(batch->persona_count));
        return JS_ERROR;
      }
      out[i] = Decide(c, terms.get(k, [&] { return TermsFor(c, batch->personas[k]); }), agent);
    }
    return JS_OK;
  });
}

constexpr js_channel_descriptor kDescriptor = {
    JS_CHANNEL_API_VERSION,
    sizeof(js_channel_descriptor),
    "checkout",
    "1.0.0",
    "a checkout: account wall, steps, fields, page loads, errors, payment, "
    "final price",
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
