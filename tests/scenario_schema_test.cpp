// The scenario schema: what a valid file turns into, and the exact message and
// file:line:column of every kind of mistake.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "journeysim/scenario_loader.h"
#include "build_paths.h"
#include "support/load_diagnostics.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = fs::path(journeysim::testing::test_data_dir()) / "loader";

// A small valid scenario; tests below edit single lines of it, so its line
// numbers matter (see the numbers on the right).
const std::string kValid = R"([journey]
name = "Shop"
stages = ["awareness", "purchase"]

[personas.shopper]
share = 1.0

[touchpoints.ad]
stage = "awareness"
channel = "social"
entry = 1.0
next = ["checkout"]

[touchpoints.checkout]
stage = "purchase"
channel = "checkout"
milestone = "purchase"
exit = true
)";
//   1 [journey]            8 [touchpoints.ad]        14 [touchpoints.checkout]
//   2 name                 9 stage                   15 stage
//   3 stages              10 channel                 16 channel
//   5 [personas.shopper]  11 entry                   17 milestone
//   6 share               12 next                    18 exit

// kValid with the first occurrence of `from` replaced by `to`.
std::string edit(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) {
    text.replace(at, from.size(), to);
  }
  return text;
}

Scenario load_text(const std::string& text) {
  return load_scenario_text(text, "inline.toml", kDataDir);
}

// Every diagnostic printed, or a marker when the text loads.
std::vector<std::string> errors(const std::string& text) {
  return journeysim::testing::diagnostics_of([&] { load_text(text); });
}

using Lines = std::vector<std::string>;

