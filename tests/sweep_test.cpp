// Parameter sweeps: grids, parse-once templates, thread independence.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "journeysim/sweep.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

const PluginCatalog& plugins() {
  static const PluginCatalog catalog = PluginCatalog::discover({journeysim::testing::plugin_dir()});
  return catalog;
}

TEST(SweepAxis, AnIntegerRangeIsInclusive) {
  const SweepAxis a = parse_sweep_axis("touchpoints.checkout.params.steps=2..7");
  EXPECT_EQ(a.path, "touchpoints.checkout.params.steps");
  EXPECT_EQ(a.values, (std::vector<std::string>{"2", "3", "4", "5", "6", "7"}));
}

TEST(SweepAxis, ARangeWithAStepGivesNumbers) {
  EXPECT_EQ(parse_sweep_axis("x=0.5..2:0.5").values,
            (std::vector<std::string>{"0.5", "1", "1.5", "2"}));
}

TEST(SweepAxis, AListKeepsItsValues) {
  EXPECT_EQ(parse_sweep_axis("x=1,2,4").values, (std::vector<std::string>{"1", "2", "4"}));
  EXPECT_EQ(parse_sweep_axis("x=true,false").values, (std::vector<std::string>{"true", "false"}));
}

TEST(SweepAxis, ABadRangeIsAnInputErrorNamingTheArgument) {
  try {
    parse_sweep_axis("x=7..2");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().front().where.file, "--set x=7..2");
  }
  EXPECT_THROW(parse_sweep_axis("x=a..b"), InputError);
  EXPECT_THROW(parse_sweep_axis("novalue"), InputError);
}

// Copies store-launch to a scratch directory so the test can delete it.
std::filesystem::path scratch_copy() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("journeysim-sweep-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(journeysim::testing::source_dir() + "/scenarios/store-launch.toml",
                             dir / "store.toml", std::filesystem::copy_options::overwrite_existing);
  return dir / "store.toml";
}

TEST(ScenarioTemplate, InstancesNeedNoFileAfterTheFirstParse) {
  const auto file = scratch_copy();
  const ScenarioTemplate base = ScenarioTemplate::from_file(file);
  std::filesystem::remove_all(file.parent_path());
  // 1,000 points from one parse: the file is gone, so nothing is re-read.
  for (int i = 0; i < 1000; ++i) {
    const Scenario s = base.instantiate(
        {"touchpoints.checkout.params.steps=" + std::to_string(1 + i % 12)});
    ASSERT_EQ(s.touchpoints.size(), 9u);  // the cart-abandonment email is the ninth
  }
}

TEST(ScenarioTemplate, AnInstanceEqualsLoadingWithTheSameOverrides) {
  const ScenarioTemplate base =
      ScenarioTemplate::from_file(journeysim::testing::source_dir() + "/scenarios/store-launch.toml");
  LoadOptions options;
  options.overrides = {"touchpoints.checkout.params.steps=3"};
  const Scenario loaded = load_scenario(journeysim::testing::source_dir() + "/scenarios/store-launch.toml", options);
  EXPECT_EQ(base.instantiate(options.overrides).hash, loaded.hash);
  EXPECT_NE(base.instantiate().hash, loaded.hash);
}

SweepRequest request(unsigned threads) {
  SweepRequest r;
  r.axes = {parse_sweep_axis("touchpoints.checkout.params.steps=2..4"),
            parse_sweep_axis("touchpoints.checkout.params.page_load_s=1,4")};
  r.metrics = {"conversion_rate", "touchpoints.checkout.drop_rate"};
  r.objective = "conversion_rate";
  r.agents = "4000";
  r.threads = threads;
  return r;
}

TEST(Sweep, RunsEveryPointOfTheGridAndNamesTheBest) {
  const ScenarioTemplate base =
      ScenarioTemplate::from_file(journeysim::testing::source_dir() + "/scenarios/store-launch.toml");
  const SweepReport r = run_sweep(base, plugins(), request(1));
  ASSERT_EQ(r.points.size(), 6u);
  EXPECT_EQ(r.points[0].settings, (std::vector<std::string>{"touchpoints.checkout.params.steps=2",
                                                             "touchpoints.checkout.params.page_load_s=1"}));
  // Fewer steps and faster pages convert best (same agents everywhere).
  ASSERT_EQ(r.best, 0);
  for (const SweepPoint& p : r.points) {
    EXPECT_LE(p.metrics[0].value, r.points[0].metrics[0].value);
  }
}

TEST(Sweep, ResultsDoNotDependOnThreadCount) {
  const ScenarioTemplate base =
      ScenarioTemplate::from_file(journeysim::testing::source_dir() + "/scenarios/store-launch.toml");
  EXPECT_EQ(render_sweep_json(run_sweep(base, plugins(), request(1))),
            render_sweep_json(run_sweep(base, plugins(), request(2))));
}

TEST(Sweep, AnUnknownPathIsRefusedBeforeAnythingRuns) {
  const ScenarioTemplate base =
      ScenarioTemplate::from_file(journeysim::testing::source_dir() + "/scenarios/store-launch.toml");
  SweepRequest r = request(1);
  r.axes.push_back(parse_sweep_axis("touchpoints.chekout.params.steps=1,2"));
  try {
    run_sweep(base, plugins(), r);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'checkout'"), std::string::npos) << e.what();
  }
}

TEST(Sweep, AValueOutsideTheParametersRangeIsRefused) {
  const ScenarioTemplate base =
      ScenarioTemplate::from_file(journeysim::testing::source_dir() + "/scenarios/store-launch.toml");
  SweepRequest r = request(1);
  r.axes = {parse_sweep_axis("touchpoints.checkout.params.steps=0..2")};
  EXPECT_THROW(run_sweep(base, plugins(), r), InputError);
}

TEST(Sweep, AnUnknownMetricSuggestsTheNearest) {
  const ScenarioTemplate base =
      ScenarioTemplate::from_file(journeysim::testing::source_dir() + "/scenarios/store-launch.toml");
  SweepRequest r = request(1);
  r.metrics = {"conversion_rat"};
  r.objective = "";
  try {
    run_sweep(base, plugins(), r);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'conversion_rate'"), std::string::npos);
  }
}

}  // namespace
}  // namespace journeysim
