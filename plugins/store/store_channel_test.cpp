// Tests of the `store` channel against its README: the reference model below
// is written from README.md's equations and coefficient table, not from
// store_model.h.
#include <gtest/gtest.h>
#include <journeysim/channel_harness.h>
#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace journeysim::testing;
using Persona = PersonaTraits;

constexpr int kN = 200000;
enum Param { kTravel, kOpen, kQueue, kHelp, kStock, kPurchase, kBasket };
enum Reason { kTooFar, kClosed, kGaveUp, kOutOfStock, kNotConvinced };
using Params = std::array<double, 7>;
constexpr Params kDefaults = {20.0, 10.0, 5.0, 0.6, 0.92, 0.5, 60.0};


std::array<double, 5> reference_q(const Params& x, const Persona& v,
                                  double satisfaction, double wait) {
  const double travel_tolerance = 45.0 * std::exp((v.patience - 0.5) +
                                                  0.75 * (v.channel_affinity -
                                                          v.best_other_affinity));
  const double queue_tolerance =
      10.0 * std::exp(1.5 * (v.patience - 0.5) + (satisfaction - 0.5));
  const double k = std::exp(2.0 * (x[kHelp] - 0.6) - (v.price_sensitivity - 0.5));
  const double r = x[kPurchase];
  return {
      x[kTravel] > 0.0 ? 1.0 / (1.0 + std::pow(travel_tolerance / x[kTravel], 1.5))
                       : 0.0,
      0.25 * (1.0 - x[kOpen] / 24.0),
      wait > 0.0 ? 1.0 / (1.0 + std::pow(queue_tolerance / wait, 2.0)) : 0.0,
      (1.0 - x[kStock]) * (1.0 - 0.5 * x[kHelp]),
      1.0 - r * k / (1.0 - r + r * k)};
}

double reference_p(const Params& x, const Persona& v, double satisfaction,
                   double wait) {
  double p = 1.0;
  for (double q : reference_q(x, v, satisfaction, wait)) {
    p *= 1.0 - q;
  }
  return p;
}

class Touchpoint : public journeysim::testing::Touchpoint {
 public:
  explicit Touchpoint(const Params& params)
      : journeysim::testing::Touchpoint(params, "flagship", "purchase") {}
};

double plugin_p(const Params& params, const Persona& persona = {}) {
  Touchpoint tp(params);
  EXPECT_TRUE(tp.ok()) << tp.error();
  return tp.Run(SameAgents(1, persona.View("p"), AgentState{}.View(), 1)
                    .Batch())[0]
      .p_continue;
}

// The loss at stage `k` alone, from the plugin: its continue probability
// over that with stage k switched off (no trip, open all day, no queue, all
// in stock, everyone buys), the other stages being unchanged.
double stage_q(const Params& params, Reason k, const Persona& v = {}) {
  constexpr std::array<std::pair<Param, double>, 5> kOff = {{{kTravel, 0.0},
                                                             {kOpen, 24.0},
                                                             {kQueue, 0.0},
                                                             {kStock, 1.0},
                                                             {kPurchase, 1.0}}};
  const auto [param, off] = kOff[k];
  return 1.0 - plugin_p(params, v) / plugin_p(With(params, param, off), v);
}

TEST(StoreChannel, DeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_STREQ(d.name, "store");
  EXPECT_EQ(d.uniforms_per_interaction, 3u);
  ASSERT_EQ(d.param_count, 7u);
  const char* names[] = {"travel_minutes", "open_hours",   "queue_minutes",
                         "helpfulness",    "stock_availability",
                         "purchase_rate",  "basket_value"};
  for (uint32_t k = 0; k < 7; ++k) {
    EXPECT_STREQ(d.params[k].name, names[k]);
    EXPECT_EQ(d.params[k].default_value, kDefaults[k]);
  }
  ASSERT_EQ(d.reason_count, 5u);
  const char* codes[] = {"too_far", "closed", "gave_up_waiting",
                         "out_of_stock", "not_convinced"};
  const char* events[] = {"did_not_come", "did_not_come", "gave_up",
                          "out_of_stock", "left_without_buying"};
  for (uint32_t k = 0; k < 5; ++k) {
    EXPECT_STREQ(d.reasons[k].code, codes[k]);
    EXPECT_GT(std::strlen(d.reasons[k].suggestion), 40u);
    EXPECT_STREQ(d.events[d.reason_events[k]].name, events[k]);
  }
  EXPECT_STREQ(d.events[0].name, "bought");
  EXPECT_EQ(d.events[0].flags, JS_EVENT_SUCCESS);
}

