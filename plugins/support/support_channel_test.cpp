// Tests of the `support` channel against its README: the reference model below
// is written from README.md's equations and coefficient table, not from
// support_channel.cpp, so the two documents are checked against each other.
#include <gtest/gtest.h>
#include <journeysim/channel_harness.h>
#include <journeysim/channel_sdk.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace journeysim::testing;
using Persona = PersonaTraits;
using State = AgentState;

constexpr int kN = 200000;
constexpr uint32_t kUniforms = 3;

enum Param { kWait, kResolution, kFriendliness, kCallback, kDeal, kPersuasion };
enum Reason { kGaveUp, kNotResolved, kUnfriendly, kSaidNo };
using Params = std::array<double, 6>;
constexpr Params kDefaults = {5.0, 0.8, 0.7, 0.0, 0.0, 0.3};

// --- The README model, written out independently. ---
double sigma(double x) { return 1.0 / (1.0 + std::exp(-x)); }

struct Reference {
  std::array<double, 4> q;
  double p;
};

Reference reference(const Params& x, const Persona& v, const State& s) {
  Reference r{};
  const double w = x[kCallback] != 0.0 ? std::min(x[kWait], 2.0) : x[kWait];
  const double ln_tau = std::log(12.0) + 1.5 * (v.patience - 0.5) +
                        0.75 * (v.channel_affinity - v.best_other_affinity) +
                        1.0 * (s.satisfaction - 0.5) -
                        0.5 * (s.visits > 0 ? 1.0 : 0.0);
  r.q[kGaveUp] = w == 0.0 ? 0.0 : sigma(1.5 * (std::log(w) - ln_tau));
  r.q[kNotResolved] = 1.0 - x[kResolution];
  r.q[kUnfriendly] =
      sigma(-3.5 - 3.75 * (x[kFriendliness] - 0.7) - 1.0 * (v.patience - 0.5));
  const double k = std::exp(-1.5 * (v.price_sensitivity - 0.5));
  const double yes =
      x[kPersuasion] * k / (1.0 - x[kPersuasion] + x[kPersuasion] * k);
  r.q[kSaidNo] = x[kDeal] > 0.0 ? 1.0 - yes : 0.0;
  r.p = 1.0;
  for (double q : r.q) {
    r.p *= 1.0 - q;
  }
  return r;
}

// --- Driving the plugin directly, as the host would. ---
class Touchpoint : public journeysim::testing::Touchpoint {
 public:
  explicit Touchpoint(const Params& params)
      : journeysim::testing::Touchpoint(params, "help_desk", "retention") {}
};

// `n` agents of `persona` in `state`, their uniforms drawn from `seed`.
Crowd one_persona(const Persona& persona, const State& state, int n,
                  uint64_t seed = 20240601) {
  return SameAgents(static_cast<size_t>(n), persona.View("persona"),
                    state.View(), seed);
}

double plugin_p(const Params& params, const Persona& persona = {},
                const State& state = {}) {
  Touchpoint tp(params);
  EXPECT_EQ(tp.status(), JS_OK) << tp.error();
  return tp.Run(one_persona(persona, state, 1).Batch())[0].p_continue;
}

// The wait stage alone: p(wait) / p(no wait) = 1 - q_wait.
double q_wait(const Params& params, const Persona& persona = {},
              const State& state = {}) {
  return 1.0 - plugin_p(params, persona, state) /
                   plugin_p(With(params, kWait, 0.0), persona, state);
}

void expect_within_4se(double observed, double p, int n) {
  EXPECT_NEAR(observed, p, FourStandardErrors(p, n)) << "p = " << p;
}

// ----------------------------------------------------------------------------

