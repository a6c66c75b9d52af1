// SHA-256 against the FIPS 180-2 example vectors (Appendix B) and the
// incremental interface against the one-shot one.
#include "util/sha256.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace journeysim::util {
namespace {

TEST(Sha256, EmptyMessage) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, OneBlockMessageAbc) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, TwoBlock448BitMessage) {
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, OneMillionLetterA) {
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalUpdatesMatchOneShot) {
  const std::string message(1'000'000, 'a');
  // Uneven pieces cross block boundaries at every offset.
  Sha256 h;
  size_t offset = 0;
  for (size_t piece = 1; offset < message.size(); piece = piece % 97 + 1) {
    const size_t n = std::min(piece, message.size() - offset);
    h.update(std::string_view(message).substr(offset, n));
    offset += n;
  }
  EXPECT_EQ(h.hex_digest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, MessagesAroundThePaddingBoundary) {
  // 55 bytes fit the length in the same block, 56 need a second one.
  for (size_t n = 54; n <= 65; ++n) {
    const std::string message(n, 'x');
    Sha256 h;
    h.update(message.data(), message.size());
    EXPECT_EQ(h.hex_digest(), sha256_hex(message)) << n;
  }
  EXPECT_EQ(sha256_hex(std::string(55, 'x')).size(), 64u);
  EXPECT_NE(sha256_hex(std::string(55, 'x')), sha256_hex(std::string(56, 'x')));
}

TEST(Sha256, FileHashIsTheHashOfItsBytesReadInPieces) {
  // Larger than the 64 KiB read buffer, with bytes a text read would change.
  std::string bytes(200'000, 'a');
  bytes[70'000] = '\0';
  bytes[140'000] = '\r';
  const auto file = std::filesystem::temp_directory_path() /
                    ("journeysim-sha256-" + std::to_string(::getpid()) + ".bin");
  std::ofstream(file, std::ios::binary) << bytes;
  const std::optional<std::string> hash = sha256_file_hex(file);
  std::filesystem::remove(file);
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(*hash, sha256_hex(bytes));
}

TEST(Sha256, AFileThatCannotBeReadHasNoHash) {
  EXPECT_FALSE(sha256_file_hex("/nonexistent/journeysim/file").has_value());
}

}  // namespace
}  // namespace journeysim::util
