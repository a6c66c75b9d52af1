// Regression checks against a baseline: tolerance forms, the significance
// rule for headline metrics, reading baseline files and telling what about
// the baseline's run differs. Values are written out so each rule's
// boundary is visible; check_cli_test.cpp runs the same end to end.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "journeysim/check.h"
#include "journeysim/report_writers.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

MetricRow row(const std::string& path, Estimate e, bool is_count = false) {
  MetricRow r;
  r.path = path;
  r.metric = path;
  r.estimate = e;
  r.is_count = is_count;
  // Entity metrics ("touchpoints.checkout.drop_rate") take the direction of
  // their last part, as metric_rows gives it.
  const bool entity = path.rfind("touchpoints.", 0) == 0 || path.rfind("stages.", 0) == 0;
  r.better = better_direction(entity ? path.substr(path.rfind('.') + 1) : path);
  return r;
}

Estimate around(double value, double half, uint64_t n = 10000) {
  return {value, value - half, value + half, n, true};
}

Baseline baseline_with(std::map<std::string, Estimate> metrics) {
  Baseline b;
  b.file = "baseline.json";
  for (auto& [path, e] : metrics) {
    b.metrics[path] = BaselineMetric{e, false};
  }
  return b;
}

const RegressionOutcome& find(const std::vector<RegressionOutcome>& all, const std::string& m) {
  for (const RegressionOutcome& r : all) {
    if (r.metric == m) {
      return r;
    }
  }
  throw std::runtime_error("no regression check for " + m);
}

RegressionOutcome one(const std::string& path, Estimate before, Estimate now,
                      const std::string& tolerance = "") {
  const Baseline b = baseline_with({{path, before}});
  std::vector<Tolerance> tolerances;
  if (!tolerance.empty()) {
    tolerances.push_back(parse_tolerance(path + "=" + tolerance));
  }
  return find(check_regressions(b, {row(path, now)}, tolerances), path);
}

std::string tolerance_error(const std::string& spec) {
  try {
    parse_tolerance(spec);
  } catch (const InputError& e) {
    return e.diagnostics().at(0).to_string();
  }
  return "";
}

TEST(CheckTolerance, ThreeForms) {
  const Tolerance pp = parse_tolerance("conversion_rate=0.5pp");
  EXPECT_EQ(pp.kind, Tolerance::Kind::PercentagePoints);
  EXPECT_DOUBLE_EQ(pp.allowed(0.049), 0.005);
  const Tolerance relative = parse_tolerance("revenue_per_agent=10%");
  EXPECT_EQ(relative.kind, Tolerance::Kind::Relative);
  EXPECT_DOUBLE_EQ(relative.allowed(3.0), 0.3);
  const Tolerance absolute = parse_tolerance("nps=5");
  EXPECT_EQ(absolute.kind, Tolerance::Kind::Absolute);
  EXPECT_DOUBLE_EQ(absolute.allowed(-12.0), 5.0);
  EXPECT_EQ(absolute.metric, "nps");
  EXPECT_EQ(absolute.text, "5");
}

TEST(CheckTolerance, MalformedSpecsAreInputErrors) {
  EXPECT_NE(tolerance_error("conversion_rate").find("has no '='"), std::string::npos);
  EXPECT_NE(tolerance_error("=0.5pp").find("names no metric"), std::string::npos);
  EXPECT_NE(tolerance_error("nps=-5").find("not a tolerance"), std::string::npos);
  EXPECT_NE(tolerance_error("nps=lots").find("not a tolerance"), std::string::npos);
  EXPECT_EQ(tolerance_error("nps=lots").substr(0, 20), "--tolerance: error: ");
}

TEST(CheckTolerance, UnknownMetricSuggestsTheNearest) {
  try {
    validate_tolerances({parse_tolerance("conversion_rte=0.5pp")}, {{"conversion_rate", "nps"}});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(e.diagnostics()[0].message.find("did you mean 'conversion_rate'?"),
              std::string::npos);
  }
}

TEST(CheckTolerance, PercentagePointsOnlyOnRates) {
  EXPECT_NO_THROW(validate_tolerances(
      {parse_tolerance("touchpoints.checkout.drop_rate=2pp"), parse_tolerance("csat=1pp")},
      {{"touchpoints.checkout.drop_rate", "csat"}}));
  EXPECT_THROW(validate_tolerances({parse_tolerance("nps=2pp")}, {{"nps"}}), InputError);
}

