// The Shapley value of the path game: a hand-solved example by the
// definition (every order of the players), and the closed form against the
// definition on a larger random game.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "journeysim/attribution.h"
#include "journeysim/shapley_attribution.h"

namespace journeysim {
namespace {

PathSet read(const std::string& text) {
  std::istringstream in(text);
  BadRows bad("paths.csv", true);
  return read_path_set(in, "paths.csv", {}, bad);
}

// Channels a, b, c (in order of first appearance). The game: v(S) is the
// conversions (value) of the paths whose channel set lies within S.
//   a > b > a       3 conversions, value 30   set {a, b}
//   b               1 conversion,  value 20   set {b}
//   a > c           2 conversions, value 12   set {a, c}
//   c > b > c > a   1 conversion,  value 6    set {a, b, c}
//   c               no conversion (5 nulls)   set {c}
// Conversions: v(a) = 0, v(b) = 1, v(c) = 0, v(ab) = 4, v(ac) = 2,
// v(bc) = 1, v(abc) = 7. Marginal contributions (a, b, c) in each order:
//   a b c: 0, 4, 3      a c b: 0, 5, 2      b a c: 3, 1, 3
//   b c a: 6, 1, 0      c a b: 2, 5, 0      c b a: 6, 1, 0
// Sums a 17, b 17, c 8; over 3! = 6 orders: a 17/6, b 17/6, c 4/3 (total 7).
// Value: v(a) = 0, v(b) = 20, v(c) = 0, v(ab) = 50, v(ac) = 12,
// v(bc) = 20, v(abc) = 68. Contributions (a, b, c):
//   a b c: 0, 50, 18    a c b: 0, 56, 12    b a c: 30, 20, 18
//   b c a: 48, 20, 0    c a b: 12, 56, 0    c b a: 48, 20, 0
// Sums a 138, b 222, c 48; over 6: a 23, b 37, c 8 (total 68).
// Linear would differ: it gives a two thirds of a > b > a, the Shapley
// value half, as a and b are both needed for it.
constexpr const char* kThreeChannels =
    "path,total_conversions,total_null,total_conversion_value\n"
    "a > b > a,3,0,30\nb,1,0,20\na > c,2,0,12\nc > b > c > a,1,0,6\nc,0,5,0\n";

TEST(ShapleyAttribution, ThreeChannelsByEveryOrderOfThePlayers) {
  const std::vector<Credit> phi = attribute_shapley(read(kThreeChannels));
  ASSERT_EQ(phi.size(), 3u);
  EXPECT_DOUBLE_EQ(phi[0].conversions, 17.0 / 6);
  EXPECT_DOUBLE_EQ(phi[1].conversions, 17.0 / 6);
  EXPECT_DOUBLE_EQ(phi[2].conversions, 4.0 / 3);
  EXPECT_DOUBLE_EQ(phi[0].value, 23.0);
  EXPECT_DOUBLE_EQ(phi[1].value, 37.0);
  EXPECT_DOUBLE_EQ(phi[2].value, 8.0);
}

// The Shapley value by its definition, over coalitions: phi_k = sum over S
// without k of |S|! (n - |S| - 1)! / n! (v(S + k) - v(S)), with v(S) summed
// from the paths directly.
std::vector<Credit> shapley_by_definition(const PathSet& paths) {
  // Small games only: 2^n coalitions.
  const size_t n = std::min<size_t>(paths.channels.size(), 12);
  std::vector<Credit> v(size_t{1} << n);
  for (uint32_t s = 0; s < v.size(); ++s) {
    for (const WeightedPath& p : paths.paths) {
      const bool within = std::all_of(p.steps.begin(), p.steps.end(),
                                      [&](uint32_t k) { return ((s >> k) & 1u) != 0; });
      if (within) {
        v[s].conversions += p.conversions;
        v[s].value += p.value;
      }
    }
  }
  std::vector<double> factorial(n + 1, 1.0);
  for (size_t k = 1; k <= n; ++k) {
    factorial[k] = factorial[k - 1] * static_cast<double>(k);
  }
  std::vector<Credit> phi(n);
  for (size_t k = 0; k < n; ++k) {
    for (uint32_t s = 0; s < v.size(); ++s) {
      if ((s >> k) & 1u) {
        continue;
      }
      const size_t size = static_cast<size_t>(__builtin_popcount(s));
      const double weight = factorial[size] * factorial[n - size - 1] / factorial[n];
      const uint32_t with = s | (1u << k);
      phi[k].conversions += weight * (v[with].conversions - v[s].conversions);
      phi[k].value += weight * (v[with].value - v[s].value);
    }
  }
  return phi;
}

TEST(ShapleyAttribution, ClosedFormIsTheDefinitionOnARandomEightChannelGame) {
  // 300 random paths over 8 channels, repeats included, fractional counts.
  std::mt19937 random(22);
  std::string text = "path,total_conversions,total_null,total_conversion_value\n";
  for (int row = 0; row < 300; ++row) {
    const int length = 1 + static_cast<int>(random() % 6);
    for (int k = 0; k < length; ++k) {
      text += (k ? " > " : "") + std::string(1, static_cast<char>('a' + random() % 8));
    }
    text += "," + std::to_string(static_cast<double>(random() % 40) / 4) + ",1," +
            std::to_string(random() % 500) + "\n";
  }
  const PathSet paths = read(text);
  ASSERT_EQ(paths.channels.size(), 8u);
  const std::vector<Credit> closed = attribute_shapley(paths);
  const std::vector<Credit> defined = shapley_by_definition(paths);
  double total = 0.0;
  for (size_t k = 0; k < 8; ++k) {
    EXPECT_NEAR(closed[k].conversions, defined[k].conversions, 1e-9) << paths.channels[k];
    EXPECT_NEAR(closed[k].value, defined[k].value, 1e-7) << paths.channels[k];
    total += closed[k].conversions;
  }
  EXPECT_NEAR(total, paths.conversions(), 1e-9);  // efficiency
}

TEST(ShapleyAttribution, IsReportedBesideTheOtherModels) {
  PathModels models;
  models.shapley = true;
  const Attribution a = attribute_paths(read(kThreeChannels), "paths.csv", models);
  ASSERT_EQ(a.models.size(), 1u);
  EXPECT_EQ(a.models[0].name, "shapley");
  const auto b = std::find_if(a.channels.begin(), a.channels.end(),
                              [](const ChannelShare& c) { return c.channel == "b"; });
  ASSERT_NE(b, a.channels.end());
  EXPECT_DOUBLE_EQ(b->credit.at(0).conversions, 17.0 / 6);
  EXPECT_DOUBLE_EQ(b->credit.at(0).value, 37.0);
}

}  // namespace
}  // namespace journeysim