TEST(ScenarioSchema, LoadsFullScenarioWithEveryField) {
  const fs::path file = kDataDir / "full.toml";
  const Scenario s = load_scenario(file);
  const std::string f = file.string();

  EXPECT_EQ(s.journey.name, "Spring launch — online store");
  EXPECT_EQ(s.journey.purpose, "Much social traffic, few sales: where do shoppers give up?");
  EXPECT_EQ(s.journey.type, "purchase");
  EXPECT_DOUBLE_EQ(s.journey.horizon_days, 60.0);
  EXPECT_EQ(s.journey.agents, 200'000u);
  EXPECT_EQ(s.journey.seed, 7u);
  EXPECT_EQ(s.journey.max_steps, 50u);
  EXPECT_EQ(s.journey.conversion, "purchase");
  EXPECT_EQ(s.journey.where.to_string(), f + ":2:1");

  ASSERT_EQ(s.stages.size(), 4u);
  EXPECT_EQ(s.stages[0].id, "awareness");
  EXPECT_EQ(s.stages[0].owner, "Marketing");
  EXPECT_EQ(s.stages[0].description, "People first hear of the store");
  EXPECT_EQ(s.stages[0].where.to_string(), f + ":13:1");
  EXPECT_EQ(s.stages[1].id, "consideration");
  EXPECT_EQ(s.stages[1].owner, "");
  EXPECT_EQ(s.stages[1].where.to_string(), f + ":10:24");  // its name in journey.stages
  EXPECT_EQ(s.stages[2].owner, "E-commerce team");
  EXPECT_EQ(s.stages[3].id, "retention");

  ASSERT_EQ(s.personas.size(), 2u);
  const Persona& parent = s.personas[0];  // sorted by id
  EXPECT_EQ(parent.id, "busy_parent");
  EXPECT_DOUBLE_EQ(parent.share, 0.4);
  EXPECT_EQ(parent.age_min, 30u);
  EXPECT_EQ(parent.age_max, 45u);
  EXPECT_EQ(parent.gender, "any");
  EXPECT_EQ(parent.job, "nurse");
  EXPECT_EQ(parent.education, "bachelor");
  EXPECT_EQ(parent.goals, (Lines{"save time", "good value"}));
  EXPECT_EQ(parent.expectations, (Lines{"fast delivery"}));
  EXPECT_EQ(parent.fears, (Lines{"hidden costs"}));
  EXPECT_EQ(parent.pain_points, (Lines{"long forms"}));
  EXPECT_EQ(parent.motivations, (Lines{"personal"}));
  EXPECT_EQ(parent.channels, (std::map<std::string, double>{
                                 {"email", 0.8}, {"phone", 0.1}, {"social", 0.6}}));
  EXPECT_DOUBLE_EQ(parent.patience, 0.35);
  EXPECT_DOUBLE_EQ(parent.price_sensitivity, 0.7);
  EXPECT_DOUBLE_EQ(parent.tech_savvy, 0.5);
  EXPECT_DOUBLE_EQ(parent.initial_satisfaction, 0.65);
  EXPECT_DOUBLE_EQ(parent.time_budget_minutes, 20.0);
  EXPECT_EQ(parent.where.to_string(), f + ":27:1");
  const Persona& student = s.personas[1];
  EXPECT_EQ(student.id, "student");
  EXPECT_EQ(student.motivations, (Lines{"social", "personal"}));
  EXPECT_EQ(student.channels.at("social"), 1.0);
  EXPECT_DOUBLE_EQ(student.price_sensitivity, 0.5);  // default

  // By stage, then id.
  ASSERT_EQ(s.touchpoints.size(), 5u);
  const Lines order = {s.touchpoints[0].id, s.touchpoints[1].id, s.touchpoints[2].id,
                       s.touchpoints[3].id, s.touchpoints[4].id};
  EXPECT_EQ(order, (Lines{"fb_page", "search_ad", "landing", "checkout", "thank_you"}));
  const Touchpoint& fb = s.touchpoints[0];
  EXPECT_EQ(fb.name, "Facebook page");
  EXPECT_EQ(fb.stage, "awareness");
  EXPECT_EQ(fb.stage_index, 0u);
  EXPECT_EQ(fb.channel, "social");
  EXPECT_DOUBLE_EQ(fb.entry, 0.7);
  EXPECT_EQ(fb.actions, (Lines{"browse collections", "watch videos"}));
  EXPECT_EQ(fb.milestone, "");
  EXPECT_FALSE(fb.exit);
  EXPECT_EQ(fb.where.to_string(), f + ":50:1");
  EXPECT_EQ(fb.channel_where.to_string(), f + ":52:11");
  EXPECT_EQ(fb.params_where.to_string(), f + ":56:10");
  ASSERT_EQ(fb.params.size(), 4u);
  EXPECT_EQ(fb.params.at("content_quality").kind, ParamValue::Kind::Number);
  EXPECT_DOUBLE_EQ(fb.params.at("content_quality").number, 0.8);
  EXPECT_EQ(fb.params.at("reply_minutes").kind, ParamValue::Kind::Integer);
  EXPECT_EQ(fb.params.at("reply_minutes").number, 30.0);
  EXPECT_EQ(fb.params.at("boosted").kind, ParamValue::Kind::Boolean);
  EXPECT_EQ(fb.params.at("boosted").number, 1.0);
  EXPECT_EQ(fb.params.at("tone").kind, ParamValue::Kind::String);
  EXPECT_EQ(fb.params.at("tone").text, "friendly");
  EXPECT_EQ(fb.params.at("reply_minutes").where.to_string(), f + ":56:51");
  ASSERT_EQ(fb.next.size(), 2u);
  EXPECT_EQ(fb.next[0].to, "landing");
  EXPECT_DOUBLE_EQ(fb.next[0].weight, 0.4);
  EXPECT_EQ(fb.next[0].target, 2u);
  EXPECT_EQ(fb.next[1].to, "checkout");
  EXPECT_EQ(fb.next[1].target, 3u);
  EXPECT_EQ(fb.next[1].where.to_string(), f + ":57:50");

  const Touchpoint& landing = s.touchpoints[2];
  EXPECT_EQ(landing.name, "landing");  // defaults to the id
  EXPECT_EQ(landing.params_where.to_string(), f + ":65:1");  // no params: the table
  ASSERT_EQ(landing.next.size(), 2u);
  EXPECT_DOUBLE_EQ(landing.next[0].weight, 1.0);
  EXPECT_EQ(landing.next[1].to, "thank_you");
  EXPECT_EQ(landing.next[1].target, 4u);
  EXPECT_EQ(s.touchpoints[3].milestone, "purchase");
  EXPECT_EQ(s.touchpoints[3].params.at("guest_checkout").number, 0.0);
  EXPECT_TRUE(s.touchpoints[4].exit);

  ASSERT_EQ(s.thresholds.size(), 2u);
  EXPECT_EQ(s.thresholds[0].metric, "conversion_rate");
  EXPECT_EQ(s.thresholds[0].conditions, (Lines{">= 0.04", ">= 0.05 @95%"}));
  EXPECT_EQ(s.thresholds[1].metric, "touchpoints.checkout.drop_rate");
  EXPECT_EQ(s.thresholds[1].conditions, (Lines{"< 0.55"}));
  EXPECT_EQ(s.thresholds[1].where.to_string(), f + ":79:36");

  EXPECT_EQ(s.files, (Lines{f}));
  EXPECT_EQ(s.hash.size(), 64u);
}

TEST(ScenarioSchema, MinimalScenarioGetsDefaults) {
  const Scenario s = load_text(kValid);
  EXPECT_EQ(s.journey.type, "purchase");
  EXPECT_DOUBLE_EQ(s.journey.horizon_days, 30.0);
  EXPECT_EQ(s.journey.agents, 10'000u);
  EXPECT_EQ(s.journey.seed, 1u);
  EXPECT_EQ(s.journey.max_steps, 200u);
  EXPECT_EQ(s.journey.conversion, "purchase");  // the only milestone
  EXPECT_EQ(s.touchpoints[1].name, "checkout");
  EXPECT_DOUBLE_EQ(s.touchpoints[1].entry, 0.0);
  EXPECT_EQ(s.stages[1].where.to_string(), "inline.toml:3:24");
  EXPECT_EQ(s.files, (Lines{"inline.toml"}));
}

TEST(ScenarioSchema, UnknownTouchpointKeySuggestsNearest) {
  EXPECT_EQ(errors(edit("channel = \"social\"", "chanel = \"social\"")),
            (Lines{"inline.toml:10:1: error: unknown key 'chanel' in [touchpoints.ad] "
                   "(did you mean 'channel'?)",
                   "inline.toml:8:1: error: missing required key 'channel' in "
                   "[touchpoints.ad]"}));
}

TEST(ScenarioSchema, AControlCharacterInAnIdIsRefusedShownEscaped) {
  // An id reaches every terminal report: an escape sequence in it would
  // drive the terminal, a NUL would cut it short.
  const Lines escape = errors(edit("[personas.shopper]", "[personas.\"shop\\u001b[2Jper\"]"));
  ASSERT_FALSE(escape.empty());
  EXPECT_EQ(escape.front(),
            "inline.toml:5:11: error: personas id 'shop\\u001B[2Jper' holds the control "
            "character U+001B: ids are shown in every report; use letters, digits, '_' or '-'");
  const Lines nul = errors(edit("[touchpoints.ad]", "[touchpoints.\"a\\u0000d\"]"));
  ASSERT_FALSE(nul.empty());
  EXPECT_EQ(nul.front(),
            "inline.toml:8:14: error: touchpoints id 'a\\u0000d' holds the control character "
            "U+0000: ids are shown in every report; use letters, digits, '_' or '-'");
}

TEST(ScenarioSchema, UnknownTopLevelKeySuggestsPersonas) {
  EXPECT_EQ(errors(kValid + "\n[persona.extra]\nshare = 0.5\n"),
            (Lines{"inline.toml:20:2: error: unknown top-level key 'persona' "
                   "(did you mean 'personas'?)"}));
}

TEST(ScenarioSchema, UnknownKeyWithoutSuggestionListsValidKeys) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\ncolour = \"red\"")),
            (Lines{"inline.toml:3:1: error: unknown key 'colour' in [journey]; valid keys: "
                   "name, purpose, type, horizon_days, agents, seed, max_steps, stages, "
                   "conversion, start, timezone"}));
}

