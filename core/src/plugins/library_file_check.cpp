#include "plugins/library_file_check.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

#include "journeysim/plugin_host.h"

namespace journeysim {
namespace {

using Header = ElfW(Ehdr);
using ProgramHeader = ElfW(Phdr);

constexpr unsigned char kHostClass = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
constexpr unsigned char kHostByteOrder =
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
#if defined(__x86_64__)
constexpr uint16_t kHostMachine = EM_X86_64;
constexpr const char* kHostMachineName = "x86-64";
#elif defined(__aarch64__)
constexpr uint16_t kHostMachine = EM_AARCH64;
constexpr const char* kHostMachineName = "AArch64";
#else
constexpr uint16_t kHostMachine = EM_NONE;  // not checked
constexpr const char* kHostMachineName = "this machine";
#endif

[[noreturn]] void refuse(const std::filesystem::path& file, const std::string& why) {
  throw PluginError(SourceLocation{file.string(), 0, 0}, "refusing to load this plugin: " + why);
}

std::string machine_name(uint16_t machine) {
  switch (machine) {
    case EM_X86_64: return "x86-64";
    case EM_386: return "i386";
    case EM_AARCH64: return "AArch64";
    case EM_ARM: return "ARM";
    case EM_RISCV: return "RISC-V";
    case EM_PPC64: return "PowerPC 64";
    default: return "machine " + std::to_string(machine);
  }
}

// `count` tables of `entry` bytes at `offset` fit in `size` bytes.
bool fits(uint64_t offset, uint64_t count, uint64_t entry, uint64_t size) {
  return offset <= size && count <= (size - offset) / (entry == 0 ? 1 : entry);
}

class File {
 public:
  explicit File(const std::filesystem::path& path)
      : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~File() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  int fd() const { return fd_; }
  bool read_at(uint64_t offset, void* into, size_t bytes) const {
    return ::pread(fd_, into, bytes, static_cast<off_t>(offset)) == static_cast<ssize_t>(bytes);
  }

 private:
  int fd_;
};

void check_elf(const std::filesystem::path& path, const File& file, uint64_t size) {
  const std::string bytes = " (the file has " + std::to_string(size) + " bytes: truncated?)";
  Header h{};
  if (size < sizeof h || !file.read_at(0, &h, sizeof h)) {
    if (size >= SELFMAG && file.read_at(0, &h, SELFMAG) &&
        std::memcmp(h.e_ident, ELFMAG, SELFMAG) != 0) {
      refuse(path, "it is not a shared library (it does not start with the ELF magic number)");
    }
    refuse(path, "it is too short to be a shared library" + bytes);
  }
  if (std::memcmp(h.e_ident, ELFMAG, SELFMAG) != 0) {
    refuse(path, "it is not a shared library (it does not start with the ELF magic number)");
  }
  if (h.e_ident[EI_CLASS] != kHostClass) {
    refuse(path, std::string("it is a ") + (h.e_ident[EI_CLASS] == ELFCLASS32 ? "32" : "64") +
                     "-bit library; this journeysim is " + (kHostClass == ELFCLASS64 ? "64" : "32") +
                     "-bit");
  }
  if (h.e_ident[EI_DATA] != kHostByteOrder) {
    refuse(path, "its byte order is not this machine's");
  }
  if (kHostMachine != EM_NONE && h.e_machine != kHostMachine) {
    refuse(path, "it is built for " + machine_name(h.e_machine) + "; this journeysim runs on " +
                     kHostMachineName);
  }
  if (h.e_type != ET_DYN) {
    refuse(path, std::string("it is an ELF ") +
                     (h.e_type == ET_EXEC ? "executable" : h.e_type == ET_REL ? "object file"
                                                                            : "file") +
                     ", not a shared library (build it with -shared)");
  }
  if (h.e_ehsize < sizeof h || h.e_phentsize != sizeof(ProgramHeader) ||
      !fits(h.e_phoff, h.e_phnum, h.e_phentsize, size)) {
    refuse(path, "its program headers reach past the end of the file" + bytes);
  }
  if (h.e_shnum > 0 && !fits(h.e_shoff, h.e_shnum, h.e_shentsize, size)) {
    refuse(path, "its section headers reach past the end of the file" + bytes);
  }
  std::vector<ProgramHeader> segments(h.e_phnum);
  if (!segments.empty() &&
      !file.read_at(h.e_phoff, segments.data(), segments.size() * sizeof(ProgramHeader))) {
    refuse(path, "its program headers cannot be read" + bytes);
  }
  for (const ProgramHeader& p : segments) {
    if (p.p_type == PT_LOAD && !fits(p.p_offset, 1, p.p_filesz, size)) {
      refuse(path, "a loadable segment ends at byte " + std::to_string(p.p_offset + p.p_filesz) +
                       ", past the end of the file" + bytes);
    }
  }
}

}  // namespace

void check_library_file(const std::filesystem::path& path) {
  const File file(path);
  struct stat info {};
  if (file.fd() < 0 || ::fstat(file.fd(), &info) != 0) {
    refuse(path, std::string("cannot open it: ") + std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    refuse(path, "it is not a regular file");
  }
  if ((info.st_mode & S_IWOTH) != 0) {
    // Like a plugin directory writable by others: anyone could replace the
    // code we are about to run.
    refuse(path, "the library file is writable by other users (chmod o-w it)");
  }
  check_elf(path, file, static_cast<uint64_t>(info.st_size));
}

}  // namespace journeysim
