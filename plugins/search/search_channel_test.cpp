// Tests of the `search` channel against its README: the reference model below
// is written from README.md's equations and the published click-through
// curve it cites, not from search_model.h.
#include <gtest/gtest.h>
#include <journeysim/channel_harness.h>
#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

namespace {

using namespace journeysim::testing;
using Persona = PersonaTraits;

constexpr int kN = 200000;
enum Param { kPosition, kRelevance, kPaid, kCpc };
using Params = std::array<double, 4>;
constexpr Params kDefaults = {3.0, 0.7, 0.0, 0.0};
constexpr Params kPaidTop = {1.0, 0.7, 1.0, 1.5};

// Backlinko & ClickFlow (2019), README "Click-through by position".
constexpr double kCtr[] = {0.3173, 0.2471, 0.1866, 0.1360, 0.0951,
                           0.0623, 0.0415, 0.0312, 0.0297, 0.0309};

double sigma(double x) { return 1.0 / (1.0 + std::exp(-x)); }

std::array<double, 3> reference_q(const Params& x, const Persona& v) {
  const int pos = static_cast<int>(x[kPosition]);
  const double ctr = pos <= 10 ? kCtr[pos - 1] : 0.0078 / 10.0;
  const double seen = ctr / kCtr[0];
  const double label =
      x[kPaid] != 0.0 ? sigma(-0.6 - 1.5 * (v.tech_savvy - 0.5)) : 1.0;
  const double attractive =
      sigma(std::log(0.3173 / 0.6827) + 4.0 * (x[kRelevance] - 0.7) +
            0.75 * (v.channel_affinity - v.best_other_affinity));
  return {1.0 - seen, 1.0 - label, 1.0 - attractive};
}

double reference_p(const Params& x, const Persona& v) {
  const auto q = reference_q(x, v);
  return (1.0 - q[0]) * (1.0 - q[1]) * (1.0 - q[2]);
}

class Touchpoint : public journeysim::testing::Touchpoint {
 public:
  explicit Touchpoint(const Params& params)
      : journeysim::testing::Touchpoint(params, "results_page", "consider") {}
};

double plugin_p(const Params& params, const Persona& persona = {}) {
  Touchpoint tp(params);
  EXPECT_TRUE(tp.ok()) << tp.error();
  return tp.Run(SameAgents(1, persona.View("p"), AgentState{}.View(), 1)
                    .Batch())[0]
      .p_continue;
}

TEST(SearchChannel, DeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_STREQ(d.name, "search");
  EXPECT_EQ(d.uniforms_per_interaction, 2u);
  ASSERT_EQ(d.param_count, 4u);
  const char* names[] = {"position", "relevance", "paid", "cpc"};
  for (uint32_t k = 0; k < 4; ++k) {
    EXPECT_STREQ(d.params[k].name, names[k]);
    EXPECT_EQ(d.params[k].default_value, kDefaults[k]);
  }
  EXPECT_EQ(d.params[kPosition].type, JS_PARAM_INTEGER);
  EXPECT_EQ(d.params[kPaid].type, JS_PARAM_BOOLEAN);
  ASSERT_EQ(d.reason_count, 3u);
  const char* codes[] = {"not_seen", "skipped_ad", "not_relevant"};
  const char* events[] = {"not_seen", "not_clicked", "not_clicked"};
  for (uint32_t k = 0; k < 3; ++k) {
    EXPECT_STREQ(d.reasons[k].code, codes[k]);
    EXPECT_GT(std::strlen(d.reasons[k].suggestion), 40u);
    EXPECT_STREQ(d.events[d.reason_events[k]].name, events[k]);
  }
  EXPECT_STREQ(d.events[0].name, "clicked");
  EXPECT_EQ(d.events[0].flags, JS_EVENT_SUCCESS);
}

TEST(SearchChannel, PContinueEqualsReadmeEquation) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const bool paid = trial % 2 == 1;
    const Params x = {static_cast<double>(1 + rng() % 20), Uniform(rng),
                      paid ? 1.0 : 0.0, paid ? 0.1 + Uniform(rng) : 0.0};
    Touchpoint tp(x);
    ASSERT_TRUE(tp.ok()) << tp.error();
    const Crowd pop = RandomCrowd(200, rng());
    const std::vector<js_outcome> out = tp.Run(pop.Batch());
    for (size_t i = 0; i < out.size(); ++i) {
      const Persona v = Persona::Of(pop.personas[pop.agents[i].persona]);
      ASSERT_NEAR(out[i].p_continue, reference_p(x, v), 1e-12);
    }
  }
}

