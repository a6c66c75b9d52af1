// Specification tests of the `checkout` channel. The README's equations are
// recomputed here from the README's own coefficient table (typed again on
// purpose, not shared with the plugin): p from the closed-form product, the
// reason shares from an explicit walk over every hazard in order, and the
// README's worked numbers are asserted, so the model, its documentation and
// its code cannot drift apart.
#include <gtest/gtest.h>
#include <journeysim/channel_harness.h>
#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace journeysim::testing;

enum Reason : uint32_t {
  kSlowPage,
  kTooManySteps,
  kTooManyFields,
  kAccountRequired,
  kSurpriseCosts,
  kFewPaymentOptions,
  kError,
  kPrice,
  kReasonCount
};
constexpr size_t kN = 200000;

// Parameters in declaration order.
struct Params {
  double steps = 4;
  double form_fields = 10;
  double page_load_s = 2.0;
  double payment_options = 3;
  double guest_checkout = 1.0;
  double surprise_costs = 0.0;
  double error_rate = 0.02;
  double order_value = 60.0;
  double order_value_spread = 0.5;

  std::vector<double> Values() const {
    return {steps,           form_fields,    page_load_s,
            payment_options, guest_checkout, surprise_costs,
            error_rate,      order_value,    order_value_spread};
  }
};

// The README's "long checkout": 5 steps, 14 fields, 3.2 s pages, account.
Params LongCheckout() {
  Params p;
  p.steps = 5;
  p.form_fields = 14;
  p.page_load_s = 3.2;
  p.guest_checkout = 0.0;
  return p;
}

// A checkout touchpoint configured at the given parameters.
class Touchpoint : public journeysim::testing::Touchpoint {
 public:
  explicit Touchpoint(std::vector<double> values)
      : journeysim::testing::Touchpoint(std::move(values), "checkout",
                                        "purchase") {}
  explicit Touchpoint(const Params& params) : Touchpoint(params.Values()) {}
};

struct Traits {
  double patience = 0.5;
  double tech_savvy = 0.5;
  double price_sensitivity = 0.5;
  double satisfaction = 0.5;
};

js_persona_view Persona(const Traits& t) {
  PersonaTraits p;
  p.patience = t.patience;
  p.price_sensitivity = t.price_sensitivity;
  p.tech_savvy = t.tech_savvy;
  return p.View("shopper");
}

// Agents of one persona with their own uniforms, all fixed by `seed`.
Crowd SameAgents(size_t n, const Traits& traits, uint64_t seed) {
  js_agent_view state{};
  state.satisfaction = traits.satisfaction;
  return journeysim::testing::SameAgents(n, Persona(traits), state, seed);
}

// Random personas and states, including the [0, 1] ends of every trait.
// With `personas` above the plugin's 64-entry cache, the uncached path runs.
Crowd MixedAgents(size_t n, uint64_t seed, int personas = 16) {
  std::mt19937_64 rng(seed);
  std::vector<js_persona_view> drawn = {Persona({0.0, 0.0, 1.0, 0.0}),
                                        Persona({1.0, 1.0, 0.0, 1.0})};
  while (drawn.size() < static_cast<size_t>(personas)) {
    drawn.push_back(Persona({Uniform(rng), Uniform(rng), Uniform(rng), 0.0}));
  }
  return MixedCrowd(std::move(drawn), n, rng, UniformEnds::kEverySeventhAgent,
                    [](size_t i, std::mt19937_64& r, size_t count) {
                      return DrawAgentWithEnds(i, r, count);
                    });
}

// --- The README's model, recomputed from its coefficient table. ------------
double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

struct Readme {
  double h_account, h_slow, quit_after_error, h_error, h_step, h_field, h_pay;
  double h_price, h_review, p;
  std::array<double, kReasonCount> share;  // of the failure
};

