// Tests of the `web` channel against its README: the reference model below is
// written from README.md's equations and coefficient table, not from
// web_channel.cpp, so the two documents are checked against each other.
#include <gtest/gtest.h>
#include <journeysim/channel_harness.h>
#include <journeysim/channel_sdk.h>

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

enum Param {
  kLoad,
  kQuality,
  kRelevance,
  kCta,
  kFields,
  kMobile,
  kPrice,
  kLead
};
enum Reason {
  kSlowPage,
  kNotMobile,
  kNotRelevant,
  kPriceReason,
  kUnclear,
  kFormTooLong
};
using Params = std::array<double, 8>;
constexpr Params kDefaults = {2.0, 0.6, 0.6, 0.6, 0.0, 1.0, 0.0, 0.0};

// --- The README model, written out independently. ---
double sigma(double x) { return 1.0 / (1.0 + std::exp(-x)); }

struct Reference {
  std::array<double, 6> q;
  double p;
};

Reference reference(const Params& x, const Persona& v, const State& s) {
  Reference r{};
  r.q[kSlowPage] =
      sigma(-1.8 + 2.5 * std::log(x[kLoad] / 3.0) - 2.0 * (v.patience - 0.5));
  r.q[kNotMobile] =
      x[kMobile] != 0.0 ? 0.0 : sigma(-1.25 - 1.0 * (v.tech_savvy - 0.5));
  r.q[kNotRelevant] =
      sigma(-0.85 - 3.0 * (x[kRelevance] - 0.6) - 1.5 * (x[kQuality] - 0.6) -
            1.0 * (v.channel_affinity - 0.5) -
            0.5 * (s.visits > 0 ? 1.0 : 0.0) - 1.0 * (s.satisfaction - 0.5));
  r.q[kPriceReason] = x[kPrice] == 0.0
                          ? 0.0
                          : sigma(-1.75 + 3.0 * (v.price_sensitivity - 0.5) +
                                  0.25 * std::log(x[kPrice] / 100.0));
  r.q[kUnclear] =
      sigma(-1.75 - 3.0 * (x[kCta] - 0.6) - 0.5 * (v.tech_savvy - 0.5));
  r.q[kFormTooLong] =
      x[kFields] == 0.0
          ? 0.0
          : sigma(-1.1 + 0.2 * (x[kFields] - 5.0) - 1.0 * (v.patience - 0.5) -
                  1.0 * (v.tech_savvy - 0.5));
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
      : journeysim::testing::Touchpoint(params, "landing", "consideration") {}
};

// `n` agents of `persona` in `state`, their uniforms drawn from `seed`.
Crowd one_persona(const Persona& persona, const State& state, int n,
                  uint64_t seed = 20240601) {
  return SameAgents(static_cast<size_t>(n), persona.View("persona"),
                    state.View(), seed);
}

// p_continue of the plugin for one persona/state with params changed.
double plugin_p(const Params& params, const Persona& persona = {},
                const State& state = {}) {
  Touchpoint tp(params);
  EXPECT_EQ(tp.status(), JS_OK) << tp.error();
  return tp.Run(one_persona(persona, state, 1).Batch())[0].p_continue;
}

void expect_within_4se(double observed, double p, int n) {
  EXPECT_NEAR(observed, p, FourStandardErrors(p, n)) << "p = " << p;
}

// ----------------------------------------------------------------------------

TEST(WebChannel, DeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_EQ(d.api_version, JS_CHANNEL_API_VERSION);
  EXPECT_EQ(d.struct_size, sizeof(js_channel_descriptor));
  EXPECT_STREQ(d.name, "web");
  EXPECT_EQ(d.uniforms_per_interaction, kUniforms);
  ASSERT_EQ(d.param_count, 8u);
  const char* names[] = {"page_load_s", "content_quality", "relevance",
                         "cta_clarity", "form_fields",     "mobile_friendly",
                         "price_shown", "lead_value"};
  for (uint32_t k = 0; k < d.param_count; ++k) {
    EXPECT_STREQ(d.params[k].name, names[k]);
    EXPECT_EQ(d.params[k].default_value, kDefaults[k]);
    EXPECT_GE(d.params[k].default_value, d.params[k].min_value);
    EXPECT_LE(d.params[k].default_value, d.params[k].max_value);
  }
  EXPECT_EQ(d.params[kFields].type, JS_PARAM_INTEGER);
  EXPECT_EQ(d.params[kMobile].type, JS_PARAM_BOOLEAN);
  ASSERT_EQ(d.reason_count, 6u);
  const char* codes[] = {"slow_page", "not_mobile_friendly", "not_relevant",
                         "price",     "unclear_next_step",   "form_too_long"};
  for (uint32_t k = 0; k < d.reason_count; ++k) {
    EXPECT_STREQ(d.reasons[k].code, codes[k]);
    EXPECT_GT(std::strlen(d.reasons[k].label), 0u);
    EXPECT_GT(std::strlen(d.reasons[k].suggestion), 0u);
  }
}

