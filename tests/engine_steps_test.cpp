// Journey model 2 end to end in the engine: touchpoints routing by event,
// and the steps that are not channels (wait, split, experiment, update,
// exit), checked against exact answers (fixed channels) within 4 standard
// errors, and exactly where the model allows it.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "journeysim/report_writers.h"
#include "steps/duration.h"
#include "steps/race.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using testing::metric;
using testing::model_from_text;
using testing::run_report;

const std::string kAcceptance = journeysim::testing::test_data_dir() + "/loader/steps_acceptance.toml";
constexpr uint64_t kAgents = 200'000;

SimulationModel acceptance_model(std::vector<std::string> overrides = {}) {
  LoadOptions options;
  options.overrides = std::move(overrides);
  return SimulationModel(load_scenario(kAcceptance, options), PluginCatalog());
}

// The acceptance journey (issue 17), run once for every test that reads it.
const RunReport& acceptance() {
  static const SimulationModel model = acceptance_model();
  static const RunReport report = run_report(model, kAgents, 5);
  return report;
}

double per_agent(const RunReport& r, const std::string& path) {
  return metric(r, path).value / static_cast<double>(kAgents);
}

// A proportion p of n within 4 standard errors.
void expect_share(double observed, double p, uint64_t n, const std::string& what) {
  const double se = std::sqrt(p * (1 - p) / static_cast<double>(n));
  EXPECT_NEAR(observed, p, 4 * se) << what;
}

const StepReport& step(const RunReport& r, const std::string& id) {
  for (const StepReport& s : r.steps) {
    if (s.id == id) {
      return s;
    }
  }
  throw std::runtime_error("no step " + id);
}

const ArmReport& arm(const RunReport& r, const std::string& experiment, const std::string& name) {
  for (const ExperimentReport& x : r.experiments) {
    for (const ArmReport& a : x.arms) {
      if (x.id == experiment && a.name == name) {
        return a;
      }
    }
  }
  throw std::runtime_error("no arm " + name);
}

// --- the acceptance journey --------------------------------------------------

TEST(EngineSteps, AcceptanceReachesTheSplitWithProbabilityPoint55) {
  // Welcome passes 0.4 on; the 0.6 who drop wait 2 days, and 1/4 of them
  // pass the reminder: 0.4 + 0.6 x 0.25.
  const RunReport& r = acceptance();
  expect_share(static_cast<double>(step(r, "route").arrivals) / kAgents, 0.55, kAgents, "route");
  EXPECT_EQ(step(r, "route").arrivals, step(r, "route").agents);
}

TEST(EngineSteps, AcceptanceConvertsAtPoint341) {
  // 0.55 x (0.2 vip x 0.7 + 0.8 x (0.5 x 0.5 + 0.5 x 0.7)).
  const RunReport& r = acceptance();
  expect_share(r.journey.conversion_rate.value, 0.341, kAgents, "conversion");
}

TEST(EngineSteps, AcceptanceSendsPoint6RemindersPerAgent) {
  expect_share(per_agent(acceptance(), "touchpoints.reminder.arrivals"), 0.6, kAgents, "reminder");
}

TEST(EngineSteps, AcceptanceCheckoutArrivalsFollowTheSplitAndTheArms) {
  const RunReport& r = acceptance();
  // a: 0.55 x 0.8 x 0.5; b: 0.55 x (0.2 + 0.8 x 0.5).
  expect_share(per_agent(r, "touchpoints.checkout_a.arrivals"), 0.22, kAgents, "checkout_a");
  expect_share(per_agent(r, "touchpoints.checkout_b.arrivals"), 0.33, kAgents, "checkout_b");
}

TEST(EngineSteps, AcceptanceArmsConvertAtTheirCheckoutsRates) {
  const RunReport& r = acceptance();
  const ArmReport& a = arm(r, "test", "A");
  const ArmReport& b = arm(r, "test", "B");
  expect_share(a.conversion_rate.value, 0.5, a.agents, "arm A");
  expect_share(b.conversion_rate.value, 0.7, b.agents, "arm B");
  // Half of the 0.44 non-vip who reach the experiment go to each arm.
  expect_share(static_cast<double>(a.agents) / kAgents, 0.22, kAgents, "arm A share");
  EXPECT_EQ(a.agents + b.agents, step(r, "test").agents);
  EXPECT_EQ(a.arrivals, a.agents);  // nobody comes back to the experiment
}

