// `--set path=value` overrides: TOML values with a plain-string fallback,
// quoted key paths, and no way to create an entity by mistake.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "journeysim/scenario_loader.h"
#include "build_paths.h"
#include "support/load_diagnostics.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

const fs::path kFull = fs::path(journeysim::testing::test_data_dir()) / "loader" / "full.toml";

Scenario load_with(const Lines& overrides) {
  LoadOptions options;
  options.overrides = overrides;
  return load_scenario(kFull, options);
}

Lines errors_with(const Lines& overrides) {
  return journeysim::testing::diagnostics_of([&] { load_with(overrides); });
}

const Touchpoint& touchpoint(const Scenario& s, const std::string& id) {
  const int i = s.find_touchpoint(id);
  EXPECT_GE(i, 0) << id;
  return s.touchpoints.at(static_cast<size_t>(i < 0 ? 0 : i));
}

TEST(ScenarioOverrides, IntegerValue) {
  const Scenario s = load_with({"touchpoints.checkout.params.steps=3"});
  const ParamValue& steps = touchpoint(s, "checkout").params.at("steps");
  EXPECT_EQ(steps.kind, ParamValue::Kind::Integer);
  EXPECT_EQ(steps.number, 3.0);
  EXPECT_EQ(steps.where.to_string(), "--set touchpoints.checkout.params.steps");
  EXPECT_EQ(steps.where.line, 0u);
}

TEST(ScenarioOverrides, NumberValue) {
  const Scenario s = load_with({"journey.horizon_days = 12.5"});
  EXPECT_DOUBLE_EQ(s.journey.horizon_days, 12.5);
}

TEST(ScenarioOverrides, BooleanValue) {
  const Scenario s = load_with({"touchpoints.checkout.params.guest_checkout=true"});
  const ParamValue& guest = touchpoint(s, "checkout").params.at("guest_checkout");
  EXPECT_EQ(guest.kind, ParamValue::Kind::Boolean);
  EXPECT_EQ(guest.number, 1.0);
}

TEST(ScenarioOverrides, UnparsableValueIsTakenAsPlainString) {
  const Scenario s = load_with({"journey.name=Summer sale", "touchpoints.fb_page.channel=email"});
  EXPECT_EQ(s.journey.name, "Summer sale");
  EXPECT_EQ(touchpoint(s, "fb_page").channel, "email");
  EXPECT_EQ(touchpoint(s, "fb_page").channel_where.to_string(), "--set touchpoints.fb_page.channel");
}

TEST(ScenarioOverrides, QuotedTomlStringValue) {
  const Scenario s = load_with({"journey.purpose=\"a = b, \\\"quoted\\\"\""});
  EXPECT_EQ(s.journey.purpose, "a = b, \"quoted\"");
}

TEST(ScenarioOverrides, ArrayValueReplaces) {
  const Scenario s = load_with({"touchpoints.fb_page.actions=[\"scroll\"]"});
  EXPECT_EQ(touchpoint(s, "fb_page").actions, (Lines{"scroll"}));
}

TEST(ScenarioOverrides, InlineTableValueMerges) {
  const Scenario s = load_with({"touchpoints.checkout.params={ steps = 2 }"});
  const Touchpoint& checkout = touchpoint(s, "checkout");
  EXPECT_EQ(checkout.params.at("steps").number, 2.0);
  EXPECT_EQ(checkout.params.at("form_fields").number, 14.0);
}

TEST(ScenarioOverrides, QuotedKeyPathSegment) {
  const Scenario s = load_with({"thresholds.\"touchpoints.checkout.drop_rate\"=[\"< 0.4\"]",
                                "thresholds.'revenue.total'='> 100'"});
  ASSERT_EQ(s.thresholds.size(), 3u);
  EXPECT_EQ(s.thresholds[1].metric, "revenue.total");
  EXPECT_EQ(s.thresholds[1].conditions, (Lines{"> 100"}));
  EXPECT_EQ(s.thresholds[2].metric, "touchpoints.checkout.drop_rate");
  EXPECT_EQ(s.thresholds[2].conditions, (Lines{"< 0.4"}));
  EXPECT_EQ(s.thresholds[2].where.to_string(),
            "--set thresholds.\"touchpoints.checkout.drop_rate\"");
}

TEST(ScenarioOverrides, LaterOverrideWins) {
  const Scenario s = load_with({"journey.agents=5", "journey.agents=6"});
  EXPECT_EQ(s.journey.agents, 6u);
}