Readme ReadmeModel(const Params& q, const Traits& t) {
  const double P = t.patience - 0.5;
  const double T = t.tech_savvy - 0.5;
  const double S = t.price_sensitivity - 0.5;
  const double Q = t.satisfaction - 0.5;
  Readme r{};
  r.h_account =
      q.guest_checkout != 0.0 ? 0.0 : Logistic(-1.25 - 2.0 * T - 1.0 * P);
  r.h_slow = Logistic(-4.2 + 1.3 * std::log(q.page_load_s / 2.0) - 1.5 * P);
  r.quit_after_error = Logistic(-0.4 - 2.0 * P - 1.0 * T);
  r.h_error = q.error_rate * r.quit_after_error;
  r.h_step = Logistic(-3.2 - 2.0 * P);
  r.h_field = Logistic(-4.8 - 2.0 * P - 1.0 * T);
  r.h_pay = Logistic(-3.2 - 1.1 * std::log(q.payment_options / 3.0) - 1.0 * T -
                     1.0 * P);
  const double price =
      -1.75 + 2.0 * S +
      0.3 * (std::log(1.0 + q.order_value / 60.0) - std::log(2.0)) - 1.0 * Q -
      1.0 * P;
  r.h_price = Logistic(price);
  r.h_review =
      Logistic(price + 8.0 * q.surprise_costs * (0.5 + t.price_sensitivity));
  // The README's closed form.
  const double n = q.steps;
  r.p = (1.0 - r.h_account) * std::pow(1.0 - r.h_step, n - 1.0) *
        std::pow(1.0 - r.h_slow, n) * std::pow(1.0 - r.h_error, n) *
        std::pow(1.0 - r.h_field, q.form_fields) * (1.0 - r.h_pay) *
        (1.0 - r.h_review);
  // Shares: walk every hazard in the order it is met.
  double alive = 1.0;
  std::array<double, kReasonCount> lost{};
  const auto meet = [&](Reason reason, double hazard) {
    lost[reason] += alive * hazard;
    alive *= 1.0 - hazard;
  };
  const double fields_per_step =
      1.0 - std::pow(1.0 - r.h_field, q.form_fields / n);
  meet(kAccountRequired, r.h_account);
  for (int step = 1; step <= static_cast<int>(n); ++step) {
    if (step > 1) {
      meet(kTooManySteps, r.h_step);
    }
    meet(kSlowPage, r.h_slow);
    meet(kTooManyFields, fields_per_step);
    meet(kError, r.h_error);
  }
  meet(kFewPaymentOptions, r.h_pay);
  meet(kPrice, r.h_price);
  meet(kSurpriseCosts, 1.0 - (1.0 - r.h_review) / (1.0 - r.h_price));
  for (size_t j = 0; j < kReasonCount; ++j) {
    r.share[j] = lost[j] / (1.0 - r.p);
  }
  return r;
}

double PluginP(const Params& params, const Traits& traits) {
  Touchpoint tp(params);
  EXPECT_TRUE(tp.ok()) << tp.error();
  const Crowd crowd = SameAgents(1, traits, 1);
  return tp.Run(crowd.Batch())[0].p_continue;
}

void ExpectWithinFourSe(double observed, double p, double n, const char* what) {
  EXPECT_NEAR(observed, p, FourStandardErrors(p, n)) << what;
}

TEST(checkout_channel, DescriptorDeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_EQ(d.api_version, JS_CHANNEL_API_VERSION);
  EXPECT_EQ(d.struct_size, sizeof(js_channel_descriptor));
  EXPECT_STREQ(d.name, "checkout");
  ASSERT_EQ(d.param_count, 9u);
  const std::array<const char*, 9> names = {
      "steps",           "form_fields",    "page_load_s",
      "payment_options", "guest_checkout", "surprise_costs",
      "error_rate",      "order_value",    "order_value_spread"};
  const std::array<js_param_type, 9> types = {
      JS_PARAM_INTEGER, JS_PARAM_INTEGER, JS_PARAM_NUMBER,
      JS_PARAM_INTEGER, JS_PARAM_BOOLEAN, JS_PARAM_NUMBER,
      JS_PARAM_NUMBER,  JS_PARAM_NUMBER,  JS_PARAM_NUMBER};
  const std::vector<double> defaults = Params{}.Values();
  for (uint32_t i = 0; i < d.param_count; ++i) {
    EXPECT_STREQ(d.params[i].name, names[i]);
    EXPECT_EQ(d.params[i].type, types[i]) << names[i];
    EXPECT_EQ(d.params[i].default_value, defaults[i]) << names[i];
    EXPECT_LE(d.params[i].min_value, d.params[i].default_value);
    EXPECT_GE(d.params[i].max_value, d.params[i].default_value);
  }
  const std::array<const char*, kReasonCount> codes = {
      "slow_page",       "too_many_steps",
      "too_many_fields", "account_required",
      "surprise_costs",  "few_payment_options",
      "error",           "price"};
  ASSERT_EQ(d.reason_count, kReasonCount);
  for (uint32_t i = 0; i < d.reason_count; ++i) {
    EXPECT_STREQ(d.reasons[i].code, codes[i]);
    EXPECT_GT(std::string(d.reasons[i].label).size(), 0u);
    EXPECT_GT(std::string(d.reasons[i].suggestion).size(), 0u);
  }
  EXPECT_EQ(d.uniforms_per_interaction, 4u);
}