TEST(ScenarioSchema, UnknownPersonaKeySuggestsNearest) {
  EXPECT_EQ(errors(edit("share = 1.0", "share = 1.0\npatients = 0.5")),
            (Lines{"inline.toml:7:1: error: unknown key 'patients' in [personas.shopper] "
                   "(did you mean 'patience'?)"}));
}

TEST(ScenarioSchema, UnknownEdgeKeySuggestsWeight) {
  EXPECT_EQ(errors(edit("next = [\"checkout\"]", "next = [{ to = \"checkout\", wieght = 2 }]")),
            (Lines{"inline.toml:12:28: error: unknown key 'wieght' in "
                   "touchpoints.ad.next[0] (did you mean 'weight'?)"}));
}

TEST(ScenarioSchema, UnknownStageTableKeySuggestsNearest) {
  EXPECT_EQ(errors(kValid + "[stages.purchase]\nowenr = \"Shop team\"\n"),
            (Lines{"inline.toml:20:1: error: unknown key 'owenr' in [stages.purchase] "
                   "(did you mean 'owner'?)"}));
}

TEST(ScenarioSchema, WrongTypeNamesBothTypes) {
  EXPECT_EQ(errors(edit("entry = 1.0", "entry = \"high\"")),
            (Lines{"inline.toml:11:9: error: touchpoints.ad.entry: expected number, got "
                   "string"}));
}

