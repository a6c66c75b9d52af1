#include "journeysim/statistics.h"

#include <algorithm>
#include <cmath>

namespace journeysim {

Estimate proportion(uint64_t k, uint64_t n) {
  if (n == 0) {
    return {};
  }
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double z2 = kZ95 * kZ95;
  const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = kZ95 / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  return {p, std::max(0.0, centre - half), std::min(1.0, centre + half), n, true};
}

Estimate mean_of(const FixedSum& sum) {
  if (sum.count() == 0) {
    return {};
  }
  const double m = sum.mean();
  const double half = kZ95 * std::sqrt(sum.variance() / static_cast<double>(sum.count()));
  return {m, m - half, m + half, sum.count(), true};
}

Estimate quantile_days(const DurationHistogram& histogram, double p) {
  const uint64_t n = histogram.count();
  if (n == 0) {
    return {};
  }
  const double nn = static_cast<double>(n);
  const auto rank = [&](double r) {
    return static_cast<uint64_t>(std::clamp(r, 1.0, nn));
  };
  const double spread = kZ95 * std::sqrt(nn * p * (1 - p));
  const uint64_t point = rank(std::ceil(nn * p));
  const uint64_t low = rank(std::floor(nn * p - spread));
  const uint64_t high = rank(std::ceil(nn * p + spread));
  return {histogram.value_at_rank(point) / 24.0, histogram.value_at_rank(low) / 24.0,
          histogram.value_at_rank(high) / 24.0, n, true};
}

Estimate net_promoter_score(uint64_t promoters, uint64_t detractors, uint64_t n) {
  if (n == 0) {
    return {};
  }
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(promoters) / nn;
  const double d = static_cast<double>(detractors) / nn;
  const double score = p - d;
  const double var = (p + d - score * score) / nn;
  const double half = kZ95 * std::sqrt(std::max(0.0, var));
  return {100 * score, 100 * std::max(-1.0, score - half), 100 * std::min(1.0, score + half), n,
          true};
}

Estimate exact(double value, uint64_t n) { return {value, value, value, n, true}; }

}  // namespace journeysim
