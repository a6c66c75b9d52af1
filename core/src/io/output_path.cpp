#include "journeysim/output_path.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <system_error>

#include "journeysim/diagnostics.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;

// Linux follows at most 40 symlinks in one lookup; so do we.
constexpr int kMaxSymlinkHops = 40;
constexpr std::string_view kTemporaryMark = ".journeysim-tmp-";

[[noreturn]] void refuse(const fs::path& given, const std::string& why) {
  throw InputError(SourceLocation{given.string(), 0, 0}, "cannot write output: " + why);
}

// Paths under /dev and /proc name the process's streams and the system's
// devices (/dev/stdout is a symlink to whatever fd 1 is, a regular file
// included): they are written in place, never replaced.
bool is_system_path(const fs::path& p) {
  const std::string s = fs::absolute(p).lexically_normal().string();
  return s.rfind("/dev/", 0) == 0 || s.rfind("/proc/", 0) == 0;
}

std::string what_it_is(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "it is a directory";
  }
  if (S_ISSOCK(mode)) {
    return "it is a socket";
  }
  if (S_ISBLK(mode)) {
    return "it is a block device";
  }
  return "it is not a regular file";
}

// Identity of an output or input: device and inode when the file exists,
// else its resolved absolute path.
struct FileIdentity {
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  std::string path;

  bool operator==(const FileIdentity& o) const {
    return exists == o.exists &&
           (exists ? device == o.device && inode == o.inode : path == o.path);
  }
};

FileIdentity identity_of(const fs::path& p) {
  FileIdentity id;
  struct stat st {};
  if (::stat(p.c_str(), &st) == 0) {
    id.exists = true;
    id.device = st.st_dev;
    id.inode = st.st_ino;
  } else {
    std::error_code ec;
    id.path = fs::weakly_canonical(fs::absolute(p), ec).string();
  }
  return id;
}

int g_kept_stdout = -1;

}  // namespace

fs::path standard_output_alias(const fs::path& given) {
  if (g_kept_stdout < 0) {
    return given;
  }
  const std::string s = fs::absolute(given).lexically_normal().string();
  if (s == "/dev/stdout" || s == "/dev/fd/1" || s == "/proc/self/fd/1") {
    return "/proc/self/fd/" + std::to_string(g_kept_stdout);
  }
  return given;
}

void set_kept_stdout_descriptor(int fd) { g_kept_stdout = fd; }

OutputPath resolve_output_path(const fs::path& given) {
  if (given.empty()) {
    refuse(given, "the output path is empty");
  }
  const fs::path named = standard_output_alias(given);
  fs::path p = named;
  bool system = is_system_path(p);
  for (int hop = 0;; ++hop) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      // Nothing there yet (or a dangling symlink's target): a new file.
      return OutputPath{p, system ? OutputKind::kStream : OutputKind::kFile};
    }
    if (S_ISLNK(st.st_mode)) {
      if (hop == kMaxSymlinkHops) {
        refuse(given, "too many levels of symbolic links (a symlink loop)");
      }
      const fs::path link = fs::read_symlink(p);
      p = link.is_absolute() ? link : p.parent_path() / link;
      system = system || is_system_path(p);
      continue;
    }
    if (S_ISDIR(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISBLK(st.st_mode)) {
      refuse(given, what_it_is(st.st_mode) + "; name a file");
    }
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || system) {
      return OutputPath{given, OutputKind::kStream};
    }
    if (!S_ISREG(st.st_mode)) {
      refuse(given, what_it_is(st.st_mode));
    }
    return OutputPath{p, OutputKind::kFile};
  }
}

void refuse_outputs_that_overwrite(const std::vector<std::string>& outputs,
                                   const std::vector<std::string>& inputs) {
  std::vector<std::pair<std::string, FileIdentity>> claimed;
  for (const std::string& output : outputs) {
    if (output.empty()) {
      continue;
    }
    const OutputPath resolved = resolve_output_path(output);
    if (resolved.kind == OutputKind::kStream) {
      continue;  // written in place: several outputs may share /dev/null or a pipe
    }
    const FileIdentity id = identity_of(resolved.target);
    for (const std::string& input : inputs) {
      if (!input.empty() && identity_of(input).exists && identity_of(input) == id) {
        refuse(output, "it is the same file as the input " + input);
      }
    }
    for (const auto& [other, other_id] : claimed) {
      if (other_id == id) {
        refuse(output, "it is the same file as the output " + other);
      }
    }
    claimed.emplace_back(output, id);
  }
}

fs::path temporary_for(const fs::path& target, long pid) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  return dir / ("." + target.filename().string() + std::string(kTemporaryMark) +
                std::to_string(pid));
}

size_t remove_stale_temporaries(const fs::path& target) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = "." + target.filename().string() + std::string(kTemporaryMark);
  size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) {
      continue;
    }
    const std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) {
      continue;
    }
    const long pid = std::stol(digits);
    // Another live process (or this one) may be writing it: only a temporary
    // whose process is gone is stale.
    if (pid == static_cast<long>(::getpid()) ||
        !(::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
      continue;
    }
    std::error_code removed_ec;
    if (fs::remove(it->path(), removed_ec)) {
      ++removed;
    }
  }
  return removed;
}

}  // namespace journeysim
