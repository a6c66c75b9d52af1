// Experiments' counterfactual paired effects (issue 17): every customer who
// reaches an experiment is walked through every arm on the same random
// numbers, so each arm's difference from the first is paired; and the sample
// size per arm a real A/B test would need to detect it. Checked against
// exact answers (fixed channels) within 4 standard errors, and for the
// same bytes whatever threads or ranks ran the agents.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "journeysim/distributed.h"
#include "journeysim/report_writers.h"
#include "metrics/arm_effect.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using testing::model_from_text;
using testing::run_report;

const std::string kAcceptance =
    journeysim::testing::test_data_dir() + "/loader/steps_acceptance.toml";

const ExperimentReport& experiment(const RunReport& r, const std::string& id) {
  for (const ExperimentReport& x : r.experiments) {
    if (x.id == id) {
      return x;
    }
  }
  throw std::runtime_error("no experiment " + id);
}

const ArmEffect& effect(const RunReport& r, const std::string& id, const std::string& arm) {
  for (const ArmEffect& e : experiment(r, id).effects) {
    if (e.arm == arm) {
      return e;
    }
  }
  throw std::runtime_error("no effect of arm " + arm);
}

const ArmReport& arm(const RunReport& r, const std::string& id, const std::string& name) {
  for (const ArmReport& a : experiment(r, id).arms) {
    if (a.name == name) {
      return a;
    }
  }
  throw std::runtime_error("no arm " + name);
}

uint64_t reached(const RunReport& r, const std::string& id) {
  uint64_t agents = 0;
  for (const ArmReport& a : experiment(r, id).arms) {
    agents += a.agents;
  }
  return agents;
}

double half_width(const Estimate& e) { return (e.high - e.low) / 2; }

nlohmann::json json_experiment(const RunReport& r, const std::string& id) {
  return nlohmann::json::parse(render_json(r))["experiments"][id];
}

// The paired difference of N agents whose differences have variance
// `variance`, within 4 standard errors of `exact`; its 95 % half-width
// within 3 % of the exact one.
void expect_paired(const Estimate& e, double exact, double variance, uint64_t n,
                   const std::string& what) {
  ASSERT_TRUE(e.has_value()) << what;
  const double se = std::sqrt(variance / static_cast<double>(n));
  EXPECT_NEAR(e.value, exact, 4 * se) << what;
  EXPECT_NEAR(half_width(e), kZ95 * se, 0.03 * kZ95 * se) << what;
}

// --- the acceptance journey ------------------------------------------------

// The acceptance journey (issue 17), 200,000 agents, seed 5, run once.
const SimulationModel& acceptance_model() {
  static const SimulationModel model(load_scenario(kAcceptance), PluginCatalog());
  return model;
}