TEST(EngineSteps, AcceptanceWaitTakesExactlyTwoDays) {
  EXPECT_EQ(step(acceptance(), "wait_2d").mean_hours, 48.0);
}

TEST(EngineSteps, ConvertersThroughTheReminderConvertNoSoonerThan48Hours) {
  // With the horizon a second short of two days every wait is cut off and
  // nobody reaches the reminder: only the 0.4 who pass welcome convert
  // (0.4 x 0.62). At exactly two days the reminder's converters are back.
  const SimulationModel shorter = acceptance_model({"journey.horizon_days=1.99999"});
  const RunReport cut = run_report(shorter, kAgents, 5);
  EXPECT_EQ(step(cut, "wait_2d").cut_off, step(cut, "wait_2d").arrivals);
  EXPECT_EQ(metric(cut, "touchpoints.reminder.arrivals").value, 0.0);
  expect_share(cut.journey.conversion_rate.value, 0.4 * 0.62, kAgents, "before 48 h");
  const RunReport& full = acceptance();
  EXPECT_EQ(step(full, "wait_2d").cut_off, 0u);
  // The same customers, the same draws: the cut run's converters are
  // exactly the full run's who never waited.
  const double waited = full.journey.conversion_rate.value - cut.journey.conversion_rate.value;
  expect_share(waited, 0.6 * 0.25 * 0.62, kAgents, "after 48 h");
}

TEST(EngineSteps, ThreadsDoNotChangeTheJson) {
  const SimulationModel model = acceptance_model();
  RunOptions options;
  options.agents = 20'000;
  options.seed = 5;
  options.threads = 1;
  const auto json = [&] { return render_json(summarize(model, run_agents(model, options), options)); };
  const std::string one = json();
  EXPECT_NE(one.find("\"experiments\""), std::string::npos);
  for (unsigned threads : {2u, 3u}) {
    options.threads = threads;
    EXPECT_EQ(json(), one) << threads;
  }
}

// --- waits -------------------------------------------------------------------

const char* kWaitChain = R"toml(
[journey]
name = "wait chain"
stages = ["s"]
conversion = "purchase"

[personas.everyone]
share = 1.0

[touchpoints.ad]
stage = "s"
channel = "fixed"
entry = 1.0
params = { drop = 0.2 }
next = ["pause"]

[steps.pause]
kind = "wait"
for = "1d"
next = ["buy"]

[touchpoints.buy]
stage = "s"
channel = "fixed"
milestone = "purchase"
params = { drop = 0.5 }
exit = true
)toml";

TEST(EngineSteps, AWaitAloneKeepsTheAbsorbingChainAndItsTimeIsExact) {
  const SimulationModel model = model_from_text(kWaitChain);
  const RunReport r = run_report(model, kAgents, 3);
  expect_share(r.journey.conversion_rate.value, 0.8 * 0.5, kAgents, "conversion");
  EXPECT_EQ(step(r, "pause").mean_hours, 24.0);
  // Every converter waited exactly the day (fixed channels take no time).
  EXPECT_EQ(r.time_to_convert.value_at_rank(1), 24.0);
  EXPECT_EQ(r.time_to_convert.value_at_rank(r.time_to_convert.count()), 24.0);
}

TEST(EngineSteps, AUniformWaitTakesItsMidpointOnAverage) {
  // Uniform from 1 h to 3 h: mean 2 h, standard deviation 2 / sqrt(12) h.
  std::string text = kWaitChain;
  text.replace(text.find("for = \"1d\""), 10,
               "for = { distribution = \"uniform\", min = \"1h\", max = \"3h\" }");
  const RunReport r = run_report(model_from_text(text), kAgents, 6);
  const StepReport& pause = step(r, "pause");
  ASSERT_TRUE(pause.mean_hours.has_value());
  const double se = 2.0 / std::sqrt(12.0) / std::sqrt(static_cast<double>(pause.arrivals));
  EXPECT_NEAR(*pause.mean_hours, 2.0, 4 * se);
  // The chain is untouched, and every converter waited between 1 and 3 hours.
  expect_share(r.journey.conversion_rate.value, 0.8 * 0.5, kAgents, "conversion");
  EXPECT_GE(r.time_to_convert.value_at_rank(1), 1.0);
  EXPECT_LE(r.time_to_convert.value_at_rank(r.time_to_convert.count()), 3.0);
}

