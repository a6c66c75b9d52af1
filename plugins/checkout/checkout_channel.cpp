// The `checkout` channel's plugin boundary: its parameters, drop reasons and
// uniforms, and the model functions they drive (checkout_model.h). The
// callbacks themselves are the SDK's (journeysim/channel_boundary.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "checkout_model.h"

namespace {

using namespace journeysim::channels::checkout;
using journeysim::sdk::touchpoint_name;
using journeysim::sdk::write_errorf;

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

// Events the journey routes on (README.md "Events"): whatever the reason,
// a customer who does not pay has abandoned the checkout.
enum Event : uint32_t { kPurchased, kAbandoned, kEventCount };
constexpr js_event kEvents[] = {
    {"purchased", "paid", JS_EVENT_SUCCESS},
    {"abandoned", "left the checkout without paying", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {
    kAbandoned, kAbandoned, kAbandoned, kAbandoned,
    kAbandoned, kAbandoned, kAbandoned, kAbandoned,
};

// Uniforms: [0] buy or drop, [1] drop reason (and where), [2] and [3] the
// order value (one standard normal, Box-Muller).
constexpr uint32_t kUniforms = 4;

// Combinations that describe no real checkout.
bool CheckCombinations(const js_config_view& config, char* error) {
  const double* p = config.params;
  if (p[kGuestCheckout] == 0.0 && p[kFormFields] < 2.0) {
    write_errorf(
        error,
        "checkout touchpoint '%s': guest_checkout = false means the customer "
        "creates an account, which takes at least 2 of form_fields (e-mail "
        "and password), but form_fields = %g; raise form_fields or set "
        "guest_checkout = true",
        touchpoint_name(config), p[kFormFields]);
    return false;
  }
  if (p[kSurpriseCosts] > 0.0 && p[kOrderValue] == 0.0) {
    write_errorf(error,
                 "checkout touchpoint '%s': surprise_costs = %g is a share of "
                 "order_value, but order_value = 0; set order_value or "
                 "surprise_costs = 0",
                 touchpoint_name(config), p[kSurpriseCosts]);
    return false;
  }
  return true;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "checkout", "1.1.0",
    "a checkout: account wall, steps, fields, page loads, errors, payment, "
    "final price",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeTouchpoint, TermsFor, Decide,
                              CheckCombinations>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