TEST(ScenarioSchema, WrongTypeForStringKey) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = 42")),
            (Lines{"inline.toml:2:8: error: journey.name: expected string, got integer"}));
}

TEST(ScenarioSchema, WrongTypeForBoolean) {
  EXPECT_EQ(errors(edit("exit = true", "exit = \"yes\"")),
            (Lines{"inline.toml:18:8: error: touchpoints.checkout.exit: expected boolean, "
                   "got string"}));
}

TEST(ScenarioSchema, WrongTypeInsideStringArray) {
  EXPECT_EQ(errors(edit("stages = [\"awareness\", \"purchase\"]",
                        "stages = [\"awareness\", \"purchase\", 3]")),
            (Lines{"inline.toml:3:36: error: journey.stages[2]: expected string, got "
                   "integer"}));
}

TEST(ScenarioSchema, DateIsAWrongType) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = 1979-05-27")),
            (Lines{"inline.toml:2:8: error: journey.name: expected string, got date"}));
}

TEST(ScenarioSchema, TableWhereTableExpected) {
  EXPECT_EQ(errors("stages = 3\n" + kValid),
            (Lines{"inline.toml:1:10: error: stages: expected table, got integer"}));
}

TEST(ScenarioSchema, IntegerAcceptedWhereNumberExpected) {
  const Scenario s = load_text(edit("entry = 1.0", "entry = 1"));
  EXPECT_DOUBLE_EQ(s.touchpoints[0].entry, 1.0);
}

TEST(ScenarioSchema, FloatRejectedWhereIntegerExpected) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\nagents = 1e30")),
            (Lines{"inline.toml:3:10: error: journey.agents: expected integer, got float "
                   "1e+30"}));
}

TEST(ScenarioSchema, AgentsOutOfRange) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\nagents = 0")),
            (Lines{"inline.toml:3:10: error: journey.agents must be between 1 and "
                   "1000000000000, got 0"}));
}

TEST(ScenarioSchema, MaxStepsOutOfRange) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\nmax_steps = 100001")),
            (Lines{"inline.toml:3:13: error: journey.max_steps must be between 1 and "
                   "100000, got 100001"}));
}

TEST(ScenarioSchema, NegativeSeedRejected) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\nseed = -1")),
            (Lines{"inline.toml:3:8: error: journey.seed must be between 0 and "
                   "9223372036854775807, got -1"}));
}

TEST(ScenarioSchema, HorizonMustBePositive) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\nhorizon_days = 0")),
            (Lines{"inline.toml:3:16: error: journey.horizon_days must be in (0, 36500], "
                   "got 0"}));
}

TEST(ScenarioSchema, NanRejected) {
  EXPECT_EQ(errors(edit("share = 1.0", "share = nan")),
            (Lines{"inline.toml:6:9: error: personas.shopper.share: expected a finite "
                   "number, got nan"}));
}

TEST(ScenarioSchema, InfinityRejected) {
  EXPECT_EQ(errors(edit("entry = 1.0", "entry = inf")),
            (Lines{"inline.toml:11:9: error: touchpoints.ad.entry: expected a finite "
                   "number, got inf"}));
}

TEST(ScenarioSchema, UnitIntervalEnforced) {
  EXPECT_EQ(errors(edit("share = 1.0", "share = 1.0\npatience = 1.5")),
            (Lines{"inline.toml:7:12: error: personas.shopper.patience must be in [0, 1], "
                   "got 1.5"}));
}

TEST(ScenarioSchema, PersonaShareMustBePositive) {
  EXPECT_EQ(errors(edit("share = 1.0", "share = 0")),
            (Lines{"inline.toml:6:9: error: personas.shopper.share must be in (0, 1], got 0"}));
}

TEST(ScenarioSchema, MissingRequiredName) {
  EXPECT_EQ(errors(edit("name = \"Shop\"\n", "")),
            (Lines{"inline.toml:1:1: error: missing required key 'name' in [journey]"}));
}

TEST(ScenarioSchema, EmptyNameRejected) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"\"")),
            (Lines{"inline.toml:2:8: error: journey.name must not be empty"}));
}

TEST(ScenarioSchema, MissingJourneyTable) {
  std::string text = kValid;
  text.replace(0, text.find("[personas"), "");
  const Lines got = errors(text);
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "inline.toml:1:1: error: missing required table [journey]");
}

