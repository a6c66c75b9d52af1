// Little-endian bytes for tallies and statistics sent between processes.
// Lengths read back are checked against what remains, so a corrupt buffer
// fails with an error instead of a huge allocation.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

#include "journeysim/distributed.h"
#include "journeysim/tally.h"

namespace journeysim::distributed {

__extension__ typedef unsigned __int128 uint128;

class ByteWriter {
 public:
  void u32(uint32_t v) { put(v, 4); }
  void u64(uint64_t v) { put(v, 8); }
  void i128(int128 v) {
    const auto bits = static_cast<uint128>(v);
    u64(static_cast<uint64_t>(bits));
    u64(static_cast<uint64_t>(bits >> 64));
  }
  void f64(double v) { u64(std::bit_cast<uint64_t>(v)); }
  void raw(std::string_view bytes) { out_.append(bytes); }
  std::string take() { return std::move(out_); }

 private:
  void put(uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) {
      out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
  }
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  uint32_t u32() { return static_cast<uint32_t>(get(4)); }
  uint64_t u64() { return get(8); }
  int128 i128() {
    const uint128 low = u64();
    const uint128 high = u64();
    return static_cast<int128>(low | (high << 64));
  }
  double f64() { return std::bit_cast<double>(u64()); }
  std::string_view raw(size_t n) {
    need(n);
    const std::string_view bytes = in_.substr(at_, n);
    at_ += n;
    return bytes;
  }
  /// A vector length whose elements take at least `min_bytes` each.
  size_t length(size_t min_bytes) {
    const uint64_t n = u64();
    if (min_bytes > 0 && n > (in_.size() - at_) / min_bytes) {
      throw TallyCodecError("encoded length " + std::to_string(n) + " exceeds the buffer");
    }
    return static_cast<size_t>(n);
  }
  bool done() const { return at_ == in_.size(); }

 private:
  void need(size_t n) const {
    if (in_.size() - at_ < n) {
      throw TallyCodecError("truncated buffer");
    }
  }
  uint64_t get(int bytes) {
    need(static_cast<size_t>(bytes));
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) {
      v |= static_cast<uint64_t>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
    }
    at_ += static_cast<size_t>(bytes);
    return v;
  }
  std::string_view in_;
  size_t at_ = 0;
};

}  // namespace journeysim::distributed
