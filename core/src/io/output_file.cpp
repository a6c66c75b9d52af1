#include "journeysim/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "journeysim/diagnostics.h"

namespace journeysim {
namespace {

[[noreturn]] void fail(const std::filesystem::path& target, const std::string& what) {
  throw InputError(SourceLocation{target.string(), 0, 0},
                   "cannot write output: " + what + ": " + std::strerror(errno));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    fail(target, "cannot create a temporary file in " + dir.string());
  }
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      ::close(fd);
      ::unlink(pattern.c_str());
      fail(target, "write failed");
    }
    written += static_cast<size_t>(n);
  }
  // Readable like any file the user would create (mkstemp makes it 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(pattern.c_str());
    fail(target, "flush failed");
  }
  if (::rename(pattern.c_str(), target.c_str()) != 0) {
    ::unlink(pattern.c_str());
    fail(target, "rename failed");
  }
}

}  // namespace journeysim