TEST(ScenarioSchema, MissingPersonas) {
  EXPECT_EQ(errors(edit("[personas.shopper]\nshare = 1.0\n", "")),
            (Lines{"inline.toml:1:1: error: no personas: add at least one "
                   "[personas.<id>] table"}));
}

TEST(ScenarioSchema, MissingShare) {
  EXPECT_EQ(errors(edit("share = 1.0", "job = \"nurse\"")),
            (Lines{"inline.toml:5:1: error: missing required key 'share' in "
                   "[personas.shopper]"}));
}

TEST(ScenarioSchema, JourneyStagesMustBeUnique) {
  EXPECT_EQ(errors(edit("stages = [\"awareness\", \"purchase\"]",
                        "stages = [\"awareness\", \"purchase\", \"awareness\"]")),
            (Lines{"inline.toml:3:36: error: journey.stages lists 'awareness' more than "
                   "once"}));
}

TEST(ScenarioSchema, JourneyStagesMustNotBeEmpty) {
  const Lines got = errors(edit("stages = [\"awareness\", \"purchase\"]", "stages = []"));
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "inline.toml:3:10: error: journey.stages must list at least one stage");
}

TEST(ScenarioSchema, JourneyTypeMustBeKnown) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\ntype = \"retension\"")),
            (Lines{"inline.toml:3:8: error: journey.type: unknown journey type "
                   "'retension' (did you mean 'retention'?)"}));
}

TEST(ScenarioSchema, StageTableMustBeListedInJourneyStages) {
  EXPECT_EQ(errors(kValid + "[stages.purchse]\nowner = \"Shop team\"\n"),
            (Lines{"inline.toml:19:9: error: stage 'purchse' is not listed in "
                   "journey.stages (did you mean 'purchase'?)"}));
}

TEST(ScenarioSchema, TouchpointStageTypoSuggestsListedStage) {
  EXPECT_EQ(errors(edit("stage = \"purchase\"", "stage = \"purchse\"")),
            (Lines{"inline.toml:15:9: error: touchpoint 'checkout': stage 'purchse' is not "
                   "in journey.stages (did you mean 'purchase'?)"}));
}

TEST(ScenarioSchema, UnknownEdgeTargetSuggestsTouchpoint) {
  EXPECT_EQ(errors(edit("next = [\"checkout\"]", "next = [\"chekout\"]")),
            (Lines{"inline.toml:12:9: error: touchpoint 'ad': next target 'chekout' is not "
                   "a touchpoint (did you mean 'checkout'?)"}));
}

TEST(ScenarioSchema, EdgeWeightMustBePositive) {
  EXPECT_EQ(errors(edit("next = [\"checkout\"]", "next = [{ to = \"checkout\", weight = 0 }]")),
            (Lines{"inline.toml:12:37: error: touchpoints.ad.next[0].weight must be "
                   "positive, got 0"}));
}

TEST(ScenarioSchema, EdgeTableNeedsTo) {
  EXPECT_EQ(errors(edit("next = [\"checkout\"]", "next = [{ weight = 2 }]")),
            (Lines{"inline.toml:12:9: error: missing required key 'to' in "
                   "touchpoints.ad.next[0]"}));
}

TEST(ScenarioSchema, EdgeMustBeIdOrTable) {
  EXPECT_EQ(errors(edit("next = [\"checkout\"]", "next = [1]")),
            (Lines{"inline.toml:12:9: error: touchpoints.ad.next[0]: expected touchpoint id "
                   "or {to, weight, delay_hours} table, got integer"}));
}

TEST(ScenarioSchema, EdgeDelayIsReadAndMustNotBeNegative) {
  const Scenario s = load_text(edit("next = [\"checkout\"]",
                                    "next = [{ to = \"checkout\", delay_hours = 36 }]"));
  EXPECT_DOUBLE_EQ(s.touchpoints[0].next[0].delay_hours, 36.0);
  EXPECT_EQ(errors(edit("next = [\"checkout\"]",
                        "next = [{ to = \"checkout\", delay_hours = -1 }]")),
            (Lines{"inline.toml:12:42: error: touchpoints.ad.next[0].delay_hours must be "
                   "between 0 and 876000 (100 years), got -1"}));
}