TEST(CheckTolerance, AMetricGivenTwiceIsAnError) {
  EXPECT_THROW(validate_tolerances({parse_tolerance("nps=2"), parse_tolerance("nps=3")}, {{"nps"}}),
               InputError);
}

TEST(CheckRegression, PercentagePointToleranceFailsBeyondIt) {
  // 0.050 -> 0.044 is 0.6 points worse.
  const auto out = one("conversion_rate", around(0.050, 0.001), around(0.044, 0.001), "0.5pp");
  EXPECT_FALSE(out.passed);
  EXPECT_NEAR(out.change, -0.006, 1e-12);
  EXPECT_DOUBLE_EQ(out.allowed, 0.005);
  EXPECT_EQ(out.reason, "worsened by 0.0060, more than the 0.0050 allowed by tolerance 0.5pp");
}

TEST(CheckRegression, PercentagePointToleranceHoldsWithinIt) {
  EXPECT_TRUE(one("conversion_rate", around(0.050, 0.001), around(0.046, 0.001), "0.5pp").passed);
}

TEST(CheckRegression, AChangeOfExactlyTheToleranceHolds) {
  EXPECT_TRUE(one("conversion_rate", around(0.05, 0.001), around(0.045, 0.001), "0.5pp").passed);
}

TEST(CheckRegression, RelativeToleranceScalesWithTheBaseline) {
  EXPECT_FALSE(one("revenue_per_agent", around(10.0, 0.2), around(8.9, 0.2), "10%").passed);
  EXPECT_TRUE(one("revenue_per_agent", around(10.0, 0.2), around(9.1, 0.2), "10%").passed);
}

TEST(CheckRegression, AbsoluteToleranceIsInTheMetricsUnit) {
  EXPECT_FALSE(one("nps", around(20.0, 1.0), around(14.0, 1.0), "5").passed);
  EXPECT_TRUE(one("nps", around(20.0, 1.0), around(16.0, 1.0), "5").passed);
}

TEST(CheckRegression, ForLowerIsBetterMetricsARiseIsTheWorsening) {
  EXPECT_FALSE(
      one("touchpoints.checkout.drop_rate", around(0.50, 0.01), around(0.53, 0.01), "2pp").passed);
  EXPECT_TRUE(
      one("touchpoints.checkout.drop_rate", around(0.50, 0.01), around(0.40, 0.01), "2pp").passed);
}

TEST(CheckRegression, AnImprovementNeverFails) {
  const auto out = one("conversion_rate", around(0.05, 0.001), around(0.09, 0.001), "0pp");
  EXPECT_TRUE(out.passed);
  EXPECT_EQ(out.reason, "improved by 0.0400 (0 allowed by tolerance 0pp)");
}

TEST(CheckRegression, WithoutDirectionAnyMoveBeyondTheToleranceFails) {
  // path_length: neither higher nor lower is better.
  EXPECT_FALSE(one("path_length", around(4.0, 0.1), around(4.6, 0.1), "0.5").passed);
  EXPECT_FALSE(one("path_length", around(4.0, 0.1), around(3.4, 0.1), "0.5").passed);
  EXPECT_TRUE(one("path_length", around(4.0, 0.1), around(4.3, 0.1), "0.5").passed);
}

TEST(CheckRegression, HeadlineWorseningBeyondNoiseFails) {
  // se = 0.001 / 1.96 on each side: noise bound 1.96 * sqrt(2) * se = 0.00141.
  const auto out = one("conversion_rate", around(0.050, 0.001), around(0.0485, 0.001));
  EXPECT_FALSE(out.passed);
  EXPECT_FALSE(out.has_tolerance);
  EXPECT_NEAR(out.allowed, 0.001 * std::sqrt(2.0), 1e-12);
  EXPECT_EQ(out.label(), "conversion_rate (significance)");
}

TEST(CheckRegression, HeadlineWorseningWithinNoiseHolds) {
  EXPECT_TRUE(one("conversion_rate", around(0.050, 0.001), around(0.0488, 0.001)).passed);
}

TEST(CheckRegression, EveryHeadlineMetricIsCheckedWithoutBeingAsked) {
  std::map<std::string, Estimate> before;
  std::vector<MetricRow> now;
  for (const std::string& path : headline_metrics()) {
    before[path] = around(1.0, 0.01);
    now.push_back(row(path, around(1.0, 0.01)));
  }
  now.push_back(row("path_length", around(3.0, 0.1)));  // not headline: not checked
  const auto out = check_regressions(baseline_with(before), now, {});
  ASSERT_EQ(out.size(), 8u);
  EXPECT_EQ(out[0].metric, "conversion_rate");
  EXPECT_EQ(out[7].metric, "cart_abandonment_rate");
}

