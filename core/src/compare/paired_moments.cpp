#include "compare/paired_moments.h"

#include <algorithm>
#include <cmath>

namespace journeysim {
namespace {

constexpr long double kScale = static_cast<long double>(FixedSum::kScale);

int128 fixed(double v) { return static_cast<int128>(std::llround(v * FixedSum::kScale)); }
long double real(int128 v) { return static_cast<long double>(v) / kScale; }
long double real2(int128 v) { return static_cast<long double>(v) / (kScale * kScale); }

}  // namespace

void PairedMoments::add(double xb, double yb, double xv, double yv, uint64_t clusters) {
  const int128 fxb = fixed(xb), fyb = fixed(yb);
  const int128 v[kCount] = {fxb, fyb, fixed(xv) - fxb, fixed(yv) - fyb};
  const auto n = static_cast<int128>(clusters);
  for (int i = 0; i < kCount; ++i) {
    sum_[i] += v[i] * n;
    for (int j = i; j < kCount; ++j) {
      cross_[i][j] += v[i] * v[j] * n;
    }
  }
  clusters_ += clusters;
}

void PairedMoments::merge(const PairedMoments& o) {
  for (int i = 0; i < kCount; ++i) {
    sum_[i] += o.sum_[i];
    for (int j = i; j < kCount; ++j) {
      cross_[i][j] += o.cross_[i][j];
    }
  }
  clusters_ += o.clusters_;
}

void PairedMoments::encode(distributed::ByteWriter& out) const {
  for (int i = 0; i < kCount; ++i) {
    out.i128(sum_[i]);
    for (int j = i; j < kCount; ++j) {
      out.i128(cross_[i][j]);
    }
  }
  out.u64(clusters_);
}

void PairedMoments::decode(distributed::ByteReader& in) {
  for (int i = 0; i < kCount; ++i) {
    sum_[i] = in.i128();
    for (int j = i; j < kCount; ++j) {
      cross_[i][j] = in.i128();
    }
  }
  clusters_ = in.u64();
}

Estimate PairedMoments::ratio_difference() const {
  const int128 sum_xv = sum_[kXb] + sum_[kDx];
  const int128 sum_yv = sum_[kYb] + sum_[kDy];
  if (sum_[kYb] == 0 || sum_yv == 0 || clusters_ < 2) {
    return {};
  }
  const long double k = static_cast<long double>(clusters_);
  const long double rb = real(sum_[kXb]) / real(sum_[kYb]);
  const long double rv = real(sum_xv) / real(sum_yv);
  const long double a = k / real(sum_yv);  // 1 / mean yv
  const long double b = k / real(sum_[kYb]);
  // Linearised difference per cluster, phi = a (xv - rv yv) - b (xb - rb yb),
  // written in (xb, yb, dx, dy): phi = w . (xb, yb, dx, dy).
  const long double w[kCount] = {a - b, b * rb - a * rv, a, -a * rv};
  long double phi2 = 0;
  for (int i = 0; i < kCount; ++i) {
    for (int j = 0; j < kCount; ++j) {
      if (w[i] != 0 && w[j] != 0) {
        phi2 += w[i] * w[j] * real2(i <= j ? cross_[i][j] : cross_[j][i]);
      }
    }
  }
  phi2 = std::max<long double>(phi2, 0);  // rounding on a near-zero spread
  const long double variance = phi2 / (k * (k - 1));
  const auto d = static_cast<double>(rv - rb);
  const auto half = static_cast<double>(static_cast<long double>(kZ95) * std::sqrt(variance));
  return {d, d - half, d + half, clusters_, true};
}

Estimate PairedMoments::total_difference() const {
  if (clusters_ < 2) {
    return {};
  }
  const long double k = static_cast<long double>(clusters_);
  const long double d = real(sum_[kDx]);
  // Sum of squared deviations of the per-cluster differences.
  const long double spread = std::max<long double>(real2(cross_[kDx][kDx]) - d * d / k, 0);
  // Var(sum of k iid cluster differences) = k * s^2.
  const long double variance = k * spread / (k - 1);
  const auto half = static_cast<double>(static_cast<long double>(kZ95) * std::sqrt(variance));
  const auto dv = static_cast<double>(d);
  return {dv, dv - half, dv + half, clusters_, true};
}

}  // namespace journeysim
