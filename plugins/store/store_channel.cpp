// The `store` channel's plugin boundary: its parameters, drop reasons, events
// and uniforms, and the model functions they drive (store_model.h).
#include <journeysim/channel_boundary.h>
#include <journeysim/channel_sdk.h>

#include <cstdint>
#include <iterator>

#include "store_model.h"

namespace {

using namespace journeysim::channels::store;
using journeysim::sdk::touchpoint_name;
using journeysim::sdk::write_errorf;

constexpr js_param_spec kParams[] = {
    {"travel_minutes", JS_PARAM_NUMBER, 20.0, 0.0, 600.0,
     "one-way trip to the store, minutes"},
    {"open_hours", JS_PARAM_NUMBER, 10.0, 1.0, 24.0,
     "hours a day the store is open"},
    {"queue_minutes", JS_PARAM_NUMBER, 5.0, 0.0, 600.0,
     "wait to be served (counter, till); a resource's queue replaces it "
     "when the touchpoint `uses` one"},
    {"helpfulness", JS_PARAM_NUMBER, 0.6, 0.0, 1.0,
     "how helpful the staff are, 0 absent .. 1 expert and warm"},
    {"stock_availability", JS_PARAM_NUMBER, 0.92, 0.0, 1.0,
     "share of visits that find the wanted item on the shelf"},
    {"purchase_rate", JS_PARAM_NUMBER, 0.5, 0.0, 1.0,
     "share of served customers of average price sensitivity who buy, with "
     "staff of helpfulness 0.6"},
    {"basket_value", JS_PARAM_NUMBER, 60.0, 0.0, 1e6,
     "money taken per purchase"},
};
static_assert(std::size(kParams) == kParamCount);

constexpr js_drop_reason kReasons[] = {
    {"too_far", "the trip was not worth it",
     "bring the store closer to this persona: click-and-collect points, a "
     "pop-up, or an appointment that makes the trip certain to pay off"},
    {"closed", "found the store closed",
     "open when customers can come (evenings, weekends) and keep the hours "
     "right on maps and the website"},
    {"gave_up_waiting", "left the queue before being served",
     "staff the counters at peak hours, add self-checkout, or let customers "
     "book a time slot"},
    {"out_of_stock", "the wanted item was not in stock",
     "show live stock on the website, reorder fast movers sooner, and train "
     "staff to offer a substitute or a home delivery"},
    {"not_convinced", "was served but did not buy",
     "train staff in product advice and objection handling; price-match or "
     "bundle for price-sensitive customers"},
};
static_assert(std::size(kReasons) == kReasonCount);

enum Event : uint32_t {
  kBought,
  kDidNotCome,
  kGaveUp,
  kOutOfStockEvent,
  kLeftWithoutBuying,
  kEventCount
};
constexpr js_event kEvents[] = {
    {"bought", "bought in the store", JS_EVENT_SUCCESS},
    {"did_not_come", "did not make the trip, or found the store closed", 0},
    // Named exactly `gave_up`: a resource's patience leaves the queue by it.
    {"gave_up", "left the queue before being served", 0},
    {"out_of_stock", "the wanted item was not in stock", 0},
    {"left_without_buying", "was served but did not buy", 0},
};
static_assert(std::size(kEvents) == kEventCount);
constexpr uint32_t kReasonEvents[kReasonCount] = {
    kDidNotCome,         // too_far
    kDidNotCome,         // closed
    kGaveUp,             // gave_up_waiting
    kOutOfStockEvent,    // out_of_stock
    kLeftWithoutBuying,  // not_convinced
};

// uniforms[0]: continue or drop; [1]: which reason; [2]: time in the store.
constexpr uint32_t kUniforms = 3;

bool CheckCombinations(const js_config_view& config, char* error) {
  const double* p = config.params;
  if (p[kStockAvailability] == 0.0 || p[kPurchaseRate] == 0.0) {
    write_errorf(error,
                 "store touchpoint '%s': stock_availability = %g and "
                 "purchase_rate = %g: with either 0 no customer ever buys; "
                 "set both > 0",
                 touchpoint_name(config), p[kStockAvailability],
                 p[kPurchaseRate]);
    return false;
  }
  return true;
}

constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
    "store", "1.0.0",
    "a store visit: travel, opening hours, queue, stock, staff, purchase",
    kParams, kReasons, kEvents, kReasonEvents, kUniforms);

constexpr js_channel_descriptor kDescriptor =
    journeysim::sdk::describe<kFacts, MakeStore, persona_terms, Decide,
                              CheckCombinations>();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
