// `journeysim run --series FILE` end to end: the run over calendar time as
// CSV, written atomically like --out and --report and under the same
// output-safety rules, and refused for a journey without a calendar.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "build_paths.h"
#include "support/command.h"
#include "support/temp_dir.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;
using testing::journeysim;
using testing::read_file;

const std::string kHelpDesk = testing::test_data_dir() + "/report/help_desk.toml";

class SeriesCli : public testing::TempDirTest {};

TEST_F(SeriesCli, RunWritesTheSeriesAsCsvAndStillPrintsItsReport) {
  const auto r = journeysim("run " + kHelpDesk + " --agents 1000 --seed 5 --format json --series " +
                            path("series.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"series\""), std::string::npos);
  EXPECT_NE(r.err.find("wrote " + path("series.csv")), std::string::npos) << r.err;
  const std::string csv = read_file(dir_ / "series.csv");
  // A horizon of 5 days: 120 hourly bins, every journey starting in the first.
  EXPECT_EQ(csv.rfind("hours,arrivals,conversions,messages,team_queue_length,team_utilization\n"
                      "0,1000,",
                      0),
            0u)
      << csv.substr(0, 200);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 121);
  EXPECT_NE(csv.find("\n119,0,"), std::string::npos);
}

TEST_F(SeriesCli, SameSeedSameBytesWhateverTheThreads) {
  for (const char* threads : {"1", "2", "3"}) {
    const auto r = journeysim("run " + kHelpDesk + " --agents 1000 --seed 5 -q --threads " +
                              threads + " --series " + path(std::string("s") + threads + ".csv"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(read_file(dir_ / "s2.csv"), read_file(dir_ / "s1.csv"));
  EXPECT_EQ(read_file(dir_ / "s3.csv"), read_file(dir_ / "s1.csv"));
}

TEST_F(SeriesCli, AJourneyWithoutACalendarIsBadInputAndWritesNothing) {
  const auto r = journeysim("run " + testing::source_dir() +
                            "/scenarios/store-launch.toml --agents 500 -q --series " +
                            path("series.csv"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--series needs a journey with calendar time"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(dir_ / "series.csv"));
}

TEST_F(SeriesCli, SeriesNamingTheScenarioIsRefusedAndTheScenarioKept) {
  fs::copy_file(kHelpDesk, dir_ / "desk.toml");
  const std::string before = read_file(dir_ / "desk.toml");
  const auto r = journeysim("run " + path("desk.toml") + " --agents 500 -q --series " +
                            (dir_ / "." / "desk.toml").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the input"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(dir_ / "desk.toml"), before);
}

TEST_F(SeriesCli, SeriesAndReportNamingOneFileAreRefusedAndNothingIsWritten) {
  const auto r = journeysim("run " + kHelpDesk + " --agents 500 -q --series " + path("x") +
                            " --report " + path("x"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("same file as the output"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "x"));
}

TEST_F(SeriesCli, SeriesIntoADirectoryThatDoesNotExistIsBadInput) {
  const auto r =
      journeysim("run " + kHelpDesk + " --agents 500 -q --series " + path("no/such/dir.csv"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

}  // namespace
}  // namespace journeysim
