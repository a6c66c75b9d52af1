// Removal-effect attribution of journeys with steps: steps are not channels,
// customers pass through them; the exact chain against a hand-solved
// answer, the simulation against the exact chain, and what makes a journey
// too much for a chain (it is then simulated, and says why).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journeysim/attribution.h"
#include "support/command.h"
#include "support/scenario_builder.h"
#include "support/temp_dir.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::model_from_text;
using testing::read_file;

const std::string kJourney =
    journeysim::testing::source_dir() + "/tests/data/attribution/steps_channels.toml";
const std::string kAcceptance =
    journeysim::testing::source_dir() + "/tests/data/loader/steps_acceptance.toml";

// tests/data/attribution/steps_channels.toml, by hand. Half the customers
// enter at the ad (social, passes 0.8) and go to the split `route`; half at
// the welcome e-mail (email, passes 0.4, on to `route`; its 0.6 of drops wait
// 2 days, racing a return at 0.1 a day to `route`, else go to the reminder
// (sms, passes 0.25) and on to `route`).
//   q = P(return first) = 1 - exp(-0.1 x 2)
//   W = P(route | welcome) = 0.4 + 0.6 (q + (1 - q) 0.25)
// At `route` a vip (0.2) goes to checkout_b (passes 0.7, converts); everyone
// else to the experiment: A 0.4 -> checkout_a (0.5), B 0.4 -> checkout_b
// (0.7), holdout 0.2 -> exit. c = 0.2 x 0.7 + 0.8 (0.4 x 0.5 + 0.4 x 0.7)
// = 0.524, and P = (0.5 x 0.8 + 0.5 W) c.
// Removing social loses the ad's half: effect 0.4 / (0.4 + 0.5 W); email
// loses the welcome's: 0.5 W / (0.4 + 0.5 W); sms only those who wait the
// two days out: 0.5 x 0.6 (1 - q) 0.25 / (0.4 + 0.5 W); shop everyone.
// Each converter pays 20 once, so value effects equal conversion effects.
struct HandSolved {
  double q = 1.0 - std::exp(-0.1 * 2.0);
  double w = 0.4 + 0.6 * (q + (1.0 - q) * 0.25);
  double c = 0.2 * 0.7 + 0.8 * (0.4 * 0.5 + 0.4 * 0.7);
  double reach = 0.4 + 0.5 * w;
  double conversion = reach * c;
  double social = 0.4 / reach;
  double email = 0.5 * w / reach;
  double sms = 0.5 * 0.6 * (1.0 - q) * 0.25 / reach;
};

const ChannelShare& channel(const Attribution& a, const std::string& name) {
  for (const ChannelShare& c : a.channels) {
    if (c.channel == name) {
      return c;
    }
  }
  throw std::runtime_error("no channel " + name);
}

std::vector<std::string> channel_names(const Attribution& a) {
  std::vector<std::string> names;
  for (const ChannelShare& c : a.channels) {
    names.push_back(c.channel);
  }
  return names;
}

