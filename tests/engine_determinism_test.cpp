// Determinism: one seed gives byte-identical results whatever the number of
// threads or the way agents are split; another seed gives other results.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "journeysim/report_writers.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::model_from_text;

const std::string& store_launch() {
  static const std::string text = [] {
    std::ifstream in(journeysim::testing::source_dir() + "/scenarios/store-launch.toml");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }();
  return text;
}

SimulationModel store_model() {
  return SimulationModel(load_scenario(journeysim::testing::source_dir() + "/scenarios/store-launch.toml"),
                         PluginCatalog::discover({journeysim::testing::plugin_dir()}));
}

std::string json_of(const SimulationModel& model, uint64_t agents, uint64_t seed,
                    unsigned threads) {
  RunOptions options;
  options.agents = agents;
  options.seed = seed;
  options.threads = threads;
  return render_json(summarize(model, run_agents(model, options), options));
}

TEST(Determinism, SameSeedGivesIdenticalJsonForOneTwoAndThreeThreads) {
  ASSERT_FALSE(store_launch().empty());
  const SimulationModel model = store_model();
  const std::string one = json_of(model, 20'000, 7, 1);
  EXPECT_EQ(one, json_of(model, 20'000, 7, 2));
  EXPECT_EQ(one, json_of(model, 20'000, 7, 3));
}

TEST(Determinism, RepeatedRunsAreIdentical) {
  const SimulationModel model = store_model();
  EXPECT_EQ(json_of(model, 5'000, 3, 2), json_of(model, 5'000, 3, 2));
}

TEST(Determinism, DifferentSeedsGiveDifferentResults) {
  const SimulationModel model = store_model();
  EXPECT_NE(json_of(model, 5'000, 1, 1), json_of(model, 5'000, 2, 1));
}

TEST(Determinism, SplittingAgentsAtAMultipleOf64AndMergingEqualsOneRunByteForByte) {
  const SimulationModel model = store_model();
  RunOptions whole;
  whole.agents = 9'001;
  whole.seed = 5;
  const RunTally all = run_agents(model, whole);

  // 4,032 = 63 * 64: partial sums are settled per 64 agents by global index.
  RunOptions first = whole, second = whole;
  first.agents = 4'032;
  second.first_agent = 4'032;
  second.agents = 9'001 - 4'032;
  RunTally merged = run_agents(model, first);
  merged.merge(run_agents(model, second));
  EXPECT_EQ(render_json(summarize(model, all, whole)), render_json(summarize(model, merged, whole)));
}

TEST(Determinism, AnySplitGivesIdenticalCounts) {
  const SimulationModel model = store_model();
  RunOptions whole;
  whole.agents = 9'001;
  whole.seed = 5;
  const RunTally all = run_agents(model, whole);
  RunOptions first = whole, second = whole;
  first.agents = 4'001;
  second.first_agent = 4'001;
  second.agents = 5'000;
  RunTally merged = run_agents(model, first);
  merged.merge(run_agents(model, second));
  EXPECT_EQ(all.journey.converted, merged.journey.converted);
  EXPECT_EQ(all.journey.promoters, merged.journey.promoters);
  for (size_t t = 0; t < all.touchpoints.size(); ++t) {
    EXPECT_EQ(all.touchpoints[t].dropped, merged.touchpoints[t].dropped);
    EXPECT_EQ(all.touchpoints[t].reasons, merged.touchpoints[t].reasons);
  }
}

}  // namespace
}  // namespace journeysim