TEST(checkout_channel, PContinueEqualsReadmeClosedForm) {
  Params one_page;
  one_page.steps = 1;
  one_page.form_fields = 7;
  Params harsh = LongCheckout();
  harsh.surprise_costs = 0.3;
  harsh.error_rate = 0.2;
  harsh.payment_options = 1;
  harsh.order_value = 900;
  for (const Params& params : {Params{}, LongCheckout(), one_page, harsh}) {
    for (const Traits& traits :
         {Traits{}, Traits{0.0, 0.0, 1.0, 0.0}, Traits{1.0, 1.0, 0.0, 1.0},
          Traits{0.3, 0.2, 0.8, 0.6}}) {
      EXPECT_NEAR(PluginP(params, traits), ReadmeModel(params, traits).p, 1e-12)
          << "steps " << params.steps << " patience " << traits.patience;
    }
  }
}

TEST(checkout_channel, DefaultsGiveReadmeWorkedNumbers) {
  // README "Worked numbers": average persona (all traits 0.5).
  EXPECT_NEAR(PluginP(Params{}, Traits{}), 0.6103, 5e-5);
  EXPECT_NEAR(PluginP(LongCheckout(), Traits{}), 0.4053, 5e-5);
  Params long_surprise = LongCheckout();
  long_surprise.surprise_costs = 0.1;
  EXPECT_NEAR(PluginP(long_surprise, Traits{}), 0.3430, 5e-5);
  const Readme r = ReadmeModel(Params{}, Traits{});
  EXPECT_NEAR(r.h_slow, 0.0148, 5e-5);
  EXPECT_NEAR(r.h_step, 0.0392, 5e-5);
  EXPECT_NEAR(r.h_field, 0.0082, 5e-5);
  EXPECT_NEAR(r.quit_after_error, 0.4013, 5e-5);
  EXPECT_NEAR(r.h_pay, 0.0392, 5e-5);
  EXPECT_NEAR(r.h_price, 0.1480, 5e-5);
}

TEST(checkout_channel, EmpiricalContinueRateIsWithinFourStandardErrors) {
  Params params = LongCheckout();
  params.surprise_costs = 0.05;
  const Traits traits{0.4, 0.6, 0.7, 0.45};
  const Crowd crowd = SameAgents(kN, traits, 11);
  const auto out = Touchpoint(params).Run(crowd.Batch());
  ExpectWithinFourSe(ContinueRate(out), ReadmeModel(params, traits).p, kN,
                     "purchase rate");
}

TEST(checkout_channel, BuysExactlyWhenFirstUniformIsBelowPContinue) {
  const Crowd crowd = MixedAgents(20000, 3);
  const auto out = Touchpoint(LongCheckout()).Run(crowd.Batch());
  for (size_t i = 0; i < out.size(); ++i) {
    const bool bought = out[i].next == JS_NEXT_BY_WEIGHT;
    ASSERT_EQ(bought, crowd.agents[i].uniforms[0] < out[i].p_continue) << i;
  }
}