TEST(ScenarioOverrides, UnknownTouchpointIsNotCreated) {
  EXPECT_EQ(errors_with({"touchpoints.chekout.params.steps=3"}),
            (Lines{"--set touchpoints.chekout.params.steps: error: no touchpoint 'chekout' "
                   "(did you mean 'checkout'?)"}));
}

TEST(ScenarioOverrides, ProblemsReportedTogetherWithSchemaProblems) {
  EXPECT_EQ(errors_with({"touchpoints.chekout.params.steps=3", "journey.agents=1e30"}),
            (Lines{"--set touchpoints.chekout.params.steps: error: no touchpoint 'chekout' "
                   "(did you mean 'checkout'?)",
                   "--set journey.agents: error: journey.agents: expected integer, got float "
                   "1e+30"}));
}

TEST(ScenarioOverrides, UnknownPersonaIsNotCreated) {
  EXPECT_EQ(errors_with({"personas.studnet.share=0.5"}),
            (Lines{"--set personas.studnet.share: error: no persona 'studnet' (did you mean "
                   "'student'?)"}));
}

TEST(ScenarioOverrides, EntityCannotBeAddedThroughATableValue) {
  EXPECT_EQ(errors_with({"touchpoints={ extra = { stage = \"awareness\" } }"}),
            (Lines{"--set touchpoints: error: no touchpoint 'extra'"}));
}

TEST(ScenarioOverrides, ListedStageMayGetItsFirstTable) {
  const Scenario s = load_with({"stages.consideration.owner=Web team"});
  EXPECT_EQ(s.stages[1].owner, "Web team");
}

TEST(ScenarioOverrides, UnlistedStageIsNotCreated) {
  EXPECT_EQ(errors_with({"stages.retension.owner=CRM"}),
            (Lines{"--set stages.retension.owner: error: no stage 'retension' (did you mean "
                   "'retention'?)"}));
}

TEST(ScenarioOverrides, UnknownKeyIsCaughtByTheSchema) {
  EXPECT_EQ(errors_with({"touchpoints.checkout.chanel=email"}),
            (Lines{"--set touchpoints.checkout.chanel: error: unknown key 'chanel' in "
                   "[touchpoints.checkout] (did you mean 'channel'?)"}));
}

TEST(ScenarioOverrides, WrongTypeIsCaughtByTheSchema) {
  EXPECT_EQ(errors_with({"journey.agents=many"}),
            (Lines{"--set journey.agents: error: journey.agents: expected integer, got "
                   "string"}));
}

TEST(ScenarioOverrides, CannotDescendIntoAScalar) {
  EXPECT_EQ(errors_with({"journey.name.first=x"}),
            (Lines{"--set journey.name.first: error: cannot set 'journey.name.first': "
                   "'journey.name' is a string, not a table"}));
}

TEST(ScenarioOverrides, MissingEqualsSign) {
  EXPECT_EQ(errors_with({"journey.agents"}),
            (Lines{"--set journey.agents: error: expected path=value, e.g. "
                   "touchpoints.checkout.params.steps=3"}));
}

TEST(ScenarioOverrides, MalformedPath) {
  EXPECT_EQ(errors_with({"journey..agents=3", "journey.\"agents=3"}),
            (Lines{"--set journey..agents: error: unexpected '.' in key path "
                   "'journey..agents' (quote keys that contain it)",
                   "--set journey.\"agents=3: error: expected path=value, e.g. "
                   "touchpoints.checkout.params.steps=3"}));
}

TEST(ScenarioOverrides, ExtendsCannotBeSet) {
  EXPECT_EQ(errors_with({"extends=other.toml"}),
            (Lines{"--set extends: error: extends cannot be set with --set; write a variant "
                   "file"}));
}

TEST(ScenarioOverrides, AppliedAfterExtendsMerging) {
  LoadOptions options;
  options.overrides = {"touchpoints.checkout.params.steps=9"};
  const Scenario s =
      load_scenario(fs::path(journeysim::testing::test_data_dir()) / "loader/chain/variant.toml", options);
  const Touchpoint& checkout = touchpoint(s, "checkout");
  EXPECT_EQ(checkout.params.at("steps").number, 9.0);
  EXPECT_EQ(checkout.params.at("guest_checkout").number, 1.0);
}

}  // namespace
}  // namespace journeysim
