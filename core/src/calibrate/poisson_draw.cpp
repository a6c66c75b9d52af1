#include "calibrate/poisson_draw.h"

#include <cmath>

namespace journeysim {

double UniformSequence::next() {
  const uint32_t slot = index_ % 4;
  if (slot == 0) {
    // RandomStream's visit word holds 28 bits of visit and 4 of block: the
    // key's `which` takes the top 8 bits of the visit, the quad number the
    // rest, so a draw never runs out of fresh uniforms in practice.
    const uint32_t block = index_ / 4;
    random_.quad(item_, stream_, (which_ << 20) | ((block >> 4) & 0xFFFFFu), block & 0xFu,
                 quad_);
  }
  ++index_;
  return quad_[slot];
}

double log_factorial(double k) {
  if (k < 16.0) {
    double sum = 0.0;
    for (double i = 2.0; i <= k; i += 1.0) {
      sum += std::log(i);
    }
    return sum;
  }
  // Stirling's series for log Gamma(x), x = k + 1 >= 17.
  const double x = k + 1.0;
  const double inv = 1.0 / x, inv2 = inv * inv;
  return (x - 0.5) * std::log(x) - x + 0.91893853320467274178 +
         inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 / 1680.0)));
}

double poisson_draw(double mean, UniformSequence& uniforms) {
  if (mean <= 0.0) {
    return 0.0;
  }
  if (mean < 10.0) {
    // Inversion: walk the cumulative distribution up to one uniform.
    const double u = uniforms.next();
    double k = 0.0, p = std::exp(-mean), cdf = p;
    while (u > cdf && p > 0.0) {
      k += 1.0;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }
  // PTRS: W. Hörmann, "The transformed rejection method for generating
  // Poisson random variables", Insurance: Mathematics and Economics 12
  // (1993) — the constants as published (and as numpy uses them).
  const double slam = std::sqrt(mean), loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2.0);
  for (;;) {
    const double u = uniforms.next() - 0.5;
    const double v = uniforms.next();
    const double us = 0.5 - std::abs(u);
    const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) {
      return k;
    }
    if (k < 0.0 || (us < 0.013 && v > us)) {
      continue;
    }
    if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <=
        -mean + k * loglam - log_factorial(k)) {
      return k;
    }
  }
}

}  // namespace journeysim