TEST(WebChannel, PContinueEqualsReadmeEquation) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    Params x{};
    x[kLoad] = 0.1 + 59.9 * Uniform(rng);
    x[kQuality] = Uniform(rng);
    x[kRelevance] = Uniform(rng);
    x[kCta] = Uniform(rng);
    x[kFields] = static_cast<double>(rng() % 41);
    x[kMobile] = static_cast<double>(rng() % 2);
    x[kPrice] = trial % 3 == 0 ? 0.0 : std::exp(14.0 * Uniform(rng)) - 1.0;
    x[kLead] = x[kFields] > 0.0 ? 1000.0 * Uniform(rng) : 0.0;
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

TEST(WebChannel, DefaultPageContinuesAtDocumentedRate) {
  // README worked example: the defaults and an average visitor give 0.5631.
  EXPECT_NEAR(plugin_p(kDefaults), 0.5631, 5e-5);
  EXPECT_NEAR(reference(kDefaults, {}, {}).p, 0.5631, 5e-5);
}

TEST(WebChannel, EmpiricalContinueRateWithinFourStandardErrors) {
  Touchpoint tp(kDefaults);
  const std::vector<js_outcome> out = tp.Run(one_persona({}, {}, kN).Batch());
  expect_within_4se(ContinueRate(out), out[0].p_continue, kN);
}

TEST(WebChannel, EmpiricalContinueRateMatchesMeanPForMixedPopulation) {
  const Params x = {3.5, 0.5, 0.7, 0.4, 6.0, 0.0, 250.0, 80.0};
  Touchpoint tp(x);
  const std::vector<js_outcome> out = tp.Run(RandomCrowd(kN, 99).Batch());
  double sum_p = 0.0;
  double sum_var = 0.0;
  for (const js_outcome& o : out) {
    sum_p += o.p_continue;
    sum_var += o.p_continue * (1.0 - o.p_continue);
  }
  const double mean_p = sum_p / kN;
  const double se = std::sqrt(sum_var) / kN;
  EXPECT_NEAR(ContinueRate(out), mean_p, 4.0 * se);
}

TEST(WebChannel, ContinueExactlyWhenFirstUniformBelowP) {
  Touchpoint tp(With(kDefaults, kFields, 4.0));
  const Crowd pop = RandomCrowd(20000, 5);
  const std::vector<js_outcome> out = tp.Run(pop.Batch());
  for (size_t i = 0; i < out.size(); ++i) {
    const bool go = pop.agents[i].uniforms[0] < out[i].p_continue;
    EXPECT_EQ(out[i].next, go ? JS_NEXT_BY_WEIGHT : JS_NEXT_DROP);
  }
}

// --- Documented effects: direction and size (README "Worked numbers"). ---

TEST(WebChannel, SlowPageHazardFollowsDocumentedCurve) {
  // README: share leaving for speed alone, average patience.
  const std::array<std::pair<double, double>, 5> table = {{{1.0, 0.0105},
                                                           {2.0, 0.0566},
                                                           {3.0, 0.1419},
                                                           {5.0, 0.3722},
                                                           {10.0, 0.7703}}};
  for (const auto& [load, q] : table) {
    // Only stage 1 moves with load time, so the ratio to a near-instant page
    // isolates it: p(load) / p(0.1 s) = (1 - q(load)) / (1 - q(0.1 s)).
    const double q_fast = sigma(-1.8 + 2.5 * std::log(0.1 / 3.0));
    const double ratio = plugin_p(With(kDefaults, kLoad, load)) /
                         plugin_p(With(kDefaults, kLoad, 0.1));
    EXPECT_NEAR(1.0 - ratio * (1.0 - q_fast), q, 5e-5) << load << " s";
  }
}

