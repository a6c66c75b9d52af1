// Drawing a wait: one uniform through the inverse distribution function.
#include <cmath>

#include "steps/duration.h"
#include "steps/normal_quantile.h"

namespace journeysim {

double sample_wait_hours(const WaitDuration& wait, double u) noexcept {
  constexpr double kBelowOne = 0x1.fffffffffffffp-1;  // the largest double below 1
  if (!(u >= 0)) {
    u = 0;
  } else if (u > kBelowOne) {
    u = kBelowOne;
  }
  switch (wait.distribution) {
    case WaitDistribution::Fixed:
      return wait.fixed_hours;
    case WaitDistribution::Lognormal:
      return u == 0 ? 0 : wait.median_hours * std::exp(wait.sigma * normal_quantile(u));
    case WaitDistribution::Exponential:
      return -wait.mean_hours * std::log1p(-u);
    case WaitDistribution::Uniform:
      return wait.min_hours + u * (wait.max_hours - wait.min_hours);
  }
  return 0;
}

double mean_wait_hours(const WaitDuration& wait) noexcept {
  switch (wait.distribution) {
    case WaitDistribution::Fixed:
      return wait.fixed_hours;
    case WaitDistribution::Lognormal:
      return wait.median_hours * std::exp(wait.sigma * wait.sigma / 2);
    case WaitDistribution::Exponential:
      return wait.mean_hours;
    case WaitDistribution::Uniform:
      return (wait.min_hours + wait.max_hours) / 2;
  }
  return 0;
}

}  // namespace journeysim
