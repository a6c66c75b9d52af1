// Sums and cross-products of per-cluster totals of a metric in two paired
// runs: what the delta method needs for the variance of a difference of two
// ratios. Kept in 128-bit fixed point so that merging is exact and the
// result does not depend on which thread summed which cluster.
#pragma once

#include "distributed/byte_stream.h"
#include "journeysim/statistics.h"
#include "journeysim/tally.h"

namespace journeysim {

class PairedMoments {
 public:
  /// Adds one cluster: totals x (numerator) and y (denominator) of the
  /// metric in the baseline (b) and variant (v) runs. With `clusters`,
  /// that many clusters with the same totals (clusters that were counted).
  void add(double xb, double yb, double xv, double yv, uint64_t clusters = 1);
  void merge(const PairedMoments& other);
  /// Exact bytes, for comparisons spread over processes.
  void encode(distributed::ByteWriter& out) const;
  void decode(distributed::ByteReader& in);

  /// Difference of ratios xv/yv - xb/yb over all clusters, with the
  /// delta-method 95% interval (clusters are independent and identically
  /// distributed, so their totals are too).
  Estimate ratio_difference() const;
  /// Difference of totals sum(xv) - sum(xb) with its 95% interval.
  Estimate total_difference() const;

 private:
  // Moments of (xb, yb, dx = xv - xb, dy = yv - yb): kept as differences so
  // that identical versions give exactly zero spread, not rounding residue.
  enum { kXb, kYb, kDx, kDy, kCount };
  int128 sum_[kCount] = {};
  int128 cross_[kCount][kCount] = {};  // upper triangle used
  uint64_t clusters_ = 0;
};

}  // namespace journeysim
