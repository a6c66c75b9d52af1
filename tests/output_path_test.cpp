// What an output path may name, and how it is written: regular files are
// replaced atomically (through symlinks, keeping their mode), devices and
// FIFOs are written in place, everything else is refused; no output may be
// an input or another output; stale temporaries are cleaned up.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "journeysim/atomic_output.h"
#include "journeysim/diagnostics.h"
#include "journeysim/output_file.h"
#include "journeysim/output_path.h"
#include "support/command.h"
#include "support/temp_dir.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

class OutputPath : public testing::TempDirTest {
 protected:
  // The message of the InputError `f` throws, or "" when it throws none.
  template <typename F>
  static std::string refusal(F&& f) {
    try {
      f();
    } catch (const InputError& e) {
      return e.diagnostics().front().to_string();
    }
    return "";
  }

  static mode_t mode_of(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0);
    return st.st_mode;
  }
};

TEST_F(OutputPath, AnEmptyPathIsRefused) {
  EXPECT_NE(refusal([] { resolve_output_path(""); }).find("the output path is empty"),
            std::string::npos);
}

TEST_F(OutputPath, ADirectoryIsRefusedSayingItIsADirectory) {
  const std::string message = refusal([&] { resolve_output_path(dir_); });
  EXPECT_NE(message.find(dir_.string()), std::string::npos) << message;
  EXPECT_NE(message.find("it is a directory"), std::string::npos) << message;
}

TEST_F(OutputPath, ASocketIsRefusedSayingItIsASocket) {
  const fs::path socket_path = dir_ / "s.sock";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.string().size(), sizeof address.sun_path);
  socket_path.string().copy(address.sun_path, sizeof address.sun_path - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const std::string message = refusal([&] { resolve_output_path(socket_path); });
  ::close(fd);
  EXPECT_NE(message.find("it is a socket"), std::string::npos) << message;
}

TEST_F(OutputPath, ASymlinkLoopIsRefusedSayingLoop) {
  fs::create_symlink(dir_ / "b", dir_ / "a");
  fs::create_symlink(dir_ / "a", dir_ / "b");
  EXPECT_NE(refusal([&] { resolve_output_path(dir_ / "a"); }).find("symlink loop"),
            std::string::npos);
}

TEST_F(OutputPath, DevNullAndACharacterDeviceAreStreams) {
  EXPECT_EQ(resolve_output_path("/dev/null").kind, OutputKind::kStream);
  EXPECT_EQ(resolve_output_path("/dev/stdout").kind, OutputKind::kStream);
}

TEST_F(OutputPath, AFifoIsAStream) {
  ASSERT_EQ(::mkfifo(path("pipe").c_str(), 0600), 0);
  EXPECT_EQ(resolve_output_path(path("pipe")).kind, OutputKind::kStream);
}

TEST_F(OutputPath, ASymlinkResolvesToItsTargetEvenWhenDangling) {
  fs::create_symlink("real.json", dir_ / "link.json");
  const auto resolved = resolve_output_path(dir_ / "link.json");
  EXPECT_EQ(resolved.kind, OutputKind::kFile);
  EXPECT_EQ(resolved.target, dir_ / "real.json");
}

TEST_F(OutputPath, WritingDevNullLeavesItACharacterDevice) {
  write_file_atomically("/dev/null", "discarded");
  EXPECT_TRUE(S_ISCHR(mode_of("/dev/null")));
}

