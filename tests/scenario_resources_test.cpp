// [resources.<id>] and a touchpoint's `uses` / `patience`: the loader's side
// of queues. Every bad one is refused at its file:line:column.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "journeysim/scenario_loader.h"
#include "build_paths.h"
#include "support/load_diagnostics.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using Lines = std::vector<std::string>;

const std::string kBase = R"([journey]
name = "Queues"
stages = ["help"]

[personas.all]
share = 1.0

[touchpoints.desk]
stage = "help"
channel = "support"
entry = 1.0
milestone = "helped"
exit = true
)";
// line 8 [touchpoints.desk], 14 the first appended line

Lines errors(const std::string& text) {
  return journeysim::testing::diagnostics_of([&] {
    journeysim::testing::model_from_text(text, /*with_plugins=*/true, "inline.toml");
  });
}

std::string with(const std::string& desk, const std::string& resources) {
  return kBase + desk + "\n" + resources;
}

TEST(ScenarioResources, ATeamWithServiceAndPatienceLoads) {
  const Scenario s = load_scenario_text(
      with("uses = \"team\"\npatience = \"5m\"",
           "[resources.team]\ncapacity = 5\nservice = { distribution = \"exponential\", mean "
           "= \"10m\" }\nwarm_up = \"2h\""),
      "inline.toml", journeysim::testing::test_data_dir());
  ASSERT_EQ(s.resources.size(), 1u);
  EXPECT_EQ(s.resources[0].capacity, 5u);
  EXPECT_TRUE(s.resources[0].has_service);
  EXPECT_DOUBLE_EQ(s.resources[0].warm_up_hours, 2.0);
  EXPECT_EQ(s.touchpoints[0].uses, "team");
  EXPECT_EQ(s.touchpoints[0].resource, 0u);
  EXPECT_TRUE(s.touchpoints[0].has_patience);
}

TEST(ScenarioResources, AnUnknownResourceIsRefusedAtTheUsesValueWithTheNearest) {
  EXPECT_EQ(errors(with("uses = \"taem\"", "[resources.team]\ncapacity = 5")),
            (Lines{"inline.toml:14:8: error: touchpoint 'desk' uses unknown resource 'taem' "
                   "(did you mean 'team'?)",
                   "inline.toml:15:1: error: resource 'team' is used by no touchpoint; add uses "
                   "= \"team\" to the touchpoint where customers queue for it, or remove it"}));
}

TEST(ScenarioResources, AResourceNobodyUsesIsRefused) {
  EXPECT_EQ(errors(with("", "[resources.team]\ncapacity = 5")),
            (Lines{"inline.toml:15:1: error: resource 'team' is used by no touchpoint; add uses "
                   "= \"team\" to the touchpoint where customers queue for it, or remove it"}));
}

TEST(ScenarioResources, CapacityZeroIsRefused) {
  const Lines e = errors(with("uses = \"team\"", "[resources.team]\ncapacity = 0"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].rfind("inline.toml:16:12: error: resources.team.capacity", 0), 0u) << e[0];
}

TEST(ScenarioResources, PatienceWithoutAQueueIsRefused) {
  const Lines e = errors(with("patience = \"5m\"", ""));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0], "inline.toml:14:12: error: touchpoint 'desk': patience is how long customers "
                  "queue, but it uses no resource; add uses = \"<resource id>\"");
}

TEST(ScenarioResources, PatienceOnAChannelWithoutAGaveUpEventIsRefused) {
  std::string text = with("uses = \"team\"\npatience = \"5m\"", "[resources.team]\ncapacity = 2");
  text.replace(text.find("\"support\""), 9, "\"fixed\"");
  EXPECT_EQ(errors(text),
            (Lines{"inline.toml:15:12: error: touchpoint 'desk': patience needs a channel with "
                   "a `gave_up` event to leave the queue by, and channel 'fixed' has none (the "
                   "`support` channel has one)"}));
}

TEST(ScenarioResources, AnUnknownResourceKeyGetsTheNearest) {
  const Lines e = errors(with("uses = \"team\"", "[resources.team]\ncapacity = 2\nservise = \"5m\""));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("did you mean 'service'"), std::string::npos) << e[0];
}

}  // namespace
}  // namespace journeysim