TEST(SupportChannel, DeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_EQ(d.api_version, JS_CHANNEL_API_VERSION);
  EXPECT_EQ(d.struct_size, sizeof(js_channel_descriptor));
  EXPECT_STREQ(d.name, "support");
  EXPECT_EQ(d.uniforms_per_interaction, kUniforms);
  ASSERT_EQ(d.param_count, 6u);
  const char* names[] = {"wait_minutes", "resolution_rate", "friendliness",
                         "callback",     "deal_value",      "persuasion"};
  for (uint32_t k = 0; k < d.param_count; ++k) {
    EXPECT_STREQ(d.params[k].name, names[k]);
    EXPECT_EQ(d.params[k].default_value, kDefaults[k]);
    EXPECT_GE(d.params[k].default_value, d.params[k].min_value);
    EXPECT_LE(d.params[k].default_value, d.params[k].max_value);
  }
  EXPECT_EQ(d.params[kCallback].type, JS_PARAM_BOOLEAN);
  EXPECT_EQ(d.params[kWait].max_value, 10080.0);
  ASSERT_EQ(d.reason_count, 4u);
  const char* codes[] = {"gave_up_waiting", "not_resolved", "unfriendly",
                         "said_no"};
  for (uint32_t k = 0; k < d.reason_count; ++k) {
    EXPECT_STREQ(d.reasons[k].code, codes[k]);
    EXPECT_GT(std::strlen(d.reasons[k].label), 0u);
    EXPECT_GT(std::strlen(d.reasons[k].suggestion), 0u);
  }
}

TEST(SupportChannel, PContinueEqualsReadmeEquation) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    Params x{};
    x[kWait] = trial % 5 == 0 ? 0.0 : std::exp(9.2 * Uniform(rng)) - 1.0;
    x[kResolution] = Uniform(rng);
    x[kFriendliness] = Uniform(rng);
    x[kCallback] = static_cast<double>(rng() % 2);
    x[kDeal] = trial % 2 == 0 ? 0.0 : 1e4 * Uniform(rng);
    x[kPersuasion] = 0.01 + 0.99 * Uniform(rng);
    Touchpoint tp(x);
    ASSERT_EQ(tp.status(), JS_OK) << tp.error();
    const Crowd pop = RandomCrowd(200, rng());
    const std::vector<js_outcome> out = tp.Run(pop.Batch());
    for (size_t i = 0; i < out.size(); ++i) {
      const js_agent_view& a = pop.agents[i];
      const Reference r = reference(x, Persona::Of(pop.personas[a.persona]),
                                    {a.visits, a.satisfaction});
      ASSERT_NEAR(out[i].p_continue, r.p, 1e-12) << "trial " << trial;
    }
  }
}

TEST(SupportChannel, DefaultDeskContinuesAtDocumentedRate) {
  EXPECT_NEAR(plugin_p(kDefaults), 0.6120, 5e-5);  // README worked example
  EXPECT_NEAR(plugin_p(With(kDefaults, kDeal, 5000.0)), 0.1836, 5e-5);
}

TEST(SupportChannel, EmpiricalContinueRateWithinFourStandardErrors) {
  Touchpoint tp(kDefaults);
  const std::vector<js_outcome> out = tp.Run(one_persona({}, {}, kN).Batch());
  expect_within_4se(ContinueRate(out), out[0].p_continue, kN);
}

TEST(SupportChannel, EmpiricalContinueRateMatchesMeanPForMixedPopulation) {
  Touchpoint tp({12.0, 0.7, 0.5, 0.0, 2500.0, 0.4});
  const std::vector<js_outcome> out = tp.Run(RandomCrowd(kN, 99).Batch());
  double sum_p = 0.0;
  double sum_var = 0.0;
  for (const js_outcome& o : out) {
    sum_p += o.p_continue;
    sum_var += o.p_continue * (1.0 - o.p_continue);
  }
  EXPECT_NEAR(ContinueRate(out), sum_p / kN, 4.0 * std::sqrt(sum_var) / kN);
}

TEST(SupportChannel, ContinueExactlyWhenFirstUniformBelowP) {
  Touchpoint tp(With(kDefaults, kDeal, 900.0));
  const Crowd pop = RandomCrowd(20000, 5);
  const std::vector<js_outcome> out = tp.Run(pop.Batch());
  for (size_t i = 0; i < out.size(); ++i) {
    const bool go = pop.agents[i].uniforms[0] < out[i].p_continue;
    EXPECT_EQ(out[i].next, go ? JS_NEXT_BY_WEIGHT : JS_NEXT_DROP);
  }
}

