// [steps.<id>] and touchpoints' `on` routes: the loader's side of journey
// model 2. One graph of nodes (touchpoints first, then steps), every target a
// node index, and every bad step refused at its file:line:column.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "journeysim/scenario_loader.h"
#include "build_paths.h"
#include "support/journeys.h"
#include "support/load_diagnostics.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

const fs::path kDataDir = fs::path(journeysim::testing::test_data_dir()) / "loader";
const fs::path kAcceptance = kDataDir / "steps_acceptance.toml";

// Two touchpoints; tests point `mail` at the steps they append.
const std::string kBase = R"([journey]
name = "Steps"
stages = ["start", "buy"]

[personas.all]
share = 1.0

[touchpoints.mail]
stage = "start"
channel = "fixed"
entry = 1.0
next = ["shop"]

[touchpoints.shop]
stage = "buy"
channel = "fixed"
milestone = "purchase"
exit = true
)";
//  8 [touchpoints.mail]   12 next   14 [touchpoints.shop]   19 (first appended line)

// kBase with mail's next list replaced and `extra` appended.
std::string base(const std::string& mail_next, const std::string& extra = "") {
  std::string text = kBase;
  const std::string from = "next = [\"shop\"]";
  text.replace(text.find(from), from.size(), "next = " + mail_next);
  return text + extra;
}

Scenario load_text(const std::string& text) {
  return load_scenario_text(text, "inline.toml", kDataDir);
}

Lines errors(const std::string& text) {
  return journeysim::testing::diagnostics_of([&] { load_text(text); });
}

Scenario acceptance(const std::vector<std::string>& overrides = {}) {
  LoadOptions options;
  options.overrides = overrides;
  return load_scenario(kAcceptance, options);
}

const Step& step(const Scenario& s, const std::string& id) {
  const int i = s.find_step(id);
  EXPECT_GE(i, 0) << id;
  return s.steps.at(static_cast<size_t>(i < 0 ? 0 : i));
}

const Touchpoint& touchpoint(const Scenario& s, const std::string& id) {
  const int i = s.find_touchpoint(id);
  EXPECT_GE(i, 0) << id;
  return s.touchpoints.at(static_cast<size_t>(i < 0 ? 0 : i));
}

std::string at(const SourceLocation& where) { return where.to_string(); }

// --- the acceptance journey of issue 17 -----------------------------------

TEST(ScenarioSteps, AcceptanceNumbersTouchpointsFirstThenSteps) {
  const Scenario s = acceptance();
  std::vector<std::string> ids;
  for (size_t v = 0; v < s.node_count(); ++v) {
    ids.push_back(s.node_id(static_cast<uint32_t>(v)));
  }
  EXPECT_EQ(ids, (Lines{"signup", "welcome", "reminder", "checkout_b", "checkout_a", "route",
                        "wait_2d", "test"}));
  EXPECT_EQ(s.touchpoints.size(), 5u);
  EXPECT_EQ(s.find_node("wait_2d"), 6);
  EXPECT_EQ(s.find_node("checkout_a"), 4);
  EXPECT_EQ(s.find_node("nowhere"), -1);
  EXPECT_TRUE(s.is_step(5));
  EXPECT_FALSE(s.is_step(4));
}

TEST(ScenarioSteps, AcceptanceStepKindsAndStages) {
  const Scenario s = acceptance();
  EXPECT_EQ(step(s, "wait_2d").kind, Step::Kind::Wait);
  EXPECT_EQ(step(s, "route").kind, Step::Kind::Split);
  EXPECT_EQ(step(s, "test").kind, Step::Kind::Experiment);
  EXPECT_EQ(step(s, "wait_2d").stage, "nurture");
  EXPECT_EQ(step(s, "wait_2d").stage_index, 1u);
  EXPECT_EQ(step(s, "route").stage, "");
  EXPECT_EQ(step(s, "route").stage_index, Step::kNoStage);
  EXPECT_EQ(step(s, "test").name, "test");
}

