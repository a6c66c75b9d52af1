// Heuristic models on a small path set, against counts by hand.
#include <gtest/gtest.h>

#include <sstream>

#include "journeysim/attribution.h"
#include "journeysim/heuristic_attribution.h"
#include "journeysim/path_set.h"

namespace journeysim {
namespace {

// Channels in order of first appearance: a, b, c. 4 conversions, value 140.
constexpr const char* kPaths =
    "path,total_conversions,total_null,total_conversion_value\n"
    "a > b > c,2,1,100\n"
    "b > a,1,0,30\n"
    "c > c,1,3,10\n"
    "a,0,5,0\n";

PathSet paths() {
  std::istringstream in(kPaths);
  BadRows bad("paths.csv", true);
  return read_path_set(in, "paths.csv", {}, bad);
}

// Credit of a, b, c by `model` with the default parameters.
std::vector<Credit> credit(HeuristicModel model, const HeuristicParameters& p = {}) {
  return attribute_heuristic(paths(), model, p);
}

void expect_credit(const std::vector<Credit>& got, const std::vector<Credit>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t k = 0; k < want.size(); ++k) {
    EXPECT_NEAR(got[k].conversions, want[k].conversions, 1e-12) << "channel " << k;
    EXPECT_NEAR(got[k].value, want[k].value, 1e-12) << "channel " << k;
  }
}

TEST(HeuristicAttribution, FirstTouchCreditsTheFirstChannel) {
  // a > b > c (2, 100) -> a; b > a (1, 30) -> b; c > c (1, 10) -> c.
  expect_credit(credit(HeuristicModel::FirstTouch), {{2, 100}, {1, 30}, {1, 10}});
}

TEST(HeuristicAttribution, LastTouchCreditsTheLastChannel) {
  // a > b > c -> c (2, 100); b > a -> a (1, 30); c > c -> c (1, 10).
  expect_credit(credit(HeuristicModel::LastTouch), {{1, 30}, {0, 0}, {3, 110}});
}

TEST(HeuristicAttribution, LinearGivesEveryOccurrenceOneOverThePathLength) {
  // a > b > c: 2/3 conversion and 100/3 value to each. b > a: 1/2 and 15
  // each. c > c: c twice, 1/2 each: 1 and 10.
  // a = 2/3 + 1/2 = 7/6, value 100/3 + 15 = 145/3; b the same;
  // c = 2/3 + 1 = 5/3, value 100/3 + 10 = 130/3.
  expect_credit(credit(HeuristicModel::Linear),
                {{7.0 / 6, 145.0 / 3}, {7.0 / 6, 145.0 / 3}, {5.0 / 3, 130.0 / 3}});
}

TEST(HeuristicAttribution, TimeDecayHalvesPerHalfLifeBeforeTheConversion) {
  // Half-life 1 step: weights 1/4, 1/2, 1 for three touches -> 1/7, 2/7,
  // 4/7; 1/2, 1 for two -> 1/3, 2/3.
  // a > b > c (2, 100): a 2/7 (100/7), b 4/7 (200/7), c 8/7 (400/7).
  // b > a (1, 30): b 1/3 (10), a 2/3 (20). c > c (1, 10): c 1 (10).
  // a = 20/21, value 240/7; b = 19/21, 270/7; c = 15/7, 470/7.
  expect_credit(credit(HeuristicModel::TimeDecay),
                {{20.0 / 21, 240.0 / 7}, {19.0 / 21, 270.0 / 7}, {15.0 / 7, 470.0 / 7}});
}

TEST(HeuristicAttribution, TimeDecayHalfLifeIsInSteps) {
  HeuristicParameters p;
  p.half_life_steps = 2.0;
  const std::vector<double> s = touch_shares(HeuristicModel::TimeDecay, 3, p);
  // 2^-1, 2^-0.5, 1 normalised.
  const double sum = 0.5 + std::sqrt(0.5) + 1.0;
  EXPECT_NEAR(s[0], 0.5 / sum, 1e-15);
  EXPECT_NEAR(s[1], std::sqrt(0.5) / sum, 1e-15);
  EXPECT_NEAR(s[2], 1.0 / sum, 1e-15);
}

TEST(HeuristicAttribution, PositionBasedGivesFortyTwentyForty) {
  // a > b > c (2, 100): a 0.8 (40), b 0.4 (20), c 0.8 (40). b > a (two
  // touches, no middle): 0.5 (15) each. c > c: c 1 (10).
  expect_credit(credit(HeuristicModel::PositionBased), {{1.3, 55}, {0.9, 35}, {1.8, 50}});
}

TEST(HeuristicAttribution, PositionBasedSharesTheMiddleAndSplitsTwoTouchesByTheEnds) {
  HeuristicParameters p;
  p.first = 0.375;  // binary fractions, so the shares compare exactly
  p.middle = 0.5;
  p.last = 0.125;
  EXPECT_EQ(touch_shares(HeuristicModel::PositionBased, 4, p),
            (std::vector<double>{0.375, 0.25, 0.25, 0.125}));
  EXPECT_EQ(touch_shares(HeuristicModel::PositionBased, 2, p), (std::vector<double>{0.75, 0.25}));
  EXPECT_EQ(touch_shares(HeuristicModel::PositionBased, 1, p), (std::vector<double>{1.0}));
}

TEST(HeuristicAttribution, EveryModelSharesAllConversionsAndValue) {
  for (const HeuristicModel model : kHeuristicModels) {
    double conversions = 0.0, value = 0.0;
    for (const Credit& c : credit(model)) {
      conversions += c.conversions;
      value += c.value;
    }
    EXPECT_NEAR(conversions, 4.0, 1e-12) << heuristic_name(model);
    EXPECT_NEAR(value, 140.0, 1e-12) << heuristic_name(model);
  }
}

TEST(HeuristicAttribution, ReportCarriesEveryModelBesideTheRemovalEffect) {
  const PathSet set = paths();
  Attribution a = attribute_exact(chain_from_paths(set, "paths.csv"));
  add_heuristics(a, set, {HeuristicModel::FirstTouch, HeuristicModel::Linear}, {});
  const std::string json = render_attribution_json(a);
  EXPECT_NE(json.find("\"first_touch\": {\n        \"conversions\": 2.0,\n        \"value\": 100.0"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"position_based_weights\""), std::string::npos);
  const std::string csv = render_attribution_csv(a);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "channel,removal_effect,conversion_share,conversions,value_removal_effect,"
            "value_share,value,first_touch_conversions,first_touch_value,linear_conversions,"
            "linear_value");
  const std::string table = render_attribution_table(a);
  EXPECT_NE(table.find("\nfirst touch\nchannel   conversions           value\n"), std::string::npos)
      << table;
}

TEST(HeuristicAttribution, TableShowsAFractionOfACustomer) {
  std::istringstream in("path,total_conversions,total_null\na,1.5,0\n");
  BadRows bad("paths.csv", true);
  const Attribution a =
      attribute_exact(chain_from_paths(read_path_set(in, "paths.csv", {}, bad), "paths.csv"));
  EXPECT_NE(render_attribution_table(a).find("over 1.5 customers"), std::string::npos);
}

TEST(HeuristicAttribution, ReportWithoutHeuristicsHasNoneOfTheirKeys) {
  const PathSet set = paths();
  const Attribution a = attribute_exact(chain_from_paths(set, "paths.csv"));
  const std::string json = render_attribution_json(a);
  EXPECT_EQ(json.find("first_touch"), std::string::npos);
  EXPECT_EQ(json.find("position_based_weights"), std::string::npos);
}

}  // namespace
}  // namespace journeysim