// --- Documented effects: direction and size (README "Worked numbers"). ---

TEST(SupportChannel, AbandonmentFollowsDocumentedWaitCurve) {
  const std::array<std::pair<double, double>, 6> table = {{{1.0, 0.0235},
                                                           {2.0, 0.0637},
                                                           {5.0, 0.2120},
                                                           {10.0, 0.4321},
                                                           {30.0, 0.7981},
                                                           {60.0, 0.9179}}};
  for (const auto& [wait, q] : table) {
    EXPECT_NEAR(q_wait(With(kDefaults, kWait, wait)), q, 5e-5)
        << wait << " min";
  }
}

TEST(SupportChannel, NoWaitMeansNobodyGivesUp) {
  Touchpoint tp(With(kDefaults, kWait, 0.0));
  const std::vector<js_outcome> out = tp.Run(RandomCrowd(kN, 4).Batch());
  for (const js_outcome& o : out) {
    ASSERT_FALSE(o.next == JS_NEXT_DROP && o.reason == kGaveUp);
  }
}

TEST(SupportChannel, PatienceStretchesTolerance) {
  Persona impatient;
  impatient.patience = 0.0;
  Persona patient;
  patient.patience = 1.0;
  EXPECT_NEAR(q_wait(kDefaults, impatient), 0.4531, 5e-5);
  EXPECT_NEAR(q_wait(kDefaults, patient), 0.0803, 5e-5);
}

TEST(SupportChannel, CallbackCapsPerceivedWait) {
  const Params callback = With(kDefaults, kCallback, 1.0);
  EXPECT_NEAR(q_wait(callback), 0.0637, 5e-5);
  EXPECT_NEAR(q_wait(With(callback, kWait, 60.0)), 0.0637, 5e-5);
  EXPECT_NEAR(q_wait(With(callback, kWait, 1.0)), 0.0235, 5e-5);
  // README: at a 5-minute wait a call back lifts continue by 18.8%.
  EXPECT_NEAR(plugin_p(callback) / plugin_p(kDefaults), 1.1881, 5e-5);
}

TEST(SupportChannel, PreferringAnotherChannelShortensTolerance) {
  Persona elsewhere;
  elsewhere.channel_affinity = 0.2;
  elsewhere.best_other_affinity = 0.9;
  Persona fan;
  fan.channel_affinity = 0.9;
  fan.best_other_affinity = 0.2;
  EXPECT_NEAR(q_wait(kDefaults, elsewhere), 0.3715, 5e-5);
  EXPECT_NEAR(q_wait(kDefaults, fan), 0.1090, 5e-5);
}

TEST(SupportChannel, RepeatContactAndLowSatisfactionShortenTolerance) {
  EXPECT_NEAR(q_wait(kDefaults, {}, {1, 0.5}), 0.3628, 5e-5);
  EXPECT_NEAR(q_wait(kDefaults, {}, {0, 0.0}), 0.3628, 5e-5);
  EXPECT_NEAR(q_wait(kDefaults, {}, {0, 1.0}), 0.1127, 5e-5);
}

TEST(SupportChannel, ResolutionRateScalesContinueExactly) {
  for (double r : {0.0, 0.25, 0.5, 0.9, 1.0}) {
    EXPECT_NEAR(plugin_p(With(kDefaults, kResolution, r)) / plugin_p(kDefaults),
                r / 0.8, 1e-12);
  }
}

TEST(SupportChannel, FriendlinessLowersUnfriendlyDrop) {
  auto q_unfriendly = [](double friendliness, const Persona& v) {
    return 1.0 - plugin_p(With(kDefaults, kFriendliness, friendliness), v) /
                     (plugin_p(kDefaults, v) /
                      (1.0 - reference(kDefaults, v, {}).q[kUnfriendly]));
  };
  EXPECT_NEAR(q_unfriendly(0.0, {}), 0.2942, 5e-5);
  EXPECT_NEAR(q_unfriendly(0.3, {}), 0.1192, 5e-5);
  EXPECT_NEAR(q_unfriendly(0.7, {}), 0.0293, 5e-5);
  EXPECT_NEAR(q_unfriendly(1.0, {}), 0.0097, 5e-5);
  Persona impatient;
  impatient.patience = 0.0;
  impatient.channel_affinity = 0.5;
  // Patience also moves the wait stage; the helper divides that out.
  EXPECT_NEAR(q_unfriendly(0.7, impatient), 0.0474, 5e-5);
}

