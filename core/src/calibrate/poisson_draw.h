// Poisson draws from a counter-based stream of uniforms, for the bootstrap:
// the draw is a pure function of its key, so any thread may make it.
#pragma once

#include <cstdint>

#include "journeysim/random_stream.h"

namespace journeysim {

/// The uniforms of one key (item, stream, which), in order: as many as a
/// draw asks for, the same ones every time.
class UniformSequence {
 public:
  UniformSequence(const RandomStream& random, uint64_t item, uint32_t stream, uint32_t which)
      : random_(random), item_(item), stream_(stream), which_(which) {}
  double next();

 private:
  const RandomStream& random_;
  uint64_t item_;
  uint32_t stream_, which_;
  uint32_t index_ = 0;
  double quad_[4] = {};
};

/// log(k!) to about 1e-13 relative, without std::lgamma (which writes the
/// global `signgam`, a data race between threads).
double log_factorial(double k);

/// A Poisson(mean) count; mean >= 0 and finite, not necessarily a whole
/// number. Inversion below a mean of 10, Hörmann's transformed rejection
/// (PTRS, 1993) from there.
double poisson_draw(double mean, UniformSequence& uniforms);

}  // namespace journeysim