TEST(ScenarioSteps, AcceptanceNextEdgesTargetNodeIndices) {
  const Scenario s = acceptance();
  ASSERT_EQ(touchpoint(s, "welcome").next.size(), 1u);
  EXPECT_EQ(touchpoint(s, "welcome").next[0].target, 5u);  // route
  EXPECT_EQ(touchpoint(s, "reminder").next[0].target, 5u);
  EXPECT_EQ(touchpoint(s, "signup").next[0].target, 1u);  // welcome
  ASSERT_EQ(step(s, "wait_2d").next.size(), 1u);
  EXPECT_EQ(step(s, "wait_2d").next[0].target, 2u);  // reminder
}

TEST(ScenarioSteps, AcceptanceOnRoutesAnEventWithItsLocations) {
  const Scenario s = acceptance();
  const Touchpoint& welcome = touchpoint(s, "welcome");
  ASSERT_EQ(welcome.on.size(), 1u);
  const EventRoute& route = welcome.on[0];
  EXPECT_EQ(route.event, "dropped");
  EXPECT_EQ(route.to.id, "wait_2d");
  EXPECT_EQ(route.to.index, 6u);
  EXPECT_EQ(route.event_where.line, 27u);
  EXPECT_EQ(route.event_where.column, 8u);
  EXPECT_EQ(route.to.where.line, 27u);
  EXPECT_EQ(route.to.where.column, 18u);
}

TEST(ScenarioSteps, AcceptanceWaitKeepsItsDurationText) {
  const Scenario s = acceptance();
  const WaitTime& wait = step(s, "wait_2d").wait_for;
  EXPECT_EQ(wait.distribution, WaitTime::Distribution::Fixed);
  EXPECT_EQ(wait.fixed.text, "2d");
  EXPECT_EQ(at(wait.fixed.where), kAcceptance.string() + ":32:7");
}

TEST(ScenarioSteps, AcceptanceSplitBranchesInOrderWithConditionLocations) {
  const Scenario s = acceptance();
  const Step& route = step(s, "route");
  ASSERT_EQ(route.branches.size(), 2u);
  EXPECT_EQ(route.branches[0].when, "persona == 'vip'");
  EXPECT_EQ(at(route.branches[0].when_where), kAcceptance.string() + ":43:22");
  EXPECT_EQ(route.branches[0].to.id, "checkout_b");
  EXPECT_EQ(route.branches[0].to.index, 3u);
  EXPECT_EQ(route.branches[1].when, "");
  EXPECT_EQ(route.branches[1].to.index, 7u);  // test
}

TEST(ScenarioSteps, AcceptanceExperimentArms) {
  const Scenario s = acceptance();
  const Step& test = step(s, "test");
  ASSERT_EQ(test.arms.size(), 2u);
  EXPECT_EQ(test.arms[0].name, "A");
  EXPECT_EQ(test.arms[0].weight, 0.5);
  EXPECT_EQ(test.arms[0].to.index, 4u);  // checkout_a
  EXPECT_EQ(test.arms[1].name, "B");
  EXPECT_EQ(test.arms[1].to.index, 3u);  // checkout_b
  EXPECT_EQ(test.arms[1].weight_where.line, 47u);
}

// --- what each kind keeps ---------------------------------------------------

TEST(ScenarioSteps, LognormalWaitKeepsMedianAndP90) {
  const Scenario s = load_text(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "lognormal", median = "4h", p90 = "12h" }
next = ["shop"]
)"));
  const WaitTime& wait = step(s, "gap").wait_for;
  EXPECT_EQ(wait.distribution, WaitTime::Distribution::Lognormal);
  EXPECT_EQ(wait.median.text, "4h");
  EXPECT_EQ(wait.p90.text, "12h");
  EXPECT_EQ(at(wait.p90.where), "inline.toml:22:58");
}

TEST(ScenarioSteps, ExponentialWaitKeepsItsMean) {
  const Scenario s = load_text(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "exponential", mean = "2d" }
next = ["shop"]
)"));
  const WaitTime& wait = step(s, "gap").wait_for;
  EXPECT_EQ(wait.distribution, WaitTime::Distribution::Exponential);
  EXPECT_EQ(wait.mean.text, "2d");
}

