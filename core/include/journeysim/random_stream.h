// Counter-based random numbers: every draw is a pure function of
// (seed, agent, touchpoint key, visit, draw index). Nothing is shared between
// agents or threads, so any partition of the agents gives the same numbers,
// and agent i meets every variant of a journey with the same numbers at the
// same touchpoint visit (common random numbers), even when an earlier
// touchpoint changed how many draws it used.
#pragma once

#include <Random123/philox.h>

#include <cstdint>

namespace journeysim {

/// Stream key of the draws made when an agent arrives (persona, entry).
inline constexpr uint32_t kArrivalStream = 0xFFFFFFFFu;
/// Draw indices reserved for the engine at a touchpoint visit: the gap
/// before the next touchpoint and the choice of edge (plugins use 0..15).
inline constexpr uint32_t kDelayDraw = 30;
inline constexpr uint32_t kEdgeDraw = 31;

class RandomStream {
 public:
  using Philox = r123::Philox4x32_R<10>;

  explicit RandomStream(uint64_t seed)
      : key_{{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}} {}

  /// Two uniforms in [0, 1) with 53 random bits each: draws 2*block and
  /// 2*block + 1 of (agent, stream, visit).
  void pair(uint64_t agent, uint32_t stream, uint32_t visit, uint32_t block,
            double* out) const {
    const Philox::ctr_type counter = {{static_cast<uint32_t>(agent),
                                       static_cast<uint32_t>(agent >> 32), stream,
                                       (visit << 4) | (block & 0xFu)}};
    const Philox::ctr_type r = Philox()(counter, key_);
    out[0] = to_unit((uint64_t{r[0]} << 32) | r[1]);
    out[1] = to_unit((uint64_t{r[2]} << 32) | r[3]);
  }

  /// `count` uniforms (draws 0..count-1) into `out`.
  void fill(uint64_t agent, uint32_t stream, uint32_t visit, uint32_t count,
            double* out) const {
    double two[2];
    for (uint32_t i = 0; i < count; i += 2) {
      pair(agent, stream, visit, i / 2, two);
      out[i] = two[0];
      if (i + 1 < count) {
        out[i + 1] = two[1];
      }
    }
  }

  /// Draw `index` alone.
  double at(uint64_t agent, uint32_t stream, uint32_t visit, uint32_t index) const {
    double two[2];
    pair(agent, stream, visit, index / 2, two);
    return two[index % 2];
  }

 private:
  static double to_unit(uint64_t bits) {
    return static_cast<double>(bits >> 11) * 0x1.0p-53;
  }
  Philox::key_type key_;
};

}  // namespace journeysim
