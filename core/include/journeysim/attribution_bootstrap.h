// Intervals from the data: a bootstrap over the customers of a path file.
// A row walked by n customers (c converting, m not) is redrawn as
// Poisson(c) converting and Poisson(m) other customers — the Poisson
// bootstrap, in which every customer appears a Poisson(1) number of times,
// so a whole count n gives a Poisson(n) total. It needs no whole number
// (fractional, weighted counts keep their mean and variance) and every row
// is drawn on its own, from a counter-based stream keyed by (seed,
// replicate, row): the replicates are the same for any number of threads.
// A row's value follows its conversions (value x redrawn / original
// conversions). Every model runs again on each replicate; the 95 %
// intervals are the 2.5 and 97.5 percentiles of the replicates.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "journeysim/attribution.h"
#include "journeysim/path_set.h"

namespace journeysim {

inline constexpr uint32_t kDefaultBootstrapReplicates = 200;
inline constexpr uint64_t kDefaultBootstrapSeed = 1;

struct BootstrapOptions {
  uint32_t replicates = kDefaultBootstrapReplicates;
  uint64_t seed = kDefaultBootstrapSeed;
  unsigned threads = 0;  // 0 = one per core; never changes the numbers
  const std::atomic<bool>* cancel = nullptr;
};

/// Replicate `replicate` of `paths`: each row's customers redrawn (see
/// above); rows left with no customer are left out, the channels kept.
PathSet resample_paths(const PathSet& paths, uint64_t seed, uint32_t replicate);

/// The p-quantile (0 <= p <= 1) of `values`, interpolated between order
/// statistics (Hyndman and Fan's type 7, R's default). Sorts `values`.
double percentile(std::vector<double>& values, double p);

/// Adds to `a` (attribute_paths(paths, file, models)) the 95 % intervals of
/// every removal effect and every model's conversions and value, and each
/// model's ranking by conversions with the intervals of the steps between
/// neighbours. A replicate in which nothing converts credits nothing.
void add_bootstrap(Attribution& a, const PathSet& paths, const std::string& file,
                   const PathModels& models, const BootstrapOptions& options);

}  // namespace journeysim
