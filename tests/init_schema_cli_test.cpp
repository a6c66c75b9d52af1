// journeysim init: every starter journey is valid as written, runs, converts
// and passes its own thresholds; --out never overwrites unasked. The schema
// itself is checked against every file by scenario_json_schema_test.py.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/command.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::read_file;

const char* const kTypes[] = {"purchase", "lead_generation", "engagement", "retention",
                              "onboarding"};

class InitCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("journeysim-init-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
};

TEST_F(InitCliTest, EveryTypeValidatesRunsConvertsAndPassesItsThresholds) {
  for (const char* type : kTypes) {
    const std::string file = (dir_ / (std::string(type) + ".toml")).string();
    const auto init = journeysim(std::string("init --type ") + type + " --out " + file);
    ASSERT_EQ(init.exit_code, 0) << type << ": " << init.err;
    const auto valid = journeysim("validate " + file);
    EXPECT_EQ(valid.exit_code, 0) << type << ": " << valid.err;
    const auto run = journeysim("run " + file + " --agents 2000 --format json -q");
    ASSERT_EQ(run.exit_code, 0) << type << ": " << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc["scenario"]["type"], type);
    EXPECT_GT(doc["metrics"]["conversions"].get<uint64_t>(), 0u) << type;
    const auto check = journeysim("check " + file + " --agents 2000 -q");
    EXPECT_EQ(check.exit_code, 0) << type << ": " << check.out << check.err;
    EXPECT_NE(check.out.find("2 checks passed"), std::string::npos) << type << ": " << check.out;
  }
}

TEST_F(InitCliTest, WithoutOutTheJourneyGoesToStdout) {
  const auto r = journeysim("init --type retention");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n[journey]\nname = \"My renewals\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("type = \"retention\""), std::string::npos);
}

TEST_F(InitCliTest, NameSetsTheJourneyNameEscapedForToml) {
  const std::string file = (dir_ / "named.toml").string();
  ASSERT_EQ(journeysim("init --type engagement --name 'Say \"hi\" \\ now' --out " + file)
                .exit_code,
            0);
  const auto run = journeysim("run " + file + " --agents 100 --format json -q");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["scenario"]["name"], "Say \"hi\" \\ now");
}

TEST_F(InitCliTest, OutRefusesAnExistingFileUnlessForced) {
  const std::filesystem::path file = dir_ / "mine.toml";
  std::ofstream(file) << "# my own journey\n";
  const auto refused = journeysim("init --out " + file.string());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("already exists; pass --force"), std::string::npos) << refused.err;
  EXPECT_EQ(read_file(file), "# my own journey\n");
  const auto forced = journeysim("init --force --out " + file.string());
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(read_file(file).find("type = \"purchase\""), std::string::npos);
}

TEST_F(InitCliTest, UnknownTypeExitsTwoListingTheTypes) {
  const auto r = journeysim("init --type webinar");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown journey type 'webinar'; types: purchase, lead_generation, "
                       "engagement, retention, onboarding"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(InitCliTest, ASchemaDirectiveOnTheFirstLineLeavesTheJourneyValid) {
  const auto init = journeysim("init --type purchase");
  ASSERT_EQ(init.exit_code, 0) << init.err;
  const std::filesystem::path file = dir_ / "with-directive.toml";
  std::ofstream(file) << "#:schema ./journeysim.schema.json\n" << init.out;
  const auto valid = journeysim("validate " + file.string());
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
}

TEST_F(InitCliTest, SchemaIsDraft07NamingEveryInstalledChannel) {
  const auto r = journeysim("schema");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto schema = nlohmann::json::parse(r.out);
  EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#");
  const auto channels = schema["definitions"]["touchpoint"]["properties"]["channel"]["enum"]
                            .get<std::vector<std::string>>();
  EXPECT_EQ(channels, (std::vector<std::string>{"ad", "checkout", "email", "fixed", "push", "search",
                                                "sms", "social", "store", "support", "web"}));
}

}  // namespace
}  // namespace journeysim
