// compare and sweep from the command line.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/command.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::journeysim;

const std::string kDir = journeysim::testing::source_dir() + "/scenarios/";

TEST(CompareCli, PrintsTheVerdictAndExitsZero) {
  const auto r = journeysim("compare " + kDir + "store-launch.toml " + kDir +
                            "store-launch.guest-checkout.toml --agents 20000");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("VARIANT: Spring launch — 3-step guest checkout"), std::string::npos);
  EXPECT_NE(r.out.find("• conversion +"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Friction moved"), std::string::npos);
}

TEST(CompareCli, JsonCarriesEveryMetricWithPairedDifferences) {
  const auto r = journeysim("compare " + kDir + "store-launch.toml " + kDir +
                            "store-launch.guest-checkout.toml --agents 5000 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "journeysim.compare/2");
  const auto& metrics = doc["variants"][0]["metrics"];
  EXPECT_GT(metrics.size(), 150u);
  bool found = false;
  for (const auto& m : metrics) {
    if (m["path"] == "conversion_rate") {
      found = true;
      EXPECT_TRUE(m["paired"].get<bool>());
      EXPECT_LT(m["difference"]["ci95"][0].get<double>(), m["difference"]["ci95"][1].get<double>());
    }
  }
  EXPECT_TRUE(found);
}

TEST(CompareCli, ABadVariantFileExitsTwo) {
  const auto r = journeysim("compare " + kDir + "store-launch.toml /nonexistent/variant.toml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/variant.toml"), std::string::npos);
}

TEST(SetOverride, AnUnknownTouchpointNamesThePathAndTheNearestOne) {
  const auto r = journeysim("run " + kDir + "store-launch.toml --set touchpoints.chekout.params.steps=3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--set touchpoints.chekout.params.steps"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'checkout'"), std::string::npos) << r.err;
}

TEST(SetOverride, AnUnknownParameterSuggestsTheNearest) {
  const auto r = journeysim("run " + kDir + "store-launch.toml --set touchpoints.checkout.params.stpes=3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean 'steps'"), std::string::npos) << r.err;
}

TEST(SetOverride, AValueOfTheWrongTypeExitsTwo) {
  const auto r = journeysim("run " + kDir + "store-launch.toml --set journey.agents=many");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("journey.agents"), std::string::npos) << r.err;
}

TEST(SetOverride, AppliesToCompareToo) {
  const auto r = journeysim("compare " + kDir + "store-launch.toml " + kDir +
                            "store-launch.guest-checkout.toml --agents 2000 --set "
                            "touchpoints.chekout.params.steps=3");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(SweepCli, PrintsTheGridAndTheBestPoint) {
  const auto r = journeysim("sweep " + kDir +
                            "store-launch.toml --set touchpoints.checkout.params.steps=2..4 "
                            "--set touchpoints.checkout.params.page_load_s=1,4 --agents 3000 "
                            "--optimize conversion_rate");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("6 points"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("best (highest) conversion_rate: touchpoints.checkout.params.steps=2"),
            std::string::npos)
      << r.out;
}

TEST(SweepCli, ABadRangeExitsTwo) {
  EXPECT_EQ(journeysim("sweep " + kDir + "store-launch.toml --set x=9..1").exit_code, 2);
}

}  // namespace
}  // namespace journeysim