const RunReport& acceptance() {
  static const RunReport report = run_report(acceptance_model(), 200'000, 5);
  return report;
}

TEST(ExperimentEffects, AcceptanceEffectOfBOverAIsPoint2) {
  // Among the non-vip who reach the experiment, checkout_a keeps 0.5 and
  // checkout_b 0.7. The arms' checkouts draw the same numbers for the same
  // customer (common random numbers), so B converts everyone A converts and
  // those with a draw between 0.3 and 0.5 too: the difference is 1 with
  // probability 0.2, 0 otherwise, variance 0.2 x 0.8.
  const RunReport& r = acceptance();
  expect_paired(effect(r, "test", "B").conversion_rate, 0.2, 0.2 * 0.8, reached(r, "test"),
                "B - A");
}

TEST(ExperimentEffects, AcceptancePairedIntervalIsFarNarrowerThanTheSplits) {
  // The traffic split's own interval for B - A rests on half of the
  // customers in each arm: variance (0.25 + 0.21) x 2 per customer. The
  // paired one rests on every customer in both arms with shared draws:
  // 0.16. So it is sqrt(0.16 / 0.92) = 0.42 of the split's.
  const RunReport& r = acceptance();
  const ArmReport& a = arm(r, "test", "A");
  const ArmReport& b = arm(r, "test", "B");
  const double pa = a.conversion_rate.value, pb = b.conversion_rate.value;
  const double independent =
      kZ95 * std::sqrt(pa * (1 - pa) / static_cast<double>(a.agents) +
                       pb * (1 - pb) / static_cast<double>(b.agents));
  EXPECT_NEAR(half_width(effect(r, "test", "B").conversion_rate) / independent,
              std::sqrt(0.16 / 0.92), 0.03);
}

TEST(ExperimentEffects, AcceptanceSampleSizeIsThatOfPoint5AgainstPoint7) {
  // 91 for exactly 0.5 against 0.7; the counterfactual rates are estimates,
  // within 4 standard errors (~0.007) of those, which moves it by a few.
  const std::optional<uint64_t> n = effect(acceptance(), "test", "B").sample_size_per_arm;
  ASSERT_TRUE(n.has_value());
  EXPECT_GE(*n, *ab_sample_size_per_arm(0.5 - 0.007, 0.7 + 0.007));
  EXPECT_LE(*n, *ab_sample_size_per_arm(0.5 + 0.007, 0.7 - 0.007));
}

TEST(ExperimentEffects, EffectsAreNamedByTheArmsAfterTheFirst) {
  const ExperimentReport& x = experiment(acceptance(), "test");
  ASSERT_EQ(x.effects.size(), 1u);
  EXPECT_EQ(x.effects[0].arm, "B");
}

TEST(ExperimentEffects, AcceptanceJsonHasEffectsAndSampleSizes) {
  const nlohmann::json x = nlohmann::json::parse(render_json(acceptance()))["experiments"]["test"];
  const ArmEffect& b = effect(acceptance(), "test", "B");
  EXPECT_EQ(x["effects"]["B"]["conversion_rate"],
            (nlohmann::json{{"value", b.conversion_rate.value},
                            {"ci95", {b.conversion_rate.low, b.conversion_rate.high}}}));
  EXPECT_EQ(x["sample_size_per_arm"]["B"], *b.sample_size_per_arm);
  EXPECT_FALSE(x["effects"].contains("A"));  // the first arm is what the others are paired with
  EXPECT_FALSE(x["sample_size_per_arm"].contains("A"));
}

// --- arms that share what follows them ---------------------------------------

// Three arms before the same checkout (kept by half): A goes straight there,
// B through a nudge that loses 0.2, C through one that loses 0.5. The
// checkout's draw is the agent's own in every arm, so the arms' outcomes are
// strongly paired.
const char* kThreeArms = R"toml(
[journey]
name = "three arms"
stages = ["s"]
conversion = "purchase"

[personas.everyone]
share = 1.0

[touchpoints.ad]
stage = "s"
channel = "fixed"
entry = 1.0
params = { drop = 0.0 }
next = ["offer"]

[steps.offer]
kind = "experiment"
arms = [{ name = "A", weight = 0.5, to = "buy" },
        { name = "B", weight = 0.3, to = "nudge" },
        { name = "C", weight = 0.2, to = "push" }]

[touchpoints.nudge]
stage = "s"
channel = "fixed"
params = { drop = 0.2 }
next = ["buy"]

[touchpoints.push]
stage = "s"
channel = "fixed"
params = { drop = 0.5 }
next = ["buy"]

[touchpoints.buy]
stage = "s"
channel = "fixed"
milestone = "purchase"
params = { drop = 0.5 }
exit = true
)toml";

constexpr uint64_t kThreeArmAgents = 100'000;

const RunReport& three_arms() {
  static const SimulationModel model = model_from_text(kThreeArms);
  static const RunReport report = run_report(model, kThreeArmAgents, 11);
  return report;
}

TEST(ExperimentEffects, ThreeArmsEachAgainstTheFirstWithTheirExactPairedSpread) {
  // A converts 0.5, B 0.8 x 0.5, C 0.5 x 0.5. Against A, B loses exactly
  // the agents who pass the checkout but not the nudge (0.5 x 0.2: variance
  // 0.1 - 0.1^2), C those who pass the checkout but not the push
  // (0.5 x 0.5: variance 0.25 - 0.25^2).
  const RunReport& r = three_arms();
  ASSERT_EQ(reached(r, "offer"), kThreeArmAgents);
  expect_paired(effect(r, "offer", "B").conversion_rate, -0.1, 0.1 - 0.01, kThreeArmAgents,
                "B - A");
  expect_paired(effect(r, "offer", "C").conversion_rate, -0.25, 0.25 - 0.0625,
                kThreeArmAgents, "C - A");
}

TEST(ExperimentEffects, SharedDrawsMakeThePairedIntervalAQuarterOfTheSplits) {
  // B - A from the traffic split (0.5 and 0.3 of the customers): variance
  // 0.25 / 0.5 + 0.24 / 0.3 per customer; paired over everyone: 0.09. The
  // paired interval is sqrt(0.09 / 1.3) = 0.26 times the split's.
  const RunReport& r = three_arms();
  const ArmReport& a = arm(r, "offer", "A");
  const ArmReport& b = arm(r, "offer", "B");
  const double pa = a.conversion_rate.value, pb = b.conversion_rate.value;
  const double independent =
      kZ95 * std::sqrt(pa * (1 - pa) / static_cast<double>(a.agents) +
                       pb * (1 - pb) / static_cast<double>(b.agents));
  EXPECT_NEAR(half_width(effect(r, "offer", "B").conversion_rate) / independent,
              std::sqrt(0.09 / 1.3), 0.02);
}