TEST(ScenarioSteps, UniformWaitKeepsMinAndMax) {
  const Scenario s = load_text(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "uniform", min = "1h", max = "3h" }
next = ["shop"]
)"));
  const WaitTime& wait = step(s, "gap").wait_for;
  EXPECT_EQ(wait.distribution, WaitTime::Distribution::Uniform);
  EXPECT_EQ(wait.min.text, "1h");
  EXPECT_EQ(wait.max.text, "3h");
  EXPECT_EQ(at(wait.min.where), "inline.toml:22:41");
  EXPECT_EQ(at(wait.max.where), "inline.toml:22:53");
}

TEST(ScenarioSteps, UniformWaitMayStartAtZero) {
  const Scenario s = load_text(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "uniform", min = "0h", max = "30m" }
next = ["shop"]
)"));
  EXPECT_EQ(step(s, "gap").wait_for.min.text, "0h");
}

TEST(ScenarioSteps, WaitRacesTheCustomersOwnReturn) {
  const Scenario s = load_text(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = "1w"
next = ["mail"]
race = [{ rate_per_day = 0.05, to = "shop" }]
)"));
  const Step& gap = step(s, "gap");
  ASSERT_EQ(gap.race.size(), 1u);
  EXPECT_EQ(gap.race[0].rate_per_day, 0.05);
  EXPECT_EQ(gap.race[0].to.index, 1u);  // shop
  EXPECT_EQ(gap.next[0].target, 0u);    // mail
}

TEST(ScenarioSteps, UpdateKeepsBooleansStringsAndNumbers) {
  const Scenario s = load_text(base(R"(["tag"])", R"(
[steps.tag]
kind = "update"
set = { coupon = true, tier = "gold", credit = 5 }
next = ["shop"]
)"));
  const auto& set = step(s, "tag").set;
  ASSERT_EQ(set.size(), 3u);
  EXPECT_EQ(set.at("coupon").kind, ParamValue::Kind::Boolean);
  EXPECT_EQ(set.at("coupon").number, 1.0);
  EXPECT_EQ(set.at("tier").text, "gold");
  EXPECT_EQ(set.at("credit").kind, ParamValue::Kind::Integer);
  EXPECT_EQ(set.at("credit").number, 5.0);
}

TEST(ScenarioSteps, ExitStepEndsTheJourney) {
  // `shop` is no exit: leaving through the exit step is the only way out.
  std::string text = base(R"(["shop"])", R"(
[steps.bye]
kind = "exit"
reason = "bought"
)");
  text.replace(text.find("exit = true"), 11, "next = [\"bye\"]");
  const Scenario s = load_text(text);
  EXPECT_EQ(step(s, "bye").kind, Step::Kind::Exit);
  EXPECT_EQ(step(s, "bye").reason, "bought");
}

TEST(ScenarioSteps, OnAloneIsAWayOn) {
  const Scenario s = load_text(base(R"([])", R"(
[touchpoints.mail.on]
clicked = "shop"
)"));
  EXPECT_EQ(touchpoint(s, "mail").on.at(0).to.index, 1u);
}

TEST(ScenarioSteps, OnEventNamesAreLeftToTheBinder) {
  // Only the channel knows its events: the loader keeps any name.
  const Scenario s = load_text(base(R"(["shop"])", R"(
[touchpoints.mail.on]
no_such_event = "shop"
)"));
  EXPECT_EQ(touchpoint(s, "mail").on.at(0).event, "no_such_event");
}

TEST(ScenarioSteps, StructureChecksAHandBuiltModelsArmWeights) {
  Scenario s = acceptance();
  s.steps.at(static_cast<size_t>(s.find_step("test"))).arms[1].weight = 0.0;
  std::vector<Diagnostic> problems;
  validate_structure(s, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message,
            "step 'test': arm 'B' has weight 0; experiment weights must be positive and finite");
}

TEST(ScenarioSteps, ExistingScenarioIsNumberedAsBefore) {
  const Scenario s = load_scenario(journeysim::testing::store_launch_funnel());
  EXPECT_TRUE(s.steps.empty());
  EXPECT_EQ(s.node_count(), s.touchpoints.size());
  for (const Touchpoint& tp : s.touchpoints) {
    EXPECT_TRUE(tp.on.empty()) << tp.id;
    for (const Edge& edge : tp.next) {
      EXPECT_EQ(static_cast<int>(edge.target), s.find_touchpoint(edge.to)) << tp.id;
    }
  }
}

// --- bad steps, each at its file:line:column --------------------------------

TEST(ScenarioSteps, UnknownBranchTargetSuggestsANode) {
  EXPECT_EQ(errors(base(R"(["route"])", R"(
[steps.route]
kind = "split"
branches = [{ when = "persona == 'all'", to = "shpo" }, { to = "shop" }]
)")),
            (Lines{"inline.toml:22:47: error: step 'route': branches[0] target 'shpo' is not a "
                   "touchpoint or step (did you mean 'shop'?)"}));
}

TEST(ScenarioSteps, UnknownOnTargetSuggestsANode) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = "2d"
next = ["shop"]

[touchpoints.shop.on]
purchased = "gpa"
)")),
            (Lines{"inline.toml:26:13: error: touchpoint 'shop': on.purchased target 'gpa' is "
                   "not a touchpoint or step (did you mean 'gap'?)"}));
}

TEST(ScenarioSteps, UnknownArmTargetIsRefused) {
  EXPECT_EQ(errors(base(R"(["ab"])", R"(
[steps.ab]
kind = "experiment"
arms = [{ name = "A", to = "shop" }, { name = "B", to = "nowhere" }]
)")),
            (Lines{"inline.toml:22:57: error: step 'ab': arms[1] target 'nowhere' is not a "
                   "touchpoint or step"}));
}

TEST(ScenarioSteps, UnknownRaceTargetIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = "2d"
next = ["shop"]
race = [{ rate_per_day = 0.1, to = "shopp" }]
)")),
            (Lines{"inline.toml:24:36: error: step 'gap': race[0] target 'shopp' is not a "
                   "touchpoint or step (did you mean 'shop'?)"}));
}