TEST(StoreChannel, PContinueEqualsReadmeEquation) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const Params x = {trial % 5 == 0 ? 0.0 : 120.0 * Uniform(rng),
                      1.0 + 23.0 * Uniform(rng),
                      trial % 3 == 0 ? 0.0 : 60.0 * Uniform(rng),
                      Uniform(rng),
                      0.01 + 0.99 * Uniform(rng),
                      0.01 + 0.99 * Uniform(rng),
                      200.0 * Uniform(rng)};
    Touchpoint tp(x);
    ASSERT_TRUE(tp.ok()) << tp.error();
    Crowd pop = RandomCrowd(200, rng());
    const bool queue = trial % 2 == 1;
    if (queue) {
      for (size_t i = 0; i < pop.agents.size(); ++i) {
        pop.queue_waits.push_back(i % 4 == 0 ? 0.0 : Uniform(rng));
      }
    }
    const std::vector<js_outcome> out = tp.Run(pop.Batch());
    for (size_t i = 0; i < out.size(); ++i) {
      const js_agent_view& a = pop.agents[i];
      const double wait = queue ? pop.queue_waits[i] * 60.0 : x[kQueue];
      ASSERT_NEAR(out[i].p_continue,
                  reference_p(x, Persona::Of(pop.personas[a.persona]),
                              a.satisfaction, wait),
                  1e-12)
          << "trial " << trial;
    }
  }
}

TEST(StoreChannel, DefaultVisitBuysAtDocumentedRate) {
  EXPECT_NEAR(plugin_p(kDefaults), 0.248811, 5e-7);  // README worked example
}

TEST(StoreChannel, StagesFollowTheDocumentedTables) {
  EXPECT_NEAR(stage_q(kDefaults, kTooFar), 8.0 / 35.0, 1e-12);
  EXPECT_NEAR(stage_q(With(kDefaults, kTravel, 10.0), kTooFar), 0.094823, 5e-7);
  EXPECT_NEAR(stage_q(With(kDefaults, kTravel, 45.0), kTooFar), 0.5, 1e-12);
  EXPECT_NEAR(stage_q(With(kDefaults, kTravel, 90.0), kTooFar), 0.738796, 5e-7);
  EXPECT_NEAR(stage_q(kDefaults, kClosed), 0.145833, 5e-7);
  EXPECT_NEAR(stage_q(With(kDefaults, kOpen, 24.0), kClosed), 0.0, 1e-12);
  EXPECT_NEAR(stage_q(kDefaults, kGaveUp), 0.2, 1e-12);
  EXPECT_NEAR(stage_q(With(kDefaults, kQueue, 10.0), kGaveUp), 0.5, 1e-12);
  EXPECT_NEAR(stage_q(With(kDefaults, kQueue, 20.0), kGaveUp), 0.8, 1e-12);
  EXPECT_NEAR(stage_q(kDefaults, kOutOfStock), 0.056, 1e-12);
  EXPECT_NEAR(stage_q(kDefaults, kNotConvinced), 0.5, 1e-12);
  EXPECT_NEAR(stage_q(With(kDefaults, kHelp, 1.0), kNotConvinced), 0.310026, 5e-7);
  EXPECT_NEAR(stage_q(With(kDefaults, kHelp, 0.0), kOutOfStock), 0.08, 1e-12);
}

TEST(StoreChannel, HelpfulStaffLiftTheDefaultVisitAsDocumented) {
  EXPECT_NEAR(plugin_p(With(kDefaults, kHelp, 0.0)), 0.112259, 5e-7);
  EXPECT_NEAR(plugin_p(With(kDefaults, kHelp, 1.0)), 0.349167, 5e-7);
}

TEST(StoreChannel, AResourceQueueReplacesQueueMinutesAndItsTimeIsTheHosts) {
  Touchpoint tp(kDefaults);
  Crowd pop = SameAgents(kN, Persona{}.View("p"), AgentState{}.View(), 21);
  pop.queue_waits.assign(pop.agents.size(), 10.0 / 60.0);
  const std::vector<js_outcome> out = tp.Run(pop.Batch());
  const double p = reference_p(kDefaults, {}, 0.5, 10.0);
  EXPECT_NEAR(out[0].p_continue, p, 1e-12);
  EXPECT_NEAR(ContinueRate(out), p, FourStandardErrors(p, kN));
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP && o.reason == kGaveUp) {
      // Held on: the trip and part of the 10-minute queue.
      ASSERT_GE(o.hours * 60.0, 40.0);
      ASSERT_LE(o.hours * 60.0, 50.0);
    } else if (o.next == JS_NEXT_BY_WEIGHT || o.reason >= kOutOfStock) {
      // The trip and the browsing; the host adds the queue's wait.
      ASSERT_GE(o.hours * 60.0, 40.0 - 1e-9);
    }
  }
}