TEST(WebChannel, LoadFromTwoToFiveSecondsCutsContinueByDocumentedFactor) {
  const double ratio = plugin_p(With(kDefaults, kLoad, 5.0)) /
                       plugin_p(With(kDefaults, kLoad, 2.0));
  EXPECT_NEAR(ratio, 0.6655, 5e-5);  // README: x 0.6655
}

TEST(WebChannel, PatientVisitorsWaitLongerForASlowPage) {
  auto q_slow = [](double patience) {
    Persona v;
    v.patience = patience;
    // p(5 s) / p(0.1 s) isolates stage 1, as in the test above.
    const double q_fast =
        sigma(-1.8 + 2.5 * std::log(0.1 / 3.0) - 2.0 * (patience - 0.5));
    const double ratio = plugin_p(With(kDefaults, kLoad, 5.0), v) /
                         plugin_p(With(kDefaults, kLoad, 0.1), v);
    return 1.0 - ratio * (1.0 - q_fast);
  };
  EXPECT_NEAR(q_slow(0.0), 0.6171, 5e-5);  // README: impatient, 5 s
  EXPECT_NEAR(q_slow(0.5), 0.3722, 5e-5);
  EXPECT_NEAR(q_slow(1.0), 0.1790, 5e-5);  // README: patient, 5 s
}

TEST(WebChannel, PageNotMobileFriendlyLosesDocumentedShare) {
  const double ratio =
      plugin_p(With(kDefaults, kMobile, 0.0)) / plugin_p(kDefaults);
  EXPECT_NEAR(1.0 - ratio, 0.2227, 5e-5);
  Persona savvy;
  savvy.tech_savvy = 1.0;
  // Tech savvy also eases the call to action, so compare like with like.
  const double savvy_ratio = plugin_p(With(kDefaults, kMobile, 0.0), savvy) /
                             plugin_p(kDefaults, savvy);
  EXPECT_NEAR(1.0 - savvy_ratio, 0.1480, 5e-5);
}

TEST(WebChannel, RelevanceLowersIrrelevanceDrop) {
  auto q_rel = [](double relevance) {
    // p = (1 - q_slow)(1 - q_rel)(1 - q_cta) at the defaults.
    const Reference base = reference(kDefaults, {}, {});
    return 1.0 - plugin_p(With(kDefaults, kRelevance, relevance)) /
                     ((1.0 - base.q[kSlowPage]) * (1.0 - base.q[kUnclear]));
  };
  EXPECT_NEAR(q_rel(0.0), 0.7211, 5e-5);
  EXPECT_NEAR(q_rel(0.6), 0.2994, 5e-5);
  EXPECT_NEAR(q_rel(1.0), 0.1141, 5e-5);
  // README: relevance 0.6 -> 1.0 multiplies continue by 1.2646.
  EXPECT_NEAR(plugin_p(With(kDefaults, kRelevance, 1.0)) / plugin_p(kDefaults),
              1.2646, 5e-5);
}

TEST(WebChannel, ContentQualityLowersIrrelevanceDrop) {
  EXPECT_NEAR(plugin_p(With(kDefaults, kQuality, 1.0)) / plugin_p(kDefaults),
              (1.0 - 0.1900) / (1.0 - 0.2994), 1e-4);
  EXPECT_NEAR(plugin_p(With(kDefaults, kQuality, 0.0)) / plugin_p(kDefaults),
              (1.0 - 0.5125) / (1.0 - 0.2994), 1e-4);
}

TEST(WebChannel, ClearerCallToActionRaisesContinue) {
  EXPECT_NEAR(plugin_p(With(kDefaults, kCta, 1.0)) / plugin_p(kDefaults),
              (1.0 - 0.0497) / (1.0 - 0.1480), 1e-4);
  EXPECT_NEAR(plugin_p(With(kDefaults, kCta, 0.0)) / plugin_p(kDefaults),
              (1.0 - 0.5125) / (1.0 - 0.1480), 1e-4);
}