TEST(ScenarioSteps, UnknownStepNextTargetIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = "2d"
next = ["shp"]
)")),
            (Lines{"inline.toml:23:9: error: step 'gap': next target 'shp' is not a touchpoint "
                   "or step (did you mean 'shop'?)"}));
}

TEST(ScenarioSteps, SplitWithoutADefaultBranchIsRefused) {
  EXPECT_EQ(errors(base(R"(["route"])", R"(
[steps.route]
kind = "split"
branches = [{ when = "persona == 'all'", to = "shop" }]
)")),
            (Lines{"inline.toml:22:13: error: step 'route': split without a default branch: its "
                   "last branch has a `when`; end with a branch that has only `to`, for "
                   "customers no condition matches"}));
}

TEST(ScenarioSteps, ABranchAfterTheDefaultIsRefused) {
  EXPECT_EQ(errors(base(R"(["route"])", R"(
[steps.route]
kind = "split"
branches = [{ to = "shop" }, { when = "persona == 'all'", to = "mail" }, { to = "shop" }]
)")),
            (Lines{"inline.toml:22:30: error: step 'route': a branch after the default: "
                   "branches[1] can never be taken because branches[0] has no `when`; the "
                   "default branch goes last"}));
}

TEST(ScenarioSteps, ExperimentWeightZeroIsRefused) {
  EXPECT_EQ(errors(base(R"(["ab"])", R"(
[steps.ab]
kind = "experiment"
arms = [{ name = "A", weight = 0, to = "shop" }, { name = "B", weight = 1, to = "shop" }]
)")),
            (Lines{"inline.toml:22:32: error: steps.ab.arms[0].weight must be positive, got 0"}));
}

TEST(ScenarioSteps, ExperimentWeightNegativeIsRefused) {
  EXPECT_EQ(errors(base(R"(["ab"])", R"(
[steps.ab]
kind = "experiment"
arms = [{ name = "A", weight = 0.5, to = "shop" }, { name = "B", weight = -0.5, to = "shop" }]
)")),
            (Lines{"inline.toml:22:75: error: steps.ab.arms[1].weight must be positive, got "
                   "-0.5"}));
}

TEST(ScenarioSteps, ExperimentWithOneArmIsRefused) {
  EXPECT_EQ(errors(base(R"(["ab"])", R"(
[steps.ab]
kind = "experiment"
arms = [{ name = "A", to = "shop" }]
)")),
            (Lines{"inline.toml:20:1: error: step 'ab': an experiment needs at least two arms, "
                   "got 1"}));
}

TEST(ScenarioSteps, ExperimentArmNamesAreUnique) {
  EXPECT_EQ(errors(base(R"(["ab"])", R"(
[steps.ab]
kind = "experiment"
arms = [{ name = "A", to = "shop" }, { name = "A", to = "shop" }]
)")),
            (Lines{"inline.toml:22:47: error: step 'ab': arm name 'A' is used by arms[0] and "
                   "arms[1]; arm names must be unique"}));
}

TEST(ScenarioSteps, UnknownKindListsTheKindsAndSuggestsTheNearest) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wiat"
for = "2d"
next = ["shop"]
)")),
            (Lines{"inline.toml:21:8: error: steps.gap.kind: unknown step kind 'wiat' (did you "
                   "mean 'wait'?); step kinds: wait, split, experiment, update, exit"}));
}

TEST(ScenarioSteps, UnknownKeySuggestsTheNearestKeyOfItsKind) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = "2d"
nxet = ["shop"]
)")),
            (Lines{"inline.toml:23:1: error: unknown key 'nxet' in [steps.gap] (did you mean "
                   "'next'?)"}));
}