TEST(EngineSteps, ARaceReturnsWithTheExactRaceProbability) {
  std::string text = kWaitChain;
  text.replace(text.find("for = \"1d\""), 10,
               "for = \"2d\"\nrace = [{ rate_per_day = 0.5, to = \"back\" }]");
  text += R"toml(
[touchpoints.back]
stage = "s"
channel = "fixed"
exit = true
)toml";
  const SimulationModel model = model_from_text(text);
  const RunReport r = run_report(model, kAgents, 4);
  const std::vector<double> rates = {0.5};
  const double p = race_return_probability(fixed_wait("2d", {}), rates);
  EXPECT_NEAR(p, 1 - std::exp(-1.0), 1e-12);
  const StepReport& pause = step(r, "pause");
  expect_share(static_cast<double>(pause.returned) / static_cast<double>(pause.arrivals), p,
               pause.arrivals, "returned");
  EXPECT_EQ(static_cast<uint64_t>(metric(r, "touchpoints.back.arrivals").value), pause.returned);
  // Those who return wait less than the two days.
  EXPECT_LT(*pause.mean_hours, 48.0);
}

TEST(EngineSteps, ALoopThroughStepsAloneEndsAtTheStepLimit) {
  // pause -> again -> pause ... : the split's first branch always holds, so
  // only the step limit (each step's own visits, max_steps) ends it.
  std::string text = kWaitChain;
  const std::string wait = "for = \"1d\"\nnext = [\"buy\"]";
  text.replace(text.find(wait), wait.size(), "for = \"0h\"\nnext = [\"again\"]");
  text += R"toml(
[steps.again]
kind = "split"
branches = [{ when = "messages >= 0", to = "pause" }, { to = "buy" }]
)toml";
  const SimulationModel model = model_from_text(text);
  const RunReport r = run_report(model, 1'000, 2);
  EXPECT_EQ(r.journey.step_limit, r.journey.agents - r.journey.dropped);
  EXPECT_EQ(step(r, "pause").cut_off + step(r, "again").cut_off, r.journey.step_limit);
  EXPECT_EQ(metric(r, "touchpoints.buy.arrivals").value, 0.0);
}

// --- splits and updates ------------------------------------------------------

const char* kSplit = R"toml(
[journey]
name = "split"
stages = ["s"]
conversion = "purchase"

[personas.regular]
share = 0.75
[personas.vip]
share = 0.25

[touchpoints.mail]
stage = "s"
channel = "fixed"
entry = 1.0
params = { drop = 0.4 }
next = ["route"]
on = { dropped = "route" }

[steps.route]
kind = "split"
branches = [{ when = "outcome('mail') == 'dropped'", to = "lost" },
            { when = "persona == 'vip' and visited('mail')", to = "vip" },
            { to = "other" }]

[touchpoints.lost]
stage = "s"
channel = "fixed"
exit = true

[touchpoints.vip]
stage = "s"
channel = "fixed"
milestone = "purchase"
exit = true

[touchpoints.other]
stage = "s"
channel = "fixed"
exit = true
)toml";

