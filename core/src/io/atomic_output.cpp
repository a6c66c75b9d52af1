#include "journeysim/atomic_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "journeysim/diagnostics.h"
#include "journeysim/held_temporaries.h"

namespace journeysim {
namespace {

[[noreturn]] void fail(const std::filesystem::path& target, const std::string& what, int error) {
  throw InputError(SourceLocation{target.string(), 0, 0},
                   "cannot write output: " + what + ": " + std::strerror(error));
}

// The mode the new file gets: the old file's when it replaces one (a file
// made 0640 stays 0640), else what the user's umask gives a new file
// (mkstemp-like creation would make it 0600).
mode_t mode_for(const std::filesystem::path& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    return st.st_mode & 07777;
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

AtomicOutputFile::AtomicOutputFile(std::filesystem::path target)
    : given_(std::move(target)), resolved_(resolve_output_path(given_)) {
  if (resolved_.kind == OutputKind::kStream) {
    out_.open(standard_output_alias(given_), std::ios::binary | std::ios::trunc);
    if (!out_) {
      fail(given_, "cannot open it", errno);
    }
    return;
  }
  const std::filesystem::path& file = resolved_.target;
  remove_stale_temporaries(file);
  temporary_ = temporary_for(file, static_cast<long>(::getpid()));
  // Ours from an earlier output of this process that failed half-way.
  ::unlink(temporary_.c_str());
  const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    fail(given_, "cannot create a temporary file in " + temporary_.parent_path().string(), errno);
  }
  ::close(fd);
  // A plugin that takes the process down from here on must not leave it.
  held_ = hold_temporary(temporary_.c_str());
  mode_ = mode_for(file);
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    const int error = errno;
    ::unlink(temporary_.c_str());
    release_temporary(held_);
    fail(given_, "cannot open " + temporary_.string(), error);
  }
}

AtomicOutputFile::~AtomicOutputFile() {
  if (!committed_) {
    out_.close();
    if (!temporary_.empty()) {
      ::unlink(temporary_.c_str());
    }
  }
  release_temporary(held_);
}

void AtomicOutputFile::flush_to_disk() {
  if (flushed_) {
    return;
  }
  errno = 0;
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  const int write_error = errno;
  out_.close();
  if (!ok || out_.fail()) {
    fail(given_, "write failed", write_error != 0 ? write_error : errno);
  }
  if (!temporary_.empty()) {
    // The mode is set last: a file kept read-only (0444) could not be
    // written by us once it had it.
    const int fd = ::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fchmod(fd, mode_) != 0 || ::fsync(fd) != 0 || ::close(fd) != 0) {
      fail(given_, "flush failed", errno);
    }
  }
  flushed_ = true;
}

void AtomicOutputFile::commit() {
  flush_to_disk();
  if (temporary_.empty()) {
    committed_ = true;  // a stream: every byte was taken
    return;
  }
  if (::rename(temporary_.c_str(), resolved_.target.c_str()) != 0) {
    fail(given_, "rename failed", errno);
  }
  committed_ = true;
  release_temporary(held_);
  held_ = -1;
}

}  // namespace journeysim