TEST(ScenarioSteps, ExitWithNextIsRefused) {
  EXPECT_EQ(errors(base(R"(["bye"])", R"(
[steps.bye]
kind = "exit"
next = ["shop"]
)")),
            (Lines{"inline.toml:22:1: error: key 'next' in [steps.bye] does not apply to an exit "
                   "step (an exit ends the journey); its keys: kind, stage, name, reason"}));
}

TEST(ScenarioSteps, StepAndTouchpointCannotShareAnId) {
  EXPECT_EQ(errors(base(R"(["shop"])", R"(
[steps.shop]
kind = "exit"
)")),
            (Lines{"inline.toml:20:1: error: step 'shop' has the same id as touchpoint 'shop' "
                   "(inline.toml:14:1); touchpoints and steps share one set of ids"}));
}

TEST(ScenarioSteps, WaitWithoutForIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
next = ["shop"]
)")),
            (Lines{"inline.toml:20:1: error: missing required key 'for' in [steps.gap]"}));
}

TEST(ScenarioSteps, BadDurationIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = "2 days"
next = ["shop"]
)")),
            (Lines{"inline.toml:22:7: error: steps.gap.for: duration '2 days': write the unit "
                   "right after the number, without a space"}));
}

TEST(ScenarioSteps, LognormalP90MustExceedTheMedian) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "lognormal", median = "1d", p90 = "12h" }
next = ["shop"]
)")),
            (Lines{"inline.toml:22:58: error: steps.gap.for.p90 ('12h') must be longer than the "
                   "median ('1d')"}));
}

TEST(ScenarioSteps, UniformMaxMustExceedMin) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "uniform", min = "3h", max = "1h" }
next = ["shop"]
)")),
            (Lines{"inline.toml:22:53: error: steps.gap.for.max ('1h') must be longer than min "
                   "('3h')"}));
}

TEST(ScenarioSteps, UniformMaxEqualToMinIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "uniform", min = "2h", max = "120m" }
next = ["shop"]
)")),
            (Lines{"inline.toml:22:53: error: steps.gap.for.max ('120m') must be longer than min "
                   "('2h')"}));
}

TEST(ScenarioSteps, UniformWithoutMaxIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "uniform", min = "1h" }
next = ["shop"]
)")),
            (Lines{"inline.toml:22:7: error: missing required key 'max' in [steps.gap.for]"}));
}

