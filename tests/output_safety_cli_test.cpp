// Outputs end to end (issue 21, class 1): what `--out`, `--report` and
// `--events` do with devices, FIFOs, directories, symlinks, inputs and each
// other, and how a failed write to stdout ends the command.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "build_paths.h"
#include "journeysim/output_path.h"
#include "support/command.h"
#include "support/temp_dir.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;
using testing::journeysim;
using testing::read_file;

const std::string kScenarios = testing::source_dir() + "/scenarios/";

class OutputSafety : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // A scenario with an `extends` base, both copied so the test may name them.
    fs::copy_file(kScenarios + "store-launch.toml", dir_ / "store-launch.toml");
    fs::copy_file(kScenarios + "store-launch.guest-checkout.toml", dir_ / "guest.toml");
    base_bytes_ = read_file(dir_ / "store-launch.toml");
    scenario_bytes_ = read_file(dir_ / "guest.toml");
  }

  std::string run(const std::string& options) {
    return "run " + path("guest.toml") + " --agents 500 " + options;
  }

  // The inputs are as they were.
  void expect_inputs_untouched() {
    EXPECT_EQ(read_file(dir_ / "guest.toml"), scenario_bytes_);
    EXPECT_EQ(read_file(dir_ / "store-launch.toml"), base_bytes_);
  }

  static mode_t mode_of(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0);
    return st.st_mode;
  }

  // Runs `journeysim <arguments>` with its stdout a pipe whose reader has
  // already gone: every write fails with EPIPE. Returns the exit status and
  // stderr.
  testing::CommandResult run_into_a_closed_pipe(const std::string& arguments) {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    ::close(fds[0]);
    const std::string err = path("stderr");
    const pid_t child = ::fork();
    if (child == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      const std::string command = testing::journeysim_exe() + " " + arguments + " 2>" + err;
      ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(fds[1]);
    int status = 0;
    ::waitpid(child, &status, 0);
    testing::CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.err = read_file(err);
    return result;
  }

  std::string base_bytes_, scenario_bytes_;
};

// --- devices, FIFOs, directories -------------------------------------------

