// Specification tests of the `social` channel. The README's equations are
// recomputed here from the README's own coefficient table (typed again on
// purpose, not shared with the plugin), and the README's worked numbers are
// asserted, so the model, its documentation and its code cannot drift apart.
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

constexpr uint32_t kNotReached = 0;
constexpr uint32_t kNotEngaged = 1;
constexpr uint32_t kSlowReply = 2;
constexpr uint32_t kUnfriendlyReply = 3;
constexpr size_t kN = 200000;

// Parameters in declaration order.
struct Params {
  double reach = 0.6;
  double content_quality = 0.5;
  double conversation = 0.0;
  double reply_minutes = 60.0;
  double reply_friendliness = 0.7;
  double share_incentive = 0.1;

  std::vector<double> Values() const {
    return {reach,         content_quality,    conversation,
            reply_minutes, reply_friendliness, share_incentive};
  }
};

Params Chat() {
  Params p;
  p.conversation = 1.0;
  return p;
}

// A social touchpoint configured at the given parameters.
class Touchpoint : public journeysim::testing::Touchpoint {
 public:
  explicit Touchpoint(std::vector<double> values)
      : journeysim::testing::Touchpoint(std::move(values), "fb_page",
                                        "awareness") {}
  explicit Touchpoint(const Params& params) : Touchpoint(params.Values()) {}
};

js_persona_view Persona(double affinity, double patience = 0.5) {
  PersonaTraits p;
  p.patience = patience;
  p.channel_affinity = affinity;
  return p.View("follower");
}

js_agent_view State(double satisfaction) {
  js_agent_view a{};
  a.satisfaction = satisfaction;
  return a;
}

// Random personas and states, including the [0, 1] ends of every trait.
Crowd MixedAgents(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<js_persona_view> drawn;
  for (int i = 0; i < 16; ++i) {
    js_persona_view p = Persona(Uniform(rng), Uniform(rng));
    p.price_sensitivity = Uniform(rng);
    p.tech_savvy = Uniform(rng);
    p.best_other_affinity = Uniform(rng);
    drawn.push_back(p);
  }
  drawn.push_back(Persona(0.0, 0.0));
  drawn.push_back(Persona(1.0, 1.0));
  return MixedCrowd(std::move(drawn), n, rng, UniformEnds::kEverySeventhAgent,
                    [](size_t i, std::mt19937_64& r, size_t count) {
                      return DrawAgentWithEnds(i, r, count);
                    });
}

// --- The README's model, recomputed from its coefficient table. ------------
double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

struct Readme {
  double seen, engage, leave, bad_reply, share, p;
};

Readme ReadmeModel(const Params& q, double affinity, double patience,
                   double satisfaction) {
  Readme r{};
  r.seen = q.reach * Logistic(4.0 * (affinity - 0.5));
  r.engage = Logistic(-2.2 + 3.0 * (q.content_quality - 0.5) +
                      2.0 * (affinity - 0.5) + 1.0 * (satisfaction - 0.5));
  r.leave = Logistic(-2.0 + 1.2 * std::log((q.reply_minutes + 1.0) / 61.0) -
                     3.0 * (patience - 0.5));
  r.bad_reply =
      Logistic(-1.5 - 4.0 * (q.reply_friendliness - 0.5) -
               2.0 * (q.content_quality - 0.5) - 1.0 * (satisfaction - 0.5));
  r.share =
      Logistic(-3.5 + 2.5 * q.share_incentive +
               1.5 * (q.content_quality - 0.5) + 1.5 * (satisfaction - 0.5));
  r.p = q.conversation != 0.0 ? (1.0 - r.leave) * (1.0 - r.bad_reply)
                              : r.seen * r.engage;
  return r;
}

// p_continue of one agent as the plugin reports it.
double PluginP(const Params& params, double affinity, double patience,
               double satisfaction) {
  Touchpoint tp(params);
  EXPECT_TRUE(tp.ok()) << tp.error();
  const Crowd crowd =
      SameAgents(1, Persona(affinity, patience), State(satisfaction), 1);
  return tp.Run(crowd.Batch())[0].p_continue;
}