TEST(ScenarioSteps, UniformWithoutMinIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "uniform", max = "3h" }
next = ["shop"]
)")),
            (Lines{"inline.toml:22:7: error: missing required key 'min' in [steps.gap.for]"}));
}

TEST(ScenarioSteps, UniformBadDurationIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "uniform", min = "1 h", max = "3h" }
next = ["shop"]
)")),
            (Lines{"inline.toml:22:41: error: steps.gap.for.min: duration '1 h': write the unit "
                   "right after the number, without a space"}));
}

TEST(ScenarioSteps, UniformRefusesAnotherDistributionsKey) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "uniform", min = "1h", max = "3h", mean = "2h" }
next = ["shop"]
)")),
            (Lines{"inline.toml:22:59: error: unknown key 'mean' in [steps.gap.for] (did you "
                   "mean 'max'?)"}));
}

TEST(ScenarioSteps, AMisspeltDistributionSuggestsUniform) {
  EXPECT_EQ(errors(base(R"(["gap"])", R"(
[steps.gap]
kind = "wait"
for = { distribution = "unifrom", min = "1h", max = "3h" }
next = ["shop"]
)")),
            (Lines{"inline.toml:22:24: error: steps.gap.for.distribution: unknown distribution "
                   "'unifrom' (did you mean 'uniform'?); distributions: lognormal, exponential, "
                   "uniform"}));
}

TEST(ScenarioSteps, UnreachableStepIsRefused) {
  EXPECT_EQ(errors(base(R"(["shop"])", R"(
[steps.gap]
kind = "wait"
for = "2d"
next = ["shop"]
)")),
            (Lines{"inline.toml:20:1: error: step 'gap' cannot be reached: no path from an entry "
                   "touchpoint leads to it"}));
}

TEST(ScenarioSteps, WaitWithoutNextIsADeadEnd) {
  EXPECT_EQ(errors(base(R"(["gap", "shop"])", R"(
[steps.gap]
kind = "wait"
for = "2d"
)")),
            (Lines{"inline.toml:20:1: error: step 'gap' (wait) has no next edges; add next = "
                   "[...]"}));
}

TEST(ScenarioSteps, CycleThroughAStepWithNoExitIsRefused) {
  EXPECT_EQ(errors(base(R"(["gap", "shop"])", R"(
[steps.gap]
kind = "wait"
for = "2d"
next = ["nag"]

[touchpoints.nag]
stage = "start"
channel = "fixed"
next = ["gap"]
)")),
            (Lines{"inline.toml:25:1: error: no exit can be reached from touchpoints and steps "
                   "'nag', 'gap': they only lead to each other; make one of them an exit or add "
                   "a next edge leading out"}));
}

// --- variants: steps are part of the merged document ------------------------

TEST(ScenarioSteps, OverrideChangesAWaitByPath) {
  const Scenario s = acceptance({"steps.wait_2d.for=3d"});
  EXPECT_EQ(step(s, "wait_2d").wait_for.fixed.text, "3d");
  EXPECT_EQ(at(step(s, "wait_2d").wait_for.fixed.where), "--set steps.wait_2d.for");
}

TEST(ScenarioSteps, OverrideCannotCreateAStep) {
  try {
    acceptance({"steps.wait_3d.for=3d"});
    FAIL() << "loaded";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].message, "no step 'wait_3d' (did you mean 'wait_2d'?)");
  }
}

TEST(ScenarioSteps, OverrideOfAStepChangesTheHash) {
  EXPECT_NE(acceptance().hash, acceptance({"steps.wait_2d.for=3d"}).hash);
  EXPECT_EQ(acceptance().hash, acceptance({"steps.wait_2d.for=2d"}).hash);
}

TEST(ScenarioSteps, ExtendsOverridesAStepByPath) {
  const Scenario s = load_scenario(kDataDir / "steps_variant.toml");
  EXPECT_EQ(step(s, "wait_2d").wait_for.fixed.text, "3d");
  EXPECT_EQ(step(s, "wait_2d").next.at(0).to, "reminder");
  EXPECT_EQ(s.hash, acceptance({"steps.wait_2d.for=3d"}).hash);
}

}  // namespace
}  // namespace journeysim
