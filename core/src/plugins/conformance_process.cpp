// test_channel_library: the conformance checks in a child process. The child
// reports over a pipe — the channel, each check as it begins and ends, and a
// last "done" — and its stdout is a second pipe, so what the plugin prints is
// caught. A child that ends any other way (a crash, exit(0) inside a plugin
// call, a call past the time limit) fails the check it was in, with what the
// plugin guard or the wait status says happened.
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "journeysim/plugin_guard.h"
#include "plugins/conformance_checks.h"

namespace journeysim {
namespace {

constexpr const char* kStdoutCheck = "prints nothing to stdout";
// Kept of what a plugin prints, to quote its start.
constexpr size_t kStdoutKept = 4096;

// ---- the records: one line each, fields separated by tabs

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\t' ? "\\t" : std::string(1, c);
  }
  return out;
}

std::string unescape(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char c = text[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += text[i];
    }
  }
  return out;
}

void write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return;  // the parent is gone: nobody to tell
    }
    done += static_cast<size_t>(n);
  }
}

class PipeObserver : public ConformanceObserver {
 public:
  explicit PipeObserver(int fd) : fd_(fd) {}
  void channel(const std::string& label) override { write_all(fd_, "channel\t" + escape(label) + "\n"); }
  void begin(const std::string& check) override { write_all(fd_, "begin\t" + escape(check) + "\n"); }
  void end(const ConformanceCheck& c) override {
    write_all(fd_, std::string("end\t") + (c.passed ? "1" : "0") + "\t" + escape(c.detail) + "\n");
  }
  void done() { write_all(fd_, "done\n"); }

 private:
  int fd_;
};

[[noreturn]] void run_child(const std::filesystem::path& file, const ConformanceOptions& options,
                            int report_fd, int stdout_fd) {
  ::dup2(stdout_fd, STDOUT_FILENO);
  PluginGuardOptions guard;
  guard.timeout_seconds = options.timeout_seconds;
  guard.report_fd = report_fd;
  install_plugin_guard(guard);
  PipeObserver observer(report_fd);
  try {
    run_conformance_checks(file, observer);
  } catch (...) {
    // Every check catches its own; nothing else may end the child early.
  }
  // What the plugin printed but left in a buffer belongs to the verdict too.
  std::cout.flush();
  std::fflush(nullptr);
  observer.done();
  ::_exit(0);
}

// ---- the parent

struct ChildOutput {
  std::string records;
  std::string printed;  // its first kStdoutKept bytes
  size_t printed_bytes = 0;
};

// Reads both pipes until the child and everything it started closed them.
ChildOutput read_child(int report_fd, int stdout_fd) {
  ChildOutput out;
  pollfd fds[2] = {{report_fd, POLLIN, 0}, {stdout_fd, POLLIN, 0}};
  int open_fds = 2;
  char buffer[4096];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || fds[k].revents == 0) {
        continue;
      }
      const ssize_t n = ::read(fds[k].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        fds[k].fd = -1;
        --open_fds;
        continue;
      }
      const auto bytes = static_cast<size_t>(n);
      if (k == 0) {
        out.records.append(buffer, bytes);
      } else {
        out.printed_bytes += bytes;
        out.printed.append(buffer, std::min(bytes, kStdoutKept - std::min(kStdoutKept, out.printed.size())));
      }
    }
  }
  return out;
}

std::string signal_name(int signal) {
  switch (signal) {
    case SIGKILL: return "SIGKILL";
    case SIGTERM: return "SIGTERM";
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGABRT: return "SIGABRT";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    default: return "signal " + std::to_string(signal);
  }
}

// How the child ended when the guard did not say: _exit or _Exit from plugin
// code (exit() is caught and reported by the guard), or a signal nobody
// could handle.
std::string wait_status_text(int status) {
  if (WIFSIGNALED(status)) {
    return "the plugin's process was killed by " + signal_name(WTERMSIG(status)) +
           " before the check ended";
  }
  return "the plugin ended the process with exit status " + std::to_string(WEXITSTATUS(status)) +
         " before the check ended (_exit or _Exit); a plugin must return from its calls";
}

// The guard's line without "<library>: error: ", which the verdict's header
// already names.
std::string without_prefix(const std::string& message, const std::string& file) {
  const std::string prefix = file + ": error: ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

std::string quoted_start(const std::string& printed) {
  std::string out;
  for (size_t i = 0; i < printed.size() && i < 60; ++i) {
    const auto c = static_cast<unsigned char>(printed[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return "\"" + out + (printed.size() > 60 ? "…" : "") + "\"";
}

void add_records(ConformanceReport& report, const ChildOutput& child, int status) {
  std::optional<std::string> running;  // begun, not ended
  std::string fatal;
  bool done = false;
  size_t start = 0;
  while (start < child.records.size()) {
    size_t end = child.records.find('\n', start);
    if (end == std::string::npos) {
      break;  // a record cut short by the child's end
    }
    const std::string line = child.records.substr(start, end - start);
    start = end + 1;
    const size_t tab = line.find('\t');
    const std::string kind = line.substr(0, tab);
    const std::string rest = tab == std::string::npos ? "" : line.substr(tab + 1);
    if (kind == "channel") {
      report.channel = unescape(rest);
    } else if (kind == "begin") {
      running = unescape(rest);
    } else if (kind == "end" && running) {
      const size_t second = rest.find('\t');
      report.checks.push_back({*running, rest.substr(0, second) == "1",
                               second == std::string::npos ? "" : unescape(rest.substr(second + 1))});
      running.reset();
    } else if (kind == "fatal") {
      fatal = without_prefix(rest, report.file);
    } else if (kind == "done") {
      done = true;
    }
  }
  if (done) {
    return;
  }
  const std::string why = fatal.empty() ? wait_status_text(status) : fatal;
  report.checks.push_back({running.value_or("runs to the end in a child process"), false, why});
}

}  // namespace

ConformanceReport test_channel_library(const std::filesystem::path& file,
                                       const ConformanceOptions& options) {
  ConformanceReport report;
  report.file = file.string();
  int reports[2];
  int printed[2];
  if (::pipe2(reports, O_CLOEXEC) != 0) {
    report.checks.push_back({"runs in a child process", false, std::strerror(errno)});
    return report;
  }
  if (::pipe2(printed, O_CLOEXEC) != 0) {
    report.checks.push_back({"runs in a child process", false, std::strerror(errno)});
    ::close(reports[0]);
    ::close(reports[1]);
    return report;
  }
  std::cout.flush();
  std::fflush(nullptr);  // nothing buffered here may be written twice
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(reports[0]);
    ::close(printed[0]);
    run_child(file, options, reports[1], printed[1]);
  }
  ::close(reports[1]);
  ::close(printed[1]);
  if (child < 0) {
    report.checks.push_back({"runs in a child process", false, std::strerror(errno)});
    ::close(reports[0]);
    ::close(printed[0]);
    return report;
  }
  const ChildOutput output = read_child(reports[0], printed[0]);
  ::close(reports[0]);
  ::close(printed[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  add_records(report, output, status);
  if (output.printed_bytes > 0) {
    report.checks.push_back(
        {kStdoutCheck, false,
         "printed " + std::to_string(output.printed_bytes) + " bytes to stdout, starting " +
             quoted_start(output.printed) +
             "; in a run journeysim sends them to stderr, since stdout carries only results"});
  } else if (report.passed()) {
    report.checks.push_back({kStdoutCheck, true, "nothing printed"});
  }
  return report;
}

}  // namespace journeysim
