#include "results_stdout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <streambuf>

#include "journeysim/output_path.h"

namespace journeysim::cli {
namespace {

// A stream buffer over a file descriptor that remembers why a write failed.
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }

  void set_fd(int fd) { fd_ = fd; }
  int fd() const { return fd_; }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (drain() != 0) {
      return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
      return c;
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain(); }

 private:
  int drain() {
    const char* at = pbase();
    const char* end = pptr();
    int result = 0;
    while (at < end) {
      const ssize_t n = fd_ < 0 ? -1 : ::write(fd_, at, static_cast<size_t>(end - at));
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        if (error_ == 0) {
          error_ = fd_ < 0 ? EBADF : (n < 0 ? errno : EIO);
        }
        result = -1;
        break;
      }
      at += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);  // what could not go out is dropped
    return result;
  }

  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// Never destroyed: results may be flushed from exit paths after statics go.
DescriptorBuffer& buffer() {
  static auto* b = new DescriptorBuffer(STDOUT_FILENO);
  return *b;
}

bool g_reserved = false;

}  // namespace

void reserve_stdout_for_results() {
  if (g_reserved) {
    return;
  }
  g_reserved = true;
  // Above 2, close-on-exec: nothing we start inherits our results stream.
  const int kept = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  buffer().set_fd(kept);  // -1 when stdout was closed: writes fail, exit 2
  set_kept_stdout_descriptor(kept);  // --out /dev/stdout still means stdout
  if (::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
      ::dup2(null, STDOUT_FILENO);
      ::close(null);
    }
  }
}

bool stdout_reserved() { return g_reserved; }

std::ostream& results() {
  static auto* stream = new std::ostream(&buffer());
  return *stream;
}

int results_error() { return buffer().error(); }

bool results_are_a_terminal() { return buffer().fd() >= 0 && ::isatty(buffer().fd()) == 1; }

}  // namespace journeysim::cli
