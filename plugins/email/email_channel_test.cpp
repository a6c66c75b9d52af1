// Specification tests of the `email` channel. The README's equations are
// recomputed here from the README's own coefficient table (typed again on
// purpose, not shared with the plugin), and the README's worked numbers are
// asserted, so the model, its documentation and its code cannot drift apart.
#include <gtest/gtest.h>
#include <journeysim/channel_harness.h>
#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace journeysim::testing;

constexpr uint32_t kNotDelivered = 0;
constexpr uint32_t kNotOpened = 1;
constexpr uint32_t kNoClick = 2;
constexpr uint32_t kUnsubscribed = 3;
constexpr size_t kN = 200000;

// Parameters in declaration order.
struct Params {
  double deliverability = 0.97;
  double subject_relevance = 0.5;
  double send_hour = 10;
  double frequency_per_week = 2;
  double content_quality = 0.5;

  std::vector<double> Values() const {
    return {deliverability, subject_relevance, send_hour, frequency_per_week,
            content_quality};
  }
};

// An email touchpoint configured at the given parameters.
class Touchpoint : public journeysim::testing::Touchpoint {
 public:
  explicit Touchpoint(std::vector<double> values)
      : journeysim::testing::Touchpoint(std::move(values), "newsletter",
                                        "consideration") {}
  explicit Touchpoint(const Params& params) : Touchpoint(params.Values()) {}
};

js_persona_view Persona(double affinity) {
  PersonaTraits p;
  p.channel_affinity = affinity;
  return p.View("reader");
}

js_agent_view State(uint32_t messages, double satisfaction) {
  js_agent_view a{};
  a.messages = messages;
  a.satisfaction = satisfaction;
  return a;
}

// Random personas and states, including the [0, 1] ends of every trait; a
// quarter of the agents have had very many messages.
Crowd MixedAgents(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<js_persona_view> drawn;
  for (int i = 0; i < 16; ++i) {
    js_persona_view p = Persona(Uniform(rng));
    p.patience = Uniform(rng);
    p.price_sensitivity = Uniform(rng);
    p.tech_savvy = Uniform(rng);
    p.best_other_affinity = Uniform(rng);
    drawn.push_back(p);
  }
  drawn.push_back(Persona(0.0));
  drawn.push_back(Persona(1.0));
  const auto messages = [](std::mt19937_64& r) {
    return static_cast<uint32_t>(r() % 4) == 0
               ? static_cast<uint32_t>(r() % 100000)
               : static_cast<uint32_t>(r() % 30);
  };
  return MixedCrowd(std::move(drawn), n, rng, UniformEnds::kEverySeventhAgent,
                    [&](size_t i, std::mt19937_64& r, size_t count) {
                      return DrawAgentWithEnds(i, r, count, messages);
                    });
}

// --- The README's model, recomputed from its coefficient table. ------------
double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

constexpr std::array<double, 24> kReadmeHour = {
    -0.6, -0.6, -0.6, -0.6, -0.6, -0.5, -0.3, -0.1, 0.1, 0.25, 0.3,  0.25,
    0.1,  0.05, 0.0,  0.0,  0.0,  0.05, 0.15, 0.2,  0.2, 0.05, -0.2, -0.4};

struct Readme {
  double fatigue, open, click, unsub, p;
};

Readme ReadmeModel(const Params& q, double affinity, double satisfaction,
                   double messages) {
  Readme r{};
  r.fatigue = 0.5 * messages / (messages + 4.0) +
              0.5 * q.frequency_per_week / (q.frequency_per_week + 7.0);
  r.open = Logistic(-1.2 + 2.5 * (affinity - 0.5) +
                    1.5 * (q.subject_relevance - 0.5) +
                    kReadmeHour[static_cast<size_t>(q.send_hour)] +
                    1.0 * (satisfaction - 0.5) - 2.0 * r.fatigue);
  r.click =
      Logistic(-1.7 + 1.6 * (q.content_quality - 0.5) +
               0.8 * (q.subject_relevance - 0.5) + 1.0 * (affinity - 0.5));
  r.unsub =
      Logistic(-5.0 + 4.0 * r.fatigue - 1.0 * (q.subject_relevance - 0.5));
  r.p = q.deliverability * r.open * r.click;
  return r;
}

// p_continue of one agent as the plugin reports it.
double PluginP(const Params& params, double affinity, double satisfaction,
               uint32_t messages) {
  Touchpoint tp(params);
  EXPECT_TRUE(tp.ok()) << tp.error();
  const Crowd crowd =
      SameAgents(1, Persona(affinity), State(messages, satisfaction), 1);
  return tp.Run(crowd.Batch())[0].p_continue;
}