void ExpectWithinFourSe(double observed, double p, double n, const char* what) {
  EXPECT_NEAR(observed, p, FourStandardErrors(p, n)) << what;
}

// Shares of each drop reason among the drops.
std::array<double, 4> ReasonShares(const std::vector<js_outcome>& out,
                                   double* drops) {
  std::array<double, 4> count{};
  *drops = 0;
  for (const js_outcome& o : out) {
    if (o.next == JS_NEXT_DROP) {
      count[o.reason] += 1.0;
      *drops += 1.0;
    }
  }
  for (double& c : count) {
    c /= *drops;
  }
  return count;
}

TEST(social_channel, DescriptorDeclaresItsContract) {
  const js_channel_descriptor& d = Descriptor();
  EXPECT_EQ(d.api_version, JS_CHANNEL_API_VERSION);
  EXPECT_EQ(d.struct_size, sizeof(js_channel_descriptor));
  EXPECT_STREQ(d.name, "social");
  ASSERT_EQ(d.param_count, 6u);
  const std::array<const char*, 6> names = {
      "reach",         "content_quality",    "conversation",
      "reply_minutes", "reply_friendliness", "share_incentive"};
  const std::vector<double> defaults = Params{}.Values();
  for (uint32_t i = 0; i < d.param_count; ++i) {
    EXPECT_STREQ(d.params[i].name, names[i]);
    EXPECT_EQ(d.params[i].default_value, defaults[i]) << names[i];
    EXPECT_LE(d.params[i].min_value, d.params[i].default_value);
    EXPECT_GE(d.params[i].max_value, d.params[i].default_value);
  }
  EXPECT_EQ(d.params[2].type, JS_PARAM_BOOLEAN);
  EXPECT_EQ(d.params[3].max_value, 10080.0);
  ASSERT_EQ(d.reason_count, 4u);
  EXPECT_STREQ(d.reasons[kNotReached].code, "not_reached");
  EXPECT_STREQ(d.reasons[kNotEngaged].code, "not_engaged");
  EXPECT_STREQ(d.reasons[kSlowReply].code, "slow_reply");
  EXPECT_STREQ(d.reasons[kUnfriendlyReply].code, "unfriendly_reply");
  for (uint32_t i = 0; i < d.reason_count; ++i) {
    EXPECT_GT(std::string(d.reasons[i].label).size(), 0u);
    EXPECT_GT(std::string(d.reasons[i].suggestion).size(), 0u);
  }
  EXPECT_EQ(d.uniforms_per_interaction, 4u);
}

TEST(social_channel, PContinueEqualsReadmeEquationInBothModes) {
  Params post;
  post.reach = 0.35;
  post.content_quality = 0.8;
  Params chat = Chat();
  chat.reply_minutes = 300;
  chat.reply_friendliness = 0.4;
  chat.content_quality = 0.9;
  for (const Params& params : {Params{}, post, Chat(), chat}) {
    for (double affinity : {0.0, 0.4, 1.0}) {
      for (double patience : {0.0, 0.7, 1.0}) {
        for (double satisfaction : {0.0, 0.5, 0.9}) {
          EXPECT_NEAR(PluginP(params, affinity, patience, satisfaction),
                      ReadmeModel(params, affinity, patience, satisfaction).p,
                      1e-12)
              << "conversation " << params.conversation << " affinity "
              << affinity << " patience " << patience;
        }
      }
    }
  }
}

