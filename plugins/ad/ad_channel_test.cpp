// Tests of the `ad` channel against its README: the reference model below is
// written from README.md's equations and coefficient table, not from
// ad_model.h, so the two documents are checked against each other.
#include <gtest/gtest.h>
#include <journeysim/channel_harness.h>
#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

namespace {

using namespace journeysim::testing;
using Persona = PersonaTraits;

constexpr int kN = 200000;

enum Param { kReach, kFrequency, kEffective, kHalfLife, kDays, kRate, kCpm };
enum Reason { kNotReached, kTooFew, kForgotten, kNotInterested };
using Params = std::array<double, 7>;
constexpr Params kDefaults = {0.6, 3.0, 3.0, 7.0, 1.0, 0.05, 10.0};

// --- The README model, written out independently. ---
struct Reference {
  std::array<double, 4> q;
  double p;
};

Reference reference(const Params& x, const Persona& v, uint32_t visits,
                    double hours) {
  const double f = x[kFrequency] * (1.0 + visits);
  const double exposure = f * f / (f * f + x[kEffective] * x[kEffective]);
  const double recall =
      std::pow(0.5, (x[kDays] + hours / 24.0) / x[kHalfLife]);
  const double k = std::exp(v.channel_affinity - v.best_other_affinity);
  const double yes = x[kRate] * k / (1.0 - x[kRate] + x[kRate] * k);
  Reference r{{1.0 - x[kReach], 1.0 - exposure, 1.0 - recall, 1.0 - yes}, 1.0};
  for (double q : r.q) {
    r.p *= 1.0 - q;
  }
  return r;
}

class Touchpoint : public journeysim::testing::Touchpoint {
 public:
  explicit Touchpoint(const Params& params)
      : journeysim::testing::Touchpoint(params, "billboard", "awareness") {}
};

js_agent_view agent_at(uint32_t visits, double hours) {
  js_agent_view a{};
  a.visits = visits;
  a.hours = hours;
  a.satisfaction = 0.5;
  return a;
}

double plugin_p(const Params& params, const Persona& persona = {},
                uint32_t visits = 0, double hours = 0.0) {
  Touchpoint tp(params);
  EXPECT_TRUE(tp.ok()) << tp.error();
  const Crowd one =
      SameAgents(1, persona.View("p"), agent_at(visits, hours), 1);
  return tp.Run(one.Batch())[0].p_continue;
}

// ----------------------------------------------------------------------------

TEST(AdChannel, DeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_EQ(d.api_version, JS_CHANNEL_API_VERSION);
  EXPECT_STREQ(d.name, "ad");
  EXPECT_EQ(d.uniforms_per_interaction, 2u);
  ASSERT_EQ(d.param_count, kDefaults.size());
  const char* names[] = {"reach",         "frequency",
                         "effective_frequency", "recall_half_life_days",
                         "days_since_exposure", "response_rate",
                         "cpm"};
  for (uint32_t k = 0; k < d.param_count; ++k) {
    EXPECT_STREQ(d.params[k].name, names[k]);
    EXPECT_EQ(d.params[k].default_value, kDefaults[k]);
  }
  ASSERT_EQ(d.reason_count, 4u);
  const char* codes[] = {"not_reached", "too_few_exposures", "forgotten",
                         "not_interested"};
  const char* events[] = {"not_reached", "ignored", "ignored", "ignored"};
  for (uint32_t k = 0; k < d.reason_count; ++k) {
    EXPECT_STREQ(d.reasons[k].code, codes[k]);
    EXPECT_GT(std::strlen(d.reasons[k].suggestion), 40u);
    EXPECT_STREQ(d.events[d.reason_events[k]].name, events[k]);
  }
  ASSERT_EQ(d.event_count, 3u);
  EXPECT_STREQ(d.events[0].name, "responded");
  EXPECT_EQ(d.events[0].flags, JS_EVENT_SUCCESS);
}

TEST(AdChannel, PContinueEqualsReadmeEquation) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const Params x = {0.01 + 0.99 * Uniform(rng), 1.0 + 20.0 * Uniform(rng),
                      1.0 + 10.0 * Uniform(rng), 0.1 + 60.0 * Uniform(rng),
                      30.0 * Uniform(rng),       0.01 + 0.99 * Uniform(rng),
                      100.0 * Uniform(rng)};
    Touchpoint tp(x);
    ASSERT_TRUE(tp.ok()) << tp.error();
    const Crowd pop = RandomCrowd(200, rng());
    const std::vector<js_outcome> out = tp.Run(pop.Batch());
    for (size_t i = 0; i < out.size(); ++i) {
      const js_agent_view& a = pop.agents[i];
      const Reference r = reference(x, Persona::Of(pop.personas[a.persona]),
                                    a.visits, a.hours);
      ASSERT_NEAR(out[i].p_continue, r.p, 1e-12) << "trial " << trial;
    }
  }
}