void ExpectWithinFourSe(double observed, double p, double n, const char* what) {
  EXPECT_NEAR(observed, p, FourStandardErrors(p, n)) << what;
}

TEST(email_channel, DescriptorDeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_EQ(d.api_version, JS_CHANNEL_API_VERSION);
  EXPECT_EQ(d.struct_size, sizeof(js_channel_descriptor));
  EXPECT_STREQ(d.name, "email");
  ASSERT_EQ(d.param_count, 5u);
  const std::array<const char*, 5> names = {
      "deliverability", "subject_relevance", "send_hour", "frequency_per_week",
      "content_quality"};
  const std::vector<double> defaults = Params{}.Values();
  for (uint32_t i = 0; i < d.param_count; ++i) {
    EXPECT_STREQ(d.params[i].name, names[i]);
    EXPECT_EQ(d.params[i].default_value, defaults[i]) << names[i];
    EXPECT_LE(d.params[i].min_value, d.params[i].default_value);
    EXPECT_GE(d.params[i].max_value, d.params[i].default_value);
  }
  EXPECT_EQ(d.params[2].type, JS_PARAM_INTEGER);
  EXPECT_EQ(d.params[2].max_value, 23.0);
  EXPECT_EQ(d.params[3].max_value, 21.0);
  ASSERT_EQ(d.reason_count, 4u);
  EXPECT_STREQ(d.reasons[kNotDelivered].code, "not_delivered");
  EXPECT_STREQ(d.reasons[kNotOpened].code, "not_opened");
  EXPECT_STREQ(d.reasons[kNoClick].code, "no_click");
  EXPECT_STREQ(d.reasons[kUnsubscribed].code, "unsubscribed");
  for (uint32_t i = 0; i < d.reason_count; ++i) {
    EXPECT_GT(std::string(d.reasons[i].label).size(), 0u);
    EXPECT_GT(std::string(d.reasons[i].suggestion).size(), 0u);
  }
  EXPECT_EQ(d.uniforms_per_interaction, 3u);
}

TEST(email_channel, PContinueEqualsReadmeEquation) {
  Params varied;
  varied.deliverability = 0.9;
  varied.subject_relevance = 0.8;
  varied.send_hour = 23;
  varied.frequency_per_week = 5;
  varied.content_quality = 0.3;
  for (const Params& params : {Params{}, varied}) {
    for (double affinity : {0.0, 0.3, 0.8, 1.0}) {
      for (double satisfaction : {0.0, 0.6, 1.0}) {
        for (uint32_t messages : {0u, 3u, 40u}) {
          const double expected =
              ReadmeModel(params, affinity, satisfaction, messages).p;
          EXPECT_NEAR(PluginP(params, affinity, satisfaction, messages),
                      expected, 1e-12)
              << "affinity " << affinity << " satisfaction " << satisfaction
              << " messages " << messages;
        }
      }
    }
  }
}

TEST(email_channel, DefaultsGiveReadmeWorkedNumber) {
  // README "Worked numbers": average persona, first email, defaults.
  EXPECT_NEAR(ReadmeModel(Params{}, 0.5, 0.5, 0).open, 0.2456, 5e-5);
  EXPECT_NEAR(ReadmeModel(Params{}, 0.5, 0.5, 0).click, 0.1545, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, 0.5, 0.5, 0), 0.0368, 5e-5);
}

TEST(email_channel, EmpiricalContinueRateIsWithinFourStandardErrors) {
  Params params;
  params.subject_relevance = 0.7;
  const Crowd crowd = SameAgents(kN, Persona(0.7), State(2, 0.6), 11);
  const auto out = Touchpoint(params).Run(crowd.Batch());
  const double p = ReadmeModel(params, 0.7, 0.6, 2).p;
  ExpectWithinFourSe(ContinueRate(out), p, kN, "continue rate");
}

TEST(email_channel, ContinuesExactlyWhenFirstUniformIsBelowPContinue) {
  const Crowd crowd = MixedAgents(20000, 3);
  const auto out = Touchpoint(Params{}).Run(crowd.Batch());
  for (size_t i = 0; i < out.size(); ++i) {
    const bool continued = out[i].next == JS_NEXT_BY_WEIGHT;
    ASSERT_EQ(continued, crowd.agents[i].uniforms[0] < out[i].p_continue) << i;
  }
}