TEST(social_channel, DefaultsGiveReadmeWorkedNumbers) {
  // README "Worked numbers": average persona (all traits 0.5), defaults.
  EXPECT_NEAR(ReadmeModel(Params{}, 0.5, 0.5, 0.5).engage, 0.0998, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, 0.5, 0.5, 0.5), 0.0299, 5e-5);
  EXPECT_NEAR(ReadmeModel(Chat(), 0.5, 0.5, 0.5).leave, 0.1192, 5e-5);
  EXPECT_NEAR(ReadmeModel(Chat(), 0.5, 0.5, 0.5).bad_reply, 0.0911, 5e-5);
  EXPECT_NEAR(PluginP(Chat(), 0.5, 0.5, 0.5), 0.8005, 5e-5);
  EXPECT_NEAR(ReadmeModel(Params{}, 0.5, 0.5, 0.5).share, 0.0373, 5e-5);
}

TEST(social_channel, EmpiricalContinueRateIsWithinFourStandardErrors) {
  Params post;
  post.content_quality = 0.8;
  for (const Params& params : {post, Chat()}) {
    const Crowd crowd = SameAgents(kN, Persona(0.7, 0.4), State(0.6), 11);
    const auto out = Touchpoint(params).Run(crowd.Batch());
    ExpectWithinFourSe(ContinueRate(out), ReadmeModel(params, 0.7, 0.4, 0.6).p,
                       kN, params.conversation != 0.0 ? "chat" : "post");
  }
}

TEST(social_channel, ContinuesExactlyWhenFirstUniformIsBelowPContinue) {
  const Crowd crowd = MixedAgents(20000, 3);
  for (const Params& params : {Params{}, Chat()}) {
    const auto out = Touchpoint(params).Run(crowd.Batch());
    for (size_t i = 0; i < out.size(); ++i) {
      const bool continued = out[i].next == JS_NEXT_BY_WEIGHT;
      ASSERT_EQ(continued, crowd.agents[i].uniforms[0] < out[i].p_continue)
          << i;
    }
  }
}

TEST(social_channel, FasterReplyNeverTurnsAContinuingCustomerIntoADrop) {
  Params slow = Chat();
  slow.reply_minutes = 600;
  Params fast = Chat();
  fast.reply_minutes = 15;
  const Crowd crowd = MixedAgents(50000, 5);
  const auto base = Touchpoint(slow).Run(crowd.Batch());
  const auto improved = Touchpoint(fast).Run(crowd.Batch());
  for (size_t i = 0; i < base.size(); ++i) {
    EXPECT_GT(improved[i].p_continue, base[i].p_continue);
    if (base[i].next != JS_NEXT_DROP) {
      ASSERT_NE(improved[i].next, JS_NEXT_DROP) << i;
    }
  }
}

TEST(social_channel, ContentQualityRaisesPostPByDocumentedAmount) {
  Params great;
  great.content_quality = 1.0;
  Params poor;
  poor.content_quality = 0.0;
  // README: engagement 0.0998 -> 0.3318 (q = 1) or 0.0241 (q = 0).
  EXPECT_NEAR(ReadmeModel(great, 0.5, 0.5, 0.5).engage, 0.3318, 5e-5);
  EXPECT_NEAR(PluginP(great, 0.5, 0.5, 0.5), 0.0995, 5e-5);
  EXPECT_NEAR(PluginP(poor, 0.5, 0.5, 0.5), 0.0072, 5e-5);
}

TEST(social_channel, AffinityAndReachDrivePostReach) {
  Params full;
  full.reach = 1.0;
  EXPECT_NEAR(PluginP(Params{}, 1.0, 0.5, 0.5), 0.1223, 5e-5);
  EXPECT_NEAR(PluginP(Params{}, 0.0, 0.5, 0.5), 0.0028, 5e-5);
  EXPECT_NEAR(PluginP(full, 0.5, 0.5, 0.5), 0.0499, 5e-5);
  // Reach scales p proportionally: the model is reach x attention x engage.
  EXPECT_NEAR(PluginP(full, 0.3, 0.5, 0.5) / PluginP(Params{}, 0.3, 0.5, 0.5),
              1.0 / 0.6, 1e-12);
}