TEST(ScenarioSchema, NextEdgesReadStringsAndTables) {
  const Scenario s = load_text(edit(
      "next = [\"checkout\"]", "next = [\"checkout\"]\n[touchpoints.ad.params]\nx = 1"));
  ASSERT_EQ(s.touchpoints[0].next.size(), 1u);
  EXPECT_EQ(s.touchpoints[0].next[0].to, "checkout");
  EXPECT_DOUBLE_EQ(s.touchpoints[0].next[0].weight, 1.0);
  EXPECT_EQ(s.touchpoints[0].next[0].target, 1u);
  EXPECT_EQ(s.touchpoints[0].next[0].where.to_string(), "inline.toml:12:9");
  EXPECT_EQ(s.touchpoints[0].params_where.to_string(), "inline.toml:13:1");
}

TEST(ScenarioSchema, PersonaAgeMustBeAPair) {
  EXPECT_EQ(errors(edit("share = 1.0", "share = 1.0\nage = [30]")),
            (Lines{"inline.toml:7:7: error: personas.shopper.age: expected [min, max] (two "
                   "integers), got array of 1"}));
}

TEST(ScenarioSchema, PersonaAgeWithinRange) {
  EXPECT_EQ(errors(edit("share = 1.0", "share = 1.0\nage = [30, 200]")),
            (Lines{"inline.toml:7:12: error: personas.shopper.age[1] must be between 0 and "
                   "120, got 200"}));
}

TEST(ScenarioSchema, PersonaAgeMinNotAboveMax) {
  EXPECT_EQ(errors(edit("share = 1.0", "share = 1.0\nage = [45, 30]")),
            (Lines{"inline.toml:7:7: error: personas.shopper.age: minimum 45 is above "
                   "maximum 30"}));
}

TEST(ScenarioSchema, MotivationAndMotivationsBothFill) {
  const Scenario s = load_text(
      edit("share = 1.0", "share = 1.0\nmotivation = \"personal\"\nmotivations = [\"social\"]"));
  EXPECT_EQ(s.personas[0].motivations, (Lines{"personal", "social"}));
}

TEST(ScenarioSchema, ChannelAffinitiesAreUnitNumbers) {
  EXPECT_EQ(errors(edit("share = 1.0", "share = 1.0\nchannels = { email = 2 }")),
            (Lines{"inline.toml:7:22: error: personas.shopper.channels.email must be in "
                   "[0, 1], got 2"}));
}

TEST(ScenarioSchema, ParamsKeepKindsAndLocations) {
  const Scenario s = load_text(edit(
      "exit = true", "exit = true\nparams = { steps = 5, load_s = 3.2, guest = false, mode = \"x\" }"));
  const Touchpoint& checkout = s.touchpoints[1];
  EXPECT_EQ(checkout.params_where.to_string(), "inline.toml:19:10");
  EXPECT_EQ(checkout.params.at("steps").kind, ParamValue::Kind::Integer);
  EXPECT_EQ(checkout.params.at("steps").number, 5.0);
  EXPECT_EQ(checkout.params.at("steps").where.to_string(), "inline.toml:19:20");
  EXPECT_EQ(checkout.params.at("load_s").kind, ParamValue::Kind::Number);
  EXPECT_EQ(checkout.params.at("guest").kind, ParamValue::Kind::Boolean);
  EXPECT_EQ(checkout.params.at("mode").kind, ParamValue::Kind::String);
  EXPECT_EQ(checkout.params.at("mode").text, "x");
}

TEST(ScenarioSchema, ParamsRejectNestedValues) {
  EXPECT_EQ(errors(edit("exit = true", "exit = true\nparams = { a = { b = 1 }, c = [1] }")),
            (Lines{"inline.toml:19:16: error: touchpoints.checkout.params.a: expected "
                   "number, integer, boolean or string, got table",
                   "inline.toml:19:31: error: touchpoints.checkout.params.c: expected "
                   "number, integer, boolean or string, got array"}));
}

TEST(ScenarioSchema, ParamsRejectNan) {
  EXPECT_EQ(errors(edit("exit = true", "exit = true\nparams = { rate = nan }")),
            (Lines{"inline.toml:19:19: error: touchpoints.checkout.params.rate: expected a "
                   "finite number, got nan"}));
}

TEST(ScenarioSchema, NoMilestoneMeansNothingCanConvert) {
  EXPECT_EQ(errors(edit("milestone = \"purchase\"\n", "")),
            (Lines{"inline.toml:1:1: error: no touchpoint has a milestone; nothing can "
                   "convert"}));
}

TEST(ScenarioSchema, SeveralMilestonesNeedConversion) {
  EXPECT_EQ(errors(edit("entry = 1.0", "entry = 1.0\nmilestone = \"signup\"")),
            (Lines{"inline.toml:1:1: error: touchpoints have several milestones "
                   "('purchase', 'signup'); set journey.conversion to the one that counts "
                   "as converting"}));
}

