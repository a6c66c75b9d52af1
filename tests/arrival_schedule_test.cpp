// Arrival schedules: the [arrivals] pattern as one distribution of arrival
// offsets after start, drawn by quantile so that a draw is exact,
// deterministic and monotone in the agent's uniform.
#include "calendar/arrival_schedule.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "calendar/time_zone.h"

namespace journeysim::calendar {
namespace {

UtcSeconds utc(const std::string& text) {
  const auto value = parse_toml_date_time(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? local_seconds_of(*value) - value->offset_seconds.value_or(0) : 0;
}

const UtcSeconds kMonday = utc("2027-03-01T00:00:00Z");
const TimeZonePtr kUtc = find_time_zone("UTC", {});

ArrivalPattern steady(double days) {
  ArrivalPattern p;
  p.kind = ArrivalPattern::Kind::Steady;
  p.over_days = days;
  return p;
}

ArrivalPattern poisson(double per_hour) {
  ArrivalPattern p;
  p.kind = ArrivalPattern::Kind::Poisson;
  p.per_hour = per_hour;
  return p;
}

std::array<double, 24> only_hours(int from, int to) {
  std::array<double, 24> w{};
  for (int h = from; h < to; ++h) {
    w[static_cast<size_t>(h)] = 1.0;
  }
  return w;
}

// Uniforms in [0, 1) from a fixed seed, as an agent's stream gives them.
std::vector<double> uniforms(size_t n) {
  std::mt19937_64 engine(20270301);
  std::vector<double> u(n);
  for (double& x : u) {
    x = static_cast<double>(engine() >> 11) * 0x1.0p-53;
  }
  return u;
}

TEST(ArrivalSchedule, AtStartPutsEveryoneAtHourZero) {
  const ArrivalSchedule schedule(ArrivalPattern{}, 1000, kMonday, *kUtc);
  EXPECT_EQ(schedule.offset_hours(0, 0.0), 0.0);
  EXPECT_EQ(schedule.offset_hours(999, 0.999), 0.0);
  EXPECT_EQ(schedule.span_hours(), 0.0);
}

TEST(ArrivalSchedule, SteadyAgentKTakesTheQuantileAtKPlusAHalfOverN) {
  const ArrivalSchedule schedule(steady(1.0), 4, kMonday, *kUtc);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(0, 0.9), 3.0);  // steady ignores u
  EXPECT_DOUBLE_EQ(schedule.offset_hours(1, 0.0), 9.0);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(2, 0.5), 15.0);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(3, 0.1), 21.0);
}

TEST(ArrivalSchedule, SteadyFollowsHourlyWeightsOnTheStartsClock) {
  ArrivalPattern pattern = steady(1.0);
  pattern.hourly_weights = only_hours(9, 17);  // office hours at +07:00
  const ArrivalSchedule schedule(pattern, 8, utc("2027-03-01T00:00:00+07:00"),
                                 *find_time_zone("+07:00", {}));
  for (uint64_t k = 0; k < 8; ++k) {
    EXPECT_DOUBLE_EQ(schedule.offset_hours(k, 0.0), 9.5 + static_cast<double>(k)) << k;
  }
}

TEST(ArrivalSchedule, WeekdayWeightsKeepTheWeekendEmpty) {
  ArrivalPattern pattern = steady(14.0);
  pattern.weekday_weights = {1, 1, 1, 1, 1, 0, 0};
  const ArrivalSchedule schedule(pattern, 1000, kMonday, *kUtc);
  for (uint64_t k = 0; k < 1000; ++k) {
    const double day = std::floor(schedule.offset_hours(k, 0.0) / 24.0);
    EXPECT_TRUE(day < 5 || (day >= 7 && day < 12)) << k << " arrives on day " << day;
  }
  // Each weekday holds a tenth: agent 499 (p = 0.4995) late on Friday,
  // agent 500 (p = 0.5005) early on the next Monday.
  EXPECT_NEAR(schedule.offset_hours(499, 0.0), 4 * 24.0 + 0.995 * 24.0, 1e-9);
  EXPECT_NEAR(schedule.offset_hours(500, 0.0), 7 * 24.0 + 0.005 * 24.0, 1e-9);
}

TEST(ArrivalSchedule, PoissonSpansAgentsOverTheRate) {
  const ArrivalSchedule schedule(poisson(10.0), 240, kMonday, *kUtc);
  EXPECT_DOUBLE_EQ(schedule.span_hours(), 24.0);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(0, 0.5), 12.0);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(0, 0.25), 6.0);
}