TEST(social_channel, SlowReplyHazardGrowsWithWaitAndFallsWithPatience) {
  const auto leave = [](double minutes, double patience) {
    Params chat = Chat();
    chat.reply_minutes = minutes;
    return ReadmeModel(chat, 0.5, patience, 0.5).leave;
  };
  EXPECT_NEAR(leave(5, 0.5), 0.0083, 5e-5);
  EXPECT_NEAR(leave(240, 0.5), 0.4131, 5e-5);
  EXPECT_NEAR(leave(1440, 0.5), 0.8575, 5e-5);
  EXPECT_NEAR(leave(240, 1.0), 0.1357, 5e-5);
  EXPECT_NEAR(leave(240, 0.0), 0.7593, 5e-5);
  Params four_hours = Chat();
  four_hours.reply_minutes = 240;
  EXPECT_NEAR(PluginP(four_hours, 0.5, 0.5, 0.5), 0.5334, 5e-5);
  EXPECT_LT(PluginP(four_hours, 0.5, 0.2, 0.5),
            PluginP(four_hours, 0.5, 0.8, 0.5));
}

TEST(social_channel, FriendlyReplyKeepsCustomersAndFeelsGood) {
  Params warm = Chat();
  warm.reply_friendliness = 1.0;
  Params curt = Chat();
  curt.reply_friendliness = 0.0;
  EXPECT_NEAR(PluginP(warm, 0.5, 0.5, 0.5), 0.8550, 5e-5);
  EXPECT_NEAR(PluginP(curt, 0.5, 0.5, 0.5), 0.3325, 5e-5);

  // Emotion of those who continue: speed term + 0.2 (f - 0.5) (+0.02 share).
  Params fast_warm = warm;
  fast_warm.reply_minutes = 5;
  const Crowd crowd = SameAgents(20000, Persona(0.5), State(0.5), 7);
  for (const js_outcome& o : Touchpoint(fast_warm).Run(crowd.Batch())) {
    if (o.next != JS_NEXT_DROP) {
      ASSERT_NEAR(o.emotion, 0.08 + 0.1 + (o.referrals > 0 ? 0.02 : 0.0),
                  1e-12);
    } else {
      ASSERT_LT(o.emotion, 0.0);
    }
  }
  Params slow_curt = curt;
  slow_curt.reply_minutes = 1440;
  const double speed = -0.04 * std::log(1441.0 / 61.0);  // patience 0.5: x1
  for (const js_outcome& o : Touchpoint(slow_curt).Run(crowd.Batch())) {
    if (o.next != JS_NEXT_DROP) {
      ASSERT_NEAR(o.emotion, speed - 0.1 + (o.referrals > 0 ? 0.02 : 0.0),
                  1e-12);
    } else if (o.reason == kSlowReply) {
      ASSERT_NEAR(o.emotion, speed - 0.05, 1e-12);
    } else {
      // -0.306, limited to the README's -0.3 floor.
      ASSERT_NEAR(o.emotion, std::max(speed - 0.1 - 0.08, -0.3), 1e-12);
    }
  }
}

TEST(social_channel, ShareIncentiveDrivesReferralsOfContinuingCustomers) {
  Params strong = Chat();
  strong.share_incentive = 1.0;
  EXPECT_NEAR(ReadmeModel(strong, 0.5, 0.5, 0.5).share, 0.2689, 5e-5);
  for (const Params& params : {Chat(), strong}) {
    const Crowd crowd = SameAgents(kN, Persona(0.5), State(0.5), 13);
    const auto out = Touchpoint(params).Run(crowd.Batch());
    double continued = 0;
    double referred = 0;
    for (const js_outcome& o : out) {
      ASSERT_LE(o.referrals, o.next == JS_NEXT_DROP ? 0u : 1u);
      continued += o.next != JS_NEXT_DROP ? 1.0 : 0.0;
      referred += static_cast<double>(o.referrals);
    }
    ExpectWithinFourSe(referred / continued,
                       ReadmeModel(params, 0.5, 0.5, 0.5).share, continued,
                       "referrals per continuing customer");
  }
}

