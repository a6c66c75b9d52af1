// Removal-effect attribution against a hand-solved absorbing chain, and the
// simulation against the exact answer.
#include <gtest/gtest.h>

#include <sstream>

#include "journeysim/attribution.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using testing::model_from_text;

// A (email) and B (social) each get half the arrivals; C (web) converts.
//   A: drop 0.2, -> C
//   B: drop 0.5, -> A or C (half each)
//   C: drop 0.4, converts, value 10, exit
// Absorption into "converted", by hand:
//   x_C = 0.6; x_A = 0.8 x_C = 0.48; x_B = 0.5 (0.5 x_A + 0.5 x_C) = 0.27
//   P = 0.5 x_A + 0.5 x_B = 0.375
// Without email (A drops everyone): x_A = 0, x_B = 0.5 * 0.5 * 0.6 = 0.15,
//   P = 0.075, removal effect 1 - 0.075 / 0.375 = 0.8
// Without social: P = 0.5 * 0.48 = 0.24, removal effect 1 - 0.24 / 0.375 = 0.36
// Without web: P = 0, removal effect 1.
// Normalised over 0.8 + 0.36 + 1 = 2.16: email 0.37037, social 0.16667,
// web 0.46296; of 375 conversions per 1000 customers, email gets
// 375 * 0.8 / 2.16 = 138.889. Value is 10 per conversion (C is visited at
// most once), so value shares equal conversion shares.
const char* kSmall = R"(
[journey]
name = "small"
stages = ["all"]
agents = 1000

[personas.everyone]
share = 1.0

[touchpoints.A]
stage = "all"
channel = "fixed"
via = "email"
entry = 0.5
params = { drop = 0.2 }
next = ["C"]

[touchpoints.B]
stage = "all"
channel = "fixed"
via = "social"
entry = 0.5
params = { drop = 0.5 }
next = ["A", "C"]

[touchpoints.C]
stage = "all"
channel = "fixed"
via = "web"
milestone = "purchase"
exit = true
params = { drop = 0.4, value = 10.0 }
)";

const ChannelShare& channel(const Attribution& a, const std::string& name) {
  for (const ChannelShare& c : a.channels) {
    if (c.channel == name) {
      return c;
    }
  }
  throw std::runtime_error("no channel " + name);
}

TEST(Attribution, ExactRemovalEffectsMatchTheHandSolvedChain) {
  const SimulationModel model = model_from_text(kSmall);
  const Attribution a = attribute_exact(chain_from_model(model));
  EXPECT_NEAR(a.conversion_rate, 0.375, 1e-12);
  EXPECT_NEAR(a.value_per_customer, 3.75, 1e-12);
  EXPECT_NEAR(channel(a, "email").removal_effect, 0.8, 1e-12);
  EXPECT_NEAR(channel(a, "social").removal_effect, 0.36, 1e-12);
  EXPECT_NEAR(channel(a, "web").removal_effect, 1.0, 1e-12);
  EXPECT_NEAR(channel(a, "email").conversion_share, 0.8 / 2.16, 1e-12);
  EXPECT_NEAR(channel(a, "email").conversions, 375.0 * 0.8 / 2.16, 1e-9);
  EXPECT_NEAR(channel(a, "social").value_share, 0.36 / 2.16, 1e-12);
  EXPECT_NEAR(channel(a, "web").value, 3750.0 / 2.16, 1e-9);
  EXPECT_EQ(a.channels.front().channel, "web");  // largest effect first
}

TEST(Attribution, SimulationAgreesWithTheExactAnswer) {
  const SimulationModel model = model_from_text(kSmall);
  RunOptions options;
  options.agents = 200000;
  options.seed = 3;
  options.threads = 2;
  const Attribution a = attribute_by_simulation(model, PluginCatalog(), options);
  EXPECT_EQ(a.method, "simulation");
  for (const auto& [name, exact] :
       std::vector<std::pair<std::string, double>>{{"email", 0.8}, {"social", 0.36}}) {
    const ChannelShare& c = channel(a, name);
    EXPECT_GT(c.interval, 0.0);
    EXPECT_NEAR(c.removal_effect, exact, 2 * c.interval) << name;
  }
  EXPECT_DOUBLE_EQ(channel(a, "web").removal_effect, 1.0);
}

