// A scenario's [thresholds] checked at load time, before anything runs:
// unknown metric paths and bad conditions are input errors that point at the
// key or the condition itself.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "journeysim/check.h"
#include "journeysim/scenario_loader.h"
#include "journeysim/simulation_model.h"
#include "build_paths.h"

namespace journeysim {
namespace {

const std::string kShop = journeysim::testing::test_data_dir() + "/check/shop.toml";

class CheckThresholds : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("journeysim-thresholds-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    std::filesystem::copy_file(kShop, dir_ / "shop.toml");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A variant of the test shop whose [thresholds] table is `thresholds`;
  // its first line is line 4 of the file.
  std::string variant(const std::string& thresholds) {
    const auto file = dir_ / "variant.toml";
    std::ofstream(file) << "extends = \"shop.toml\"\n\n[thresholds]\n" << thresholds;
    return file.string();
  }

  std::vector<ThresholdSpec> compile(const std::string& file) {
    const SimulationModel model(load_scenario(file), PluginCatalog());
    return compile_thresholds(model.scenario(), metric_paths(model));
  }

  std::vector<std::string> errors(const std::string& file) {
    std::vector<std::string> out;
    try {
      compile(file);
    } catch (const InputError& e) {
      for (const Diagnostic& d : e.diagnostics()) {
        out.push_back(d.to_string());
      }
    }
    return out;
  }

  std::filesystem::path dir_;
};

TEST_F(CheckThresholds, ValidPathsComeFromTheModelWithoutARun) {
  const SimulationModel model(load_scenario(kShop), PluginCatalog());
  const std::vector<std::string> paths = metric_paths(model);
  for (const char* path :
       {"conversion_rate", "time_to_convert.p90_days", "nps", "milestones.purchase.rate",
        "stages.purchase.drop_rate", "touchpoints.checkout.drop_rate", "touchpoints.promo.arrivals",
        "personas.loyal_customer.conversion_rate",
        "personas.bargain_hunter.touchpoints.checkout.drop_rate"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), path), paths.end()) << path;
  }
}

TEST_F(CheckThresholds, TheShopsThresholdsCompileInMetricOrder) {
  const auto specs = compile(kShop);
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].metric, "conversion_rate");
  ASSERT_EQ(specs[0].conditions.size(), 2u);
  EXPECT_EQ(specs[0].conditions[1].text, "< 0.25");
  EXPECT_EQ(specs[1].metric, "personas.loyal_customer.conversion_rate");
  EXPECT_DOUBLE_EQ(specs[1].conditions[0].value, 0.12);
  EXPECT_EQ(specs[2].metric, "touchpoints.checkout.drop_rate");
}

TEST_F(CheckThresholds, UnknownMetricSuggestsTheNearestPathAtItsKey) {
  const std::string file = variant("\"touchpoints.chekout.drop_rate\" = [\"< 0.55\"]\n");
  EXPECT_EQ(errors(file),
            std::vector<std::string>{
                file + ":4:1: error: unknown metric 'touchpoints.chekout.drop_rate' in "
                       "[thresholds] (did you mean 'touchpoints.checkout.drop_rate'?)"});
}

TEST_F(CheckThresholds, UnknownPersonaPathSuggestsTheRealPersona) {
  const std::string file = variant("\"personas.loyal_custmer.conversion_rate\" = \">= 0.1\"\n");
  const auto found = errors(file);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("did you mean 'personas.loyal_customer.conversion_rate'?"),
            std::string::npos)
      << found[0];
}

TEST_F(CheckThresholds, JsonStyleMetricsPrefixIsExplained) {
  const std::string file = variant("\"metrics.conversion_rate\" = [\">= 0.1\"]\n");
  const auto found = errors(file);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("did you mean 'conversion_rate'? journey metrics have no 'metrics.' "
                          "prefix"),
            std::string::npos)
      << found[0];
}

TEST_F(CheckThresholds, HopelessPathPointsToTheListOfPaths) {
  const std::string file = variant("\"happiness_index\" = [\">= 0.1\"]\n");
  const auto found = errors(file);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("--format csv` lists every metric path"), std::string::npos);
}

TEST_F(CheckThresholds, BadConditionIsReportedAtItsOwnPlaceInTheArray) {
  // Line 4: conversion_rate = [">= 0.1", "=> 0.2"]; the second string
  // starts at column 30.
  const std::string file = variant("conversion_rate = [\">= 0.1\", \"=> 0.2\"]\n");
  EXPECT_EQ(errors(file),
            std::vector<std::string>{file + ":4:30: error: condition '=> 0.2' uses '=>'; "
                                            "write '>='"});
}

TEST_F(CheckThresholds, ConditionsOnLaterLinesOfAnArrayKeepTheirLines) {
  const std::string file =
      variant("conversion_rate = [\n  \">= 0.1\",  # floor\n  \"< 0.3 @97%\",\n]\n");
  const auto found = errors(file);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, file.size() + 7), file + ":6:3: e");
}

TEST_F(CheckThresholds, EveryProblemIsReportedInOneRound) {
  const std::string file = variant(
      "\"touchpoints.chekout.drop_rate\" = [\"< 0.55\"]\n"
      "conversion_rate = [\"> x\"]\n"
      "nps = [\">= 20 @50%\"]\n");
  EXPECT_EQ(errors(file).size(), 3u);
}

TEST_F(CheckThresholds, ValueFromTheCommandLineKeepsTheOptionAsItsPlace) {
  LoadOptions options;
  options.overrides = {"thresholds.nps=\">= 20 @50%\""};
  const SimulationModel model(load_scenario(kShop, options), PluginCatalog());
  try {
    compile_thresholds(model.scenario(), metric_paths(model));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_NE(e.diagnostics()[0].message.find("@50%"), std::string::npos);
    EXPECT_EQ(e.diagnostics()[0].where.line, 0u);
  }
}

}  // namespace
}  // namespace journeysim