TEST(checkout_channel, RemovingFrictionNeverTurnsABuyerIntoADrop) {
  Params better = LongCheckout();
  better.guest_checkout = 1.0;
  better.form_fields = 8;
  better.steps = 3;
  const Crowd crowd = MixedAgents(50000, 5);
  const auto base = Touchpoint(LongCheckout()).Run(crowd.Batch());
  const auto improved = Touchpoint(better).Run(crowd.Batch());
  for (size_t i = 0; i < base.size(); ++i) {
    EXPECT_GT(improved[i].p_continue, base[i].p_continue);
    if (base[i].next != JS_NEXT_DROP) {
      ASSERT_NE(improved[i].next, JS_NEXT_DROP) << i;
      ASSERT_EQ(improved[i].money, base[i].money);  // same basket
    }
  }
}

TEST(checkout_channel, AccountRequiredLowersPByDocumentedAmount) {
  Params account;
  account.guest_checkout = 0.0;
  // README: tech_savvy 0.2 -> account wall hazard 0.3430, p 0.5817 -> 0.3822;
  // tech_savvy 0.9 -> hazard 0.1141 only.
  const Traits novice{0.5, 0.2, 0.5, 0.5};
  EXPECT_NEAR(ReadmeModel(account, novice).h_account, 0.3430, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, novice), 0.5817, 5e-5);
  EXPECT_NEAR(PluginP(account, novice), 0.3822, 5e-5);
  EXPECT_NEAR(PluginP(account, novice) / PluginP(Params{}, novice),
              1.0 - ReadmeModel(account, novice).h_account, 1e-12);
  const Traits expert{0.5, 0.9, 0.5, 0.5};
  EXPECT_NEAR(ReadmeModel(account, expert).h_account, 0.1141, 5e-5);
}

TEST(checkout_channel, EachFrictionMovesPByDocumentedAmount) {
  const auto p_with = [](auto change) {
    Params params;
    change(params);
    return PluginP(params, Traits{});
  };
  // README "Worked numbers", average persona, one parameter changed.
  EXPECT_NEAR(p_with([](Params& q) { q.steps = 1; }), 0.7371, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.steps = 8; }), 0.4746, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.steps = 12; }), 0.3690, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.form_fields = 0; }), 0.6625, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.form_fields = 20; }), 0.5623, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.form_fields = 60; }), 0.4051, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.page_load_s = 5; }), 0.5342, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.page_load_s = 10; }), 0.4094, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.payment_options = 1; }), 0.5589, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.payment_options = 6; }), 0.6233, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.error_rate = 0; }), 0.6303, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.error_rate = 0.2; }), 0.4510, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.surprise_costs = 0.1; }), 0.5166, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.surprise_costs = 0.25; }), 0.3136, 5e-5);
  EXPECT_NEAR(p_with([](Params& q) { q.order_value = 600; }), 0.5554, 5e-5);
}

TEST(checkout_channel, SurpriseCostsHurtPriceSensitivePersonasMore) {
  Params surprise;
  surprise.surprise_costs = 0.1;
  const Traits frugal{0.5, 0.5, 0.9, 0.5};
  const Traits lavish{0.5, 0.5, 0.1, 0.5};
  EXPECT_NEAR(PluginP(surprise, frugal), 0.3278, 5e-5);
  EXPECT_NEAR(PluginP(surprise, lavish), 0.6361, 5e-5);
  const double frugal_loss =
      1.0 - PluginP(surprise, frugal) / PluginP(Params{}, frugal);
  const double lavish_loss =
      1.0 - PluginP(surprise, lavish) / PluginP(Params{}, lavish);
  EXPECT_GT(frugal_loss, 2.0 * lavish_loss);
}

TEST(checkout_channel, PatienceAndSatisfactionModerateAbandonment) {
  EXPECT_NEAR(PluginP(Params{}, Traits{0.0, 0.5, 0.5, 0.5}), 0.3568, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, Traits{1.0, 0.5, 0.5, 0.5}), 0.7838, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, Traits{0.5, 0.5, 0.5, 1.0}), 0.6481, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, Traits{0.5, 0.5, 0.5, 0.0}), 0.5568, 5e-5);
}

