#include "steps/race.h"

#include <cmath>
#include <numbers>
#include <string>

#include "steps/normal_quantile.h"

namespace journeysim {
namespace {

constexpr double kHoursPerDay = 24;

// The total rate per hour: the one clock the entries' clocks make together.
double total_per_hour(std::span<const double> rates_per_day) {
  double total = 0;
  for (double rate : rates_per_day) {
    total += rate > 0 ? rate : 0;
  }
  return total / kHoursPerDay;
}

// E[1 - exp(-R * median * exp(sigma * Z))], Z standard normal.
double lognormal_return_probability(const WaitDuration& wait, double rate) {
  constexpr int kIntervals = 4800;  // even, as Simpson's rule needs
  constexpr double kFrom = -12, kTo = 12;
  const double step = (kTo - kFrom) / kIntervals;
  double sum = 0;
  for (int i = 0; i <= kIntervals; ++i) {
    const double z = kFrom + step * i;
    const double density = std::exp(-z * z / 2) / std::sqrt(2 * std::numbers::pi);
    const double value = -std::expm1(-rate * wait.median_hours * std::exp(wait.sigma * z)) * density;
    const double weight = (i == 0 || i == kIntervals) ? 1 : (i % 2 == 1 ? 4 : 2);
    sum += weight * value;
  }
  return sum * step / 3;
}

}  // namespace

RaceOutcome race_wait(double wait_hours, std::span<const double> rates_per_day, double u_return,
                      double u_which) noexcept {
  RaceOutcome out;
  out.hours = wait_hours;
  const double rate = total_per_hour(rates_per_day);
  if (!(rate > 0) || !(u_return >= 0)) {
    return out;
  }
  const double first_return = -std::log1p(-(u_return < 1 ? u_return : 0x1.fffffffffffffp-1)) / rate;
  if (!(first_return < wait_hours)) {
    return out;
  }
  out.returned = true;
  out.hours = first_return;
  // Entry i owns [sum of earlier rates, + r_i) of [0, R).
  const double target = u_which * rate * kHoursPerDay;
  double below = 0;
  for (uint32_t i = 0; i < rates_per_day.size(); ++i) {
    if (!(rates_per_day[i] > 0)) {
      continue;
    }
    out.race = i;  // the last positive entry takes what rounding leaves over
    below += rates_per_day[i];
    if (target < below) {
      break;
    }
  }
  return out;
}

double race_return_probability(const WaitDuration& wait, std::span<const double> rates_per_day) noexcept {
  const double rate = total_per_hour(rates_per_day);
  if (!(rate > 0)) {
    return 0;
  }
  switch (wait.distribution) {
    case WaitDistribution::Fixed:
      return -std::expm1(-rate * wait.fixed_hours);
    case WaitDistribution::Exponential:
      return rate * wait.mean_hours / (1 + rate * wait.mean_hours);
    case WaitDistribution::Uniform: {
      const double width = wait.max_hours - wait.min_hours;
      return 1 - (std::exp(-rate * wait.min_hours) - std::exp(-rate * wait.max_hours)) / (rate * width);
    }
    case WaitDistribution::Lognormal:
      return lognormal_return_probability(wait, rate);
  }
  return 0;
}

double check_race_rate(double rate_per_day, const SourceLocation& where) {
  if (!std::isfinite(rate_per_day) || rate_per_day < 0) {
    throw InputError(where, "rate_per_day must be a number of returns per day, zero or more");
  }
  return rate_per_day;
}

}  // namespace journeysim
