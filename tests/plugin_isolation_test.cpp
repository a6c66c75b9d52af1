// Plugins cannot take a run down unnamed (issue 21, class 2): a plugin that
// crashes, aborts, calls exit, never returns or prints to stdout, run through
// the journeysim executable against the deliberately broken plugins of
// tests/broken_plugins/. Each run uses the check tests' shop journey with its
// last touchpoint, `thanks`, served by the broken channel.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>

#include "build_paths.h"
#include "support/command.h"
#include "support/temp_dir.h"

namespace journeysim {
namespace {

using journeysim::testing::journeysim;
using Clock = std::chrono::steady_clock;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string broken_dir(const std::string& name) {
  return journeysim::testing::broken_plugin_dir() + "/" + name;
}

std::string broken_library(const std::string& name) {
  return broken_dir(name) + "/libjourneysim_" + name + ".so";
}

class PluginIsolation : public journeysim::testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    std::filesystem::copy_file(journeysim::testing::test_data_dir() + "/check/shop.toml",
                               dir_ / "shop.toml");
  }

  // The shop with `thanks` served by `channel`.
  std::string shop_with(const std::string& channel) {
    return write("shop-" + channel + ".toml",
                 "extends = \"shop.toml\"\n\n[touchpoints.thanks]\nchannel = \"" + channel +
                     "\"\n")
        .string();
  }

  // `journeysim run` of the shop with `plugin` at `thanks`, 2,000 agents.
  journeysim::testing::CommandResult run_with(const std::string& plugin,
                                              const std::string& options = "") {
    return journeysim("run " + shop_with(plugin) + " --agents 2000 --quiet --plugin-dir " +
                      broken_dir(plugin) + " " + options);
  }

  // The names in the test's directory: what a run left behind.
  std::set<std::string> files() const {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      names.insert(entry.path().filename().string());
    }
    return names;
  }

  std::set<std::string> inputs(const std::string& plugin) const {
    return {"shop.toml", "shop-" + plugin + ".toml"};
  }
};

// "<library>: error: plugin 'NAME' 0.0.1 at touchpoint 'thanks'"
std::string named(const std::string& plugin) {
  return broken_library(plugin) + ": error: plugin '" + plugin +
         "' 0.0.1 at touchpoint 'thanks'";
}

TEST_F(PluginIsolation, ASegfaultInAPluginIsNamedWithItsTouchpointAndExitsThree) {
  const auto r = run_with("segfaults", "--format json --out " + path("out.json"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, named("segfaults") +
                                  " crashed in interact: SIGSEGV (invalid memory access); "
                                  "journeysim stopped (exit 3) and left no output half-written\n"))
      << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(files(), inputs("segfaults"));  // no out.json, no temporary
}

TEST_F(PluginIsolation, AStackOverflowInAPluginIsNamedToo) {
  const auto r = run_with("recurses_forever", "--threads 2");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, named("recurses_forever") + " crashed in interact: SIGSEGV")) << r.err;
}

TEST_F(PluginIsolation, CheckStopsAtACrashingPluginAndWritesNoJunit) {
  // The good scenario runs first; the JUnit file is written only at the end.
  const auto r = journeysim("check " + path("shop.toml") + " " + shop_with("segfaults") +
                            " --quiet --junit " + path("junit.xml") + " --plugin-dir " +
                            broken_dir("segfaults"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, named("segfaults") + " crashed in interact")) << r.err;
  EXPECT_EQ(files(), inputs("segfaults"));
}

TEST_F(PluginIsolation, AnAbortInAPluginIsNamedAndExitsThree) {
  const auto r = run_with("aborts");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, named("aborts") + " crashed in interact: SIGABRT (aborted"))
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(PluginIsolation, ExitZeroInsideAPluginIsNotSuccess) {
  const auto r = run_with("exits_zero", "--out " + path("out.txt"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, named("exits_zero") +
                                  " ended the process or its thread (exit, quick_exit or "
                                  "pthread_exit) in interact; a plugin must return from its calls"))
      << r.err;
  EXPECT_EQ(files(), inputs("exits_zero"));
}

TEST_F(PluginIsolation, ExitThreeInsideAPluginIsReportedAsThePluginsExit) {
  const auto r = run_with("exits_three");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err, named("exits_three") + " ended the process")) << r.err;
}

TEST_F(PluginIsolation, ACallPastThePluginTimeoutIsNamedAndExitsFour) {
  const auto started = Clock::now();
  const auto r = run_with("loops_forever", "--plugin-timeout 1 --out " + path("out.txt"));
  const auto seconds = std::chrono::duration<double>(Clock::now() - started).count();
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_TRUE(contains(r.err, named("loops_forever") +
                                  " did not return from interact within 1 s (--plugin-timeout); "
                                  "journeysim stopped (exit 4)"))
      << r.err;
  EXPECT_GE(seconds, 1.0);
  EXPECT_LT(seconds, 10.0);
  EXPECT_EQ(files(), inputs("loops_forever"));
}

