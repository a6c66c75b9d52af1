// The tests of a short-message channel (`sms`, `push`) against its README,
// written once: the including file defines SHORT_MESSAGE_SUITE (the test
// suite's name) and, in namespace short_message_test, the channel's name,
// defaults and the two coefficients its README gives (M and the mean time to
// act). The reference model below is written from the READMEs' equations,
// not from short_message_model.h.
#pragma once

#include <gtest/gtest.h>
#include <journeysim/channel_harness.h>
#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace short_message_test {

using namespace journeysim::testing;
using Persona = PersonaTraits;

constexpr int kN = 200000;
enum Param { kDelivery, kAct, kHour, kOptOut };
using Params = std::array<double, 4>;

bool quiet(double hour) { return hour >= 21.0 || hour < 8.0; }

std::array<double, 3> reference_q(const Params& x, const Persona& v,
                                  double messages) {
  const double f = quiet(x[kHour]) ? 3.0 : 1.0;
  const double opt_out =
      1.0 - std::exp(-x[kOptOut] * f * (1.0 + messages / kFatigueMessages));
  const double k =
      std::exp((v.channel_affinity - v.best_other_affinity) - 0.03 * messages);
  const double act = (quiet(x[kHour]) ? 0.6 : 1.0) * x[kAct] * k /
                     (1.0 - x[kAct] + x[kAct] * k);
  return {1.0 - x[kDelivery], opt_out, 1.0 - act};
}

double reference_p(const Params& x, const Persona& v, double messages) {
  const auto q = reference_q(x, v, messages);
  return (1.0 - q[0]) * (1.0 - q[1]) * (1.0 - q[2]);
}

class Touchpoint : public journeysim::testing::Touchpoint {
 public:
  explicit Touchpoint(const Params& params)
      : journeysim::testing::Touchpoint(params, "reminder", "nurture") {}
};

js_agent_view with_messages(uint32_t messages) {
  js_agent_view a = AgentState{}.View();
  a.messages = messages;
  return a;
}

double plugin_p(const Params& params, const Persona& persona = {},
                uint32_t messages = 0) {
  Touchpoint tp(params);
  EXPECT_TRUE(tp.ok()) << tp.error();
  return tp.Run(SameAgents(1, persona.View("p"), with_messages(messages), 1)
                    .Batch())[0]
      .p_continue;
}

TEST(SHORT_MESSAGE_SUITE, DeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_STREQ(d.name, kChannel);
  EXPECT_EQ(d.uniforms_per_interaction, 3u);
  ASSERT_EQ(d.param_count, 4u);
  const char* names[] = {"delivery_rate", "act_rate", "sent_at_hour",
                         "opt_out_rate"};
  for (uint32_t k = 0; k < 4; ++k) {
    EXPECT_STREQ(d.params[k].name, names[k]);
    EXPECT_EQ(d.params[k].default_value, kDefaults[k]);
  }
  EXPECT_EQ(d.params[kHour].type, JS_PARAM_INTEGER);
  ASSERT_EQ(d.reason_count, 3u);
  const char* codes[] = {"undelivered", "opted_out", "ignored"};
  for (uint32_t k = 0; k < 3; ++k) {
    EXPECT_STREQ(d.reasons[k].code, codes[k]);
    EXPECT_GT(std::strlen(d.reasons[k].suggestion), 40u);
    EXPECT_STREQ(d.events[d.reason_events[k]].name, codes[k]);
  }
  ASSERT_EQ(d.event_count, 4u);
  EXPECT_STREQ(d.events[0].name, "acted");
  EXPECT_EQ(d.events[0].flags, JS_EVENT_SUCCESS);
}

TEST(SHORT_MESSAGE_SUITE, PContinueEqualsReadmeEquation) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const Params x = {0.01 + 0.99 * Uniform(rng), 0.01 + 0.99 * Uniform(rng),
                      static_cast<double>(rng() % 24), 0.2 * Uniform(rng)};
    Touchpoint tp(x);
    ASSERT_TRUE(tp.ok()) << tp.error();
    const Crowd pop = RandomCrowd(200, rng());
    const std::vector<js_outcome> out = tp.Run(pop.Batch());
    for (size_t i = 0; i < out.size(); ++i) {
      const js_agent_view& a = pop.agents[i];
      ASSERT_NEAR(out[i].p_continue,
                  reference_p(x, Persona::Of(pop.personas[a.persona]),
                              a.messages),
                  1e-12);
    }
  }
}

TEST(SHORT_MESSAGE_SUITE, DefaultsAndQuietHoursGiveDocumentedRates) {
  EXPECT_NEAR(plugin_p(kDefaults), kWorkedDay, 5e-7);
  EXPECT_NEAR(plugin_p(With(kDefaults, kHour, 22.0)), kWorkedNight, 5e-7);
  // The window is 21:00 to 08:00: 20 and 8 are day hours, 21 and 7 quiet.
  EXPECT_EQ(plugin_p(With(kDefaults, kHour, 20.0)), plugin_p(kDefaults));
  EXPECT_EQ(plugin_p(With(kDefaults, kHour, 8.0)), plugin_p(kDefaults));
  EXPECT_EQ(plugin_p(With(kDefaults, kHour, 21.0)),
            plugin_p(With(kDefaults, kHour, 7.0)));
}