TEST(checkout_channel, DropReasonSharesMatchAnalyticShares) {
  Params params = LongCheckout();
  params.surprise_costs = 0.1;
  params.error_rate = 0.1;
  params.payment_options = 2;
  const Traits traits{0.4, 0.4, 0.6, 0.5};
  const Crowd crowd = SameAgents(kN, traits, 23);
  const auto out = Touchpoint(params).Run(crowd.Batch());
  const Readme r = ReadmeModel(params, traits);
  std::array<double, kReasonCount> count{};
  double drops = 0;
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP) {
      count[o.reason] += 1.0;
      drops += 1.0;
    }
  }
  for (size_t j = 0; j < kReasonCount; ++j) {
    EXPECT_GT(r.share[j], 0.01) << Descriptor().reasons[j].code;
    ExpectWithinFourSe(count[j] / drops, r.share[j], drops,
                       Descriptor().reasons[j].code);
  }
}

TEST(checkout_channel, ReasonSharesOfTheDefaultsMatchReadme) {
  // README "Where the default checkout loses people".
  const Readme r = ReadmeModel(Params{}, Traits{});
  EXPECT_NEAR(r.share[kSlowPage], 0.1344, 5e-5);
  EXPECT_NEAR(r.share[kTooManySteps], 0.2662, 5e-5);
  EXPECT_NEAR(r.share[kTooManyFields], 0.1818, 5e-5);
  EXPECT_NEAR(r.share[kError], 0.0705, 5e-5);
  EXPECT_NEAR(r.share[kFewPaymentOptions], 0.0749, 5e-5);
  EXPECT_NEAR(r.share[kPrice], 0.2722, 5e-5);
  EXPECT_EQ(r.share[kAccountRequired], 0.0);
  EXPECT_EQ(r.share[kSurpriseCosts], 0.0);
}

TEST(checkout_channel, OrderValueIsLognormalWithMeanOrderValue) {
  for (double spread : {0.5, 1.0}) {
    Params params;
    params.order_value = 80.0;
    params.order_value_spread = spread;
    const Crowd crowd = SameAgents(kN, Traits{0.8, 0.8, 0.2, 0.8}, 41);
    const auto out = Touchpoint(params).Run(crowd.Batch());
    double sum = 0;
    double buyers = 0;
    for (const js_outcome& o : out) {
      if (o.next == JS_NEXT_DROP) {
        ASSERT_EQ(o.money, 0.0);
      } else {
        ASSERT_GT(o.money, 0.0);
        sum += o.money;
        buyers += 1.0;
      }
    }
    const double sd = 80.0 * std::sqrt(std::expm1(spread * spread));
    EXPECT_NEAR(sum / buyers, 80.0, 4.0 * sd / std::sqrt(buyers))
        << "spread " << spread;
  }
  Params fixed;
  fixed.order_value_spread = 0.0;
  const Crowd crowd = SameAgents(1000, Traits{}, 43);
  for (const js_outcome& o : Touchpoint(fixed).Run(crowd.Batch())) {
    ASSERT_EQ(o.money, o.next == JS_NEXT_DROP ? 0.0 : 60.0);
  }
}

TEST(checkout_channel, BuyersEffortTimeAndEmotionMatchReadme) {
  // README "Effort and time" and "Emotion", defaults, average persona:
  // 16.10 actions, 131.06 s, emotion +0.0376.
  const Crowd crowd = SameAgents(2000, Traits{}, 47);
  const auto out = Touchpoint(Params{}).Run(crowd.Batch());
  for (const js_outcome& o : out) {
    if (o.next != JS_NEXT_DROP) {
      ASSERT_NEAR(o.effort, 16.0966, 5e-5);
      ASSERT_NEAR(o.hours * 3600.0, 131.0622, 5e-5);
      ASSERT_NEAR(o.emotion, 0.0376, 5e-5);
    } else {
      ASSERT_LT(o.emotion, 0.0);
      ASSERT_LT(o.effort, 16.0966);
    }
    ASSERT_EQ(o.messages, 0u);
    ASSERT_EQ(o.referrals, 0u);
  }
  // The long checkout with surprise costs: 22.12 actions, 3.16 min, -0.0391.
  Params long_surprise = LongCheckout();
  long_surprise.surprise_costs = 0.1;
  for (const js_outcome& o : Touchpoint(long_surprise).Run(crowd.Batch())) {
    if (o.next != JS_NEXT_DROP) {
      ASSERT_NEAR(o.effort, 22.1207, 5e-5);
      ASSERT_NEAR(o.hours * 60.0, 3.1600, 5e-5);
      ASSERT_NEAR(o.emotion, -0.0391, 5e-5);
    }
  }
}