TEST(Attribution, PathsGiveTheClassicMarkovRemovalEffects) {
  // Paths: "a > b" converts 1 of 2; "b" converts 1 of 2. Chain: start -> a
  // (1/2), b (1/2); a -> b (1); b -> conversion 2/4, null 2/4.
  // P = 1/2. Without a: the "a" half is lost, P = 1/4, effect 0.5.
  // Without b: P = 0, effect 1.
  std::istringstream in("path,total_conversions,total_null\na > b,1,1\nb,1,1\n");
  BadRows bad("paths.csv", true);
  const FittedJourney fit =
      fit_journey(summarize_path_log(in, "paths.csv", {}, bad), -1, "paths.csv");
  const Attribution a = attribute_exact(chain_from_fit(fit));
  EXPECT_NEAR(a.conversion_rate, 0.5, 1e-12);
  EXPECT_NEAR(channel(a, "a").removal_effect, 0.5, 1e-12);
  EXPECT_NEAR(channel(a, "b").removal_effect, 1.0, 1e-12);
  EXPECT_EQ(a.channels.size(), 2u);  // the conversion step is not a channel
}

TEST(Attribution, PathChainIsTheChainOfTheFittedPaths) {
  // The same file through the fit and straight from the paths: the same
  // numbers to the last bit, so attribute --paths keeps its conversions
  // (and, under the conversion-share rule, its values).
  const std::string text =
      "path,total_conversions,total_null,total_conversion_value\n"
      "search > email > site,3,7,150\nemail > email,0,10,0\nsite > search,2,1,40\n"
      "email > site > site,5,3,80\nsearch,0,4,0\n";
  std::istringstream for_fit(text), for_paths(text);
  BadRows bad("paths.csv", true);
  const Attribution fitted = attribute_exact(
      chain_from_fit(fit_journey(summarize_path_log(for_fit, "paths.csv", {}, bad), -1, "p")));
  const Attribution direct = attribute_exact(chain_from_paths(
      read_path_set(for_paths, "paths.csv", {}, bad), "p", PathValueRule::ConversionShare));
  EXPECT_EQ(direct.conversion_rate, fitted.conversion_rate);
  EXPECT_EQ(direct.value_per_customer, fitted.value_per_customer);
  ASSERT_EQ(direct.channels.size(), 3u);
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(direct.channels[k].channel, fitted.channels[k].channel);
    EXPECT_EQ(direct.channels[k].removal_effect, fitted.channels[k].removal_effect);
    EXPECT_EQ(direct.channels[k].value_removal_effect, fitted.channels[k].value_removal_effect);
    EXPECT_EQ(direct.channels[k].conversions, fitted.channels[k].conversions);
  }
}

TEST(Attribution, FractionalPathCountsAreAttributed) {
  // Half of everything in PathsGiveTheClassicMarkovRemovalEffects: the same
  // rate and effects over half the customers.
  std::istringstream in("path,total_conversions,total_null\na > b,0.5,0.5\nb,0.5,0.5\n");
  BadRows bad("paths.csv", true);
  const Attribution a =
      attribute_exact(chain_from_paths(read_path_set(in, "paths.csv", {}, bad), "paths.csv"));
  EXPECT_EQ(a.customers, 2.0);
  EXPECT_NEAR(a.conversion_rate, 0.5, 1e-12);
  EXPECT_NEAR(channel(a, "a").removal_effect, 0.5, 1e-12);
  EXPECT_NEAR(channel(a, "b").removal_effect, 1.0, 1e-12);
}

