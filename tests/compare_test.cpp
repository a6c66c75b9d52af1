// What-if comparisons: common random numbers, paired intervals, exactness.
#include <gtest/gtest.h>

#include <cmath>

#include "compare/metric_components.h"
#include "journeysim/comparison.h"
#include "support/journeys.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

const std::string kStore = journeysim::testing::source_dir() + "/scenarios/store-launch.toml";
// Abandoning the funnel's checkout is a drop, so a better checkout shows as a
// lower checkout drop rate.
const std::string kFunnel = journeysim::testing::store_launch_funnel();

const PluginCatalog& plugins() {
  static const PluginCatalog catalog = PluginCatalog::discover({journeysim::testing::plugin_dir()});
  return catalog;
}

SimulationModel load(const std::string& file, const std::vector<std::string>& overrides) {
  LoadOptions options;
  options.overrides = overrides;
  return SimulationModel(load_scenario(file, options), plugins());
}

SimulationModel store(const std::vector<std::string>& overrides = {}) {
  return load(kStore, overrides);
}

RunOptions options(uint64_t agents, uint64_t seed, unsigned threads = 2) {
  RunOptions o;
  o.agents = agents;
  o.seed = seed;
  o.threads = threads;
  return o;
}

const MetricChange& change(const VariantComparison& v, const std::string& path) {
  for (const MetricChange& c : v.changes) {
    if (c.path == path) {
      return c;
    }
  }
  throw std::runtime_error("no metric " + path);
}

