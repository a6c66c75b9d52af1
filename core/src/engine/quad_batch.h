// Many RandomStream quads at once. The engine draws the uniforms of a whole
// group of agents (all their arrivals, everyone at one touchpoint) together;
// on CPUs with AVX2, eight Philox4x32-10 counters are run side by side. The
// numbers are those of RandomStream::quad, bit for bit (integer arithmetic,
// then the same exact conversion to doubles), so nothing about a run
// depends on which path computed them; random_stream_test checks both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "journeysim/random_stream.h"

namespace journeysim {

class QuadBatch {
 public:
  /// Asks for draws 4*block .. 4*block + 3 of (agent, stream, visit), to be
  /// written to out[0..3] by the next draw().
  void add(uint64_t agent, uint32_t stream, uint32_t visit, uint32_t block, double* out) {
    if (size_ == out_.size()) {
      grow();
    }
    ctr_[0][size_] = static_cast<uint32_t>(agent);
    ctr_[1][size_] = static_cast<uint32_t>(agent >> 32);
    ctr_[2][size_] = stream;
    ctr_[3][size_] = RandomStream::visit_word(visit, block);
    out_[size_] = out;
    ++size_;
  }

  /// `count` uniforms (draws 0..count-1) to out, as RandomStream::fill.
  void add_fill(uint64_t agent, uint32_t stream, uint32_t visit, uint32_t count, double* out) {
    for (uint32_t i = 0; i < count; i += 4) {
      add(agent, stream, visit, i / 4, out + i);
    }
  }

  size_t size() const { return size_; }

  /// Computes every quad asked for and empties the batch. `vector` = false
  /// forces the one-counter-at-a-time path (for tests).
  void draw(const RandomStream& stream, bool vector = true);

  /// True when draw() runs eight counters at a time on this CPU.
  static bool vectorized();

 private:
  void grow();
  std::vector<uint32_t> ctr_[4];  // the counters' four words, by position
  std::vector<double*> out_;
  size_t size_ = 0;
};

}  // namespace journeysim