TEST(social_channel, SameUniformsGiveIdenticalOutcomes) {
  const Crowd crowd = MixedAgents(20000, 9);
  for (const Params& params : {Params{}, Chat()}) {
    Touchpoint tp(params);
    const auto first = tp.Run(crowd.Batch());
    const auto second = Touchpoint(params).Run(crowd.Batch());
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
}

TEST(social_channel, ConfigureRejectsValuesOutsideTheDeclaredDomain) {
  Params maybe = Chat();
  maybe.conversation = 0.5;
  Touchpoint a(maybe);
  EXPECT_FALSE(a.ok());
  EXPECT_NE(a.error().find("'conversation'"), std::string::npos) << a.error();
  EXPECT_NE(a.error().find("fb_page"), std::string::npos) << a.error();

  Params two_weeks = Chat();
  two_weeks.reply_minutes = 20160;
  Touchpoint b(two_weeks);
  EXPECT_FALSE(b.ok());
  EXPECT_NE(b.error().find("reply_minutes"), std::string::npos) << b.error();

  Params not_a_number;
  not_a_number.reach = std::nan("");
  Touchpoint c(not_a_number);
  EXPECT_FALSE(c.ok());
  EXPECT_NE(c.error().find("reach"), std::string::npos) << c.error();
}

TEST(social_channel, ConfigureRejectsAWrongParameterCount) {
  Touchpoint tp(std::vector<double>{0.6, 0.5});
  EXPECT_FALSE(tp.ok());
  EXPECT_NE(tp.error().find("expected 6 parameters, got 2"), std::string::npos)
      << tp.error();
}

TEST(social_channel, InteractRejectsAnUnknownPersonaIndex) {
  Crowd crowd = SameAgents(4, Persona(0.5), State(0.5), 1);
  crowd.agents[1].persona = 3;
  Touchpoint tp(Params{});
  ASSERT_TRUE(tp.ok()) << tp.error();
  std::vector<js_outcome> out;
  std::string error;
  EXPECT_EQ(tp.Interact(crowd.Batch(), &out, &error), JS_ERROR);
  EXPECT_NE(error.find("persona index 3"), std::string::npos) << error;
}

TEST(social_channel, OutcomesAreFiniteAndInRangeAtParameterExtremes) {
  const Crowd crowd = MixedAgents(3000, 21);
  const std::array<std::array<double, 3>, 6> levels = {{
      {0.0, 0.6, 1.0},       // reach
      {0.0, 0.5, 1.0},       // content_quality
      {0.0, 1.0, 1.0},       // conversation
      {0.0, 60.0, 10080.0},  // reply_minutes
      {0.0, 0.7, 1.0},       // reply_friendliness
      {0.0, 0.1, 1.0},       // share_incentive
  }};
  for (int combo = 0; combo < 729; ++combo) {
    std::vector<double> values(6);
    int rest = combo;
    for (size_t j = 0; j < 6; ++j) {
      values[j] = levels[j][static_cast<size_t>(rest % 3)];
      rest /= 3;
    }
    Touchpoint tp(values);
    ASSERT_TRUE(tp.ok()) << tp.error();
    const auto out = tp.Run(crowd.Batch());
    for (const js_outcome& o : out) {
      ASSERT_TRUE(o.next == JS_NEXT_BY_WEIGHT || o.next == JS_NEXT_DROP);
      ASSERT_TRUE(std::isfinite(o.p_continue) && o.p_continue >= 0.0 &&
                  o.p_continue <= 1.0);
      ASSERT_TRUE(std::isfinite(o.hours) && o.hours >= 0.0) << o.hours;
      ASSERT_LE(o.hours, (10080.0 + 5.0) / 60.0 + 1e-9);
      ASSERT_TRUE(std::isfinite(o.effort) && o.effort >= 0.0);
      ASSERT_TRUE(std::isfinite(o.emotion) && std::abs(o.emotion) <= 0.3)
          << o.emotion;
      ASSERT_EQ(o.money, 0.0);
      ASSERT_LE(o.messages, 1u);
      ASSERT_LE(o.referrals, 1u);
      if (o.next == JS_NEXT_DROP) {
        ASSERT_EQ(o.referrals, 0u);
        ASSERT_LT(o.reason, 4u);
        ASSERT_EQ(o.reason >= kSlowReply, values[2] != 0.0);
      }
    }
  }
}

TEST(social_channel, PostDropReasonSharesMatchAnalyticShares) {
  Params post;
  post.reach = 0.9;
  post.content_quality = 0.2;
  const Crowd crowd = SameAgents(kN, Persona(0.8), State(0.5), 23);
  double drops = 0;
  const auto shares = ReasonShares(Touchpoint(post).Run(crowd.Batch()), &drops);
  const Readme r = ReadmeModel(post, 0.8, 0.5, 0.5);
  ExpectWithinFourSe(shares[kNotReached], (1.0 - r.seen) / (1.0 - r.p), drops,
                     "not_reached");
  ExpectWithinFourSe(shares[kNotEngaged],
                     r.seen * (1.0 - r.engage) / (1.0 - r.p), drops,
                     "not_engaged");
}

TEST(social_channel, ConversationDropReasonSharesMatchAnalyticShares) {
  Params chat = Chat();
  chat.reply_minutes = 120;
  chat.reply_friendliness = 0.3;
  const Crowd crowd = SameAgents(kN, Persona(0.5, 0.6), State(0.4), 27);
  double drops = 0;
  const auto shares = ReasonShares(Touchpoint(chat).Run(crowd.Batch()), &drops);
  const Readme r = ReadmeModel(chat, 0.5, 0.6, 0.4);
  ExpectWithinFourSe(shares[kSlowReply], r.leave / (1.0 - r.p), drops,
                     "slow_reply");
  ExpectWithinFourSe(shares[kUnfriendlyReply],
                     (1.0 - r.leave) * r.bad_reply / (1.0 - r.p), drops,
                     "unfriendly_reply");
}

TEST(social_channel, TimeSpentMatchesReadme) {
  // Conversation: write 3 min + wait + read 2 min; those who give up leave
  // at a uniform point of the wait (mean 3 + w / 2 minutes).
  Params chat = Chat();
  chat.reply_minutes = 600;
  const Crowd crowd = SameAgents(kN, Persona(0.5), State(0.5), 31);
  double gave_up_hours = 0;
  double gave_up = 0;
  for (const js_outcome& o : Touchpoint(chat).Run(crowd.Batch())) {
    if (o.next == JS_NEXT_DROP && o.reason == kSlowReply) {
      gave_up_hours += o.hours;
      gave_up += 1.0;
      ASSERT_EQ(o.messages, 0u);
    } else {
      ASSERT_DOUBLE_EQ(o.hours, 605.0 / 60.0);
      ASSERT_EQ(o.messages, 1u);
    }
  }
  const double wait_sd_hours = 600.0 / std::sqrt(12.0) / 60.0;
  EXPECT_NEAR(gave_up_hours / gave_up, (3.0 + 300.0) / 60.0,
              4.0 * wait_sd_hours / std::sqrt(gave_up));

  // Post: engaged customers spend 0.5 + Exp(mean 1 + 4q) minutes.
  Params post;
  post.content_quality = 0.75;
  post.reach = 1.0;
  const Crowd fans = SameAgents(kN, Persona(1.0), State(0.9), 37);
  double engaged_hours = 0;
  double engaged = 0;
  for (const js_outcome& o : Touchpoint(post).Run(fans.Batch())) {
    if (o.next != JS_NEXT_DROP) {
      engaged_hours += o.hours;
      engaged += 1.0;
    }
  }
  const double mean_minutes = 1.0 + 4.0 * 0.75;
  EXPECT_NEAR(engaged_hours / engaged * 60.0, 0.5 + mean_minutes,
              4.0 * mean_minutes / std::sqrt(engaged));
}

}  // namespace