TEST(SearchChannel, TypicalOrganicResultReproducesThePublishedCurve) {
  for (int pos = 1; pos <= 10; ++pos) {
    EXPECT_NEAR(plugin_p(With(kDefaults, kPosition, pos)), kCtr[pos - 1],
                1e-12)
        << "position " << pos;
  }
  for (int pos = 11; pos <= 20; ++pos) {
    EXPECT_NEAR(plugin_p(With(kDefaults, kPosition, pos)), 0.00078, 1e-12);
  }
}

TEST(SearchChannel, RelevanceMovesClickThroughAsDocumented) {
  EXPECT_NEAR(plugin_p(With(kDefaults, kRelevance, 0.3)), 0.05045, 5e-6);
  EXPECT_NEAR(plugin_p(With(kDefaults, kRelevance, 0.5)), 0.10160, 5e-6);
  EXPECT_NEAR(plugin_p(With(kDefaults, kRelevance, 0.9)), 0.29901, 5e-6);
  EXPECT_NEAR(plugin_p(With(kDefaults, kRelevance, 1.0)), 0.35684, 5e-6);
}

TEST(SearchChannel, TheAdLabelCostsTwoThirdsOfTheClicks) {
  EXPECT_NEAR(plugin_p(kPaidTop), 0.11243, 5e-6);
  Persona novice;
  novice.tech_savvy = 0.0;
  Persona expert;
  expert.tech_savvy = 1.0;
  EXPECT_NEAR(plugin_p(kPaidTop, novice), 0.17053, 5e-6);
  EXPECT_NEAR(plugin_p(kPaidTop, expert), 0.06532, 5e-6);
}

TEST(SearchChannel, EmpiricalClickRateAndReasonsWithinFourStandardErrors) {
  const Params x = With(kPaidTop, kPosition, 4.0);
  Touchpoint tp(x);
  const std::vector<js_outcome> out =
      tp.Run(SameAgents(kN, Persona{}.View("p"), AgentState{}.View(), 9)
                 .Batch());
  const double p = reference_p(x, {});
  EXPECT_NEAR(ContinueRate(out), p, FourStandardErrors(p, kN));
  const std::array<double, 3> shares = FunnelShares(reference_q(x, {}), p);
  std::array<double, 3> seen{};
  double drops = 0.0;
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP) {
      seen[o.reason] += 1.0;
      drops += 1.0;
    }
  }
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(seen[k] / drops, shares[k],
                FourStandardErrors(shares[k], drops));
  }
}

TEST(SearchChannel, HigherAndMoreRelevantNeverLosesASearcher) {
  Touchpoint worse({6.0, 0.5, 1.0, 2.0});
  Touchpoint better({2.0, 0.8, 0.0, 0.0});
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

TEST(SearchChannel, ScanTimeEffortAndEmotionFollowTheReadme) {
  Touchpoint top(kDefaults);
  for (const js_outcome& o : top.Run(RandomCrowd(20000, 2).Batch())) {
    ASSERT_NEAR(o.hours * 3600.0, 5.0 + 1.5 * 3.0, 1e-9);
    const bool clicked = o.next == JS_NEXT_BY_WEIGHT;
    ASSERT_EQ(o.effort, clicked ? 2.0 : 1.0);
    ASSERT_EQ(o.emotion, clicked ? 0.02 : (o.reason == 2 ? -0.02 : 0.0));
    ASSERT_EQ(o.money, 0.0);
  }
  Touchpoint page_two(With(kDefaults, kPosition, 13.0));
  const js_outcome o = page_two.Run(RandomCrowd(1, 2).Batch())[0];
  ASSERT_NEAR(o.hours * 3600.0, 5.0 + 1.5 * 3.0 + 8.0, 1e-9);
  EXPECT_GE(o.effort, 2.0);
}

TEST(SearchChannel, CostPerClickBelongsToPaidResultsOnly) {
  Touchpoint free_ad(With(kPaidTop, kCpc, 0.0));
  EXPECT_EQ(free_ad.status(), JS_ERROR);
  EXPECT_NE(free_ad.error().find("paid = true needs the cost per click"),
            std::string::npos)
      << free_ad.error();
  Touchpoint organic_cpc(With(kDefaults, kCpc, 0.8));
  EXPECT_EQ(organic_cpc.status(), JS_ERROR);
  EXPECT_NE(organic_cpc.error().find("cpc = 0.8 on an organic result"),
            std::string::npos)
      << organic_cpc.error();
}

TEST(SearchChannel, SameUniformsGiveIdenticalOutcomesInAnyBatch) {
  Touchpoint tp(kPaidTop);
  const Crowd pop = RandomCrowd(20000, 3);
  const std::vector<js_outcome> all = tp.Run(pop.Batch());
  for (size_t i = 0; i < 2000; ++i) {
    ASSERT_TRUE(SameOutcome(tp.Run(pop.Alone(i))[0], all[i]));
  }
}

}  // namespace