TEST(SHORT_MESSAGE_SUITE, EveryMessageReceivedLowersTheRate) {
  double previous = plugin_p(kDefaults, {}, 0);
  for (uint32_t m : {1u, 5u, 10u, 20u, 40u}) {
    const double p = plugin_p(kDefaults, {}, m);
    EXPECT_LT(p, previous) << m << " messages";
    EXPECT_NEAR(p, reference_p(kDefaults, {}, m), 1e-12);
    previous = p;
  }
  EXPECT_NEAR(plugin_p(kDefaults, {}, 20), kWorkedTwentyMessages, 5e-7);
}

TEST(SHORT_MESSAGE_SUITE, EmpiricalRateAndReasonsWithinFourStandardErrors) {
  const Params x = With(With(kDefaults, kAct, 0.4), kOptOut, 0.1);
  Touchpoint tp(x);
  const std::vector<js_outcome> out =
      tp.Run(SameAgents(kN, Persona{}.View("p"), with_messages(6), 9).Batch());
  const double p = reference_p(x, {}, 6);
  EXPECT_NEAR(ContinueRate(out), p, FourStandardErrors(p, kN));
  const std::array<double, 3> shares = FunnelShares(reference_q(x, {}, 6), p);
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

TEST(SHORT_MESSAGE_SUITE, BetterSendingNeverLosesACustomer) {
  const Params worse = {kDefaults[kDelivery] - 0.1, kDefaults[kAct], 23.0,
                        kDefaults[kOptOut] * 2.0};
  const Params better = {kDefaults[kDelivery], kDefaults[kAct] + 0.05, 18.0,
                         kDefaults[kOptOut]};
  Touchpoint a_tp(worse);
  Touchpoint b_tp(better);
  const Crowd pop = RandomCrowd(kN, 11);
  const std::vector<js_outcome> a = a_tp.Run(pop.Batch());
  const std::vector<js_outcome> b = b_tp.Run(pop.Batch());
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

TEST(SHORT_MESSAGE_SUITE, ConsequencesFollowTheReadme) {
  // Sent at 23:00: read at 08:00, nine hours later.
  Touchpoint tp(With(With(kDefaults, kHour, 23.0), kOptOut, 0.2));
  const std::vector<js_outcome> out =
      tp.Run(SameAgents(kN, Persona{}.View("p"), with_messages(0), 4).Batch());
  double acted_delay = 0.0;
  double acted = 0.0;
  for (const js_outcome& o : out) {
    ASSERT_EQ(o.money, 0.0);
    if (o.next == JS_NEXT_BY_WEIGHT) {
      ASSERT_EQ(o.messages, 1u);
      ASSERT_GE(o.hours, 9.0);
      ASSERT_EQ(o.effort, 1.0);
      ASSERT_EQ(o.emotion, 0.02);
      acted_delay += o.hours - 9.0;
      acted += 1.0;
      continue;
    }
    switch (o.reason) {
      case 0:
        ASSERT_EQ(o.messages, 0u);
        ASSERT_EQ(o.hours, 0.0);
        ASSERT_EQ(o.effort, 0.0);
        ASSERT_EQ(o.emotion, 0.0);
        break;
      case 1:
        ASSERT_EQ(o.messages, 1u);
        ASSERT_EQ(o.hours, 9.0);
        ASSERT_EQ(o.effort, 1.0);
        ASSERT_EQ(o.emotion, -0.10);
        break;
      default:
        ASSERT_EQ(o.messages, 1u);
        ASSERT_EQ(o.hours, 0.0);
        ASSERT_EQ(o.effort, 0.1);
        ASSERT_EQ(o.emotion, -0.04);
    }
  }
  // Exponential time to act: mean and standard deviation kActMeanHours.
  EXPECT_NEAR(acted_delay / acted, kActMeanHours,
              4.0 * kActMeanHours / std::sqrt(acted));
}

TEST(SHORT_MESSAGE_SUITE, RejectsASendNobodyCanActOn) {
  for (const Params& x : {With(kDefaults, kDelivery, 0.0),
                          With(kDefaults, kAct, 0.0)}) {
    Touchpoint tp(x);
    EXPECT_EQ(tp.status(), JS_ERROR);
    EXPECT_NE(tp.error().find(std::string(kChannel) + " touchpoint 'reminder'"),
              std::string::npos)
        << tp.error();
  }
}

TEST(SHORT_MESSAGE_SUITE, SameUniformsGiveIdenticalOutcomesInAnyBatch) {
  Touchpoint tp(With(kDefaults, kHour, 6.0));
  const Crowd pop = RandomCrowd(20000, 3);
  const std::vector<js_outcome> all = tp.Run(pop.Batch());
  for (size_t i = 0; i < 2000; ++i) {
    ASSERT_TRUE(SameOutcome(tp.Run(pop.Alone(i))[0], all[i]));
  }
}

}  // namespace short_message_test