TEST_F(PluginIsolation, AnEventsFileBeingStreamedIsRemovedWhenAPluginCrashes) {
  // --events is written as the agents go, into a temporary beside the target:
  // the crash handler removes it.
  const auto r = run_with("segfaults", "--events " + path("events.csv"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(files(), inputs("segfaults"));
}

TEST_F(PluginIsolation, WhatAPluginPrintsGoesToStderrAndStdoutCarriesOnlyResults) {
  const auto r = run_with("prints_to_stdout", "--format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(doc.is_discarded()) << r.out.substr(0, 200);
  for (const char* line : {"prints_to_stdout: printf\n", "prints_to_stdout: cout\n",
                           "prints_to_stdout: write\n"}) {
    EXPECT_FALSE(contains(r.out, line)) << line;
    EXPECT_TRUE(contains(r.err, line)) << line << r.err.substr(0, 300);
  }
}

TEST_F(PluginIsolation, ThePluginTimeoutMustBeANumberOfSeconds) {
  for (const char* bad : {"nan", "inf", "-1", "1e9", "soon", ""}) {
    const auto r = run_with("loops_forever", std::string("--plugin-timeout '") + bad + "'");
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_TRUE(contains(r.err, "is not a time limit: expected seconds from 0")) << bad << r.err;
  }
}

// Starts `journeysim <arguments>` with stdout and stderr to files; returns
// its pid.
pid_t start(const std::string& arguments, const std::string& out, const std::string& err) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const std::string command = "exec " + journeysim::testing::journeysim_exe() + " " +
                                arguments + " >" + out + " 2>" + err + " </dev/null";
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

TEST_F(PluginIsolation, SigtermEndsARunWhosePluginNeverReturnsEvenWithoutATimeout) {
  const pid_t pid = start("run " + shop_with("loops_forever") + " --agents 2000 --quiet " +
                              "--plugin-timeout 0 --plugin-dir " + broken_dir("loops_forever") +
                              " --out " + path("out.txt"),
                          path("stdout"), path("stderr"));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  const auto signalled = Clock::now();
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() - signalled > std::chrono::seconds(20)) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      FAIL() << "SIGTERM did not end the run within 20 s";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto seconds = std::chrono::duration<double>(Clock::now() - signalled).count();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 143);
  EXPECT_LT(seconds, 5.0);  // the 2 s grace, and a poll or two
  const std::string err = journeysim::testing::read_file(path("stderr"));
  EXPECT_TRUE(contains(err, "journeysim: interrupted\n" + named("loops_forever") +
                                " had not returned from interact 2 s after the interrupt"))
      << err;
  EXPECT_FALSE(std::filesystem::exists(path("out.txt")));
}

// ---- libraries that must not reach dlopen

// A copy of the email plugin in a directory of its own, `bytes` long (all
// of it when 0), with `mode`.
std::string plugin_copy(const std::filesystem::path& dir, size_t bytes, mode_t mode = 0644) {
  std::filesystem::create_directories(dir);
  const std::string source = journeysim::testing::plugin_dir() + "/libjourneysim_email.so";
  std::string data = journeysim::testing::read_file(source);
  if (bytes > 0) {
    data.resize(bytes);
  }
  const std::filesystem::path copy = dir / "libjourneysim_email.so";
  std::ofstream(copy, std::ios::binary) << data;
  ::chmod(copy.c_str(), mode);
  return copy.string();
}

TEST_F(PluginIsolation, ATruncatedLibraryIsRefusedWithItsPathInsteadOfCrashing) {
  const size_t whole = std::filesystem::file_size(journeysim::testing::plugin_dir() +
                                                  "/libjourneysim_email.so");
  const std::string library = plugin_copy(dir_ / "plugins", whole / 2);
  const auto r = journeysim("plugins --plugin-dir " + (dir_ / "plugins").string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, library + ": error: refusing to load this plugin: ")) << r.err;
  EXPECT_TRUE(contains(r.err, "past the end of the file (the file has " +
                                  std::to_string(whole / 2) + " bytes: truncated?)"))
      << r.err;
}

TEST_F(PluginIsolation, ALibraryCutInsideItsHeaderIsRefusedAsTooShort) {
  const std::string library = plugin_copy(dir_ / "plugins", 40);
  const auto r = journeysim("plugins --plugin-dir " + (dir_ / "plugins").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, library + ": error: refusing to load this plugin: it is too short "
                                        "to be a shared library (the file has 40 bytes"))
      << r.err;
}

TEST_F(PluginIsolation, ALibraryFileWritableByOthersIsRefused) {
  const std::string library = plugin_copy(dir_ / "plugins", 0, 0646);
  const auto r = journeysim("plugins --plugin-dir " + (dir_ / "plugins").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, library + ": error: refusing to load this plugin: the library file "
                                        "is writable by other users (chmod o-w it)"))
      << r.err;
}

// ---- plugin-test survives what it tests

TEST_F(PluginIsolation, PluginTestFailsACrashingPluginAndGoesOnToTheNextLibrary) {
  const std::string email = journeysim::testing::plugin_dir() + "/libjourneysim_email.so";
  const auto r = journeysim("plugin-test " + broken_library("segfaults") + " " + email);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "  ✗ outcomes are finite and in range for generated agents — "
                              "plugin 'segfaults' 0.0.1 at touchpoint 'plugin_test' crashed in "
                              "interact: SIGSEGV (invalid memory access)\n"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "plugin-test " + email + " — channel email")) << r.out;
  EXPECT_TRUE(contains(r.out, "PASSED (10 checks)")) << r.out;
}

TEST_F(PluginIsolation, PluginTestFailsAPluginThatNeverReturnsAtTheTimeout) {
  const auto r =
      journeysim("plugin-test --plugin-timeout 1 " + broken_library("loops_forever"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "did not return from interact within 1 s (--plugin-timeout)"))
      << r.out;
}

}  // namespace
}  // namespace journeysim