TEST(AdChannel, DefaultCampaignRespondsAtDocumentedRate) {
  // README worked example: 0.6 x 0.5 x 0.9057 x 0.05.
  EXPECT_NEAR(plugin_p(kDefaults), 0.013586, 5e-7);
}

TEST(AdChannel, EffectiveFrequencyCurveFollowsDocumentedTable) {
  const std::array<std::pair<double, double>, 5> table = {
      {{1.0, 0.1}, {2.0, 0.3077}, {3.0, 0.5}, {6.0, 0.8}, {10.0, 0.9174}}};
  for (const auto& [f, e] : table) {
    EXPECT_NEAR(plugin_p(With(kDefaults, kFrequency, f)) / plugin_p(kDefaults),
                e / 0.5, 2e-4)
        << f << " exposures";
  }
}

TEST(AdChannel, RecallHalvesEveryHalfLife) {
  const double fresh = plugin_p(With(kDefaults, kDays, 0.0));
  EXPECT_NEAR(fresh, 0.015, 1e-12);
  EXPECT_NEAR(plugin_p(With(kDefaults, kDays, 7.0)), 0.0075, 1e-12);
  EXPECT_NEAR(plugin_p(With(kDefaults, kDays, 14.0)), 0.00375, 1e-12);
  // Time in the journey ages the exposure too: 48 hours = 2 days more.
  EXPECT_NEAR(plugin_p(kDefaults, {}, 0, 48.0),
              plugin_p(With(kDefaults, kDays, 3.0)), 1e-15);
  EXPECT_NEAR(plugin_p(kDefaults, {}, 0, 48.0), 0.011145, 5e-7);
}

TEST(AdChannel, ARepeatVisitIsAnotherFlightOfExposures) {
  EXPECT_NEAR(plugin_p(kDefaults, {}, 1, 0.0),
              plugin_p(With(kDefaults, kFrequency, 6.0)), 1e-15);
  EXPECT_NEAR(plugin_p(kDefaults, {}, 1, 0.0), 0.021737, 5e-7);
}

TEST(AdChannel, AffinityForTheMediumShiftsTheResponseOdds) {
  Persona fan;
  fan.channel_affinity = 1.0;
  Persona elsewhere;
  elsewhere.best_other_affinity = 1.0;
  EXPECT_NEAR(plugin_p(kDefaults, fan), 0.021696, 5e-7);
  EXPECT_NEAR(plugin_p(kDefaults, elsewhere), 0.008406, 5e-7);
}

TEST(AdChannel, EmpiricalResponseRateWithinFourStandardErrors) {
  Touchpoint tp(With(kDefaults, kRate, 0.4));
  const Crowd pop = SameAgents(kN, Persona{}.View("p"), agent_at(0, 0.0), 3);
  const std::vector<js_outcome> out = tp.Run(pop.Batch());
  EXPECT_NEAR(ContinueRate(out), out[0].p_continue,
              FourStandardErrors(out[0].p_continue, kN));
}

