#include "journeysim/atomic_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "journeysim/diagnostics.h"

namespace journeysim {
namespace {

[[noreturn]] void fail(const std::filesystem::path& target, const std::string& what) {
  throw InputError(SourceLocation{target.string(), 0, 0},
                   "cannot write output: " + what + ": " + std::strerror(errno));
}

}  // namespace

AtomicOutputFile::AtomicOutputFile(std::filesystem::path target) : target_(std::move(target)) {
  const std::filesystem::path dir =
      target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
  std::string pattern = (dir / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    fail(target_, "cannot create a temporary file in " + dir.string());
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  temporary_ = pattern;
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    ::unlink(temporary_.c_str());
    fail(target_, "cannot open " + temporary_.string());
  }
}

AtomicOutputFile::~AtomicOutputFile() {
  if (!committed_) {
    out_.close();
    ::unlink(temporary_.c_str());
  }
}

void AtomicOutputFile::commit() {
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok) {
    fail(target_, "write failed");
  }
  const int fd = ::open(temporary_.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0 || ::close(fd) != 0) {
    fail(target_, "flush failed");
  }
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
    fail(target_, "rename failed");
  }
  committed_ = true;
}

}  // namespace journeysim