TEST_F(OutputPath, WritingAFifoSendsTheBytesThroughIt) {
  const std::string fifo = path("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const pid_t reader = ::fork();
  if (reader == 0) {
    const std::string got = read_file(fifo);
    ::_exit(got == "through the pipe" ? 0 : 1);
  }
  write_file_atomically(fifo, "through the pipe");
  int status = 0;
  ::waitpid(reader, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_TRUE(S_ISFIFO(mode_of(fifo)));
}

TEST_F(OutputPath, AFullDeviceIsAWriteErrorNotSuccess) {
  const std::string message = refusal([] { write_file_atomically("/dev/full", "x"); });
  EXPECT_NE(message.find("No space left on device"), std::string::npos) << message;
}

TEST_F(OutputPath, WritingThroughASymlinkReplacesTheTargetAndKeepsTheLink) {
  write("real.json", "old");
  fs::create_symlink("real.json", dir_ / "link.json");
  write_file_atomically(dir_ / "link.json", "new");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_EQ(read_file(dir_ / "real.json"), "new");
}

TEST_F(OutputPath, ReplacingAFileKeepsItsMode) {
  write("result.json", "old");
  fs::permissions(dir_ / "result.json", static_cast<fs::perms>(0640));
  write_file_atomically(dir_ / "result.json", "new");
  EXPECT_EQ(mode_of(dir_ / "result.json") & 07777, 0640u);
  EXPECT_EQ(read_file(dir_ / "result.json"), "new");
}

TEST_F(OutputPath, ReplacingAReadOnlyFileKeepsItReadOnly) {
  write("result.json", "old");
  fs::permissions(dir_ / "result.json", static_cast<fs::perms>(0444));
  write_file_atomically(dir_ / "result.json", "new");
  EXPECT_EQ(mode_of(dir_ / "result.json") & 07777, 0444u);
  EXPECT_EQ(read_file(dir_ / "result.json"), "new");
}

TEST_F(OutputPath, ANewFileGetsTheUmasksMode) {
  const mode_t old_mask = ::umask(027);
  write_file_atomically(dir_ / "new.json", "new");
  ::umask(old_mask);
  EXPECT_EQ(mode_of(dir_ / "new.json") & 07777, 0640u);
}

TEST_F(OutputPath, ReplacingAFileThroughASymlinkKeepsTheTargetsMode) {
  write("real.json", "old");
  fs::permissions(dir_ / "real.json", static_cast<fs::perms>(0640));
  fs::create_symlink("real.json", dir_ / "link.json");
  write_file_atomically(dir_ / "link.json", "new");
  EXPECT_EQ(mode_of(dir_ / "real.json") & 07777, 0640u);
}

TEST_F(OutputPath, AnOutputThatIsAnInputIsRefusedWhateverItsSpelling) {
  write("s.toml", "input");
  const std::string spelled_otherwise = (dir_ / "." / "s.toml").string();
  const std::string message =
      refusal([&] { refuse_outputs_that_overwrite({spelled_otherwise}, {path("s.toml")}); });
  EXPECT_NE(message.find("the same file as the input " + path("s.toml")), std::string::npos)
      << message;
}

TEST_F(OutputPath, AHardLinkToAnInputIsTheInput) {
  write("s.toml", "input");
  fs::create_hard_link(dir_ / "s.toml", dir_ / "other-name.toml");
  EXPECT_NE(refusal([&] {
              refuse_outputs_that_overwrite({path("other-name.toml")}, {path("s.toml")});
            }),
            "");
}

TEST_F(OutputPath, TwoOutputsNamingOneNewFileAreRefused) {
  const std::string message = refusal([&] {
    refuse_outputs_that_overwrite({path("x.html"), (dir_ / "." / "x.html").string()}, {});
  });
  EXPECT_NE(message.find("the same file as the output " + path("x.html")), std::string::npos)
      << message;
}

TEST_F(OutputPath, DistinctOutputsAndStreamsSharingDevNullPass) {
  write("s.toml", "input");
  EXPECT_EQ(refusal([&] {
              refuse_outputs_that_overwrite({path("a.json"), path("b.html"), "/dev/null",
                                             "/dev/null", ""},
                                            {path("s.toml"), "<built-in>"});
            }),
            "");
}

TEST_F(OutputPath, TemporariesAreNamedAfterTheTargetAndTheProcess) {
  EXPECT_EQ(temporary_for(dir_ / "out.json", 4242), dir_ / ".out.json.journeysim-tmp-4242");
}

TEST_F(OutputPath, AStaleTemporaryIsRemovedByTheNextWrite) {
  // A process that has ended: its pid is free (and not reused this quickly).
  const pid_t gone = ::fork();
  if (gone == 0) {
    ::_exit(0);
  }
  ::waitpid(gone, nullptr, 0);
  const fs::path stale = temporary_for(dir_ / "out.json", gone);
  write(stale.filename().string(), "half a file");
  write_file_atomically(dir_ / "out.json", "whole");
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_EQ(read_file(dir_ / "out.json"), "whole");
}

TEST_F(OutputPath, ATemporaryOfALiveProcessIsLeftAlone) {
  const fs::path live = temporary_for(dir_ / "out.json", static_cast<long>(::getppid()));
  write(live.filename().string(), "being written");
  EXPECT_EQ(remove_stale_temporaries(dir_ / "out.json"), 0u);
  EXPECT_TRUE(fs::exists(live));
}

TEST_F(OutputPath, AnOutputAbandonedBeforeCommitLeavesTheOldFileAndNoTemporary) {
  write("out.json", "old");
  {
    AtomicOutputFile file(dir_ / "out.json");
    file.stream() << "new, never committed";
  }
  EXPECT_EQ(read_file(dir_ / "out.json"), "old");
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) {
    ++files;
  }
  EXPECT_EQ(files, 1u);
}

TEST_F(OutputPath, SeveralFilesAreAllWrittenWhenEachCanBe) {
  write("a.json", "old a");
  write_files_atomically({{path("a.json"), "new a"}, {path("b.json"), "new b"}});
  EXPECT_EQ(read_file(dir_ / "a.json"), "new a");
  EXPECT_EQ(read_file(dir_ / "b.json"), "new b");
}

TEST_F(OutputPath, SeveralFilesAreNoneWrittenWhenOneCannotBeMade) {
  write("a.json", "old a");
  EXPECT_NE(refusal([&] {
              write_files_atomically({{path("a.json"), "new a"}, {path("no-such-dir/b.json"), "b"}});
            }),
            "");
  EXPECT_EQ(read_file(dir_ / "a.json"), "old a");
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) {
    ++files;
  }
  EXPECT_EQ(files, 1u);  // no temporary left behind
}

TEST_F(OutputPath, SeveralFilesAreNoneWrittenWhenOneRunsOutOfSpace) {
  write("a.json", "old a");
  const std::string message =
      refusal([&] { write_files_atomically({{path("a.json"), "new a"}, {"/dev/full", "b"}}); });
  EXPECT_NE(message.find("No space left on device"), std::string::npos) << message;
  EXPECT_EQ(read_file(dir_ / "a.json"), "old a");
}

}  // namespace
}  // namespace journeysim