TEST(AdChannel, DropReasonsFollowTheFunnelShares) {
  const Params x = With(kDefaults, kRate, 0.4);
  Touchpoint tp(x);
  const Crowd pop = SameAgents(kN, Persona{}.View("p"), agent_at(0, 0.0), 5);
  const std::vector<js_outcome> out = tp.Run(pop.Batch());
  const Reference r = reference(x, {}, 0, 0.0);
  const std::array<double, 4> shares = FunnelShares(r.q, r.p);
  std::array<double, 4> seen{};
  double drops = 0.0;
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP) {
      seen[o.reason] += 1.0;
      drops += 1.0;
    }
  }
  for (size_t k = 0; k < 4; ++k) {
    EXPECT_NEAR(seen[k] / drops, shares[k], FourStandardErrors(shares[k], drops))
        << "reason " << k;
  }
}

TEST(AdChannel, ContinueExactlyWhenFirstUniformBelowP) {
  Touchpoint tp(With(kDefaults, kRate, 0.5));
  const Crowd pop = RandomCrowd(20000, 5);
  const std::vector<js_outcome> out = tp.Run(pop.Batch());
  for (size_t i = 0; i < out.size(); ++i) {
    const bool go = pop.agents[i].uniforms[0] < out[i].p_continue;
    EXPECT_EQ(out[i].next, go ? JS_NEXT_BY_WEIGHT : JS_NEXT_DROP);
  }
}

TEST(AdChannel, BetterCampaignNeverLosesACustomerWithTheSameUniforms) {
  Touchpoint worse({0.4, 2.0, 3.0, 5.0, 3.0, 0.3, 10.0});
  Touchpoint better({0.7, 4.0, 3.0, 10.0, 1.0, 0.4, 10.0});
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

TEST(AdChannel, CpmChangesNoCustomersOutcome) {
  Touchpoint cheap(With(kDefaults, kCpm, 0.0));
  Touchpoint dear(With(kDefaults, kCpm, 500.0));
  const Crowd pop = RandomCrowd(20000, 13);
  const std::vector<js_outcome> a = cheap.Run(pop.Batch());
  const std::vector<js_outcome> b = dear.Run(pop.Batch());
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_TRUE(SameOutcome(a[i], b[i])) << "agent " << i;
  }
}

TEST(AdChannel, RespondersSpendTheLagAndOneActionAndTakeNoMoney) {
  Touchpoint tp(With(With(kDefaults, kRate, 0.5), kDays, 2.0));
  for (const js_outcome& o : tp.Run(RandomCrowd(20000, 17).Batch())) {
    const bool responded = o.next == JS_NEXT_BY_WEIGHT;
    ASSERT_EQ(o.hours, responded ? 48.0 : 0.0);
    ASSERT_EQ(o.effort, responded ? 1.0 : 0.0);
    ASSERT_EQ(o.emotion, responded ? 0.02 : 0.0);
    ASSERT_EQ(o.money, 0.0);
    ASSERT_EQ(o.messages, 0u);
  }
}

TEST(AdChannel, RejectsACampaignNobodyCanRespondTo) {
  for (const Params& x : {With(kDefaults, kReach, 0.0),
                          With(kDefaults, kRate, 0.0)}) {
    Touchpoint tp(x);
    EXPECT_EQ(tp.status(), JS_ERROR);
    EXPECT_NE(tp.error().find("ad touchpoint 'billboard'"), std::string::npos);
    EXPECT_NE(tp.error().find("no customer ever responds"), std::string::npos)
        << tp.error();
  }
}

TEST(AdChannel, SameUniformsGiveIdenticalOutcomesInAnyBatch) {
  Touchpoint tp({0.8, 4.0, 2.0, 5.0, 0.5, 0.3, 12.0});
  const Crowd pop = RandomCrowd(20000, 3);
  const std::vector<js_outcome> all = tp.Run(pop.Batch());
  for (size_t i = 0; i < 2000; ++i) {
    ASSERT_TRUE(SameOutcome(tp.Run(pop.Alone(i))[0], all[i]));
  }
  Crowd spread = pop;
  SpreadOverCopies(&spread, 20);
  const std::vector<js_outcome> wide = tp.Run(spread.Batch());
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_TRUE(SameOutcome(wide[i], all[i]));
  }
}

}  // namespace
