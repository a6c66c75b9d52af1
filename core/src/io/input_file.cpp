#include "journeysim/input_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace journeysim {
namespace {

namespace fs = std::filesystem;

std::string size_text(size_t bytes) {
  return bytes >= (size_t{1} << 20) ? std::to_string(bytes >> 20) + " MiB"
                                    : std::to_string(bytes) + " bytes";
}

std::string too_large(size_t bytes, size_t limit, const std::string& what) {
  return "file is " + std::to_string(bytes) + " bytes; " + what + "s are limited to " +
         size_text(limit) + " (" + std::to_string(limit) + " bytes)";
}

}  // namespace

std::optional<std::string> read_input_file(const fs::path& path, size_t max_bytes,
                                           const std::string& what, std::string& error) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) {
    error = "a loop of symbolic links (" + path.string() + " never reaches a file)";
    return std::nullopt;
  }
  if (ec || !fs::exists(status)) {
    error = "no such file";
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    error = "a directory, not a file";
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    error = "not a regular file (a device, FIFO or socket), which could be read forever";
    return std::nullopt;
  }
  const uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    error = too_large(static_cast<size_t>(size), max_bytes, what);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  // Read with a cap rather than trusting the size: the file may grow.
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      error = too_large(text.size(), max_bytes, what);
      return std::nullopt;
    }
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return text;
}

}  // namespace journeysim