PluginCatalog catalog_with_plugins() {
  return PluginCatalog::discover({journeysim::testing::plugin_dir()});
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

TEST(AttributionSteps, ExactRemovalEffectsMatchTheHandSolvedChain) {
  const HandSolved hand;
  const Attribution a = attribute_exact(chain_from_model(model_from_text(read_file(kJourney))));
  EXPECT_EQ(a.method, "exact");
  EXPECT_NEAR(a.conversion_rate, hand.conversion, 1e-12);
  EXPECT_NEAR(a.value_per_customer, 20.0 * hand.conversion, 1e-12);
  EXPECT_NEAR(channel(a, "social").removal_effect, hand.social, 1e-12);
  EXPECT_NEAR(channel(a, "email").removal_effect, hand.email, 1e-12);
  EXPECT_NEAR(channel(a, "sms").removal_effect, hand.sms, 1e-12);
  EXPECT_NEAR(channel(a, "shop").removal_effect, 1.0, 1e-12);
  EXPECT_NEAR(channel(a, "sms").value_removal_effect, hand.sms, 1e-12);
}

TEST(AttributionSteps, StepsGetNoCredit) {
  const Attribution a = attribute_exact(chain_from_model(model_from_text(read_file(kJourney))));
  EXPECT_EQ(channel_names(a), (std::vector<std::string>{"shop", "social", "email", "sms"}));
}

TEST(AttributionSteps, TheAcceptanceJourneyConvertsAsItsExactAnswerSays) {
  // All its touchpoints are `fixed` without `via`: one channel, which every
  // conversion needs. Conversion 0.55 x (0.2 x 0.7 + 0.8 x 0.6) = 0.341.
  const Attribution a =
      attribute_exact(chain_from_model(model_from_text(read_file(kAcceptance))));
  EXPECT_NEAR(a.conversion_rate, 0.341, 1e-12);
  EXPECT_EQ(channel_names(a), std::vector<std::string>{"fixed"});
  EXPECT_NEAR(a.channels.front().removal_effect, 1.0, 1e-12);
}

TEST(AttributionSteps, SimulatedRemovalEffectsAgreeWithTheExactOnesWithinFourStandardErrors) {
  const HandSolved hand;
  const SimulationModel model = model_from_text(read_file(kJourney));
  RunOptions options;
  options.agents = 200000;
  options.seed = 9;
  options.threads = 2;
  const Attribution a = attribute_by_simulation(model, PluginCatalog(), options);
  EXPECT_EQ(a.method, "simulation");
  // `interval` is a 95 % half-width: 1.96 standard errors.
  const double four_se = 4.0 / 1.959963984540054;
  for (const auto& [name, exact] : std::vector<std::pair<std::string, double>>{
           {"social", hand.social}, {"email", hand.email}, {"sms", hand.sms}}) {
    const ChannelShare& c = channel(a, name);
    EXPECT_GT(c.interval, 0.0) << name;
    EXPECT_NEAR(c.removal_effect, exact, four_se * c.interval) << name;
  }
  EXPECT_DOUBLE_EQ(channel(a, "shop").removal_effect, 1.0);
  EXPECT_EQ(a.channels.size(), 4u);
}

TEST(AttributionSteps, ARemovedTouchpointLosesCustomersItsOnTableWouldRoute) {
  // Without email the welcome drops everyone, and its `on` route of drops to
  // the wait is gone with it: the welcome's half is lost, the reminder
  // reached by no one.
  const HandSolved hand;
  RunOptions options;
  options.agents = 20000;
  options.seed = 4;
  const Attribution a = attribute_by_simulation(model_from_text(read_file(kJourney)),
                                                PluginCatalog(), options);
  EXPECT_NEAR(channel(a, "email").removal_effect, hand.email,
              4.0 / 1.959963984540054 * channel(a, "email").interval);
}

TEST(AttributionSteps, ADropRoutedFromAConvertingTouchpointCanStillConvertLater) {
  // buy converts with 0.5; its drops wait a day and get a second checkout
  // that converts with 0.5: P = 0.5 + 0.5 x 0.5 = 0.75. Without `retry`
  // (sms) 0.5: effect 1/3.
  const Attribution a = attribute_exact(chain_from_model(model_from_text(R"(
[journey]
name = "second chance"
stages = ["all"]
conversion = "purchase"
[personas.p]
share = 1.0
[touchpoints.buy]
stage = "all"
channel = "fixed"
via = "web"
entry = 1.0
milestone = "purchase"
exit = true
params = { drop = 0.5 }
on = { dropped = "later" }
[steps.later]
kind = "wait"
for = "1d"
next = [{ to = "retry" }]
[touchpoints.retry]
stage = "all"
channel = "fixed"
via = "sms"
milestone = "purchase"
exit = true
params = { drop = 0.5 }
)")));
  EXPECT_NEAR(a.conversion_rate, 0.75, 1e-12);
  EXPECT_NEAR(channel(a, "sms").removal_effect, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(channel(a, "web").removal_effect, 1.0, 1e-12);
}

TEST(AttributionSteps, ASplitTestingARemovedTouchpointsEventsStillRuns) {
  // `opened('welcome')` names an event of the email channel, which a
  // removed welcome (run as `fixed`) does not have; the variant still runs.
  // Only customers who opened the welcome reach the checkout, so without
  // email nobody converts: effect 1, exactly.
  const SimulationModel model = model_from_text(R"toml(
[journey]
name = "opened or not"
stages = ["all"]
conversion = "purchase"
[personas.p]
share = 1.0
[touchpoints.ad]
stage = "all"
channel = "fixed"
via = "social"
entry = 0.5
next = ["route"]
[touchpoints.welcome]
stage = "all"
channel = "email"
entry = 0.5
next = ["route"]
on = { opened = "route", not_opened = "route" }
[steps.route]
kind = "split"
branches = [{ when = "opened('welcome')", to = "buy" }, { to = "held" }]
[steps.held]
kind = "exit"
[touchpoints.buy]
stage = "all"
channel = "fixed"
via = "shop"
milestone = "purchase"
params = { drop = 0.5 }
exit = true
)toml",
                                                true);
  RunOptions options;
  options.agents = 4000;
  options.seed = 2;
  const Attribution a = attribute_by_simulation(model, catalog_with_plugins(), options);
  EXPECT_GT(a.conversion_rate, 0.0);
  EXPECT_EQ(channel(a, "email").removal_effect, 1.0);
  EXPECT_EQ(channel(a, "social").removal_effect, 0.0);
}

TEST(AttributionSteps, ASplitOnHistoryIsAnObstacleToTheExactChainAtItsCondition) {
  const SimulationModel model = model_from_text(
      replaced(read_file(kJourney), "persona == 'vip'", "visited('reminder')"), false,
      "history.toml");
  const std::optional<Diagnostic> obstacle = exact_attribution_obstacle(model);
  ASSERT_TRUE(obstacle.has_value());
  EXPECT_EQ(obstacle->message,
            "split 'route' reads the customer's history (when = \"visited('reminder')\")");
  EXPECT_EQ(obstacle->where.file, "history.toml");
  EXPECT_EQ(obstacle->where.line, 52u);
  EXPECT_EQ(obstacle->where.column, 22u);  // the condition's opening quote
  EXPECT_THROW(chain_from_model(model), InputError);
}

TEST(AttributionSteps, ASplitOnThePersonaIsNoObstacle) {
  EXPECT_FALSE(exact_attribution_obstacle(model_from_text(read_file(kJourney))).has_value());
}

TEST(AttributionSteps, AnExperimentEnteredAgainIsAnObstacleBecauseArmsAreKept) {
  // The hold-out arm waits a day and goes back to the ad, and from there to
  // the experiment again.
  const SimulationModel model = model_from_text(replaced(read_file(kJourney),
                                                         "kind = \"exit\"\nreason = \"hold-out\"",
                                                         "kind = \"wait\"\nfor = \"1d\"\n"
                                                         "next = [{ to = \"ad\" }]"));
  const std::optional<Diagnostic> obstacle = exact_attribution_obstacle(model);
  ASSERT_TRUE(obstacle.has_value());
  EXPECT_EQ(obstacle->message,
            "experiment 'test' can be entered again, and a customer keeps their arm");
}

class AttributeCommandSteps : public testing::TempDirTest {};

TEST_F(AttributeCommandSteps, AttributesTheAcceptanceJourneyExactlyWithNoStepAsAChannel) {
  const auto r = journeysim("attribute " + kAcceptance + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["method"], "exact");
  EXPECT_FALSE(doc.contains("simulated_because"));
  EXPECT_NEAR(doc["conversion_rate"].get<double>(), 0.341, 1e-12);
  ASSERT_EQ(doc["channels"].size(), 1u);
  EXPECT_EQ(doc["channels"][0]["channel"], "fixed");
}

TEST_F(AttributeCommandSteps, TheTableListsChannelsOnlyNeverSteps) {
  const auto r = journeysim("attribute " + kJourney);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(exact, absorbing Markov chain)"), std::string::npos) << r.out;
  std::vector<std::string> rows;
  const std::vector<std::string> lines = testing::lines_of(r.out);
  for (size_t k = 4; k < lines.size(); ++k) {  // after the header and column names
    rows.push_back(lines[k].substr(0, lines[k].find(' ')));
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"shop", "social", "email", "sms"}));
}

TEST_F(AttributeCommandSteps, ASplitOnHistoryIsSimulatedAndSaysWhy) {
  const auto journey = write("history.toml", replaced(read_file(kJourney), "persona == 'vip'",
                                                      "visited('reminder')"));
  const auto table = journeysim("attribute " + journey.string() + " --agents 5000");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("(simulation, common random numbers; not exact: split 'route' reads "
                           "the customer's history (when = \"visited('reminder')\"))"),
            std::string::npos)
      << table.out;
  const auto json = journeysim("attribute " + journey.string() + " --agents 5000 --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["method"], "simulation");
  EXPECT_EQ(doc["simulated_because"],
            "split 'route' reads the customer's history (when = \"visited('reminder')\")");
  EXPECT_EQ(doc["channels"].size(), 4u);
}

TEST_F(AttributeCommandSteps, SimulatedAttributionIsTheSameBytesForAnyThreadCount) {
  const std::string command = "attribute " + kJourney + " --simulate --agents 6001 --format json";
  const auto one = journeysim(command + " --threads 1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  for (const char* threads : {"2", "3"}) {
    EXPECT_EQ(journeysim(command + " --threads " + threads).out, one.out) << threads;
  }
}

TEST_F(AttributeCommandSteps, AskingForSimulationGivesNoReason) {
  const auto r = journeysim("attribute " + kJourney + " --simulate --agents 5000 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["method"], "simulation");
  EXPECT_FALSE(doc.contains("simulated_because"));
}

}  // namespace
}  // namespace journeysim