TEST(StoreChannel, EmpiricalReasonsFollowTheFunnelShares) {
  Touchpoint tp(kDefaults);
  const std::vector<js_outcome> out =
      tp.Run(SameAgents(kN, Persona{}.View("p"), AgentState{}.View(), 9).Batch());
  const double p = reference_p(kDefaults, {}, 0.5, 5.0);
  EXPECT_NEAR(ContinueRate(out), p, FourStandardErrors(p, kN));
  const auto shares = FunnelShares(reference_q(kDefaults, {}, 0.5, 5.0), p);
  std::array<double, 5> seen{};
  double drops = 0.0;
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP) {
      seen[o.reason] += 1.0;
      drops += 1.0;
    }
  }
  for (size_t k = 0; k < 5; ++k) {
    EXPECT_NEAR(seen[k] / drops, shares[k], FourStandardErrors(shares[k], drops));
  }
}

TEST(StoreChannel, BetterStoreNeverLosesACustomerWithTheSameUniforms) {
  Touchpoint worse({30.0, 9.0, 12.0, 0.4, 0.85, 0.4, 60.0});
  Touchpoint better({15.0, 12.0, 4.0, 0.8, 0.95, 0.5, 60.0});
  const Crowd pop = RandomCrowd(kN, 11);
  const std::vector<js_outcome> a = worse.Run(pop.Batch());
  const std::vector<js_outcome> b = better.Run(pop.Batch());
  int gained = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_LT(a[i].p_continue, b[i].p_continue);
    if (a[i].next == JS_NEXT_BY_WEIGHT) {
      ASSERT_EQ(b[i].next, JS_NEXT_BY_WEIGHT) << "agent " << i;
    } else if (b[i].next == JS_NEXT_BY_WEIGHT) {
      ++gained;
    }
  }
  EXPECT_GT(gained, 0);
}

TEST(StoreChannel, ConsequencesFollowTheReadme) {
  // Defaults: trip 2 x 20 min, effort 1 + 20/30, queue 5 min (effort 0.5,
  // frustration 0.04 ln 2), helpfulness 0.6.
  Touchpoint tp(kDefaults);
  const double trip_effort = 1.0 + 20.0 / 30.0;
  const double w = 0.04 * std::log(2.0);
  double browse = 0.0;
  double bought = 0.0;
  for (const js_outcome& o : tp.Run(RandomCrowd(kN, 2).Batch())) {
    if (o.next == JS_NEXT_BY_WEIGHT) {
      ASSERT_EQ(o.money, 60.0);
      ASSERT_NEAR(o.effort, trip_effort + 0.5 + 2.0, 1e-12);
      ASSERT_NEAR(o.emotion, 0.10 + 0.10 * 0.1 - w, 1e-12);
      browse += o.hours * 60.0 - 45.0;
      bought += 1.0;
      continue;
    }
    ASSERT_EQ(o.money, 0.0);
    switch (o.reason) {
      case kTooFar:
        ASSERT_EQ(o.hours, 0.0);
        ASSERT_EQ(o.effort, 0.0);
        ASSERT_EQ(o.emotion, 0.0);
        break;
      case kClosed:
        ASSERT_NEAR(o.hours * 60.0, 40.0, 1e-9);
        ASSERT_NEAR(o.emotion, -0.15, 1e-12);
        break;
      case kGaveUp:
        ASSERT_NEAR(o.effort, trip_effort + 0.5, 1e-12);
        ASSERT_NEAR(o.emotion, -0.15, 1e-12);
        break;
      case kOutOfStock:
        ASSERT_NEAR(o.emotion, -0.20 - w, 1e-12);
        break;
      default:
        ASSERT_NEAR(o.emotion, -0.05 + 0.10 * 0.1 - w, 1e-12);
    }
  }
  EXPECT_NEAR(browse / bought, 20.0, 4.0 * 20.0 / std::sqrt(bought));
}

TEST(StoreChannel, RejectsAStoreWhereNobodyCanBuy) {
  for (const Params& x : {With(kDefaults, kStock, 0.0),
                          With(kDefaults, kPurchase, 0.0)}) {
    Touchpoint tp(x);
    EXPECT_EQ(tp.status(), JS_ERROR);
    EXPECT_NE(tp.error().find("store touchpoint 'flagship'"), std::string::npos);
    EXPECT_NE(tp.error().find("no customer ever buys"), std::string::npos);
  }
}

TEST(StoreChannel, SameUniformsGiveIdenticalOutcomesInAnyBatch) {
  Touchpoint tp(kDefaults);
  Crowd pop = RandomCrowd(20000, 3);
  pop.queue_waits.assign(pop.agents.size(), 0.1);
  const std::vector<js_outcome> all = tp.Run(pop.Batch());
  for (size_t i = 0; i < 2000; ++i) {
    ASSERT_TRUE(SameOutcome(tp.Run(pop.Alone(i))[0], all[i]));
  }
}

}  // namespace