TEST(email_channel, BetterSubjectNeverTurnsAContinuingCustomerIntoADrop) {
  Params better;
  better.subject_relevance = 0.9;
  const Crowd crowd = MixedAgents(50000, 5);
  const auto base = Touchpoint(Params{}).Run(crowd.Batch());
  const auto improved = Touchpoint(better).Run(crowd.Batch());
  for (size_t i = 0; i < base.size(); ++i) {
    EXPECT_GE(improved[i].p_continue, base[i].p_continue);
    if (base[i].next != JS_NEXT_DROP) {
      ASSERT_NE(improved[i].next, JS_NEXT_DROP) << i;
    }
  }
}

TEST(email_channel, RelevantSubjectRaisesPByDocumentedAmount) {
  Params relevant;
  relevant.subject_relevance = 1.0;
  Params irrelevant;
  irrelevant.subject_relevance = 0.0;
  // README: 0.0368 -> 0.0848 (open 0.2456 -> 0.4080, click 0.1545 -> 0.2142).
  EXPECT_NEAR(ReadmeModel(relevant, 0.5, 0.5, 0).open, 0.4080, 5e-5);
  EXPECT_NEAR(ReadmeModel(relevant, 0.5, 0.5, 0).click, 0.2142, 5e-5);
  EXPECT_NEAR(PluginP(relevant, 0.5, 0.5, 0), 0.0848, 5e-5);
  EXPECT_NEAR(PluginP(irrelevant, 0.5, 0.5, 0), 0.0141, 5e-5);
}

TEST(email_channel, NightSendLowersPByDocumentedAmount) {
  Params night;
  night.send_hour = 3;
  Params evening;
  evening.send_hour = 20;
  EXPECT_NEAR(ReadmeModel(night, 0.5, 0.5, 0).open, 0.1169, 5e-5);
  EXPECT_NEAR(PluginP(night, 0.5, 0.5, 0), 0.0175, 5e-5);
  EXPECT_NEAR(PluginP(evening, 0.5, 0.5, 0), 0.0341, 5e-5);
  EXPECT_LT(PluginP(night, 0.5, 0.5, 0), PluginP(evening, 0.5, 0.5, 0));
  EXPECT_LT(PluginP(evening, 0.5, 0.5, 0), PluginP(Params{}, 0.5, 0.5, 0));
}

TEST(email_channel, FatigueLowersPAndTurnsIgnoringIntoUnsubscribing) {
  Params daily;
  daily.frequency_per_week = 7;
  EXPECT_NEAR(PluginP(daily, 0.5, 0.5, 0), 0.0296, 5e-5);
  EXPECT_NEAR(PluginP(daily, 0.5, 0.5, 10), 0.0161, 5e-5);
  EXPECT_NEAR(ReadmeModel(Params{}, 0.5, 0.5, 0).unsub, 0.0104, 5e-5);
  EXPECT_NEAR(ReadmeModel(daily, 0.5, 0.5, 10).unsub, 0.0710, 5e-5);

  // Unsubscribes per delivered email: ~0.22% fresh, ~0.65% when fatigued.
  const auto unsub_share = [](const Params& params, uint32_t messages) {
    const Crowd crowd = SameAgents(kN, Persona(0.5), State(messages, 0.5), 17);
    const auto out = Touchpoint(params).Run(crowd.Batch());
    double unsub = 0;
    double delivered = 0;
    for (const js_outcome& o : out) {
      delivered +=
          (o.next == JS_NEXT_DROP && o.reason == kNotDelivered) ? 0.0 : 1.0;
      unsub +=
          (o.next == JS_NEXT_DROP && o.reason == kUnsubscribed) ? 1.0 : 0.0;
    }
    return unsub / delivered;
  };
  const auto expected = [](const Params& params, uint32_t messages) {
    const Readme r = ReadmeModel(params, 0.5, 0.5, messages);
    return r.open * (1.0 - r.click) * r.unsub;
  };
  const double fresh = expected(Params{}, 0);
  const double tired = expected(daily, 10);
  EXPECT_NEAR(fresh, 0.0022, 5e-5);
  EXPECT_NEAR(tired, 0.0065, 5e-5);
  ExpectWithinFourSe(unsub_share(Params{}, 0), fresh, kN * 0.97, "fresh");
  ExpectWithinFourSe(unsub_share(daily, 10), tired, kN * 0.97, "tired");
}

