// Scenario::hash fingerprints what a scenario says, not how it is written.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "journeysim/scenario_loader.h"
#include "build_paths.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = fs::path(journeysim::testing::test_data_dir()) / "loader";

const std::string kScenario = R"([journey]
name = "Shop"
stages = ["awareness", "purchase"]
agents = 5000

[personas.shopper]
share = 1.0
channels = { email = 0.5, social = 0.25 }

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
params = { steps = 5, guest = false }
)";

// The same content: tables and keys in another order, other comments and
// spacing, a table written inline rather than under a header and back.
const std::string kReordered = R"(# Reordered, same content.
[touchpoints.checkout]
exit = true
milestone = "purchase"
channel = "checkout"
stage = "purchase"

[touchpoints.checkout.params]
guest = false
steps = 5

[touchpoints.ad]
next = [ "checkout" ]
entry = 1.0
channel = "social"
stage = "awareness"

[journey]
agents = 5_000
stages = ["awareness", "purchase"]
name = "Shop"

[personas]
shopper = { share = 1.0, channels = { social = 0.25, email = 0.5 } }
)";

std::string hash_of(const std::string& text, const LoadOptions& options = {}) {
  return load_scenario_text(text, "hash.toml", kDataDir, options).hash;
}

std::string with(const std::string& from, const std::string& to) {
  std::string text = kScenario;
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(ScenarioHash, IsSha256Hex) {
  const std::string hash = hash_of(kScenario);
  ASSERT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ScenarioHash, StableUnderKeyReorderingAndFormatting) {
  EXPECT_EQ(hash_of(kScenario), hash_of(kReordered));
}

TEST(ScenarioHash, ChangedByAnyValue) {
  const std::string original = hash_of(kScenario);
  EXPECT_NE(original, hash_of(with("agents = 5000", "agents = 5001")));
  EXPECT_NE(original, hash_of(with("social = 0.25", "social = 0.2500001")));
  EXPECT_NE(original, hash_of(with("guest = false", "guest = true")));
  EXPECT_NE(original, hash_of(with("name = \"Shop\"", "name = \"Shop \"")));
  EXPECT_NE(original, hash_of(with("steps = 5", "steps = 5.0")));  // integer vs float
}

TEST(ScenarioHash, ChangedByArrayOrder) {
  EXPECT_NE(hash_of(with("entry = 1.0", "entry = 1.0\nactions = [\"look\", \"click\"]")),
            hash_of(with("entry = 1.0", "entry = 1.0\nactions = [\"click\", \"look\"]")));
}

TEST(ScenarioHash, CoversOverrides) {
  LoadOptions options;
  options.overrides = {"journey.agents=5001"};
  EXPECT_EQ(hash_of(kScenario, options), hash_of(with("agents = 5000", "agents = 5001")));
  options.overrides = {"journey.agents=5000"};
  EXPECT_EQ(hash_of(kScenario, options), hash_of(kScenario));
}

TEST(ScenarioHash, CoversTheMergedChainNotTheFiles) {
  const Scenario variant = load_scenario(kDataDir / "chain/variant.toml");
  // What chain/variant.toml means once merged, written out in one file.
  const std::string merged = R"([journey]
name = "Variant"
purpose = "base purpose"
agents = 2000
stages = ["awareness", "purchase"]
[personas.shopper]
share = 1.0
goals = ["c"]
channels = { email = 0.5, social = 0.5 }
[touchpoints.ad]
stage = "awareness"
channel = "social"
entry = 1.0
actions = ["look"]
params = { quality = 0.9, budget = 100 }
next = ["checkout"]
[touchpoints.checkout]
stage = "purchase"
channel = "checkout"
milestone = "purchase"
exit = true
params = { steps = 4, guest_checkout = true }
)";
  EXPECT_EQ(variant.hash, hash_of(merged));
}

}  // namespace
}  // namespace journeysim