// Two paths, four customers, all starting at a:
//   a       1 conversion, 1 null, value 10
//   a > b   1 conversion, 1 null, value 50
// Chain: a visited 4 times: 1 null ends there, 1 converts, 2 go on to b, so
// a -> (conversion) 1/4, a -> b 1/2, drop 1/4; b visited twice: -> (conversion)
// 1/2, drop 1/2. P(convert) = 1/4 + 1/2 * 1/2 = 1/2.
// Mean value per conversion by last channel: a 10, b 50.
// E[value] = P(convert after a) * 10 + P(convert after b) * 50
//          = 1/4 * 10 + 1/4 * 50 = 15 per customer (60 in all).
// Without a: nothing converts: removal effect 1, value removal effect 1.
// Without b: P = 1/4 (removal effect 1 - (1/4)/(1/2) = 1/2) and
//   E[value] = 1/4 * 10 = 2.5 (value removal effect 1 - 2.5/15 = 5/6).
// Conversions: 2 shared 1 : 1/2 -> a 4/3, b 2/3.
// Value: 60 shared 1 : 5/6 -> a 60 * 6/11 = 360/11, b 60 * 5/11 = 300/11.
constexpr const char* kValuedPaths =
    "path,total_conversions,total_null,total_conversion_value\na,1,1,10\na > b,1,1,50\n";

Attribution attribute_valued_paths(PathValueRule rule) {
  std::istringstream in(kValuedPaths);
  BadRows bad("paths.csv", true);
  return attribute_exact(
      chain_from_paths(read_path_set(in, "paths.csv", {}, bad), "paths.csv", rule));
}

TEST(Attribution, PathValueGoesByTheLastChannelsMeanValuePerConversion) {
  const Attribution a = attribute_valued_paths(PathValueRule::LastChannel);
  EXPECT_NEAR(a.conversion_rate, 0.5, 1e-15);
  EXPECT_NEAR(a.value_per_customer, 15.0, 1e-13);
  EXPECT_NEAR(channel(a, "a").value_removal_effect, 1.0, 1e-15);
  EXPECT_NEAR(channel(a, "b").value_removal_effect, 5.0 / 6, 1e-15);
  EXPECT_NEAR(channel(a, "a").value, 360.0 / 11, 1e-12);
  EXPECT_NEAR(channel(a, "b").value, 300.0 / 11, 1e-12);
}

TEST(Attribution, PathValueRuleLeavesTheConversionsAsTheyWere) {
  const Attribution by_channel = attribute_valued_paths(PathValueRule::LastChannel);
  const Attribution by_share = attribute_valued_paths(PathValueRule::ConversionShare);
  for (const char* name : {"a", "b"}) {
    EXPECT_EQ(channel(by_channel, name).removal_effect, channel(by_share, name).removal_effect);
    EXPECT_EQ(channel(by_channel, name).conversions, channel(by_share, name).conversions);
  }
  EXPECT_NEAR(channel(by_channel, "a").conversions, 4.0 / 3, 1e-12);
  EXPECT_NEAR(channel(by_channel, "b").conversions, 2.0 / 3, 1e-12);
}

TEST(Attribution, ConversionShareRuleSharesValueAsConversions) {
  // Every conversion worth 60 / 2 = 30: value follows the conversions,
  // a 60 * 2/3 = 40, b 20.
  const Attribution a = attribute_valued_paths(PathValueRule::ConversionShare);
  EXPECT_NEAR(a.value_per_customer, 15.0, 1e-13);
  EXPECT_NEAR(channel(a, "b").value_removal_effect, 0.5, 1e-15);
  EXPECT_NEAR(channel(a, "a").value, 40.0, 1e-12);
  EXPECT_NEAR(channel(a, "b").value, 20.0, 1e-12);
}

TEST(Attribution, PluginJourneysAreNotSolvedExactly) {
  const SimulationModel model = model_from_text(R"(
[journey]
name = "plugin"
stages = ["all"]
[personas.p]
share = 1.0
[touchpoints.mail]
stage = "all"
channel = "email"
entry = 1.0
next = ["buy"]
[touchpoints.buy]
stage = "all"
channel = "fixed"
milestone = "purchase"
exit = true
)",
                                                true);
  EXPECT_THROW(chain_from_model(model), InputError);
}

}  // namespace
}  // namespace journeysim