TEST(email_channel, ContentQualityMovesOnlyTheClick) {
  Params great;
  great.content_quality = 1.0;
  // Open is unchanged, so p scales by the click ratio 0.2891 / 0.1545.
  EXPECT_NEAR(ReadmeModel(great, 0.5, 0.5, 0).click, 0.2891, 5e-5);
  EXPECT_NEAR(PluginP(great, 0.5, 0.5, 0), 0.0689, 5e-5);
  EXPECT_NEAR(PluginP(great, 0.5, 0.5, 0) / PluginP(Params{}, 0.5, 0.5, 0),
              ReadmeModel(great, 0.5, 0.5, 0).click /
                  ReadmeModel(Params{}, 0.5, 0.5, 0).click,
              1e-12);
}

TEST(email_channel, AffinityAndSatisfactionRaiseP) {
  EXPECT_NEAR(PluginP(Params{}, 1.0, 0.5, 0), 0.1194, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, 0.0, 0.5, 0), 0.0083, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, 0.5, 1.0, 0), 0.0523, 5e-5);
}

TEST(email_channel, SameUniformsGiveIdenticalOutcomes) {
  const Crowd crowd = MixedAgents(20000, 9);
  Touchpoint tp(Params{});
  const auto first = tp.Run(crowd.Batch());
  const auto second = Touchpoint(Params{}).Run(crowd.Batch());
  // The same agents split over two batches: no state carries across agents.
  Crowd half = crowd;
  half.agents.resize(crowd.agents.size() / 2);
  const auto part = tp.Run(half.Batch());
  for (size_t i = 0; i < first.size(); ++i) {
    const js_outcome& a = first[i];
    const js_outcome& b = i < part.size() ? part[i] : second[i];
    for (const js_outcome* o : {&second[i], &b}) {
      ASSERT_TRUE(SameOutcome(a, *o)) << i;
    }
  }
}

TEST(email_channel, ConfigureRejectsValuesOutsideTheDeclaredDomain) {
  Params half_hour;
  half_hour.send_hour = 10.5;
  Touchpoint a(half_hour);
  EXPECT_FALSE(a.ok());
  EXPECT_NE(a.error().find("send_hour"), std::string::npos) << a.error();
  EXPECT_NE(a.error().find("newsletter"), std::string::npos) << a.error();

  Params too_often;
  too_often.frequency_per_week = 30;
  Touchpoint b(too_often);
  EXPECT_FALSE(b.ok());
  EXPECT_NE(b.error().find("frequency_per_week"), std::string::npos);

  Params not_a_number;
  not_a_number.deliverability = std::nan("");
  Touchpoint c(not_a_number);
  EXPECT_FALSE(c.ok());
  EXPECT_NE(c.error().find("deliverability"), std::string::npos);
}

TEST(email_channel, ConfigureRejectsAWrongParameterCount) {
  Touchpoint tp(std::vector<double>{0.97, 0.5, 10});
  EXPECT_FALSE(tp.ok());
  EXPECT_NE(tp.error().find("expected 5 parameters, got 3"), std::string::npos)
      << tp.error();
}

TEST(email_channel, InteractRejectsAnUnknownPersonaIndex) {
  Crowd crowd = SameAgents(4, Persona(0.5), State(0, 0.5), 1);
  crowd.agents[2].persona = 7;
  Touchpoint tp(Params{});
  ASSERT_TRUE(tp.ok()) << tp.error();
  std::vector<js_outcome> out;
  std::string error;
  EXPECT_EQ(tp.Interact(crowd.Batch(), &out, &error), JS_ERROR);
  EXPECT_NE(error.find("persona index 7"), std::string::npos) << error;
}