TEST(EngineSteps, SplitConditionsOnOutcomeAndPersonaRouteAsWritten) {
  const SimulationModel model = model_from_text(kSplit);
  const RunReport r = run_report(model, kAgents, 6);
  expect_share(per_agent(r, "touchpoints.lost.arrivals"), 0.4, kAgents, "lost");
  expect_share(per_agent(r, "touchpoints.vip.arrivals"), 0.6 * 0.25, kAgents, "vip");
  expect_share(per_agent(r, "touchpoints.other.arrivals"), 0.6 * 0.75, kAgents, "other");
  // The routed `dropped` event is the channel's drop at the mail (all of
  // it routed on), but not a loss: no journey ends there.
  EXPECT_EQ(r.journey.dropped, 0u);
  EXPECT_EQ(metric(r, "touchpoints.mail.dropped").value,
            metric(r, "touchpoints.mail.rerouted").value);
  expect_share(per_agent(r, "touchpoints.mail.dropped"), 0.4, kAgents, "mail drop");
  EXPECT_EQ(metric(r, "touchpoints.mail.lost").value, 0.0);
}

TEST(EngineSteps, AnUpdateIsSeenByALaterSplit) {
  std::string text = kSplit;
  text.replace(text.find("on = { dropped = \"route\" }"), 26, "on = { dropped = \"mark\" }");
  text.replace(text.find("when = \"outcome('mail') == 'dropped'\""), 37,
               "when = \"attribute('coupon')\"");
  text += R"toml(
[steps.mark]
kind = "update"
set = { coupon = true }
next = ["route"]
)toml";
  const SimulationModel model = model_from_text(text);
  const RunReport r = run_report(model, 50'000, 7);
  EXPECT_EQ(static_cast<uint64_t>(metric(r, "touchpoints.lost.arrivals").value),
            step(r, "mark").arrivals);
  EXPECT_GT(step(r, "mark").arrivals, 0u);
}

// --- experiments -------------------------------------------------------------

TEST(EngineSteps, AnArmIsTheSameForACustomerInEveryVariant) {
  // Changing what happens after the experiment changes nothing about who
  // is assigned where: arms come from each customer's own stream.
  const RunReport base = run_report(acceptance_model(), 50'000, 8);
  const RunReport variant =
      run_report(acceptance_model({"touchpoints.checkout_b.params.drop=0.9"}), 50'000, 8);
  for (const char* name : {"A", "B"}) {
    EXPECT_EQ(arm(base, "test", name).agents, arm(variant, "test", name).agents) << name;
  }
  EXPECT_EQ(arm(base, "test", "A").converted, arm(variant, "test", "A").converted);
  EXPECT_LT(arm(variant, "test", "B").converted, arm(base, "test", "B").converted);
}

// --- what the binder refuses -------------------------------------------------

std::string bind_error(const std::string& text) {
  try {
    model_from_text(text);
  } catch (const InputError& e) {
    std::string out;
    for (const Diagnostic& d : e.diagnostics()) {
      out += d.to_string() + "\n";
    }
    return out;
  }
  return "";
}

TEST(EngineSteps, AnUnknownOnEventListsTheChannelsEvents) {
  std::string text = kSplit;
  text.replace(text.find("on = { dropped"), 14, "on = { droped");
  EXPECT_EQ(bind_error(text),
            "test.toml:18:8: error: touchpoint 'mail': channel 'fixed' has no event 'droped' "
            "(did you mean 'dropped'?); its events: continued, dropped\n");
}

TEST(EngineSteps, ABadConditionIsRefusedAtItsColumn) {
  std::string text = kSplit;
  text.replace(text.find("outcome('mail')"), 15, "outcome('mial')");
  const std::string error = bind_error(text);
  // Line 22, column 31: the quote opening 'mial' inside the condition.
  EXPECT_EQ(error, "test.toml:22:31: error: in condition: unknown touchpoint 'mial' (did you mean "
                   "'mail'?)\n");
}

TEST(EngineSteps, AnAttributeSetToTwoTypesIsRefusedWhereItIsSetAgain) {
  std::string text = kWaitChain;
  text.replace(text.find("next = [\"pause\"]"), 16, "next = [\"one\"]");
  text += R"toml(
[steps.one]
kind = "update"
set = { tier = 1 }
next = ["two"]

[steps.two]
kind = "update"
set = { tier = "gold" }
next = ["pause"]
)toml";
  const std::string error = bind_error(text);
  EXPECT_NE(error.find("attribute 'tier' is set to text here but to a number"),
            std::string::npos)
      << error;
}

}  // namespace
}  // namespace journeysim
