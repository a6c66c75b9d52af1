#include "journeysim/random_stream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "engine/quad_batch.h"

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

// The engine draws whole groups of quads at once (eight counters at a time
// on AVX2 machines); every bit must equal the one-at-a-time draw.
TEST(QuadBatch, BatchedDrawsEqualSingleDrawsBitForBit) {
  const RandomStream s(0x0123456789abcdefULL);
  for (size_t n : {size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{64}, size_t{1001}}) {
    for (bool vector : {true, false}) {
      std::vector<double> got(4 * n), want(4 * n);
      QuadBatch batch;
      for (size_t k = 0; k < n; ++k) {
        // Counters with every word busy: agents past 2^32, big visits, all blocks.
        const uint64_t agent = k * 0x9E3779B97F4A7C15ULL;
        const auto stream = static_cast<uint32_t>(k * 2654435761u);
        const auto visit = static_cast<uint32_t>(k % 5 == 0 ? k * 977 : k % 3);
        const auto block = static_cast<uint32_t>(k % 16);
        batch.add(agent, stream, visit, block, &got[4 * k]);
        s.quad(agent, stream, visit, block, &want[4 * k]);
      }
      EXPECT_EQ(batch.size(), n);
      batch.draw(s, vector);
      EXPECT_EQ(batch.size(), 0u);
      EXPECT_EQ(std::memcmp(got.data(), want.data(), got.size() * sizeof(double)), 0)
          << n << " quads, vector path " << vector << " (available: " << QuadBatch::vectorized()
          << ")";
    }
  }
}

TEST(QuadBatch, FillsLikeRandomStreamFill) {
  const RandomStream s(5);
  double got[16], want[16];
  QuadBatch batch;
  batch.add_fill(77, 3, 2, 10, got);
  batch.draw(s);
  s.fill(77, 3, 2, 10, want);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(got[i], want[i]);
  }
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
