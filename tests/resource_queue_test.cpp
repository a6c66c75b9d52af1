// A resource's first-come-first-served queue (engine/resource_queue.h)
// against queueing theory: Erlang C for M/M/c, fed Poisson arrivals and
// exponential services drawn from the project's own streams.
#include "engine/resource_queue.h"

#include <gtest/gtest.h>

#include <cmath>

#include "journeysim/random_stream.h"

namespace journeysim {
namespace {

// Erlang C: the probability an arrival waits in M/M/c with offered load a
// = lambda / mu (a < c), and the mean wait Wq = C / (c mu - lambda).
double erlang_c(uint32_t c, double a) {
  double term = 1.0, sum = 1.0;  // a^k / k!, summed for k < c
  for (uint32_t k = 1; k < c; ++k) {
    term *= a / k;
    sum += term;
  }
  const double last = term * a / c * c / (c - a);  // a^c / c! * c / (c - a)
  return last / (sum + last);
}

struct Measured {
  ResourceTally tally;
  double wait_se_minutes;  // from the batch-means interval
};

// `customers` Poisson arrivals at `per_hour`, exponential services of mean
// `service_minutes`, `servers` servers; the first `warm_up_hours` not
// measured.
Measured simulate(uint32_t servers, double per_hour, double service_minutes, uint64_t customers,
                  double warm_up_hours) {
  const RandomStream stream(20261206);
  ResourceQueue queue(servers, warm_up_hours);
  double t = 0.0;
  for (uint64_t i = 0; i < customers; ++i) {
    double u[4];
    stream.quad(i, 7, 0, 0, u);
    t += -std::log1p(-u[0]) / per_hour;
    const double service = -std::log1p(-u[1]) * service_minutes / 60.0;
    queue.served(t, queue.wait_at(t), service);
  }
  Measured m{queue.summary(), 0.0};
  m.wait_se_minutes = (m.tally.wait_ci_high_hours - m.tally.wait_mean_hours) * 60.0 / 2.093;
  return m;
}

TEST(ErlangC, FormulaGivesTheTextbookValuesForFiveServersAtLoadFour) {
  EXPECT_NEAR(erlang_c(5, 4.0), 0.5541, 0.00005);
  EXPECT_NEAR(erlang_c(5, 4.0) / (5.0 / 10.0 - 24.0 / 60.0), 5.541, 0.0005);  // minutes
}

// 24 customers an hour, 5 servers of 10 minutes each: offered load 4,
// utilisation 0.8. Warm-up: the first 48 hours (about 1,150 customers; the
// queue relaxes in well under an hour at this load).
TEST(ResourceQueue, FiveServersAtLoadFourWaitAsErlangCSays) {
  const Measured m = simulate(5, 24.0, 10.0, 400000, 48.0);
  const double p_wait = erlang_c(5, 4.0);
  const double n = static_cast<double>(m.tally.arrivals);
  const double share = static_cast<double>(m.tally.waited) / n;
  // Shares of a queue are correlated too: 4 binomial standard errors
  // widened by the ratio of the batch-means to the naive mean-wait error.
  EXPECT_NEAR(share, p_wait, 4.0 * 3.0 * std::sqrt(p_wait * (1 - p_wait) / n));
  EXPECT_NEAR(m.tally.wait_mean_hours * 60.0, p_wait / (0.5 - 0.4), 4.0 * m.wait_se_minutes);
  EXPECT_NEAR(m.tally.busy_hours / m.tally.open_hours, 0.8, 0.01);
}

// M/M/1: P(wait) = rho, Wq = rho / (mu - lambda).
TEST(ResourceQueue, OneServerAtHalfLoadWaitsAsMM1Says) {
  const Measured m = simulate(1, 3.0, 10.0, 200000, 48.0);
  EXPECT_NEAR(static_cast<double>(m.tally.waited) / static_cast<double>(m.tally.arrivals), 0.5,
              0.01);
  EXPECT_NEAR(m.tally.wait_mean_hours * 60.0, 0.5 / (6.0 - 3.0) * 60.0, 4.0 * m.wait_se_minutes);
}

// At load 0.9 the queue relaxes in about 1 / (mu (1 - sqrt rho))^2 = 63
// hours: the warm-up is 500 hours and the run some 200,000 hours.
TEST(ResourceQueue, OneServerAtLoadNinetyPercentWaitsAsMM1Says) {
  const Measured m = simulate(1, 5.4, 10.0, 1000000, 500.0);
  EXPECT_NEAR(static_cast<double>(m.tally.waited) / static_cast<double>(m.tally.arrivals), 0.9,
              0.01);
  EXPECT_NEAR(m.tally.wait_mean_hours * 60.0, 0.9 / (6.0 - 5.4) * 60.0, 4.0 * m.wait_se_minutes);
}

TEST(ResourceQueue, ACustomerWhoGivesUpTakesNoServer) {
  ResourceQueue queue(1, 0.0);
  queue.served(0.0, queue.wait_at(0.0), 1.0);  // busy until 1 h
  EXPECT_DOUBLE_EQ(queue.wait_at(0.25), 0.75);
  queue.gave_up(0.25, 0.5);
  EXPECT_DOUBLE_EQ(queue.wait_at(0.5), 0.5);  // still free at 1 h
  const ResourceTally t = queue.summary();
  EXPECT_EQ(t.arrivals, 2u);
  EXPECT_EQ(t.gave_up, 1u);
  EXPECT_EQ(t.served, 1u);
  EXPECT_EQ(t.waited, 1u);
}

}  // namespace
}  // namespace journeysim