TEST(WebChannel, EachFormFieldLowersSubmission) {
  auto q_form = [](double fields, const Persona& v) {
    return 1.0 - plugin_p(With(kDefaults, kFields, fields), v) /
                     plugin_p(kDefaults, v);
  };
  EXPECT_NEAR(q_form(1, {}), 0.1301, 5e-5);
  EXPECT_NEAR(q_form(5, {}), 0.2497, 5e-5);
  EXPECT_NEAR(q_form(10, {}), 0.4750, 5e-5);
  EXPECT_NEAR(q_form(20, {}), 0.8699, 5e-5);
  // README: cutting 11 fields to 4 lifts submissions by 65%.
  EXPECT_NEAR(plugin_p(With(kDefaults, kFields, 4)) /
                  plugin_p(With(kDefaults, kFields, 11)),
              1.654, 5e-4);
  double previous = 1.0;
  for (int n = 1; n <= 40; ++n) {
    const double p = plugin_p(With(kDefaults, kFields, n));
    EXPECT_LT(p, previous) << n << " fields";
    previous = p;
  }
}

TEST(WebChannel, PatienceAndTechSavvyEaseTheForm) {
  auto q_form = [](const Persona& v) {
    return 1.0 -
           plugin_p(With(kDefaults, kFields, 10), v) / plugin_p(kDefaults, v);
  };
  Persona low;
  low.patience = 0.0;
  low.tech_savvy = 0.0;
  Persona high;
  high.patience = 1.0;
  high.tech_savvy = 1.0;
  EXPECT_NEAR(q_form(low), 0.7109, 5e-5);
  EXPECT_NEAR(q_form(high), 0.2497, 5e-5);
}

TEST(WebChannel, PriceHazardGrowsWithPriceAndSensitivity) {
  auto q_price = [](double price, double sensitivity) {
    Persona v;
    v.price_sensitivity = sensitivity;
    return 1.0 -
           plugin_p(With(kDefaults, kPrice, price), v) / plugin_p(kDefaults, v);
  };
  EXPECT_NEAR(q_price(100, 0.5), 0.1480, 5e-5);
  EXPECT_NEAR(q_price(100, 0.0), 0.0373, 5e-5);
  EXPECT_NEAR(q_price(100, 1.0), 0.4378, 5e-5);
  EXPECT_NEAR(q_price(1000, 0.5), 0.2361, 5e-5);
  EXPECT_NEAR(q_price(10, 0.5), 0.0890, 5e-5);
  EXPECT_EQ(plugin_p(kDefaults), plugin_p(With(kDefaults, kPrice, 0.0)));
}

TEST(WebChannel, ChannelAffinityLowersIrrelevanceDrop) {
  Persona fan;
  fan.channel_affinity = 1.0;
  const Reference base = reference(kDefaults, {}, {});
  const double q = 1.0 - plugin_p(kDefaults, fan) / ((1.0 - base.q[kSlowPage]) *
                                                     (1.0 - base.q[kUnclear]));
  EXPECT_NEAR(q, 0.2059, 5e-5);  // README: sigma(-1.35)
}

TEST(WebChannel, ReturningAndSatisfiedVisitorsBounceLess) {
  const Reference base = reference(kDefaults, {}, {});
  const double other = (1.0 - base.q[kSlowPage]) * (1.0 - base.q[kUnclear]);
  EXPECT_NEAR(1.0 - plugin_p(kDefaults, {}, {1, 0.5}) / other, 0.2059, 5e-5);
  EXPECT_NEAR(1.0 - plugin_p(kDefaults, {}, {0, 0.0}) / other, 0.4134, 5e-5);
  EXPECT_NEAR(1.0 - plugin_p(kDefaults, {}, {0, 1.0}) / other, 0.2059, 5e-5);
}

TEST(WebChannel, BetterPageNeverLosesAVisitorWithTheSameUniforms) {
  // Monotone coupling: common random numbers make comparisons paired.
  Touchpoint worse({4.0, 0.5, 0.5, 0.5, 8.0, 0.0, 300.0, 0.0});
  Touchpoint better({1.5, 0.8, 0.8, 0.8, 3.0, 1.0, 300.0, 0.0});
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

TEST(WebChannel, ContinuersDwellDocumentedMeanTime) {
  const Params x = With(kDefaults, kFields, 5.0);
  Touchpoint tp(x);
  const std::vector<js_outcome> out = tp.Run(one_persona({}, {}, kN).Batch());
  double sum = 0.0;
  double sum_sq = 0.0;
  int n = 0;
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_BY_WEIGHT) {
      sum += o.hours * 60.0;
      sum_sq += o.hours * 60.0 * o.hours * 60.0;
      ++n;
    }
  }
  const double mean = sum / n;
  const double sd = std::sqrt(sum_sq / n - mean * mean);
  // README: load 2/60 + read 0.5 + 1.5 * 0.6 + form 5 * 0.2 * 1.0 minutes.
  const double expected = 2.0 / 60.0 + 1.4 + 1.0;
  EXPECT_NEAR(mean, expected, 4.0 * sd / std::sqrt(n));
}