TEST(ScenarioSchema, ExplicitConversionChoosesAmongMilestones) {
  std::string text = edit("entry = 1.0", "entry = 1.0\nmilestone = \"signup\"");
  text.replace(text.find("name = \"Shop\""), 13, "name = \"Shop\"\nconversion = \"signup\"");
  EXPECT_EQ(load_text(text).journey.conversion, "signup");
}

TEST(ScenarioSchema, ConversionMustNameAMilestone) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\nconversion = \"purchace\"")),
            (Lines{"inline.toml:3:14: error: journey.conversion: no touchpoint has milestone "
                   "'purchace' (did you mean 'purchase'?)"}));
}

TEST(ScenarioSchema, ThresholdsAcceptQuotedAndNestedMetricPaths) {
  const Scenario s = load_text(kValid +
                               "[thresholds]\n"
                               "\"touchpoints.checkout.drop_rate\" = \"< 0.55\"\n"
                               "conversion_rate = [\">= 0.04\", \"<= 0.5\"]\n"
                               "stages.purchase.drop_rate = \"< 0.3\"\n");
  ASSERT_EQ(s.thresholds.size(), 3u);
  EXPECT_EQ(s.thresholds[0].metric, "conversion_rate");
  EXPECT_EQ(s.thresholds[0].conditions, (Lines{">= 0.04", "<= 0.5"}));
  EXPECT_EQ(s.thresholds[1].metric, "stages.purchase.drop_rate");
  EXPECT_EQ(s.thresholds[2].metric, "touchpoints.checkout.drop_rate");
  EXPECT_EQ(s.thresholds[2].where.to_string(), "inline.toml:20:36");
}

TEST(ScenarioSchema, ThresholdConditionsMustBeStrings) {
  EXPECT_EQ(errors(kValid + "[thresholds]\nconversion_rate = 0.04\n"),
            (Lines{"inline.toml:20:19: error: thresholds.conversion_rate: expected string or "
                   "array of strings, got float 0.04"}));
}

TEST(ScenarioSchema, ParseErrorHasLocationAndDescription) {
  // TOML++'s own description, at its own position (the end of the line).
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop")),
            (Lines{"inline.toml:2:13: error: Error while parsing string: unescaped control "
                   "characters other than TAB (U+0009) are explicitly prohibited"}));
}

TEST(ScenarioSchema, DuplicateKeyIsAParseError) {
  EXPECT_EQ(errors(edit("name = \"Shop\"", "name = \"Shop\"\nname = \"Again\"")),
            (Lines{"inline.toml:3:8: error: Error while parsing key-value pair: cannot "
                   "redefine existing string 'name'"}));
}

TEST(ScenarioSchema, DeeplyNestedArraysRejectedWithoutCrashing) {
  const std::string text = "x = " + std::string(300, '[') + std::string(300, ']') + "\n";
  EXPECT_EQ(errors(text), (Lines{"inline.toml:1:104: error: values nested more than 100 "
                                 "levels deep; a scenario needs only a few"}));
}

TEST(ScenarioSchema, HugeDottedKeyRejectedWithoutCrashing) {
  std::string key = "a";
  for (int i = 0; i < 100'000; ++i) {
    key += ".a";
  }
  const Lines got = errors(key + " = 1\n");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "inline.toml:1:201: error: values nested more than 100 levels deep; a "
                    "scenario needs only a few");
}

TEST(ScenarioSchema, DeepTableHeaderRejectedWithoutCrashing) {
  std::string header = "[a";
  for (int i = 0; i < 50'000; ++i) {
    header += ".a";
  }
  const Lines got = errors(header + "]\nx = 1\n");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("values nested more than 100 levels deep"), std::string::npos);
}

TEST(ScenarioSchema, OversizedTextRejected) {
  const std::string text = "# " + std::string(16u << 20, 'x') + "\n";
  EXPECT_EQ(errors(text), (Lines{"inline.toml: error: file is 16777219 bytes; scenario files "
                                 "are limited to 16 MiB (16777216 bytes)"}));
}

TEST(ScenarioSchema, OversizedFileRejected) {
  const fs::path file = fs::path(::testing::TempDir()) / "journeysim_oversized.toml";
  {
    std::ofstream out(file, std::ios::binary);
    out << "# " << std::string((16u << 20) + 10, 'x') << "\n";
  }
  try {
    load_scenario(file);
    ADD_FAILURE() << "loaded";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), file.string() +
                                         ": error: cannot read scenario file: file is "
                                         "16777229 bytes; scenario files are limited to 16 "
                                         "MiB (16777216 bytes)");
  }
  fs::remove(file);
}

