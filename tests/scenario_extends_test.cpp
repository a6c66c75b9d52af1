// `extends`: deep merge across a chain of files, where merged values say they
// came from, and the chains the loader refuses (cycles, files outside the
// scenario's directory, unreadable bases).
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

const fs::path kDataDir = fs::path(journeysim::testing::test_data_dir()) / "loader";
const fs::path kChain = kDataDir / "chain";

std::string path_of(const fs::path& p) { return p.lexically_normal().string(); }

fs::path canonical_dir(const std::string& name) { return fs::canonical(kDataDir / name); }

Lines errors_loading(const fs::path& file, const LoadOptions& options = {}) {
  return journeysim::testing::diagnostics_of([&] { load_scenario(file, options); });
}

const Touchpoint& touchpoint(const Scenario& s, const std::string& id) {
  const int i = s.find_touchpoint(id);
  EXPECT_GE(i, 0) << id;
  return s.touchpoints.at(static_cast<size_t>(i < 0 ? 0 : i));
}

TEST(ScenarioExtends, ScalarsOverrideAlongAThreeLevelChain) {
  const Scenario s = load_scenario(kChain / "variant.toml");
  EXPECT_EQ(s.journey.name, "Variant");          // variant
  EXPECT_EQ(s.journey.agents, 2000u);            // mid
  EXPECT_EQ(s.journey.purpose, "base purpose");  // base
}

TEST(ScenarioExtends, TablesMergeKeyByKey) {
  const Scenario s = load_scenario(kChain / "variant.toml");
  const Touchpoint& ad = touchpoint(s, "ad");
  ASSERT_EQ(ad.params.size(), 2u);
  EXPECT_DOUBLE_EQ(ad.params.at("quality").number, 0.9);  // variant, inline table
  EXPECT_EQ(ad.params.at("budget").number, 100.0);        // base
  EXPECT_EQ(ad.channel, "social");                        // base, same table as variant's
  const Touchpoint& checkout = touchpoint(s, "checkout");
  EXPECT_EQ(checkout.params.at("steps").number, 4.0);              // mid
  EXPECT_EQ(checkout.params.at("guest_checkout").number, 1.0);     // variant
  EXPECT_EQ(s.personas[0].channels.size(), 2u);                    // base
}

TEST(ScenarioExtends, ArraysReplaceWhole) {
  const Scenario s = load_scenario(kChain / "variant.toml");
  EXPECT_EQ(touchpoint(s, "ad").actions, (Lines{"look"}));  // base had look, click
  EXPECT_EQ(s.personas[0].goals, (Lines{"c"}));             // base had a, b
}

TEST(ScenarioExtends, MergedValuesKeepTheirOwnLocations) {
  const Scenario s = load_scenario(kChain / "variant.toml");
  const std::string variant = path_of(kChain / "variant.toml");
  const std::string mid = path_of(kChain / "bases/mid.toml");
  const std::string base = path_of(kChain / "bases/base.toml");
  const Touchpoint& ad = touchpoint(s, "ad");
  EXPECT_EQ(ad.params.at("quality").where.to_string(), variant + ":8:22");
  EXPECT_EQ(ad.params.at("budget").where.to_string(), base + ":17:36");
  EXPECT_EQ(ad.where.to_string(), base + ":12:1");
  const Touchpoint& checkout = touchpoint(s, "checkout");
  EXPECT_EQ(checkout.params.at("steps").where.to_string(), mid + ":10:9");
  EXPECT_EQ(checkout.params.at("guest_checkout").where.to_string(), variant + ":11:18");
  EXPECT_EQ(checkout.channel_where.to_string(), base + ":22:11");
}

TEST(ScenarioExtends, FilesListTheChainInOrder) {
  const Scenario s = load_scenario(kChain / "variant.toml");
  EXPECT_EQ(s.files, (Lines{path_of(kChain / "variant.toml"), path_of(kChain / "bases/mid.toml"),
                            path_of(kChain / "bases/base.toml")}));
}