TEST(WebChannel, EffortCountsDocumentedActions) {
  Touchpoint tp({2.0, 0.6, 0.6, 0.6, 5.0, 0.0, 0.0, 0.0});
  const std::vector<js_outcome> out =
      tp.Run(one_persona({}, {}, 20000).Batch());
  // README: view 1 + search 1 * (1 - 0.6) + zoom 1 = 2.4 on the page; the
  // form costs 5 * (1.25 - 0.5 * 0.5) = 5 actions.
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_BY_WEIGHT) {
      ASSERT_NEAR(o.effort, 2.4 + 1.0 + 5.0, 1e-12);
    } else if (o.reason == kSlowPage) {
      ASSERT_NEAR(o.effort, 0.5, 1e-12);
    } else if (o.reason == kFormTooLong) {
      ASSERT_NEAR(o.effort, 2.4 + 2.5, 1e-12);
    } else {
      ASSERT_NEAR(o.effort, 2.4, 1e-12);
    }
  }
}

TEST(WebChannel, EmotionFollowsDocumentedValues) {
  // 5 s load: slow penalty min(0.12, 0.02 * 3) = 0.06; 10 fields: 0.03.
  Touchpoint tp({5.0, 0.9, 0.6, 0.8, 10.0, 1.0, 0.0, 0.0});
  const std::vector<js_outcome> out =
      tp.Run(one_persona({}, {}, 20000).Batch());
  const double expected[6] = {-0.05 - 0.06, -0.08, -0.02,
                              -0.05,        -0.06, -0.08 - 0.03};
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_BY_WEIGHT) {
      ASSERT_NEAR(o.emotion, 0.03 + 0.08 * 0.4 + 0.04 * 0.3 - 0.06 - 0.03,
                  1e-12);
    } else {
      ASSERT_NEAR(o.emotion, expected[o.reason], 1e-12);
    }
  }
}

TEST(WebChannel, LeadValueRecordedOnlyWhenTheFormIsSubmitted) {
  Touchpoint tp(With(With(kDefaults, kFields, 3.0), kLead, 120.0));
  const std::vector<js_outcome> out =
      tp.Run(one_persona({}, {}, 20000).Batch());
  for (const js_outcome& o : out) {
    ASSERT_EQ(o.money, o.next == JS_NEXT_BY_WEIGHT ? 120.0 : 0.0);
  }
}

TEST(WebChannel, SameUniformsGiveIdenticalOutcomes) {
  const Params x = {3.0, 0.7, 0.5, 0.6, 7.0, 0.0, 49.0, 10.0};
  Touchpoint tp(x);
  Touchpoint again(x);
  const Crowd pop = RandomCrowd(50000, 3);
  const std::vector<js_outcome> a = tp.Run(pop.Batch());
  const std::vector<js_outcome> b = again.Run(pop.Batch());
  ASSERT_EQ(0, std::memcmp(a.data(), b.data(), a.size() * sizeof(js_outcome)));
  // Batch boundaries must not matter either: one agent per call.
  for (size_t i = 0; i < 2000; ++i) {
    const std::vector<js_outcome> single = tp.Run(pop.Alone(i));
    ASSERT_EQ(0, std::memcmp(&single[0], &a[i], sizeof(js_outcome)));
  }
}