TEST(checkout_channel, DropEmotionScalesWithImpatience) {
  Params params = LongCheckout();
  params.surprise_costs = 0.2;
  for (double patience : {0.0, 1.0}) {
    const Crowd crowd = SameAgents(5000, Traits{patience, 0.5, 0.5, 0.5}, 53);
    const std::array<double, kReasonCount> base = {-0.06, -0.05, -0.06, -0.08,
                                                   -0.15, -0.06, -0.12, -0.03};
    for (const js_outcome& o : Touchpoint(params).Run(crowd.Batch())) {
      if (o.next == JS_NEXT_DROP) {
        ASSERT_NEAR(o.emotion, base[o.reason] * (1.5 - patience), 1e-15);
      }
    }
  }
}

TEST(checkout_channel, SameUniformsGiveIdenticalOutcomes) {
  const Crowd crowd = MixedAgents(20000, 9);
  Touchpoint tp(LongCheckout());
  const auto first = tp.Run(crowd.Batch());
  const auto second = Touchpoint(LongCheckout()).Run(crowd.Batch());
  // The same agents split over two batches: no state carries across agents.
  Crowd half = crowd;
  half.agents.resize(crowd.agents.size() / 2);
  const auto part = tp.Run(half.Batch());
  for (size_t i = 0; i < first.size(); ++i) {
    ASSERT_TRUE(SameOutcome(first[i], second[i])) << i;
    if (i < part.size()) {
      ASSERT_TRUE(SameOutcome(first[i], part[i])) << i;
    }
  }
}

TEST(checkout_channel, PersonaCacheDoesNotChangeOutcomes) {
  // 80 personas: indices from 64 on bypass the per-batch cache. Give
  // personas 70.. the traits of personas 0.., so both paths meet the same
  // customers.
  Crowd crowd = MixedAgents(20000, 13, 80);
  for (size_t k = 70; k < 80; ++k) {
    crowd.personas[k] = crowd.personas[k - 70];
  }
  Crowd moved = crowd;
  for (js_agent_view& a : moved.agents) {
    if (a.persona < 10) {
      a.persona += 70;
    }
  }
  Touchpoint tp(LongCheckout());
  const auto cached = tp.Run(crowd.Batch());
  const auto uncached = tp.Run(moved.Batch());
  for (size_t i = 0; i < cached.size(); ++i) {
    ASSERT_TRUE(SameOutcome(cached[i], uncached[i])) << i;
  }
}

TEST(checkout_channel, ConfigureRejectsAnAccountWithoutFormFields) {
  Params params;
  params.guest_checkout = 0.0;
  params.form_fields = 1;
  Touchpoint tp(params);
  EXPECT_FALSE(tp.ok());
  EXPECT_NE(tp.error().find("guest_checkout = false"), std::string::npos)
      << tp.error();
  EXPECT_NE(tp.error().find("form_fields = 1"), std::string::npos)
      << tp.error();
  params.form_fields = 2;
  EXPECT_TRUE(Touchpoint(params).ok());
}

TEST(checkout_channel, ConfigureRejectsSurpriseCostsWithoutOrderValue) {
  Params params;
  params.order_value = 0.0;
  params.surprise_costs = 0.2;
  Touchpoint tp(params);
  EXPECT_FALSE(tp.ok());
  EXPECT_NE(tp.error().find("surprise_costs = 0.2"), std::string::npos)
      << tp.error();
  EXPECT_NE(tp.error().find("order_value = 0"), std::string::npos)
      << tp.error();
  params.surprise_costs = 0.0;
  EXPECT_TRUE(Touchpoint(params).ok());
}