TEST(Compare, AVariantIdenticalToItsBaselineChangesNoMetricAtAll) {
  const SimulationModel base = store();
  const SimulationModel same = store();
  const ComparisonReport r = compare_runs(base, {&same}, options(20'000, 7));
  ASSERT_EQ(r.variants.size(), 1u);
  size_t checked = 0;
  for (const MetricChange& c : r.variants[0].changes) {
    if (!c.difference.has_value()) {
      continue;
    }
    EXPECT_EQ(c.difference.value, 0.0) << c.path;
    if (c.paired) {
      EXPECT_EQ(c.difference.low, 0.0) << c.path;
      EXPECT_EQ(c.difference.high, 0.0) << c.path;
    }
    EXPECT_FALSE(c.significant) << c.path;
    ++checked;
  }
  EXPECT_GT(checked, 100u);
}

TEST(Compare, ChangingOnePersonaLeavesEveryOtherPersonaExactlyUnchanged) {
  const SimulationModel base = store();
  const SimulationModel variant = store({"personas.busy_parent.patience=0.9"});
  const ComparisonReport r = compare_runs(base, {&variant}, options(20'000, 7));
  size_t others = 0;
  for (const MetricChange& c : r.variants[0].changes) {
    const bool other = c.path.rfind("personas.bargain_hunter.", 0) == 0 ||
                       c.path.rfind("personas.gift_shopper.", 0) == 0;
    if (other && c.difference.has_value()) {
      EXPECT_EQ(c.difference.value, 0.0) << c.path;
      ++others;
    }
  }
  EXPECT_GT(others, 50u);
  // ...while the persona that changed did change.
  EXPECT_TRUE(change(r.variants[0], "personas.busy_parent.conversion_rate").significant);
}

TEST(Compare, CommonRandomNumbersMakeTheIntervalSeveralTimesNarrower) {
  // A small change: one checkout step fewer.
  const SimulationModel base = store();
  const SimulationModel variant = store({"touchpoints.checkout.params.steps=4"});
  const uint64_t n = 100'000;
  const ComparisonReport paired = compare_runs(base, {&variant}, options(n, 7));
  const Estimate& d = change(paired.variants[0], "conversion_rate").difference;
  const double paired_width = d.high - d.low;

  // The same two versions run independently (different seeds).
  const RunReport a = testing::run_report(base, n, 7, 2);
  const RunReport b = testing::run_report(variant, n, 8, 2);
  const double ha = (a.journey.conversion_rate.high - a.journey.conversion_rate.low) / 2;
  const double hb = (b.journey.conversion_rate.high - b.journey.conversion_rate.low) / 2;
  const double independent_width = 2 * std::sqrt(ha * ha + hb * hb);

  const double ratio = independent_width / paired_width;
  std::printf("conversion difference %+.4f, paired width %.5f, independent width %.5f, ratio %.1f\n",
              d.value, paired_width, independent_width, ratio);
  EXPECT_GT(d.value, 0.0);
  EXPECT_GT(ratio, 3.0);
}

// A fixed-channel chain: entry -> offer (drop p) -> buy (exit, purchase).
std::string chain(double drop) {
  return "[journey]\nname = \"chain\"\nstages = [\"s\"]\n[personas.p]\nshare = 1.0\n"
         "[touchpoints.entry]\nstage = \"s\"\nchannel = \"fixed\"\nentry = 1.0\n"
         "params = { drop = 0.4 }\nnext = [\"offer\"]\n"
         "[touchpoints.offer]\nstage = \"s\"\nchannel = \"fixed\"\nparams = { drop = " +
         std::to_string(drop) +
         " }\nnext = [\"buy\"]\n"
         "[touchpoints.buy]\nstage = \"s\"\nchannel = \"fixed\"\nmilestone = \"purchase\"\n"
         "exit = true\n";
}

TEST(Compare, NinetyFivePercentIntervalsCoverTheTrueDifferenceNinetyFivePercentOfTheTime) {
  const SimulationModel base = testing::model_from_text(chain(0.30));
  const SimulationModel variant = testing::model_from_text(chain(0.25));
  // Exact: conversion = 0.6 * (1 - drop at offer).
  const double truth = 0.6 * 0.75 - 0.6 * 0.70;
  const int runs = 1000;
  int covered = 0;
  for (int seed = 1; seed <= runs; ++seed) {
    const ComparisonReport r =
        compare_runs(base, {&variant}, options(6'400, static_cast<uint64_t>(seed), 1));
    const Estimate& d = change(r.variants[0], "conversion_rate").difference;
    covered += (d.low <= truth && truth <= d.high) ? 1 : 0;
  }
  const double coverage = static_cast<double>(covered) / runs;
  std::printf("coverage %.3f over %d seeds\n", coverage, runs);
  EXPECT_GE(coverage, 0.93);
  EXPECT_LE(coverage, 0.97);
}

TEST(Compare, ResultsDoNotDependOnThreadCount) {
  const SimulationModel base = store();
  const SimulationModel variant = store({"touchpoints.checkout.params.guest_checkout=true"});
  const std::string one = render_comparison_json(compare_runs(base, {&variant}, options(9'000, 3, 1)));
  const std::string two = render_comparison_json(compare_runs(base, {&variant}, options(9'000, 3, 2)));
  const std::string three =
      render_comparison_json(compare_runs(base, {&variant}, options(9'000, 3, 3)));
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, three);
}

TEST(Compare, EachVersionsOwnRunEqualsAPlainRunWithTheSameSeed) {
  const SimulationModel base = store();
  const SimulationModel variant = store({"touchpoints.checkout.params.steps=3"});
  const ComparisonReport r = compare_runs(base, {&variant}, options(5'000, 11));
  EXPECT_EQ(r.baseline.journey.converted, testing::run_report(base, 5'000, 11).journey.converted);
  EXPECT_EQ(r.variants[0].report.journey.converted,
            testing::run_report(variant, 5'000, 11).journey.converted);
}

TEST(Compare, TheVerdictNamesConversionPersonasAndTheCheckout) {
  const SimulationModel base = load(kFunnel, {});
  const SimulationModel variant = load(
      kFunnel, {"touchpoints.checkout.params.steps=3", "touchpoints.checkout.params.guest_checkout=true"});
  const ComparisonReport r = compare_runs(base, {&variant}, options(50'000, 7));
  const auto& verdict = r.variants[0].verdict;
  ASSERT_GE(verdict.size(), 3u);
  EXPECT_EQ(verdict[0].rfind("conversion +", 0), 0u) << verdict[0];
  EXPECT_NE(verdict[0].find("busy_parent"), std::string::npos);
  EXPECT_EQ(verdict[1].rfind("checkout drop rate -", 0), 0u) << verdict[1];
  EXPECT_FALSE(r.variants[0].friction_moves.empty());
  EXPECT_EQ(r.variants[0].friction_moves[0].rfind("checkout: -", 0), 0u);
  // Friction is customers lost there, not the channel's drops.
  EXPECT_NE(r.variants[0].friction_moves[0].find(" customers lost here (fewer leave here)"),
            std::string::npos)
      << r.variants[0].friction_moves[0];
}

TEST(Compare, AOneMinuteMoveOfAMedianIsWithinTheHistogramsResolution) {
  // The engagement journey's median time to convert is 18 minutes with an
  // interval of zero width at 100,000 agents (both order statistics in one
  // minute's bucket); the variant's is 19. A minute is the resolution of
  // the durations, so the move is not called significant.
  const std::string dir = journeysim::testing::source_dir() + "/scenarios/";
  const SimulationModel base = load(dir + "engagement.toml", {});
  const SimulationModel variant = load(dir + "engagement.second-nudge.toml", {});
  const ComparisonReport r = compare_runs(base, {&variant}, options(100'000, 23));
  const MetricChange& median = change(r.variants[0], "time_to_convert.median_days");
  const double minute = 1.0 / (24 * 60);
  EXPECT_NEAR(median.difference.value, minute, 1e-12);
  EXPECT_GE(median.difference.high - median.difference.low, 2 * minute);
  EXPECT_FALSE(median.significant);
}

TEST(MetricComponents, NumeratorOverDenominatorIsEveryRatioMetricsValue) {
  const SimulationModel model = store();
  RunOptions o = options(3'000, 5);
  const RunTally tally = run_agents(model, o);
  const auto rows = metric_rows(summarize(model, tally, o));
  const auto shapes = metric_shapes(model);
  Components c;
  metric_components(model, tally, c);
  ASSERT_EQ(rows.size(), shapes.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].path, shapes[i].path);
    if (shapes[i].form == MetricForm::Ratio && c.y[i] > 0) {
      EXPECT_NEAR(c.x[i] / c.y[i], rows[i].estimate.value, 1e-9 * (1 + std::abs(c.x[i] / c.y[i])))
          << rows[i].path;
    } else if (shapes[i].form == MetricForm::Total) {
      EXPECT_NEAR(c.x[i], rows[i].estimate.value, 1e-6) << rows[i].path;
    }
  }
}

}  // namespace
}  // namespace journeysim
