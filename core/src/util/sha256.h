// SHA-256 (FIPS 180-4), used to fingerprint merged scenarios, scenario files
// and plugin libraries so a run can say exactly which inputs produced it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace journeysim::util {

/// Incremental SHA-256: update() any number of times, then digest() once.
class Sha256 {
 public:
  using Digest = std::array<uint8_t, 32>;

  Sha256();

  void update(std::string_view data);
  void update(const void* data, size_t size);

  /// Finishes the hash; the object must not be updated afterwards.
  Digest digest();
  /// digest() as 64 lowercase hex digits.
  std::string hex_digest();

 private:
  void compress(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
  bool finished_ = false;
};

/// SHA-256 of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

/// SHA-256 of the bytes of `file` as 64 lowercase hex digits, read in
/// pieces; nullopt when it cannot be read.
std::optional<std::string> sha256_file_hex(const std::filesystem::path& file);

}  // namespace journeysim::util
