// Interval estimates. Every rate the tool reports carries a 95% interval.
#pragma once

#include <cstdint>

#include "journeysim/tally.h"

namespace journeysim {

/// z for a two-sided 95% interval.
inline constexpr double kZ95 = 1.959963984540054;

/// A point estimate with its 95% interval over n observations. With n = 0
/// there is no estimate (`has_value()` is false): a metric nobody reached.
struct Estimate {
  double value = 0.0;
  double low = 0.0;
  double high = 0.0;
  uint64_t n = 0;
  bool defined = false;

  bool has_value() const { return defined; }
};

/// Wilson score interval for k successes out of n.
Estimate proportion(uint64_t k, uint64_t n);
/// Mean with a normal-approximation interval from the sample variance.
Estimate mean_of(const FixedSum& sum);
/// The p-quantile (nearest rank) with a distribution-free interval from the
/// binomial ranks n p -+ z sqrt(n p (1 - p)), in the histogram's units / 24
/// (days).
Estimate quantile_days(const DurationHistogram& histogram, double p);
/// Net Promoter Score (-100..100) with its multinomial interval.
Estimate net_promoter_score(uint64_t promoters, uint64_t detractors, uint64_t n);
/// A plain count shown as an estimate without spread.
Estimate exact(double value, uint64_t n);

}  // namespace journeysim
