// Bad inputs that must say what happened (issue 21, classes 3, 4 and 6): a
// loop of symbolic links, a directory or a device where a file was
// expected, a baseline whose numbers are not numbers, absurd thread
// counts, and misspelt options, suggested only from the command in use.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "build_paths.h"
#include "support/command.h"
#include "support/temp_dir.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;
using testing::journeysim;

const std::string kScenario = testing::source_dir() + "/scenarios/store-launch.toml";

class InputMessages : public testing::TempDirTest {};

TEST_F(InputMessages, ALoopOfSymbolicLinksSaysLoop) {
  fs::create_symlink(dir_ / "b.toml", dir_ / "a.toml");
  fs::create_symlink(dir_ / "a.toml", dir_ / "b.toml");
  const auto r = journeysim("run " + path("a.toml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a loop of symbolic links"), std::string::npos) << r.err;
}

TEST_F(InputMessages, ADirectoryWhereAScenarioWasExpectedSaysDirectory) {
  const auto r = journeysim("validate " + dir_.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a directory, not a file"), std::string::npos) << r.err;
}

TEST_F(InputMessages, ADeviceAsBaselineIsRefusedInsteadOfReadForever) {
  const auto r = journeysim("check " + kScenario + " --agents 200 --baseline /dev/zero");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/dev/zero: error: cannot read baseline: not a regular file"),
            std::string::npos)
      << r.err;
}

TEST_F(InputMessages, ABaselineWhoseValueIsNotANumberFailsTheCheck) {
  const auto made = journeysim("run " + kScenario + " --agents 500 --format json --quiet --out " +
                               path("base.json"));
  ASSERT_EQ(made.exit_code, 0) << made.err;
  std::string text = testing::read_file(dir_ / "base.json");
  const std::string key = "\"value\": ";
  const size_t at = text.find(key, text.find("\"conversion_rate\""));
  ASSERT_NE(at, std::string::npos);
  const size_t end = text.find(',', at + key.size());
  text.replace(at + key.size(), end - at - key.size(), "\"abc\"");
  write("bad.json", text);
  const auto r = journeysim("check " + kScenario + " --agents 500 --baseline " + path("bad.json"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("baseline metric \"conversion_rate\" has value \"abc\""),
            std::string::npos)
      << r.err;
}

TEST_F(InputMessages, AThreadCountPastAThousandIsRefused) {
  const auto r = journeysim("run " + kScenario + " --agents 100 --threads 100000");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("at most 1024 worker threads"), std::string::npos) << r.err;
}

TEST_F(InputMessages, AMisspeltOptionGetsTheNearestOptionOfThatCommand) {
  const auto r = journeysim("check " + kScenario + " --baselin x.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("journeysim check: error: unknown option '--baselin' (did you mean "
                       "'--baseline'?)"),
            std::string::npos)
      << r.err;
}

TEST_F(InputMessages, AnOptionOfAnotherCommandIsNotSuggested) {
  // --baseline belongs to check, not to run.
  const auto r = journeysim("run " + kScenario + " --baselin x.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("journeysim run: error: unknown option '--baselin'\n"), std::string::npos)
      << r.err;
}

TEST_F(InputMessages, WeightsWhoseSumOverflowsAreRefusedNotSentDownOneEdge) {
  write("w.toml", R"([journey]
name = "w"
stages = ["a"]
[personas.p]
share = 1.0
[touchpoints.x]
stage = "a"
channel = "fixed"
entry = 1.0
next = [{ to = "y", weight = 1e308 }, { to = "z", weight = 1e308 }]
[touchpoints.y]
stage = "a"
channel = "fixed"
milestone = "m"
exit = true
[touchpoints.z]
stage = "a"
channel = "fixed"
exit = true
)");
  const auto r = journeysim("validate " + path("w.toml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("w.toml:10:8: error: touchpoints.x.next: the weights sum to more than "
                       "the largest number"),
            std::string::npos)
      << r.err;
}

TEST_F(InputMessages, APathStepNamedLikeTheChainsOwnStatesIsABadRow) {
  write("p.csv", "path,total_conversions,total_null\n(conversion) > a,5,3\na > b,2,1\n");
  const auto r = journeysim("attribute --paths " + path("p.csv") + " --bootstrap 0 --strict");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("p.csv:2:1: error: bad row: step '(conversion)' is a name the attribution "
                       "chain keeps for its own states"),
            std::string::npos)
      << r.err;
}

TEST_F(InputMessages, AMegabyteSetPathIsRefusedAtOnce) {
  std::string keys;
  for (int i = 0; i < 50000; ++i) {
    keys += "a.";
  }
  const auto r = journeysim("validate " + kScenario + " --set " + keys + "b=1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("key path is 100001 bytes long; at most 4096"), std::string::npos)
      << r.err.substr(0, 300);
}

TEST_F(InputMessages, AnEscapeInADisplayNameIsShownEscapedOnTheTerminal) {
  std::string text = testing::read_file(kScenario);
  const std::string from = "name = \"Spring launch";
  text.replace(text.find(from), from.size(), "name = \"\\u001B]0;owned\\u0007Spring launch");
  write("s.toml", text);
  const auto r = journeysim("run " + path("s.toml") + " --agents 200 --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("\\u001B]0;owned\\u0007Spring launch"), std::string::npos)
      << r.out.substr(0, 200);
}

}  // namespace
}  // namespace journeysim