TEST(checkout_channel, ConfigureRejectsValuesOutsideTheDeclaredDomain) {
  Params half_step;
  half_step.steps = 2.5;
  Touchpoint a(half_step);
  EXPECT_FALSE(a.ok());
  EXPECT_NE(a.error().find("'steps'"), std::string::npos) << a.error();
  EXPECT_NE(a.error().find("'checkout'"), std::string::npos) << a.error();

  Params maybe_guest;
  maybe_guest.guest_checkout = 0.5;
  Touchpoint b(maybe_guest);
  EXPECT_FALSE(b.ok());
  EXPECT_NE(b.error().find("guest_checkout"), std::string::npos) << b.error();

  Params instant;
  instant.page_load_s = 0.0;
  Touchpoint c(instant);
  EXPECT_FALSE(c.ok());
  EXPECT_NE(c.error().find("page_load_s"), std::string::npos) << c.error();
}

TEST(checkout_channel, ConfigureRejectsAWrongParameterCount) {
  Touchpoint tp(std::vector<double>{4, 10, 2.0});
  EXPECT_FALSE(tp.ok());
  EXPECT_NE(tp.error().find("expected 9 parameters, got 3"), std::string::npos)
      << tp.error();
}

TEST(checkout_channel, InteractRejectsAnUnknownPersonaIndex) {
  Crowd crowd = SameAgents(4, Traits{}, 1);
  crowd.agents[3].persona = 1;
  Touchpoint tp(Params{});
  ASSERT_TRUE(tp.ok()) << tp.error();
  std::vector<js_outcome> out;
  std::string error;
  EXPECT_EQ(tp.Interact(crowd.Batch(), &out, &error), JS_ERROR);
  EXPECT_NE(error.find("persona index 1"), std::string::npos) << error;
}

TEST(checkout_channel, OutcomesAreFiniteAndInRangeAtParameterExtremes) {
  const Crowd crowd = MixedAgents(1500, 21);
  const std::array<std::array<double, 2>, 9> ends = {{
      {1.0, 12.0},  // steps
      {0.0, 60.0},  // form_fields
      {0.1, 60.0},  // page_load_s
      {1.0, 12.0},  // payment_options
      {0.0, 1.0},   // guest_checkout
      {0.0, 1.0},   // surprise_costs
      {0.0, 1.0},   // error_rate
      {0.0, 1e6},   // order_value
      {0.0, 2.0},   // order_value_spread
  }};
  int configured = 0;
  for (int combo = 0; combo < 512; ++combo) {
    std::vector<double> values(9);
    for (size_t j = 0; j < 9; ++j) {
      values[j] = ends[j][(combo >> j) & 1];
    }
    Touchpoint tp(values);
    const bool valid = !(values[4] == 0.0 && values[1] < 2.0) &&
                       !(values[5] > 0.0 && values[7] == 0.0);
    ASSERT_EQ(tp.ok(), valid) << tp.error();
    if (!valid) {
      continue;
    }
    ++configured;
    for (const js_outcome& o : tp.Run(crowd.Batch())) {
      ASSERT_TRUE(o.next == JS_NEXT_BY_WEIGHT || o.next == JS_NEXT_DROP);
      ASSERT_TRUE(std::isfinite(o.p_continue) && o.p_continue >= 0.0 &&
                  o.p_continue <= 1.0);
      ASSERT_TRUE(std::isfinite(o.hours) && o.hours >= 0.0) << o.hours;
      ASSERT_TRUE(std::isfinite(o.effort) && o.effort >= 0.0);
      ASSERT_TRUE(std::isfinite(o.emotion) && std::abs(o.emotion) <= 0.3)
          << o.emotion;
      ASSERT_TRUE(std::isfinite(o.money) && o.money >= 0.0) << o.money;
      ASSERT_EQ(o.messages, 0u);
      ASSERT_EQ(o.referrals, 0u);
      if (o.next == JS_NEXT_DROP) {
        ASSERT_LT(o.reason, kReasonCount);
        ASSERT_EQ(o.money, 0.0);
      }
    }
  }
  EXPECT_EQ(configured, 512 - 128 - 128 + 32);  // both rules: 2^7 each
}

}  // namespace
