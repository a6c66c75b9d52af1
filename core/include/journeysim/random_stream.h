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

/// Stream key of the draws made when an agent arrives: draw 0 picks the
/// persona, 1 the entry touchpoint, 2 and 3 are the respondent noise of the
/// agent's survey answers.
inline constexpr uint32_t kArrivalStream = 0xFFFFFFFFu;
/// Draw indices reserved for the engine at a touchpoint visit: the gap
/// before the next touchpoint and the choice of edge (plugins use 0..15).
inline constexpr uint32_t kDelayDraw = 60;
inline constexpr uint32_t kEdgeDraw = 61;

class RandomStream {
 public:
  using Philox = r123::Philox4x32_R<10>;

  explicit RandomStream(uint64_t seed)
      : key_{{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}} {}

  /// Draws 4*block .. 4*block + 3 of (agent, stream, visit): four uniforms
  /// in (0, 1) with 32 random bits each (one Philox4x32-10 call).
  void quad(uint64_t agent, uint32_t stream, uint32_t visit, uint32_t block, double* out) const {
    const Philox::ctr_type counter = {{static_cast<uint32_t>(agent),
                                       static_cast<uint32_t>(agent >> 32), stream,
                                       visit_word(visit, block)}};
    const Philox::ctr_type r = Philox()(counter, key_);
    for (int i = 0; i < 4; ++i) {
      out[i] = to_unit(r[i]);
    }
  }

  /// The counter's last word: the visit, and which quad of its draws.
  static uint32_t visit_word(uint32_t visit, uint32_t block) { return (visit << 4) | (block & 0xFu); }

  /// The Philox key (from the seed).
  const Philox::key_type& key() const { return key_; }

  /// A counter's 32 random bits as a uniform in (0, 1).
  // Centred in its 2^-32 cell, so never exactly 0 or 1 (log(u) and
  // log(1 - u) are always finite).
  static double to_unit(uint32_t bits) { return (static_cast<double>(bits) + 0.5) * 0x1.0p-32; }

  /// `count` uniforms (draws 0..count-1) into `out`, which must have room
  /// for `count` rounded up to a multiple of 4.
  void fill(uint64_t agent, uint32_t stream, uint32_t visit, uint32_t count, double* out) const {
    for (uint32_t i = 0; i < count; i += 4) {
      quad(agent, stream, visit, i / 4, out + i);
    }
  }

  /// Draw `index` alone.
  double at(uint64_t agent, uint32_t stream, uint32_t visit, uint32_t index) const {
    double four[4];
    quad(agent, stream, visit, index / 4, four);
    return four[index % 4];
  }

 private:
  Philox::key_type key_;
};

}  // namespace journeysim
