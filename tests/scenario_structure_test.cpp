// Structural checks: the journey graph and the population, through the loader
// (exact file:line:column) and through validate_structure on a model.
#include <cmath>
#include <filesystem>
#include <limits>
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

const fs::path kDataDir = fs::path(journeysim::testing::test_data_dir()) / "loader";

const std::string kGraph = R"([journey]
name = "Graph"
stages = ["awareness", "purchase"]

[personas.a]
share = 0.5
[personas.b]
share = 0.5

[touchpoints.ad]
stage = "awareness"
channel = "social"
entry = 0.6
next = ["checkout"]

[touchpoints.search]
stage = "awareness"
channel = "search"
entry = 0.4
next = ["checkout"]

[touchpoints.checkout]
stage = "purchase"
channel = "checkout"
milestone = "purchase"
exit = true
)";
//  1 [journey]       10 [touchpoints.ad]      16 [touchpoints.search]  22 [touchpoints.checkout]
//  5 [personas.a]    13 entry                 19 entry                 27 (first appended line)
//  7 [personas.b]    14 next                  20 next

std::string edit(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// kGraph with the ad's next list replaced and `extra` appended.
std::string graph(const std::string& ad_next, const std::string& extra = "") {
  return edit(kGraph, "next = [\"checkout\"]", "next = " + ad_next) + extra;
}

Scenario load_text(const std::string& text) {
  return load_scenario_text(text, "inline.toml", kDataDir);
}

Lines errors(const std::string& text) {
  return journeysim::testing::diagnostics_of([&] { load_text(text); });
}

Lines problems_of(const Scenario& s) {
  std::vector<Diagnostic> problems;
  validate_structure(s, problems);
  Lines out;
  for (const Diagnostic& d : problems) {
    out.push_back(d.to_string());
  }
  return out;
}

TEST(ScenarioStructure, ValidGraphHasNoProblems) {
  EXPECT_EQ(problems_of(load_text(kGraph)), Lines{});
}

TEST(ScenarioStructure, DeadEndThatIsNotAnExit) {
  EXPECT_EQ(errors(graph("[\"checkout\", \"lost\"]",
                         "[touchpoints.lost]\nstage = \"purchase\"\nchannel = \"web\"\n")),
            (Lines{"inline.toml:27:1: error: touchpoint 'lost' has no next edges and is not an "
                   "exit; add next = [...] or exit = true"}));
}

TEST(ScenarioStructure, UnreachableTouchpoint) {
  EXPECT_EQ(errors(kGraph + "[touchpoints.orphan]\nstage = \"purchase\"\nchannel = \"web\"\n"
                            "next = [\"checkout\"]\n"),
            (Lines{"inline.toml:27:1: error: touchpoint 'orphan' cannot be reached: it has no "
                   "entry share and no path from an entry touchpoint leads to it"}));
}

TEST(ScenarioStructure, CycleWithNoWayOut) {
  EXPECT_EQ(errors(graph("[\"checkout\", \"loop_a\"]",
                         "[touchpoints.loop_a]\nstage = \"purchase\"\nchannel = \"web\"\n"
                         "next = [\"loop_b\"]\n"
                         "[touchpoints.loop_b]\nstage = \"purchase\"\nchannel = \"web\"\n"
                         "next = [\"loop_a\"]\n")),
            (Lines{"inline.toml:27:1: error: no exit can be reached from touchpoints 'loop_a', "
                   "'loop_b': they only lead to each other; make one of them an exit or add a "
                   "next edge leading out"}));
}

TEST(ScenarioStructure, TouchpointThatOnlyLeadsBackToItself) {
  EXPECT_EQ(errors(graph("[\"checkout\", \"spin\"]",
                         "[touchpoints.spin]\nstage = \"purchase\"\nchannel = \"web\"\n"
                         "next = [\"spin\"]\n")),
            (Lines{"inline.toml:27:1: error: no exit can be reached from touchpoint 'spin': it "
                   "only leads back to itself; make it an exit or add a next edge leading "
                   "out"}));
}

TEST(ScenarioStructure, CycleWithAWayOutIsFine) {
  const Scenario s = load_text(graph("[\"checkout\", \"loop_a\"]",
                                     "[touchpoints.loop_a]\nstage = \"purchase\"\n"
                                     "channel = \"web\"\nnext = [\"loop_b\"]\n"
                                     "[touchpoints.loop_b]\nstage = \"purchase\"\n"
                                     "channel = \"web\"\nnext = [\"loop_a\", \"checkout\"]\n"));
  EXPECT_EQ(s.touchpoints.size(), 5u);
}

TEST(ScenarioStructure, EntrySharesMustSumToOne) {
  EXPECT_EQ(errors(edit(kGraph, "entry = 0.6", "entry = 0.5")),
            (Lines{"inline.toml:10:1: error: entry shares sum to 0.9 (ad 0.5, search 0.4); "
                   "they must sum to 1 (±0.001)"}));
}

TEST(ScenarioStructure, EntrySharesWithinToleranceAreFine) {
  EXPECT_NO_THROW(load_text(edit(kGraph, "entry = 0.6", "entry = 0.6009")));
}

TEST(ScenarioStructure, AtLeastOneEntryTouchpoint) {
  EXPECT_EQ(errors(edit(edit(kGraph, "entry = 0.6", "entry = 0"), "entry = 0.4", "entry = 0")),
            (Lines{"inline.toml:1:1: error: no entry touchpoint: give at least one touchpoint "
                   "an entry share > 0"}));
}

TEST(ScenarioStructure, PersonaSharesMustSumToOne) {
  EXPECT_EQ(errors(edit(kGraph, "share = 0.5\n[personas.b]\nshare = 0.5",
                        "share = 0.5\n[personas.b]\nshare = 0.4")),
            (Lines{"inline.toml:5:1: error: persona shares sum to 0.9 (a 0.5, b 0.4); they "
                   "must sum to 1 (±0.001)"}));
}

TEST(ScenarioStructure, DuplicateEdgeTarget) {
  EXPECT_EQ(errors(graph("[\"checkout\", \"checkout\"]")),
            (Lines{"inline.toml:14:21: error: touchpoint 'ad' lists next target 'checkout' "
                   "more than once; merge them into one edge"}));
}

TEST(ScenarioStructure, AllProblemsReportedTogether) {
  const std::string text =
      edit(graph("[\"checkout\", \"lost\"]",
                 "[touchpoints.lost]\nstage = \"purchase\"\nchannel = \"web\"\n"
                 "[touchpoints.orphan]\nstage = \"purchase\"\nchannel = \"web\"\nexit = true\n"),
           "share = 0.5\n[personas.b]\nshare = 0.5", "share = 0.5\n[personas.b]\nshare = 0.6");
  EXPECT_EQ(errors(text),
            (Lines{"inline.toml:5:1: error: persona shares sum to 1.1 (a 0.5, b 0.6); they "
                   "must sum to 1 (±0.001)",
                   "inline.toml:30:1: error: touchpoint 'orphan' cannot be reached: it has no "
                   "entry share and no path from an entry touchpoint leads to it",
                   "inline.toml:27:1: error: touchpoint 'lost' has no next edges and is not an "
                   "exit; add next = [...] or exit = true"}));
}

// Checks the loader reports earlier (with a suggestion at the exact value)
// are repeated by validate_structure for scenarios built in code.

TEST(ScenarioStructure, NonPositiveEdgeWeight) {
  Scenario s = load_text(kGraph);
  s.touchpoints[0].next[0].weight = -1.0;
  EXPECT_EQ(problems_of(s),
            (Lines{"inline.toml:14:9: error: touchpoint 'ad': next edge to 'checkout' has "
                   "weight -1; weights must be positive and finite"}));
}

TEST(ScenarioStructure, NanEdgeWeight) {
  Scenario s = load_text(kGraph);
  s.touchpoints[0].next[0].weight = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(problems_of(s),
            (Lines{"inline.toml:14:9: error: touchpoint 'ad': next edge to 'checkout' has "
                   "weight nan; weights must be positive and finite"}));
}

TEST(ScenarioStructure, UnknownEdgeTarget) {
  Scenario s = load_text(kGraph);
  s.touchpoints[0].next[0].to = "chekout";
  EXPECT_EQ(problems_of(s),
            (Lines{"inline.toml:14:9: error: touchpoint 'ad': next target 'chekout' is not a "
                   "touchpoint (did you mean 'checkout'?)"}));
}

TEST(ScenarioStructure, TouchpointStageNotListed) {
  Scenario s = load_text(kGraph);
  s.touchpoints[2].stage = "purchse";
  EXPECT_EQ(problems_of(s),
            (Lines{"inline.toml:22:1: error: touchpoint 'checkout': stage 'purchse' is not in "
                   "journey.stages (did you mean 'purchase'?)"}));
}

TEST(ScenarioStructure, ConversionNamesNoMilestone) {
  Scenario s = load_text(kGraph);
  s.journey.conversion = "purchace";
  EXPECT_EQ(problems_of(s),
            (Lines{"inline.toml:1:1: error: journey.conversion: no touchpoint has milestone "
                   "'purchace' (did you mean 'purchase'?)"}));
}

TEST(ScenarioStructure, NoMilestoneAtAll) {
  Scenario s = load_text(kGraph);
  s.touchpoints[2].milestone.clear();
  EXPECT_EQ(problems_of(s),
            (Lines{"inline.toml:1:1: error: no touchpoint has a milestone; nothing can "
                   "convert"}));
}

TEST(ScenarioStructure, NoPersonas) {
  Scenario s = load_text(kGraph);
  s.personas.clear();
  EXPECT_EQ(problems_of(s), (Lines{"inline.toml:1:1: error: no personas: add at least one "
                                   "[personas.<id>] table"}));
}

TEST(ScenarioStructure, LongChainIsCheckedWithoutDeepRecursion) {
  // 100,000 touchpoints in a row, the last one trapped in a loop.
  Scenario s = load_text(kGraph);
  const Touchpoint model = s.touchpoints[2];
  s.touchpoints.pop_back();
  s.touchpoints[0].next[0].to = "n0";
  s.touchpoints[1].next[0].to = "n0";
  constexpr int kCount = 100'000;
  for (int i = 0; i < kCount; ++i) {
    Touchpoint tp = model;
    tp.id = "n" + std::to_string(i);
    tp.exit = false;
    tp.milestone = i == 0 ? "purchase" : "";
    Edge edge;
    edge.to = "n" + std::to_string(i + 1 < kCount ? i + 1 : i - 1);
    tp.next = {edge};
    s.touchpoints.push_back(std::move(tp));
  }
  const Lines problems = problems_of(s);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "inline.toml:22:1: error: no exit can be reached from touchpoints "
                         "'n99998', 'n99999': they only lead to each other; make one of them "
                         "an exit or add a next edge leading out");
}

}  // namespace
}  // namespace journeysim
