// What a plugin library file must be before dlopen maps it
// (plugins/library_file_check.h): each case is a copy of a real plugin with
// one thing changed, refused with its path and the reason.
#include "plugins/library_file_check.h"

#include <elf.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstring>
#include <fstream>

#include "build_paths.h"
#include "journeysim/plugin_host.h"
#include "support/command.h"
#include "support/temp_dir.h"

namespace journeysim {
namespace {

class LibraryFileCheck : public journeysim::testing::TempDirTest {
 protected:
  // The email plugin's bytes, changed by `edit`, written as a plugin file.
  template <class Edit>
  std::filesystem::path library(Edit edit) {
    std::string bytes =
        journeysim::testing::read_file(journeysim::testing::plugin_dir() + "/libjourneysim_email.so");
    edit(bytes);
    const auto file = write("libjourneysim_edited.so", bytes);
    ::chmod(file.c_str(), 0644);
    return file;
  }

  // The refusal's message, or "" when the file passes.
  static std::string refusal(const std::filesystem::path& file) {
    try {
      check_library_file(file);
    } catch (const PluginError& e) {
      EXPECT_EQ(e.diagnostics().front().where.file, file.string());
      return e.diagnostics().front().message;
    }
    return "";
  }

  static Elf64_Ehdr header(const std::string& bytes) {
    Elf64_Ehdr h{};
    std::memcpy(&h, bytes.data(), sizeof h);
    return h;
  }
  static void put(std::string& bytes, const Elf64_Ehdr& h) { std::memcpy(bytes.data(), &h, sizeof h); }
};

TEST_F(LibraryFileCheck, AShippedPluginPasses) {
  EXPECT_EQ(refusal(library([](std::string&) {})), "");
}

TEST_F(LibraryFileCheck, AThirtyTwoBitLibraryIsRefused) {
  EXPECT_EQ(refusal(library([](std::string& b) { b[EI_CLASS] = ELFCLASS32; })),
            "refusing to load this plugin: it is a 32-bit library; this journeysim is 64-bit");
}

TEST_F(LibraryFileCheck, ALibraryForAnotherArchitectureIsRefusedNamingIt) {
  EXPECT_EQ(refusal(library([](std::string& b) {
              Elf64_Ehdr h = header(b);
              h.e_machine = EM_AARCH64;
              put(b, h);
            })),
            "refusing to load this plugin: it is built for AArch64; this journeysim runs on x86-64");
}

TEST_F(LibraryFileCheck, AnExecutableIsNotASharedLibrary) {
  EXPECT_EQ(refusal(library([](std::string& b) {
              Elf64_Ehdr h = header(b);
              h.e_type = ET_EXEC;
              put(b, h);
            })),
            "refusing to load this plugin: it is an ELF executable, not a shared library (build "
            "it with -shared)");
}

TEST_F(LibraryFileCheck, ProgramHeadersPastTheEndAreRefused) {
  const std::string message = refusal(library([](std::string& b) {
    Elf64_Ehdr h = header(b);
    h.e_phoff = b.size();
    put(b, h);
  }));
  EXPECT_EQ(message.rfind("refusing to load this plugin: its program headers reach past the end "
                          "of the file (the file has ", 0),
            0u)
      << message;
}

TEST_F(LibraryFileCheck, SectionHeadersPastTheEndAreRefused) {
  const std::string message = refusal(library([](std::string& b) {
    Elf64_Ehdr h = header(b);
    h.e_shnum = 60000;
    put(b, h);
  }));
  EXPECT_NE(message.find("its section headers reach past the end of the file"), std::string::npos)
      << message;
}

TEST_F(LibraryFileCheck, ATextFileIsNotASharedLibrary) {
  const auto file = write("libjourneysim_text.so", "this is not a library\n");
  EXPECT_EQ(refusal(file),
            "refusing to load this plugin: it is not a shared library (it does not start with "
            "the ELF magic number)");
}

TEST_F(LibraryFileCheck, AnEmptyFileIsTooShort) {
  const auto file = write("libjourneysim_empty.so", "");
  EXPECT_EQ(refusal(file),
            "refusing to load this plugin: it is too short to be a shared library (the file has "
            "0 bytes: truncated?)");
}

}  // namespace
}  // namespace journeysim