TEST(CheckRegression, AToleranceReplacesTheSignificanceRule) {
  const Baseline b = baseline_with({{"csat", around(0.70, 0.001)}});
  const auto out =
      check_regressions(b, {row("csat", around(0.69, 0.001))}, {parse_tolerance("csat=2pp")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].passed);
  EXPECT_EQ(out[0].label(), "csat (tolerance 2pp)");
}

TEST(CheckRegression, HeadlineWithoutDataIsSkipped) {
  const auto out = one("time_to_convert.median_days", Estimate{}, around(3.0, 0.2));
  EXPECT_TRUE(out.skipped);
  EXPECT_EQ(out.reason, "no data (n = 0) in the baseline");
}

TEST(CheckRegression, ExplicitToleranceWithoutDataFails) {
  const auto out = one("touchpoints.promo.drop_rate", around(0.2, 0.01), Estimate{}, "1pp");
  EXPECT_FALSE(out.passed);
  EXPECT_FALSE(out.skipped);
  EXPECT_EQ(out.reason, "no data (n = 0) in this run");
}

TEST(CheckRegression, MetricMissingFromTheBaselineFailsItsTolerance) {
  const Baseline b = baseline_with({});
  const auto out = check_regressions(b, {row("touchpoints.new_page.drop_rate", around(0.2, 0.01))},
                                     {parse_tolerance("touchpoints.new_page.drop_rate=1pp")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].passed);
  EXPECT_NE(out[0].reason.find("the baseline has no 'touchpoints.new_page.drop_rate'"),
            std::string::npos);
}

class CheckBaselineFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("journeysim-baseline-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& text) {
    const auto file = dir_ / "baseline.json";
    std::ofstream(file) << text;
    return file.string();
  }

  static std::string error_of(const std::string& file) {
    try {
      read_baseline(file);
    } catch (const InputError& e) {
      return e.diagnostics().at(0).to_string();
    }
    return "";
  }

  std::filesystem::path dir_;
};

const char* kMinimalRun = R"({
  "schema": "journeysim.run/1", "journeysim_version": "0.1.0", "engine_version": "1",
  "scenario": { "name": "Shop", "hash": "abcdef0123456789", "files": ["shop.toml"] },
  "run": { "seed": 5, "agents": 20000, "max_steps": 200 },
  "plugins": [ { "name": "checkout", "version": "1.0.0" } ],
  "metrics": {
    "agents": 20000, "conversion_rate": { "value": 0.18, "ci95": [0.17, 0.19], "n": 20000 },
    "time_to_convert": { "median_days": { "value": null, "ci95": null, "n": 0 } },
    "milestones": { "purchase": { "rate": { "value": 0.18, "ci95": [0.17, 0.19], "n": 20000 } } }
  },
  "touchpoints": { "checkout": { "name": "Checkout", "arrivals": 7000,
                   "drop_rate": { "value": 0.5, "ci95": [0.49, 0.51], "n": 7000 } } },
  "personas": { "loyal": { "share": 0.4,
                "conversion_rate": { "value": 0.2, "ci95": [0.19, 0.21], "n": 8000 } } }
})";

TEST_F(CheckBaselineFile, ReadsEveryMetricByItsPathFromAnOlderRunWithoutManifest) {
  const Baseline b = read_baseline(write(kMinimalRun));
  EXPECT_FALSE(b.has_manifest);
  EXPECT_EQ(b.manifest.engine_version, "1");
  EXPECT_EQ(b.manifest.scenario_hash, "abcdef0123456789");
  EXPECT_EQ(b.manifest.seed, 5u);
  EXPECT_EQ(b.manifest.agents, 20000u);
  ASSERT_EQ(b.manifest.plugins.size(), 1u);
  EXPECT_EQ(b.manifest.plugins[0].sha256, "");  // journeysim.run/1 never recorded it
  EXPECT_DOUBLE_EQ(b.metrics.at("conversion_rate").estimate.high, 0.19);
  EXPECT_FALSE(b.metrics.at("time_to_convert.median_days").estimate.has_value());
  EXPECT_DOUBLE_EQ(b.metrics.at("milestones.purchase.rate").estimate.value, 0.18);
  EXPECT_DOUBLE_EQ(b.metrics.at("touchpoints.checkout.drop_rate").estimate.value, 0.5);
  EXPECT_TRUE(b.metrics.at("touchpoints.checkout.arrivals").is_count);
  EXPECT_EQ(b.metrics.at("personas.loyal.conversion_rate").estimate.n, 8000u);
}