TEST(ScenarioExtends, ErrorsInTheVariantPointIntoTheVariant) {
  const std::string variant = path_of(kChain / "bad_variant.toml");
  EXPECT_EQ(errors_loading(kChain / "bad_variant.toml"),
            (Lines{variant + ":4:16: error: journey.horizon_days must be in (0, 36500], got -1",
                   variant + ":7:1: error: unknown key 'chanel' in [touchpoints.checkout] "
                             "(did you mean 'channel'?)"}));
}

TEST(ScenarioExtends, ErrorsCausedInTheBasePointIntoTheBase) {
  // The variant renames a stage; the base's touchpoint still names the old one.
  const std::string text =
      "extends = \"bases/base.toml\"\n[journey]\nstages = [\"awareness\", \"buy\"]\n";
  try {
    load_scenario_text(text, "rename.toml", kChain);
    ADD_FAILURE() << "loaded";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), (path_of(kChain / "bases/base.toml") +
                            ":21:9: error: touchpoint 'checkout': stage 'purchase' is not in "
                            "journey.stages")
                               .c_str());
  }
}

TEST(ScenarioExtends, TextResolvesExtendsAgainstBaseDir) {
  const Scenario s = load_scenario_text(
      "extends = \"bases/base.toml\"\n[journey]\nname = \"From text\"\n", "text.toml", kChain);
  EXPECT_EQ(s.journey.name, "From text");
  EXPECT_EQ(s.files, (Lines{"text.toml", path_of(kChain / "bases/base.toml")}));
}

TEST(ScenarioExtends, CycleIsRefusedNamingTheChain) {
  EXPECT_EQ(errors_loading(kDataDir / "cycle/a.toml"),
            (Lines{path_of(kDataDir / "cycle/b.toml") +
                   ":1:11: error: extends cycle: a.toml → b.toml → a.toml"}));
}

TEST(ScenarioExtends, BaseOutsideTheScenarioDirectoryIsRefused) {
  EXPECT_EQ(errors_loading(kDataDir / "outside/variant.toml"),
            (Lines{path_of(kDataDir / "outside/variant.toml") +
                   ":1:11: error: extends '../full.toml' points outside " +
                   canonical_dir("outside").string() + "; pass --allow-outside to permit"}));
}

TEST(ScenarioExtends, BaseOutsideTheScenarioDirectoryAllowedOnRequest) {
  LoadOptions options;
  options.allow_outside = true;
  const Scenario s = load_scenario(kDataDir / "outside/variant.toml", options);
  EXPECT_EQ(s.journey.agents, 500u);
  EXPECT_EQ(s.journey.name, "Spring launch — online store");
  EXPECT_EQ(s.files,
            (Lines{path_of(kDataDir / "outside/variant.toml"), path_of(kDataDir / "full.toml")}));
}

TEST(ScenarioExtends, MissingBaseReportedAtTheExtendsValue) {
  EXPECT_EQ(errors_loading(kDataDir / "broken/extends_missing.toml"),
            (Lines{path_of(kDataDir / "broken/extends_missing.toml") +
                   ":2:11: error: cannot read base 'missing.toml' (" +
                   path_of(kDataDir / "broken/missing.toml") + "): no such file"}));
}

TEST(ScenarioExtends, UnparsableBaseReportedAtTheExtendsValue) {
  EXPECT_EQ(errors_loading(kDataDir / "broken/extends_bad.toml"),
            (Lines{path_of(kDataDir / "broken/extends_bad.toml") +
                   ":1:11: error: cannot parse base 'bad.toml': " +
                   path_of(kDataDir / "broken/bad.toml") +
                   ":2:21: Error while parsing string: unescaped control characters other "
                   "than TAB (U+0009) are explicitly prohibited"}));
}

TEST(ScenarioExtends, ExtendsMustBeAString) {
  EXPECT_EQ(errors_loading(kDataDir / "broken/extends_number.toml"),
            (Lines{path_of(kDataDir / "broken/extends_number.toml") +
                   ":1:11: error: extends: expected string, got integer"}));
}

}  // namespace
}  // namespace journeysim