TEST(ExperimentEffects, ThreeArmsSampleSizesFollowTheirEffects) {
  // 0.5 against 0.4 needs 385 per arm; 0.5 against 0.25, 55: the
  // counterfactual rates within 4 standard errors (~0.0065) of those.
  const RunReport& r = three_arms();
  const uint64_t b = *effect(r, "offer", "B").sample_size_per_arm;
  const uint64_t c = *effect(r, "offer", "C").sample_size_per_arm;
  constexpr double d = 0.0065;
  EXPECT_GE(b, *ab_sample_size_per_arm(0.5 + d, 0.4 - d));
  EXPECT_LE(b, *ab_sample_size_per_arm(0.5 - d, 0.4 + d));
  EXPECT_GE(c, *ab_sample_size_per_arm(0.5 + d, 0.25 - d));
  EXPECT_LE(c, *ab_sample_size_per_arm(0.5 - d, 0.25 + d));
}

TEST(ExperimentEffects, ArmsLeadingToTheSameNodeHaveExactlyNoEffectAndNoSampleSize) {
  // Same customers, same draws, same path after the arms: no difference at
  // all, with no spread, and no A/B test can find one.
  const RunReport r = run_report(model_from_text(R"toml(
[journey]
name = "twin arms"
stages = ["s"]
conversion = "purchase"
[personas.everyone]
share = 1.0
[touchpoints.ad]
stage = "s"
channel = "fixed"
entry = 1.0
params = { drop = 0.3 }
next = ["twins"]
[steps.twins]
kind = "experiment"
arms = [{ name = "A", weight = 1.0, to = "buy" }, { name = "B", weight = 1.0, to = "buy" }]
[touchpoints.buy]
stage = "s"
channel = "fixed"
milestone = "purchase"
params = { drop = 0.4 }
exit = true
)toml"),
                                 5'000, 3);
  const ArmEffect& e = effect(r, "twins", "B");
  ASSERT_TRUE(e.conversion_rate.has_value());
  EXPECT_EQ(e.conversion_rate.value, 0.0);
  EXPECT_EQ(e.conversion_rate.low, 0.0);
  EXPECT_EQ(e.conversion_rate.high, 0.0);
  EXPECT_FALSE(e.sample_size_per_arm.has_value());
  EXPECT_TRUE(json_experiment(r, "twins")["sample_size_per_arm"]["B"].is_null());
}

TEST(ExperimentEffects, AnExperimentNobodyReachesHasNoEffect) {
  const RunReport r = run_report(model_from_text(R"toml(
[journey]
name = "unreached"
stages = ["s"]
conversion = "purchase"
[personas.everyone]
share = 1.0
[touchpoints.ad]
stage = "s"
channel = "fixed"
entry = 1.0
params = { drop = 1.0 }
next = ["test"]
[steps.test]
kind = "experiment"
arms = [{ name = "A", weight = 1.0, to = "buy" }, { name = "B", weight = 1.0, to = "buy" }]
[touchpoints.buy]
stage = "s"
channel = "fixed"
milestone = "purchase"
exit = true
)toml"),
                                 1'000, 3);
  const ArmEffect& e = effect(r, "test", "B");
  EXPECT_FALSE(e.conversion_rate.has_value());
  EXPECT_FALSE(e.sample_size_per_arm.has_value());
  EXPECT_EQ(json_experiment(r, "test")["effects"]["B"]["conversion_rate"],
            (nlohmann::json{{"value", nullptr}, {"ci95", nullptr}}));
}

// --- two experiments in a row --------------------------------------------------

// The second experiment is reached by whoever the first sends on: forcing
// an arm of the first changes who reaches the second, never the second's
// own arms.
const char* kTwoExperiments = R"toml(
[journey]
name = "two experiments"
stages = ["s"]
conversion = "purchase"

[personas.everyone]
share = 1.0

[touchpoints.ad]
stage = "s"
channel = "fixed"
entry = 1.0
params = { drop = 0.0 }
next = ["subject"]

[steps.subject]
kind = "experiment"
arms = [{ name = "plain", weight = 0.5, to = "mail_plain" }, { name = "bold", weight = 0.5, to = "mail_bold" }]

[touchpoints.mail_plain]
stage = "s"
channel = "fixed"
params = { drop = 0.6 }
next = ["price"]

[touchpoints.mail_bold]
stage = "s"
channel = "fixed"
params = { drop = 0.4 }
next = ["price"]

[steps.price]
kind = "experiment"
arms = [{ name = "full", weight = 0.5, to = "buy" }, { name = "coupon", weight = 0.5, to = "coupon" }]

[touchpoints.coupon]
stage = "s"
channel = "fixed"
params = { drop = 0.0 }
next = ["buy"]

[touchpoints.buy]
stage = "s"
channel = "fixed"
milestone = "purchase"
params = { drop = 0.5 }
exit = true
)toml";

TEST(ExperimentEffects, EachOfTwoExperimentsIsForcedAloneTheOtherDrawnAsUsual) {
  // subject: plain reaches buy 0.4, bold 0.6; buy keeps half: 0.2 against
  // 0.3. The two mails are the arms' targets and draw the same numbers;
  // buy's draw is the agent's own in both: the difference is nonzero (+1)
  // only where buy keeps the agent (0.5) and the mails disagree (a draw
  // between 0.4 and 0.6: 0.2), so its variance is 0.1 - 0.1^2.
  // price: full and coupon both end at buy with the same draw: no effect.
  const SimulationModel model = model_from_text(kTwoExperiments);
  const uint64_t agents = 100'000;
  const RunReport r = run_report(model, agents, 2);
  expect_paired(effect(r, "subject", "bold").conversion_rate, 0.1, 0.1 - 0.01, agents,
                "bold - plain");
  EXPECT_EQ(effect(r, "price", "coupon").conversion_rate.value, 0.0);
  EXPECT_EQ(half_width(effect(r, "price", "coupon").conversion_rate), 0.0);
}

// --- the same bytes however the agents are split --------------------------------

std::string json_of(const SimulationModel& model, const RunOptions& options,
                    const RunTally& tally) {
  return render_json(summarize(model, tally, options));
}

TEST(ExperimentEffects, ThreadsDoNotChangeTheEffects) {
  const SimulationModel model = model_from_text(kTwoExperiments);
  RunOptions options;
  options.agents = 20'000;
  options.seed = 9;
  options.threads = 1;
  const std::string one = json_of(model, options, run_agents(model, options));
  ASSERT_TRUE(nlohmann::json::parse(one)["experiments"]["subject"]["sample_size_per_arm"]["bold"]
                  .is_number());
  for (unsigned threads : {2u, 3u}) {
    options.threads = threads;
    EXPECT_EQ(json_of(model, options, run_agents(model, options)), one) << threads;
  }
}

TEST(ExperimentEffects, RanksMergedGiveTheSingleProcessEffects) {
  // What `mpirun -n 2|3 journeysim run` computes, minus the transport: each
  // rank's share encoded, decoded on rank 0 and merged.
  const SimulationModel& model = acceptance_model();
  RunOptions options;
  options.agents = 10'001;
  options.seed = 5;
  options.threads = 2;
  const RunTally whole = run_agents(model, options);
  const std::string single = json_of(model, options, whole);
  for (int size : {2, 3}) {
    RunTally merged = empty_tally(model);
    for (int rank = 0; rank < size; ++rank) {
      merged.merge(decode_tally(encode_tally(run_agents(model, rank_share(options, rank, size)))));
    }
    for (size_t s = 0; s < whole.steps.size(); ++s) {
      EXPECT_EQ(merged.steps[s].arm_pairs, whole.steps[s].arm_pairs) << size << " " << s;
    }
    EXPECT_EQ(json_of(model, options, merged), single) << size;
  }
}

// --- the A/B sample size -------------------------------------------------------

TEST(AbSampleSize, MatchesTheClosedFormForKnownRates) {
  // (1.959964 + 0.841621)^2 = 7.848880; x (0.25 + 0.21) / 0.2^2 = 90.26.
  EXPECT_EQ(ab_sample_size_per_arm(0.5, 0.7), 91u);
  // 7.848880 x (0.09 + 0.1056) / 0.02^2 = 3838.10.
  EXPECT_EQ(ab_sample_size_per_arm(0.10, 0.12), 3839u);
}

TEST(AbSampleSize, IsTheSameWhicheverArmIsFirst) {
  EXPECT_EQ(ab_sample_size_per_arm(0.7, 0.5), ab_sample_size_per_arm(0.5, 0.7));
}

TEST(AbSampleSize, IsNoneWithoutADifference) {
  EXPECT_FALSE(ab_sample_size_per_arm(0.3, 0.3).has_value());
  EXPECT_FALSE(ab_sample_size_per_arm(0.0, 0.0).has_value());
}

}  // namespace
}  // namespace journeysim
