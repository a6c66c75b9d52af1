// The C++ helpers of the plugin SDK (journeysim/channel_sdk.h) that the
// shipped channels share and third-party authors may use.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "journeysim/channel_sdk.h"

namespace {

using journeysim::sdk::failed_check;
using journeysim::sdk::PersonaTermsCache;

TEST(PersonaTermsCache, WorksOutEachPersonasTermsOnceAndReusesThem) {
  PersonaTermsCache<double, 8> cache;
  int made = 0;
  const auto make = [&](double value) {
    return [&made, value] {
      ++made;
      return value;
    };
  };
  EXPECT_EQ(cache.get(3, make(0.25)), 0.25);
  EXPECT_EQ(cache.get(5, make(0.75)), 0.75);
  EXPECT_EQ(cache.get(3, make(99.0)), 0.25);  // cached: make is not called
  EXPECT_EQ(made, 2);
}

TEST(PersonaTermsCache, PersonasBeyondTheCacheAreWorkedOutEveryTime) {
  PersonaTermsCache<double, 4> cache;
  int made = 0;
  const auto make = [&] {
    ++made;
    return 0.5;
  };
  EXPECT_EQ(cache.get(4, make), 0.5);
  EXPECT_EQ(cache.get(4, make), 0.5);
  EXPECT_EQ(made, 2);
}

TEST(PersonaTermsCache, SixtyFourPersonasFitTheDefault) {
  PersonaTermsCache<uint32_t> cache;
  for (uint32_t p = 0; p < 64; ++p) {
    EXPECT_EQ(cache.get(p, [p] { return p * 10; }), p * 10);
  }
  for (uint32_t p = 0; p < 64; ++p) {
    EXPECT_EQ(cache.get(p, [] { return 0u; }), p * 10);
  }
}

// Three checks in a row losing 50%, 0% and 50% of those who reach them:
// p(continue) = 0.25, drops 0.5 at check 0 and 0.25 at check 2, so a
// dropping agent failed check 0 with probability 2/3 and check 2 with 1/3.
TEST(FailedCheck, SplitsTheDropsInProportionToEachChecksShare) {
  const std::array<double, 3> q = {0.5, 0.0, 0.5};
  const double failures = 0.75;  // 1 - p(continue)
  EXPECT_EQ(failed_check(q, 0.0 * failures, 7), 0u);
  EXPECT_EQ(failed_check(q, 0.66 * failures, 7), 0u);
  EXPECT_EQ(failed_check(q, 0.67 * failures, 7), 2u);
  EXPECT_EQ(failed_check(q, 0.999 * failures, 7), 2u);
}

TEST(FailedCheck, NeverNamesACheckThatCannotFail) {
  const std::array<double, 3> q = {0.0, 0.4, 0.0};
  for (double u : {0.0, 0.3, 0.6, 0.999999}) {
    EXPECT_EQ(failed_check(q, u * 0.4, 9), 1u) << u;
  }
}

TEST(FailedCheck, RoundingPastTheEndFallsBackToTheLastLiveCheck) {
  const std::array<double, 3> q = {0.2, 0.3, 0.0};
  EXPECT_EQ(failed_check(q, 1.0, 9), 1u);
}

TEST(FailedCheck, WithNoLiveCheckGivesTheFallback) {
  const std::array<double, 2> q = {0.0, 0.0};
  EXPECT_EQ(failed_check(q, 0.0, 9), 9u);
}

}  // namespace