TEST(ScenarioSchema, MissingFileIsAnInputError) {
  const fs::path file = kDataDir / "no_such_scenario.toml";
  try {
    load_scenario(file);
    ADD_FAILURE() << "loaded";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              file.string() + ": error: cannot read scenario file: no such file");
  }
}

TEST(ScenarioSchema, AllProblemsReportedAtOnce) {
  std::string text = edit("entry = 1.0", "entry = \"x\"");
  text.replace(text.find("exit = true"), 11, "exit = 1");
  text.replace(text.find("share = 1.0"), 11, "share = true");
  EXPECT_EQ(errors(text),
            (Lines{"inline.toml:6:9: error: personas.shopper.share: expected number, got "
                   "boolean",
                   "inline.toml:11:9: error: touchpoints.ad.entry: expected number, got string",
                   "inline.toml:18:8: error: touchpoints.checkout.exit: expected boolean, got "
                   "integer"}));
}

TEST(ScenarioSchema, TouchpointsSortedByStageThenAsFirstMetWithTargetsResolvedAfter) {
  const Scenario s = load_text(R"([journey]
name = "Sort"
stages = ["one", "two"]
[personas.p]
share = 1
[touchpoints.a_late]
stage = "two"
channel = "x"
exit = true
[touchpoints.z_early]
stage = "one"
channel = "x"
entry = 1
next = ["a_late", "b_early"]
[touchpoints.b_early]
stage = "one"
channel = "x"
milestone = "m"
next = ["a_late"]
)");
  // z_early is the entry, so customers meet it before b_early.
  ASSERT_EQ(s.touchpoints.size(), 3u);
  EXPECT_EQ(s.touchpoints[0].id, "z_early");
  EXPECT_EQ(s.touchpoints[1].id, "b_early");
  EXPECT_EQ(s.touchpoints[2].id, "a_late");
  EXPECT_EQ(s.touchpoints[2].stage_index, 1u);
  EXPECT_EQ(s.touchpoints[0].next[0].target, 2u);
  EXPECT_EQ(s.touchpoints[0].next[1].target, 1u);
  EXPECT_EQ(s.find_touchpoint("a_late"), 2);
  EXPECT_EQ(s.find_touchpoint("nope"), -1);
  EXPECT_EQ(s.find_persona("p"), 0);
  EXPECT_EQ(s.find_persona("q"), -1);
}

TEST(ScenarioSchema, LoadsGenerated2000TouchpointScenario) {
  constexpr int kCount = 2000;
  std::string text =
      "[journey]\nname = \"Big\"\nstages = [\"s0\", \"s1\", \"s2\", \"s3\"]\n"
      "[personas.a]\nshare = 0.5\n[personas.b]\nshare = 0.5\n";
  for (int i = 0; i < kCount; ++i) {
    const std::string id = "tp" + std::to_string(i);
    text += "[touchpoints." + id + "]\nstage = \"s" + std::to_string(i * 4 / kCount) +
            "\"\nchannel = \"web\"\n";
    text += "params = { steps = " + std::to_string(i % 7) + ", quality = 0.5 }\n";
    if (i == 0) {
      text += "entry = 1\n";
    }
    if (i == kCount - 1) {
      text += "exit = true\nmilestone = \"done\"\n";
    } else {
      // A chain with skips forward, so every touchpoint has one or two edges.
      text += "next = [\"tp" + std::to_string(i + 1) + "\"";
      if (i + 7 < kCount) {
        text += ", { to = \"tp" + std::to_string(i + 7) + "\", weight = 0.25 }";
      }
      text += "]\n";
    }
  }
  const Scenario s = load_text(text);
  ASSERT_EQ(s.touchpoints.size(), static_cast<size_t>(kCount));
  EXPECT_EQ(s.journey.conversion, "done");
  const int first = s.find_touchpoint("tp0");
  ASSERT_GE(first, 0);
  const Touchpoint& tp0 = s.touchpoints[static_cast<size_t>(first)];
  EXPECT_EQ(s.touchpoints[tp0.next[0].target].id, "tp1");
  EXPECT_EQ(s.touchpoints[tp0.next[1].target].id, "tp7");
}

}  // namespace
}  // namespace journeysim