TEST(email_channel, OutcomesAreFiniteAndInRangeAtParameterExtremes) {
  const Crowd crowd = MixedAgents(3000, 21);
  const std::array<std::array<double, 3>, 5> levels = {{
      {0.0, 0.97, 1.0},   // deliverability
      {0.0, 0.5, 1.0},    // subject_relevance
      {0.0, 10.0, 23.0},  // send_hour
      {0.0, 2.0, 21.0},   // frequency_per_week
      {0.0, 0.5, 1.0},    // content_quality
  }};
  for (int combo = 0; combo < 243; ++combo) {
    std::vector<double> values(5);
    int rest = combo;
    for (size_t j = 0; j < 5; ++j) {
      values[j] = levels[j][static_cast<size_t>(rest % 3)];
      rest /= 3;
    }
    Touchpoint tp(values);
    ASSERT_TRUE(tp.ok()) << tp.error();
    const auto out = tp.Run(crowd.Batch());
    for (size_t i = 0; i < out.size(); ++i) {
      const js_outcome& o = out[i];
      ASSERT_TRUE(o.next == JS_NEXT_BY_WEIGHT || o.next == JS_NEXT_DROP);
      ASSERT_TRUE(std::isfinite(o.p_continue) && o.p_continue >= 0.0 &&
                  o.p_continue <= 1.0);
      ASSERT_TRUE(std::isfinite(o.hours) && o.hours >= 0.0) << o.hours;
      ASSERT_TRUE(std::isfinite(o.effort) && o.effort >= 0.0);
      ASSERT_TRUE(std::isfinite(o.emotion) && std::abs(o.emotion) <= 0.3)
          << o.emotion;
      ASSERT_EQ(o.money, 0.0);
      ASSERT_LE(o.messages, 1u);
      ASSERT_EQ(o.referrals, 0u);
      if (o.next == JS_NEXT_DROP) {
        ASSERT_LT(o.reason, 4u);
      }
    }
  }
}

TEST(email_channel, DropReasonSharesMatchAnalyticShares) {
  Params params;
  params.deliverability = 0.8;
  params.frequency_per_week = 7;
  params.subject_relevance = 0.9;
  const uint32_t messages = 10;
  const Crowd crowd = SameAgents(kN, Persona(0.8), State(messages, 0.5), 23);
  const auto out = Touchpoint(params).Run(crowd.Batch());
  const Readme r = ReadmeModel(params, 0.8, 0.5, messages);
  const double d = params.deliverability;
  const double fail = 1.0 - r.p;
  const std::array<double, 4> expected = {
      (1.0 - d) / fail, d * (1.0 - r.open) / fail,
      d * r.open * (1.0 - r.click) * (1.0 - r.unsub) / fail,
      d * r.open * (1.0 - r.click) * r.unsub / fail};
  std::array<double, 4> count{};
  double drops = 0;
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP) {
      count[o.reason] += 1.0;
      drops += 1.0;
    }
  }
  for (size_t j = 0; j < 4; ++j) {
    ExpectWithinFourSe(count[j] / drops, expected[j], drops,
                       Descriptor().reasons[j].code);
  }
}

TEST(email_channel, OpenDelayWaitsForMorningAndGrowsAsAffinityFalls) {
  Params late;
  late.send_hour = 23;
  late.deliverability = 1.0;
  late.subject_relevance = 1.0;
  const double affinity = 0.2;
  const Crowd crowd = SameAgents(kN, Persona(affinity), State(0, 0.5), 29);
  const auto out = Touchpoint(late).Run(crowd.Batch());
  // README: 8 h until 07:00, then exponential with mean 1 + 11 * 0.8 = 9.8 h,
  // then 2 minutes of reading.
  const double mean_delay = 1.0 + 11.0 * (1.0 - affinity);
  double sum = 0;
  double opened = 0;
  for (const js_outcome& o : out) {
    const bool was_opened = o.next != JS_NEXT_DROP || o.reason == kNoClick ||
                            o.reason == kUnsubscribed;
    if (was_opened) {
      ASSERT_GE(o.hours, 8.0 + 2.0 / 60.0);
      sum += o.hours;
      opened += 1.0;
    } else {
      ASSERT_EQ(o.hours, 0.0);
    }
  }
  ASSERT_GT(opened, 1000.0);
  EXPECT_NEAR(sum / opened, 8.0 + mean_delay + 2.0 / 60.0,
              4.0 * mean_delay / std::sqrt(opened));
}

TEST(email_channel, OnlyDeliveredEmailsCountAsMessagesAndClicksFeelGood) {
  Params params;
  params.deliverability = 0.5;
  params.subject_relevance = 1.0;
  const Crowd crowd = SameAgents(20000, Persona(0.9), State(0, 0.5), 31);
  const auto out = Touchpoint(params).Run(crowd.Batch());
  for (const js_outcome& o : out) {
    const bool bounced = o.next == JS_NEXT_DROP && o.reason == kNotDelivered;
    ASSERT_EQ(o.messages, bounced ? 0u : 1u);
    if (o.next != JS_NEXT_DROP) {
      ASSERT_GT(o.emotion, 0.0);
      ASSERT_EQ(o.effort, 2.0);
    }
    if (o.next == JS_NEXT_DROP && o.reason == kUnsubscribed) {
      ASSERT_LE(o.emotion, -0.1);
    }
  }
}

}  // namespace