TEST_F(OutputSafety, OutDevNullSucceedsAndLeavesDevNullACharacterDevice) {
  const auto r = journeysim(run("--out /dev/null"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(S_ISCHR(mode_of("/dev/null")));
  EXPECT_EQ(read_file("/dev/null"), "");
}

TEST_F(OutputSafety, ReportAndEventsToDevNullLeaveItACharacterDevice) {
  const auto r = journeysim(run("-q --report /dev/null --events /dev/null --out /dev/null"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(S_ISCHR(mode_of("/dev/null")));
}

TEST_F(OutputSafety, OutDevStdoutWritesToStdoutInPlace) {
  const auto plain = journeysim(run("--format json"));
  const auto r = journeysim(run("--format json -q --out /dev/stdout"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, plain.out);
}

TEST_F(OutputSafety, OutToAFifoWritesThroughIt) {
  ASSERT_EQ(::mkfifo(path("pipe").c_str(), 0600), 0);
  const auto r = journeysim(run("--format json -q --out " + path("pipe") + " & timeout 60 cat " +
                                path("pipe") + "; wait"));
  EXPECT_NE(r.out.find("\"schema\""), std::string::npos) << r.out;
  EXPECT_TRUE(S_ISFIFO(mode_of(path("pipe"))));
}

TEST_F(OutputSafety, OutADirectoryExitsTwoSayingSo) {
  fs::create_directory(dir_ / "results");
  const auto r = journeysim(run("--out " + path("results")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path("results") + ": error: cannot write output: it is a directory"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(fs::is_directory(dir_ / "results"));
}

TEST_F(OutputSafety, EmptyOutExitsTwoSayingTheOutputPathIsEmpty) {
  const auto r = journeysim(run("--out ''"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the output path is empty"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

// --- an output that is an input, or another output ---------------------------

TEST_F(OutputSafety, OutNamingTheScenarioSpelledOtherwiseIsRefused) {
  const auto r = journeysim(run("--out " + (dir_ / "." / "guest.toml").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("it is the same file as the input " + path("guest.toml")),
            std::string::npos)
      << r.err;
  expect_inputs_untouched();
}

TEST_F(OutputSafety, ReportNamingTheExtendsBaseThroughASymlinkIsRefused) {
  fs::create_symlink(dir_ / "store-launch.toml", dir_ / "page.html");
  const auto r = journeysim(run("--report " + path("page.html")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the input"), std::string::npos) << r.err;
  expect_inputs_untouched();
}

TEST_F(OutputSafety, EventsNamingAHardLinkOfTheScenarioIsRefused) {
  fs::create_hard_link(dir_ / "guest.toml", dir_ / "events.csv");
  const auto r = journeysim(run("--events " + path("events.csv")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the input"), std::string::npos) << r.err;
  expect_inputs_untouched();
}

TEST_F(OutputSafety, OutNamingAPluginTheScenarioUsesIsRefused) {
  // A hard link: were the check to fail, the rename would replace this name,
  // not the build's plugin.
  const fs::path plugin = fs::path(testing::plugin_dir()) / "libjourneysim_email.so";
  std::error_code ec;
  fs::create_hard_link(plugin, dir_ / "email.so", ec);
  if (ec) {
    GTEST_SKIP() << "the build tree is on another file system than " << dir_;
  }
  const auto r = journeysim(run("--out " + path("email.so")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("it is the same file as the input " + plugin.string()), std::string::npos)
      << r.err;
}

TEST_F(OutputSafety, OutAndReportNamingOneFileAreRefusedAndNothingIsWritten) {
  const auto r = journeysim(run("--out " + path("x") + " --report " + path("x")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the output " + path("x")), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "x"));
}

TEST_F(OutputSafety, CompareOutNamingAVariantIsRefused) {
  const auto r = journeysim("compare " + path("store-launch.toml") + " " + path("guest.toml") +
                            " --agents 500 --out " + path("guest.toml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the input"), std::string::npos) << r.err;
  expect_inputs_untouched();
}

TEST_F(OutputSafety, CheckJunitAndReportNamingOneFileAreRefused) {
  const auto r = journeysim("check " + path("guest.toml") + " --agents 500 --junit " +
                            path("r") + " --report " + path("r"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the output"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "r"));
}

TEST_F(OutputSafety, CalibrateOutNamingItsEventLogIsRefused) {
  ASSERT_EQ(journeysim(run("-q --events " + path("ev.csv"))).exit_code, 0);
  const std::string log = read_file(dir_ / "ev.csv");
  const auto r = journeysim("calibrate " + path("ev.csv") + " --out " + path("ev.csv"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the input"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(dir_ / "ev.csv"), log);
}

TEST_F(OutputSafety, SweepOutNamingTheScenarioIsRefused) {
  const auto r = journeysim("sweep " + path("guest.toml") +
                            " --set touchpoints.checkout.params.steps=1..2 --agents 100 --out " +
                            path("guest.toml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the input"), std::string::npos) << r.err;
  expect_inputs_untouched();
}

TEST_F(OutputSafety, SegmentsWhoseNamesSanitiseToOneFileAreRefusedAndNothingIsWritten) {
  write("ev.csv",
        "customer_id,timestamp,touchpoint,converted,segment\n"
        "a,2026-01-01T00:00:00Z,home,0,new customer\n"
        "a,2026-01-01T01:00:00Z,buy,1,new customer\n"
        "b,2026-01-01T00:00:00Z,home,0,new.customer\n"
        "b,2026-01-01T02:00:00Z,buy,1,new.customer\n");
  const auto r = journeysim("calibrate " + path("ev.csv") + " --per-segment --out " +
                            path("fit.toml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("segments 'new customer' and 'new.customer' would both be written to " +
                       path("fit.new_customer.toml")),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "fit.toml"));
  EXPECT_FALSE(fs::exists(dir_ / "fit.new_customer.toml"));
}

TEST_F(OutputSafety, TwoScenariosOfOneStemSharingABaselineDirectoryAreRefused) {
  fs::create_directories(dir_ / "a");
  fs::create_directories(dir_ / "b");
  fs::create_directories(dir_ / "baselines");
  fs::copy_file(kScenarios + "welcome-series.toml", dir_ / "a" / "s.toml");
  fs::copy_file(kScenarios + "welcome-series.toml", dir_ / "b" / "s.toml");
  const auto r = journeysim("check " + path("a/s.toml") + " " + path("b/s.toml") +
                            " --agents 200 --update-baseline --baseline " + path("baselines"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("would share this baseline file"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(dir_ / "baselines"));
}

TEST_F(OutputSafety, JunitNamingTheBaselineBeingUpdatedIsRefused) {
  const auto r = journeysim("check " + path("guest.toml") + " --agents 200 --update-baseline " +
                            "--baseline " + path("b.json") + " --junit " + path("b.json"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the output " + path("b.json")), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "b.json"));
}

TEST_F(OutputSafety, ReportNamingTheBaselineBeingCheckedIsRefused) {
  ASSERT_EQ(journeysim("check " + path("guest.toml") + " -q --agents 200 --update-baseline " +
                       "--baseline " + path("b.json")).exit_code, 0);
  const std::string baseline = read_file(dir_ / "b.json");
  const auto r = journeysim("check " + path("guest.toml") + " --agents 200 --baseline " +
                            path("b.json") + " --report " + path("b.json"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the input " + path("b.json")), std::string::npos) << r.err;
  EXPECT_EQ(read_file(dir_ / "b.json"), baseline);
}

// --- symlinks, modes, temporaries -----------------------------------------

TEST_F(OutputSafety, OutThroughASymlinkWritesTheTargetAndKeepsItsMode) {
  write("real.json", "old");
  fs::permissions(dir_ / "real.json", static_cast<fs::perms>(0640));
  fs::create_symlink("real.json", dir_ / "link.json");
  const auto r = journeysim(run("--format json -q --out " + path("link.json")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_NE(read_file(dir_ / "real.json").find("\"schema\""), std::string::npos);
  EXPECT_EQ(mode_of(dir_ / "real.json") & 07777, 0640u);
}

TEST_F(OutputSafety, AStaleTemporaryFromAKilledRunIsRemovedByTheNextRun) {
  const pid_t gone = ::fork();
  if (gone == 0) {
    ::_exit(0);
  }
  ::waitpid(gone, nullptr, 0);
  const fs::path stale = temporary_for(dir_ / "out.json", gone);
  write(stale.filename().string(), "half a file");
  ASSERT_EQ(journeysim(run("-q --format json --out " + path("out.json"))).exit_code, 0);
  EXPECT_FALSE(fs::exists(stale));
}

// --- stdout ---------------------------------------------------------------

TEST_F(OutputSafety, StdoutOnAFullDiskExitsTwoWithAMessage) {
  const auto r = journeysim(run("> /dev/full"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("journeysim: error: cannot write to stdout: No space left on device"),
            std::string::npos)
      << r.err;
}

TEST_F(OutputSafety, ValidateToAFullDiskExitsTwo) {
  const auto r = journeysim("validate " + path("guest.toml") + " > /dev/full");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot write to stdout"), std::string::npos) << r.err;
}

TEST_F(OutputSafety, HelpToAFullDiskExitsTwo) {
  const auto r = journeysim("--help > /dev/full");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot write to stdout: No space left on device"), std::string::npos)
      << r.err;
}

TEST_F(OutputSafety, StdoutIntoAClosedPipeExitsTwoNotSuccessNorSigpipe) {
  const auto r = run_into_a_closed_pipe(run(""));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("journeysim: error: cannot write to stdout: Broken pipe"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace journeysim