TEST(WebChannel, PersonasBeyondTheBatchCacheGetTheSameModel) {
  // The plugin caches per-persona terms for the first 64 personas of a batch
  // and computes the rest per agent; both paths must agree with the README.
  const Params x = {3.0, 0.7, 0.5, 0.6, 7.0, 0.0, 49.0, 10.0};
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

TEST(WebChannel, ConfigureRejectsLeadValueWithoutAForm) {
  Touchpoint tp(With(kDefaults, kLead, 50.0));
  EXPECT_EQ(tp.status(), JS_ERROR);
  EXPECT_NE(tp.error().find("landing"), std::string::npos) << tp.error();
  EXPECT_NE(tp.error().find("form_fields"), std::string::npos) << tp.error();
  EXPECT_NE(tp.error().find("lead_value"), std::string::npos) << tp.error();
}

TEST(WebChannel, ConfigureRejectsWrongParamCount) {
  const double params[3] = {2.0, 0.6, 0.6};
  const journeysim::testing::Touchpoint tp(params, "landing", "consideration");
  EXPECT_EQ(tp.status(), JS_ERROR);
  EXPECT_GT(tp.error().size(), 0u);
}

TEST(WebChannel, InteractRejectsPersonaIndexOutOfRange) {
  Touchpoint tp(kDefaults);
  Crowd pop = one_persona({}, {}, 4);
  pop.agents[2].persona = 1;
  std::vector<js_outcome> out;
  std::string error;
  EXPECT_EQ(tp.Interact(pop.Batch(), &out, &error), JS_ERROR);
  EXPECT_NE(error.find("persona index 1"), std::string::npos) << error;
}

TEST(WebChannel, OutcomesFiniteAndInRangeAtParameterExtremes) {
  const js_channel_descriptor& d = Descriptor();
  std::mt19937_64 rng(17);
  int configured = 0;
  for (uint32_t mask = 0; mask < (1u << 8); ++mask) {
    Params x{};
    for (uint32_t k = 0; k < 8; ++k) {
      x[k] = (mask >> k) & 1u ? d.params[k].max_value : d.params[k].min_value;
    }
    Touchpoint tp(x);
    if (x[kLead] > 0.0 && x[kFields] == 0.0) {
      EXPECT_EQ(tp.status(), JS_ERROR);
      continue;
    }
    ASSERT_EQ(tp.status(), JS_OK) << tp.error();
    ++configured;
    Crowd pop = RandomCrowd(2000, rng());
    // Personas and states at their own extremes too.
    pop.personas[0] = {"zeros", 0.0, 0.0, 0.0, 0.0, 0.0};
    pop.personas[1] = {"ones", 1.0, 1.0, 1.0, 1.0, 1.0};
    for (size_t i = 0; i < pop.agents.size(); i += 2) {
      pop.agents[i].satisfaction = (i / 2) % 2 == 0 ? 0.0 : 1.0;
    }
    const std::vector<js_outcome> out = tp.Run(pop.Batch());
    for (const js_outcome& o : out) {
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
      ASSERT_GE(o.effort, 0.5);
      ASSERT_LE(o.effort, 54.0);  // README: effort within [0.5, 54]
      ASSERT_TRUE(std::isfinite(o.emotion));
      ASSERT_GE(o.emotion, -0.3);  // README: emotion within [-0.3, +0.09]
      ASSERT_LE(o.emotion, 0.09 + 1e-12);
      ASSERT_TRUE(std::isfinite(o.money));
      ASSERT_GE(o.money, 0.0);
      ASSERT_EQ(o.messages, 0u);
      ASSERT_EQ(o.referrals, 0u);
    }
  }
  EXPECT_EQ(configured, 256 - 64);
}

TEST(WebChannel, ReasonSharesMatchFunnelShares) {
  // Every stage live: slow-ish page, not mobile friendly, a price, a form.
  const Params x = {4.0, 0.5, 0.5, 0.5, 8.0, 0.0, 500.0, 0.0};
  Persona v;
  v.price_sensitivity = 0.7;
  Touchpoint tp(x);
  const std::vector<js_outcome> out = tp.Run(one_persona(v, {}, kN).Batch());
  const Reference r = reference(x, v, {});
  const std::array<double, 6> shares = FunnelShares(r.q, r.p);
  std::array<int, 6> counts{};
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

TEST(WebChannel, StageWithoutHazardNeverNamed) {
  // Mobile friendly, no price, no form: only three reasons can occur.
  Touchpoint tp(With(kDefaults, kLoad, 6.0));
  const std::vector<js_outcome> out = tp.Run(RandomCrowd(kN, 23).Batch());
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP) {
      ASSERT_TRUE(o.reason == kSlowPage || o.reason == kNotRelevant ||
                  o.reason == kUnclear)
          << o.reason;
    }
  }
}

}  // namespace
