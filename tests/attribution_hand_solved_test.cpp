// A shipped sample in ChannelAttribution's own format
// (tests/data/attribution/hand_solved_paths.csv, `;`-separated, its header),
// solved by hand: the Markov removal effects, the value by the last-channel
// rule, the heuristics and the Shapley value, each asserted exactly.
#include <gtest/gtest.h>

#include <fstream>

#include "journeysim/attribution.h"
#include "support/paths/build_paths.h"

namespace journeysim {
namespace {

// The file: 8 customers, 4 conversions, value 110.
//   A        1 conversion, value 10, 1 null
//   A > B    2 conversions, value 60
//   B > C    1 conversion, value 40, 1 null
//   C        2 nulls
//
// The first-order chain (counts over visits):
//   start: A 4/8, B 2/8, C 2/8
//   A (4 visits): -> B 2, converts 1, ends 1:   B 1/2, conversion 1/4, drop 1/4
//   B (4 visits): converts 2, -> C 2:           conversion 1/2, C 1/2
//   C (4 visits): converts 1, ends 3:           conversion 1/4, drop 3/4
// P(convert from) x_C = 1/4, x_B = 1/2 + 1/2 x_C = 5/8,
//   x_A = 1/4 + 1/2 x_B = 9/16; P = 1/2 x_A + 1/4 x_B + 1/4 x_C
//   = 9/32 + 5/32 + 2/32 = 1/2 (4 of 8).
// Removal effects:
//   without A: P = 5/32 + 2/32 = 7/32,      1 - 7/16 = 9/16
//   without B: x_A = 1/4, P = 1/8 + 1/16 = 3/16, 1 - 3/8 = 5/8
//   without C: x_B = 1/2, x_A = 1/2, P = 1/4 + 1/8 = 3/8, 1 - 3/4 = 1/4
// Sum 23/16: of 4 conversions A 4 * 9/23 = 36/23, B 40/23, C 16/23.
//
// Value, last-channel rule: a conversion is worth the mean value per
// conversion of its last channel: A 10/1 = 10, B 60/2 = 30, C 40/1 = 40.
// Expected visits v_A = 1/2, v_B = 1/4 + 1/2 v_A = 1/2, v_C = 1/4 + 1/2 v_B
// = 1/2; conversions from A 1/2 * 1/4 = 1/8, from B 1/4, from C 1/8, so
// E[value] = 10/8 + 30/4 + 40/8 = 13.75 per customer (110 in all).
//   without A: v_B = 1/4, v_C = 3/8: 1/8 * 30 + 3/32 * 40 = 7.5,
//              1 - 7.5/13.75 = 5/11
//   without B: v_A = 1/2, v_C = 1/4: 1/8 * 10 + 1/16 * 40 = 3.75, 1 - 3/11 = 8/11
//   without C: v_A = v_B = 1/2: 1.25 + 7.5 = 8.75, 1 - 7/11 = 4/11
// Sum 17/11: of 110, A 110 * 5/17 = 550/17, B 880/17, C 440/17.
//
// Heuristics (conversions, value):
//   first touch: A 1 + 2 = 3 (70), B 1 (40), C 0
//   last touch:  A 1 (10), B 2 (60), C 1 (40)
//   linear:      A 1 + 2/2 = 2 (10 + 30 = 40), B 1 + 1/2 = 1.5 (30 + 20 = 50),
//                C 0.5 (20)
// Shapley: no path repeats a channel, so each conversion splits equally
// among its path's channels, as linear does: A 2 (40), B 1.5 (50), C 0.5 (20).
Attribution attribute_sample() {
  const std::string file = testing::test_data_dir() + "/attribution/hand_solved_paths.csv";
  std::ifstream in(file);
  BadRows bad(file, true);
  const PathSet paths = read_path_set(in, file, {}, bad);
  PathModels models;
  models.heuristics = {HeuristicModel::FirstTouch, HeuristicModel::LastTouch,
                       HeuristicModel::Linear};
  models.shapley = true;
  return attribute_paths(paths, file, models);
}

const ChannelShare& channel(const Attribution& a, const std::string& name) {
  for (const ChannelShare& c : a.channels) {
    if (c.channel == name) {
      return c;
    }
  }
  throw std::runtime_error("no channel " + name);
}

TEST(HandSolvedSample, ConversionRateAndValuePerCustomer) {
  const Attribution a = attribute_sample();
  EXPECT_EQ(a.customers, 8.0);
  EXPECT_DOUBLE_EQ(a.conversion_rate, 0.5);
  EXPECT_DOUBLE_EQ(a.value_per_customer, 13.75);
}

TEST(HandSolvedSample, RemovalEffectsAndMarkovConversions) {
  const Attribution a = attribute_sample();
  EXPECT_DOUBLE_EQ(channel(a, "A").removal_effect, 9.0 / 16);
  EXPECT_DOUBLE_EQ(channel(a, "B").removal_effect, 5.0 / 8);
  EXPECT_DOUBLE_EQ(channel(a, "C").removal_effect, 1.0 / 4);
  EXPECT_DOUBLE_EQ(channel(a, "A").conversions, 36.0 / 23);
  EXPECT_DOUBLE_EQ(channel(a, "B").conversions, 40.0 / 23);
  EXPECT_DOUBLE_EQ(channel(a, "C").conversions, 16.0 / 23);
}

TEST(HandSolvedSample, ValueByTheLastChannelRule) {
  const Attribution a = attribute_sample();
  EXPECT_DOUBLE_EQ(channel(a, "A").value_removal_effect, 5.0 / 11);
  EXPECT_DOUBLE_EQ(channel(a, "B").value_removal_effect, 8.0 / 11);
  EXPECT_DOUBLE_EQ(channel(a, "C").value_removal_effect, 4.0 / 11);
  EXPECT_DOUBLE_EQ(channel(a, "A").value, 550.0 / 17);
  EXPECT_DOUBLE_EQ(channel(a, "B").value, 880.0 / 17);
  EXPECT_DOUBLE_EQ(channel(a, "C").value, 440.0 / 17);
}

TEST(HandSolvedSample, HeuristicsAndShapley) {
  const Attribution a = attribute_sample();
  ASSERT_EQ(a.models.size(), 4u);  // first, last, linear, shapley
  const std::vector<std::pair<std::string, std::vector<Credit>>> want = {
      {"A", {{3, 70}, {1, 10}, {2, 40}, {2, 40}}},
      {"B", {{1, 40}, {2, 60}, {1.5, 50}, {1.5, 50}}},
      {"C", {{0, 0}, {1, 40}, {0.5, 20}, {0.5, 20}}},
  };
  for (const auto& [name, credits] : want) {
    for (size_t m = 0; m < credits.size(); ++m) {
      EXPECT_DOUBLE_EQ(channel(a, name).credit[m].conversions, credits[m].conversions)
          << name << " " << a.models[m].name;
      EXPECT_DOUBLE_EQ(channel(a, name).credit[m].value, credits[m].value)
          << name << " " << a.models[m].name;
    }
  }
}

}  // namespace
}  // namespace journeysim