TEST_F(CheckBaselineFile, ReadsARun2BaselineWithItsManifestAndWithoutLostHere) {
  // A run/2 file is today's document before "lost here": the same manifest.
  const SimulationModel model = testing::model_from_text(R"(
[journey]
name = "Shop"
type = "purchase"
stages = ["buy"]
conversion = "purchase"
[personas.p]
share = 1.0
[touchpoints.checkout]
stage = "buy"
channel = "fixed"
entry = 1.0
milestone = "purchase"
params = { drop = 0.5 }
exit = true
)");
  std::string json = render_json(testing::run_report(model, 1000));
  json.replace(json.find("journeysim.run/3"), 16, "journeysim.run/2");
  const Baseline b = read_baseline(write(json));
  EXPECT_EQ(b.schema, "journeysim.run/2");
  EXPECT_TRUE(b.has_manifest);
  EXPECT_EQ(b.manifest.agents, 1000u);
  EXPECT_TRUE(b.metrics.count("touchpoints.checkout.drop_rate"));
}

TEST_F(CheckBaselineFile, MissingFileNamesItAndSaysHowToMakeOne) {
  const std::string file = (dir_ / "nowhere.json").string();
  EXPECT_EQ(error_of(file).rfind(file + ": error: baseline file not found; create it with", 0), 0u)
      << error_of(file);
}

TEST_F(CheckBaselineFile, InvalidJsonPointsAtTheLineAndColumn) {
  const std::string file = write("{\n  \"schema\": journeysim\n}");
  const std::string error = error_of(file);
  EXPECT_EQ(error.rfind(file + ":2:13: error: baseline is not valid JSON: ", 0), 0u) << error;
}

TEST_F(CheckBaselineFile, AnotherSchemaIsRejected) {
  const std::string file = write(R"({"schema": "journeysim.compare/1"})");
  EXPECT_NE(error_of(file).find("baseline has schema \"journeysim.compare/1\"; expected "
                                "\"journeysim.run/3\""),
            std::string::npos);
}

TEST_F(CheckBaselineFile, JsonWithoutSchemaIsRejected) {
  const std::string file = write(R"([1, 2, 3])");
  EXPECT_NE(error_of(file).find("not a journeysim run result"), std::string::npos);
}

TEST_F(CheckBaselineFile, TruncatedRunIsRejected) {
  const std::string file = write(R"({"schema": "journeysim.run/1", "engine_version": "1"})");
  EXPECT_NE(error_of(file).find("baseline has no \"scenario.name\""), std::string::npos);
}

RunManifest manifest(const std::string& engine, const std::string& hash, uint64_t seed,
                     uint64_t agents, std::vector<ManifestPlugin> plugins) {
  RunManifest m;
  m.journeysim_version = "0.1.0";
  m.engine_version = engine;
  m.scenario_hash = hash;
  m.seed = seed;
  m.agents = agents;
  m.plugins = std::move(plugins);
  return m;
}

TEST(CheckIdentity, SameRunReportsNothing) {
  Baseline b;
  b.name = "Shop";
  b.has_manifest = true;
  b.manifest = manifest("1", "aaa", 5, 100, {{"email", "1.0.0", "libemail.so", "e1"}});
  EXPECT_TRUE(compare_identity(b, "Shop", b.manifest).empty());
}

TEST(CheckIdentity, EngineAndPluginVersionsWarnOthersInform) {
  Baseline b;
  b.has_manifest = true;
  b.manifest = manifest("1", "1111111111111111", 5, 100,
                        {{"email", "1.0.0", "", ""}, {"sms", "0.3.0", "", ""}});
  const RunManifest current = manifest("2", "2222222222222222", 6, 200,
                                       {{"checkout", "1.0.0", "", ""}, {"email", "1.1.0", "", ""}});
  const auto changes = compare_identity(b, "", current);
  std::vector<std::string> lines;
  for (const IdentityChange& c : changes) {
    lines.push_back(std::string(c.warning ? "warning " : "note ") + c.what + " " + c.baseline +
                    " -> " + c.current);
  }
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "warning engine version 1 -> 2",
                       "note channel checkout (none) -> 1.0.0",
                       "warning plugin email 1.0.0 -> 1.1.0",
                       "note channel sms 0.3.0 -> (none)",
                       "note scenario hash 111111111111 -> 222222222222",
                       "note seed 5 -> 6",
                       "note agents 100 -> 200",
                   }));
}

}  // namespace
}  // namespace journeysim
