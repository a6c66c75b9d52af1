#include "journeysim/random_stream.h"

#include <gtest/gtest.h>

#include <cmath>

namespace journeysim {
namespace {

TEST(RandomStream, PhiloxMatchesTheRandom123KnownAnswer) {
  // Random123 kat_vectors: philox4x32 10, counter 0, key 0.
  const RandomStream::Philox::ctr_type counter = {{0, 0, 0, 0}};
  const RandomStream::Philox::key_type key = {{0, 0}};
  const auto r = RandomStream::Philox()(counter, key);
  EXPECT_EQ(r[0], 0x6627e8d5u);
  EXPECT_EQ(r[1], 0xe169c58du);
  EXPECT_EQ(r[2], 0xbc57ac4cu);
  EXPECT_EQ(r[3], 0x9b00dbd8u);
}

TEST(RandomStream, DrawsArePureFunctionsOfTheirCoordinates) {
  const RandomStream a(42), b(42);
  double x[4], y[4];
  a.fill(123, 7, 0, 4, x);
  b.fill(123, 7, 0, 4, y);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(x[i], y[i]);
  }
  EXPECT_EQ(a.at(123, 7, 0, 3), x[3]);
}

TEST(RandomStream, AgentsTouchpointsVisitsAndSeedsGetDifferentNumbers) {
  const RandomStream s(42);
  const double base = s.at(1, 7, 0, 0);
  EXPECT_NE(base, s.at(2, 7, 0, 0));
  EXPECT_NE(base, s.at(1, 8, 0, 0));
  EXPECT_NE(base, s.at(1, 7, 1, 0));
  EXPECT_NE(base, RandomStream(43).at(1, 7, 0, 0));
}

TEST(RandomStream, UniformsHaveMeanOneHalfAndStayInUnitInterval) {
  const RandomStream s(9);
  double sum = 0.0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = s.at(static_cast<uint64_t>(i), 1, 0, 0);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  // sd of the mean = sqrt(1/12 / n)
  EXPECT_NEAR(sum / n, 0.5, 4 * std::sqrt(1.0 / 12 / n));
}

}  // namespace
}  // namespace journeysim