TEST(ArrivalSchedule, PoissonHourlySharesMatchTheWeightsWithinFourStandardErrors) {
  ArrivalPattern pattern = poisson(100'000.0 / 48.0);  // two days exactly
  for (size_t h = 0; h < 24; ++h) {
    pattern.hourly_weights[h] = 1.0 + static_cast<double>(h % 6);  // 1..6, repeating
  }
  const ArrivalSchedule schedule(pattern, 100'000, kMonday, *kUtc);
  std::array<double, 24> count{};
  const std::vector<double> u = uniforms(100'000);
  for (size_t k = 0; k < u.size(); ++k) {
    const double offset = schedule.offset_hours(k, u[k]);
    count[static_cast<size_t>(std::fmod(offset, 24.0))] += 1.0;
  }
  const double n = static_cast<double>(u.size());
  const double total_weight = 4.0 * (1 + 2 + 3 + 4 + 5 + 6);
  for (size_t h = 0; h < 24; ++h) {
    const double p = pattern.hourly_weights[h] / total_weight;
    const double se = std::sqrt(p * (1.0 - p) / n);
    EXPECT_NEAR(count[h] / n, p, 4.0 * se) << "hour " << h;
  }
}

TEST(ArrivalSchedule, BurstShareIsExactInExpectation) {
  ArrivalPattern pattern = steady(10.0);
  pattern.bursts.push_back({0, 0.3, {}});
  const ArrivalSchedule schedule(pattern, 1000, kMonday, *kUtc);
  // Day 0 holds the burst's 30% and a tenth of the other 70%.
  EXPECT_NEAR(schedule.quantile(0.37), 24.0, 1e-9);
  EXPECT_NEAR(schedule.quantile(0.30 / 2), 24.0 * 0.15 / 0.37, 1e-9);
}

TEST(ArrivalSchedule, BurstsBesideArrivalsAtStart) {
  ArrivalPattern pattern;  // at_start
  pattern.bursts.push_back({2, 0.25, {}});
  pattern.hourly_weights = only_hours(12, 13);
  const ArrivalSchedule schedule(pattern, 1000, kMonday, *kUtc);
  EXPECT_EQ(schedule.offset_hours(0, 0.7499), 0.0);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(0, 0.875), 48.0 + 12.5);
}

TEST(ArrivalSchedule, OffsetsAreMonotoneInTheUniform) {
  ArrivalPattern pattern = poisson(3.0);
  pattern.weekday_weights = {5, 4, 3, 2, 1, 0, 0.5};
  pattern.hourly_weights = only_hours(8, 20);
  pattern.bursts.push_back({3, 0.2, {}});
  const ArrivalSchedule schedule(pattern, 2000, kMonday, *kUtc);
  double previous = -1.0;
  for (int i = 0; i < 100'000; ++i) {
    const double offset = schedule.offset_hours(0, i / 100'000.0);
    ASSERT_GE(offset, previous) << i;
    previous = offset;
  }
}

TEST(ArrivalSchedule, WeightsFollowDaylightSavingInTheJourneysZone) {
  ArrivalPattern pattern = steady(2.0);
  pattern.hourly_weights = only_hours(9, 10);
  const TimeZonePtr berlin = find_time_zone("Europe/Berlin", {});
  // 27 March at 09:00 CET, then 28 March at 09:00 CEST (07:00Z).
  const ArrivalSchedule schedule(pattern, 2, utc("2027-03-27T00:00:00+01:00"), *berlin);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(0, 0.0), 9.5);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(1, 0.0), 32.5);
}

TEST(ArrivalSchedule, AStartBetweenHoursKeepsTheClocksHours) {
  ArrivalPattern pattern = steady(1.0);
  pattern.hourly_weights = only_hours(10, 11);
  const ArrivalSchedule schedule(pattern, 1, utc("2027-03-01T09:30:00Z"), *kUtc);
  EXPECT_DOUBLE_EQ(schedule.offset_hours(0, 0.0),
                   1.0);  // 10:30, the middle of 10:00-11:00
}

TEST(ArrivalSchedule, RefusesWeightsThatLeaveNoHourToArriveIn) {
  ArrivalPattern pattern = steady(2.0);  // Monday and Tuesday
  pattern.weekday_weights = {0, 0, 0, 0, 0, 1, 1};
  pattern.where = {"a.toml", 4, 1};
  try {
    const ArrivalSchedule schedule(pattern, 10, kMonday, *kUtc);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "a.toml:4:1: error: arrivals: the weights "
              "are zero at every hour from 0 h to 48 h "
              "after start, so nobody can arrive then");
  }
}

TEST(ArrivalSchedule, RefusesASpanOfMoreThanAHundredYears) {
  EXPECT_THROW(ArrivalSchedule(poisson(0.001), 1'000'000, kMonday, *kUtc), InputError);
}

}  // namespace
}  // namespace journeysim::calendar