TEST(SupportChannel, SalesCallYesFollowsPersuasionAndPriceSensitivity) {
  auto yes = [](double persuasion, double sensitivity) {
    Persona v;
    v.price_sensitivity = sensitivity;
    const Params sales =
        With(With(kDefaults, kDeal, 1000.0), kPersuasion, persuasion);
    return plugin_p(sales, v) / plugin_p(kDefaults, v);
  };
  EXPECT_NEAR(yes(0.3, 0.5), 0.3000, 1e-12);
  EXPECT_NEAR(yes(0.3, 0.0), 0.4757, 5e-5);
  EXPECT_NEAR(yes(0.3, 1.0), 0.1684, 5e-5);
  EXPECT_NEAR(yes(1.0, 1.0), 1.0, 1e-12);
}

TEST(SupportChannel, SupportConversationIgnoresPersuasion) {
  EXPECT_EQ(plugin_p(kDefaults), plugin_p(With(kDefaults, kPersuasion, 0.0)));
  EXPECT_EQ(plugin_p(kDefaults), plugin_p(With(kDefaults, kPersuasion, 1.0)));
}

TEST(SupportChannel, BetterDeskNeverLosesACustomerWithTheSameUniforms) {
  Touchpoint worse({20.0, 0.6, 0.4, 0.0, 0.0, 0.3});
  Touchpoint better({20.0, 0.85, 0.8, 1.0, 0.0, 0.3});
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

// --- Consequences: time, effort, emotion, money (README §Consequences). ---

TEST(SupportChannel, AnsweredCustomersSpendWaitPlusDocumentedTalkTime) {
  for (double deal : {0.0, 800.0}) {
    Touchpoint tp(With(kDefaults, kDeal, deal));
    const std::vector<js_outcome> out = tp.Run(one_persona({}, {}, kN).Batch());
    double sum = 0.0;
    double sum_sq = 0.0;
    int n = 0;
    for (const js_outcome& o : out) {
      if (o.next == JS_NEXT_DROP && o.reason == kGaveUp) {
        ASSERT_LE(o.hours * 60.0, 5.0);
        continue;
      }
      const double talk = o.hours * 60.0 - 5.0;
      ASSERT_GE(talk, 0.0);
      sum += talk;
      sum_sq += talk * talk;
      ++n;
    }
    const double mean = sum / n;
    const double sd = std::sqrt(sum_sq / n - mean * mean);
    EXPECT_NEAR(mean, deal > 0.0 ? 20.0 : 8.0, 4.0 * sd / std::sqrt(n));
  }
}

TEST(SupportChannel, EffortCountsDocumentedActions) {
  // 5 minutes on hold: 3 contact + min(2, 0.2 * 5) = 4 for everyone answered.
  Touchpoint tp(kDefaults);
  for (const js_outcome& o : tp.Run(one_persona({}, {}, 20000).Batch())) {
    const double expected = o.next == JS_NEXT_BY_WEIGHT ? 5.0
                            : o.reason == kGaveUp       ? 3.0
                            : o.reason == kNotResolved  ? 6.0
                                                        : 4.0;
    ASSERT_NEAR(o.effort, expected, 1e-12);
  }
  // With a call back holding costs 0.5 whatever the wait.
  Touchpoint callback({60.0, 0.8, 0.7, 1.0, 0.0, 0.3});
  for (const js_outcome& o : callback.Run(one_persona({}, {}, 2000).Batch())) {
    if (o.next == JS_NEXT_BY_WEIGHT) {
      ASSERT_NEAR(o.effort, 4.5, 1e-12);
    }
  }
}

TEST(SupportChannel, EmotionFollowsDocumentedValues) {
  // 10 minutes: wait penalty 0.04 ln(1 + 10 / 5); friendliness 0.9.
  const double pen = 0.04 * std::log(3.0);
  Touchpoint tp({10.0, 0.7, 0.9, 0.0, 400.0, 0.5});
  const double expected[4] = {-0.10 - pen, -0.20 + 0.04 - pen, -0.25 - pen,
                              -0.02 + 0.02};
  for (const js_outcome& o : tp.Run(one_persona({}, {}, 20000).Batch())) {
    if (o.next == JS_NEXT_BY_WEIGHT) {
      ASSERT_NEAR(o.emotion, 0.10 + 0.06 - pen, 1e-12);
    } else {
      ASSERT_NEAR(o.emotion, expected[o.reason], 1e-12);
    }
  }
}

TEST(SupportChannel, DealValueTakenOnlyWhenTheCustomerSaysYes) {
  Touchpoint tp(With(kDefaults, kDeal, 1500.0));
  for (const js_outcome& o : tp.Run(one_persona({}, {}, 20000).Batch())) {
    ASSERT_EQ(o.money, o.next == JS_NEXT_BY_WEIGHT ? 1500.0 : 0.0);
  }
  Touchpoint support(kDefaults);
  for (const js_outcome& o : support.Run(one_persona({}, {}, 2000).Batch())) {
    ASSERT_EQ(o.money, 0.0);
  }
}

TEST(SupportChannel, SameUniformsGiveIdenticalOutcomes) {
  const Params x = {7.0, 0.75, 0.6, 1.0, 300.0, 0.4};
  Touchpoint tp(x);
  Touchpoint again(x);
  const Crowd pop = RandomCrowd(50000, 3);
  const std::vector<js_outcome> a = tp.Run(pop.Batch());
  const std::vector<js_outcome> b = again.Run(pop.Batch());
  ASSERT_EQ(0, std::memcmp(a.data(), b.data(), a.size() * sizeof(js_outcome)));
  for (size_t i = 0; i < 2000; ++i) {
    const std::vector<js_outcome> single = tp.Run(pop.Alone(i));
    ASSERT_EQ(0, std::memcmp(&single[0], &a[i], sizeof(js_outcome)));
  }
}

TEST(SupportChannel, PersonasBeyondTheBatchCacheGetTheSameModel) {
  // The plugin caches per-persona terms for the first 64 personas of a batch
  // and computes the rest per agent; both paths must agree with the README.
  const Params x = {7.0, 0.75, 0.6, 1.0, 300.0, 0.4};
  Touchpoint tp(x);
  Crowd pop = RandomCrowd(5000, 8);
  SpreadOverCopies(&pop, 10);  // 80 personas
  const std::vector<js_outcome> out = tp.Run(pop.Batch());
  for (size_t i = 0; i < out.size(); ++i) {
    const js_agent_view& a = pop.agents[i];
    const Reference r = reference(x, Persona::Of(pop.personas[a.persona]),
                                  {a.visits, a.satisfaction});
    ASSERT_NEAR(out[i].p_continue, r.p, 1e-12) << "persona " << a.persona;
  }
}

TEST(SupportChannel, ConfigureRejectsSalesCallThatCanNeverClose) {
  Touchpoint tp(With(With(kDefaults, kDeal, 2000.0), kPersuasion, 0.0));
  EXPECT_EQ(tp.status(), JS_ERROR);
  EXPECT_NE(tp.error().find("help_desk"), std::string::npos) << tp.error();
  EXPECT_NE(tp.error().find("persuasion"), std::string::npos) << tp.error();
  EXPECT_NE(tp.error().find("deal_value"), std::string::npos) << tp.error();
}

TEST(SupportChannel, ConfigureRejectsWrongParamCount) {
  const double params[2] = {5.0, 0.8};
  const journeysim::testing::Touchpoint tp(params, "help_desk", "retention");
  EXPECT_EQ(tp.status(), JS_ERROR);
  EXPECT_GT(tp.error().size(), 0u);
}

TEST(SupportChannel, InteractRejectsPersonaIndexOutOfRange) {
  Touchpoint tp(kDefaults);
  Crowd pop = one_persona({}, {}, 4);
  pop.agents[3].persona = 5;
  std::vector<js_outcome> out;
  std::string error;
  EXPECT_EQ(tp.Interact(pop.Batch(), &out, &error), JS_ERROR);
  EXPECT_NE(error.find("persona index 5"), std::string::npos) << error;
}

TEST(SupportChannel, OutcomesFiniteAndInRangeAtParameterExtremes) {
  const js_channel_descriptor& d = Descriptor();
  std::mt19937_64 rng(17);
  int configured = 0;
  for (uint32_t mask = 0; mask < (1u << 6); ++mask) {
    Params x{};
    for (uint32_t k = 0; k < 6; ++k) {
      x[k] = (mask >> k) & 1u ? d.params[k].max_value : d.params[k].min_value;
    }
    Touchpoint tp(x);
    if (x[kDeal] > 0.0 && x[kPersuasion] == 0.0) {
      EXPECT_EQ(tp.status(), JS_ERROR);
      continue;
    }
    ASSERT_EQ(tp.status(), JS_OK) << tp.error();
    ++configured;
    Crowd pop = RandomCrowd(2000, rng());
    pop.personas[0] = {"zeros", 0.0, 0.0, 0.0, 0.0, 0.0};
    pop.personas[1] = {"ones", 1.0, 1.0, 1.0, 1.0, 1.0};
    pop.personas[2] = {"elsewhere", 0.0, 1.0, 0.0, 0.0, 1.0};
    for (size_t i = 0; i < pop.agents.size(); i += 2) {
      pop.agents[i].satisfaction = (i / 2) % 2 == 0 ? 0.0 : 1.0;
    }
    for (const js_outcome& o : tp.Run(pop.Batch())) {
      ASSERT_TRUE(o.next == JS_NEXT_BY_WEIGHT || o.next == JS_NEXT_DROP);
      if (o.next == JS_NEXT_DROP) {
        ASSERT_LT(o.reason, d.reason_count);
      }
      ASSERT_TRUE(std::isfinite(o.p_continue));
      ASSERT_GE(o.p_continue, 0.0);
      ASSERT_LE(o.p_continue, 1.0);
      ASSERT_TRUE(std::isfinite(o.hours));
      ASSERT_GE(o.hours, 0.0);
      ASSERT_TRUE(std::isfinite(o.effort));
      ASSERT_GE(o.effort, 2.0);  // README: effort within [2, 7]
      ASSERT_LE(o.effort, 7.0);
      ASSERT_TRUE(std::isfinite(o.emotion));
      // README: emotion within [-0.40, +0.175].
      ASSERT_GE(o.emotion, -0.4 - 1e-12);
      ASSERT_LE(o.emotion, 0.175 + 1e-12);
      ASSERT_TRUE(std::isfinite(o.money));
      ASSERT_GE(o.money, 0.0);
      ASSERT_EQ(o.messages, 0u);
      ASSERT_EQ(o.referrals, 0u);
    }
  }
  EXPECT_EQ(configured, 64 - 16);
}

TEST(SupportChannel, ReasonSharesMatchFunnelShares) {
  const Params x = {8.0, 0.7, 0.3, 0.0, 1200.0, 0.45};
  Persona v;
  v.patience = 0.4;
  Touchpoint tp(x);
  const std::vector<js_outcome> out = tp.Run(one_persona(v, {}, kN).Batch());
  const Reference r = reference(x, v, {});
  const std::array<double, 4> shares = FunnelShares(r.q, r.p);
  std::array<int, 4> counts{};
  int drops = 0;
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP) {
      ++counts[o.reason];
      ++drops;
    }
  }
  for (size_t k = 0; k < shares.size(); ++k) {
    expect_within_4se(static_cast<double>(counts[k]) / drops, shares[k], drops);
  }
}

}  // namespace
