// The command line end to end: what users type, what they see, exit codes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/command.h"
#include "support/journeys.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::read_file;

const std::string kStore = journeysim::testing::source_dir() + "/scenarios/store-launch.toml";
const std::string kFunnel = journeysim::testing::store_launch_funnel();  // no steps

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("journeysim-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }

  std::filesystem::path dir_;
};

TEST_F(CliTest, RunPrintsTheJourneyMapAndExitsZero) {
  const auto r = journeysim("run " + kStore + " --agents 3000");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* part : {"Spring launch", "JOURNEY MAP", "conversion (purchase)", "checkout",
                           "PERSONAS", "busy_parent", "EMOTION CURVE", "CES", "NPS"}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part;
  }
}

TEST_F(CliTest, JsonOutputHasTheDocumentedShape) {
  const auto r = journeysim("run " + kStore + " --agents 2000 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "journeysim.run/3");
  EXPECT_EQ(doc["manifest"]["agents"], 2000);
  EXPECT_EQ(doc["manifest"]["seed"], 7);
  EXPECT_EQ(doc["manifest"]["scenario"]["hash"].get<std::string>().size(), 64u);
  EXPECT_TRUE(doc["manifest"]["engine_version"].is_string());
  EXPECT_FALSE(doc.contains("execution"));  // only with --manifest-execution
  EXPECT_EQ(doc["scenario"]["max_steps"], 200);
  const auto& conversion = doc["metrics"]["conversion_rate"];
  EXPECT_LE(conversion["ci95"][0].get<double>(), conversion["value"].get<double>());
  EXPECT_GE(conversion["ci95"][1].get<double>(), conversion["value"].get<double>());
  EXPECT_TRUE(doc["metrics"]["time_to_convert"]["p90_days"].contains("value"));
  EXPECT_TRUE(doc["touchpoints"]["checkout"]["drop_rate"].contains("ci95"));
  EXPECT_TRUE(doc["touchpoints"]["checkout"]["drop_reasons"].is_array());
  EXPECT_TRUE(doc["personas"]["busy_parent"]["conversion_rate"].contains("value"));
  EXPECT_TRUE(doc["stages"]["purchase"]["satisfaction"].contains("value"));
}

TEST_F(CliTest, ThreadCountDoesNotChangeTheBytes) {
  const auto one = journeysim("run " + kStore + " --agents 5000 --format json --threads 1");
  const auto two = journeysim("run " + kStore + " --agents 5000 --format json --threads 2");
  EXPECT_EQ(one.out, two.out);
}

TEST_F(CliTest, CsvOutputIsATidyTable) {
  const auto r = journeysim("run " + kStore + " --agents 1000 --format csv");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "path,scope,id,metric,value,ci95_low,ci95_high,n");
  EXPECT_NE(r.out.find("\ntouchpoints.checkout.drop_rate,touchpoint,checkout,drop_rate,"),
            std::string::npos);
}

TEST_F(CliTest, OutWritesTheFileAndLeavesNoTemporaryBehind) {
  const auto target = dir_ / "result.json";
  const auto r = journeysim("run " + kStore + " --agents 1000 --format json --out " +
                            target.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto direct = journeysim("run " + kStore + " --agents 1000 --format json");
  EXPECT_EQ(read_file(target), direct.out);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_)) {
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST_F(CliTest, BadScenarioExitsTwoNamingFileLineAndColumn) {
  const auto bad = write("bad.toml", "[journey]\nname = \"x\"\nstages = [\"a\"]\nagnets = 5\n");
  const auto target = dir_ / "never.json";
  const auto r = journeysim("run " + bad.string() + " --out " + target.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad.string() + ":4:1: error:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'agents'"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(target));
}

TEST_F(CliTest, TomlSyntaxErrorExitsTwoWithItsLocation) {
  const auto bad = write("syntax.toml", "[journey]\nname = \"x\n");
  const auto r = journeysim("run " + bad.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad.string() + ":2:"), std::string::npos) << r.err;
}

TEST_F(CliTest, MissingScenarioFileExitsTwo) {
  const auto r = journeysim("run " + (dir_ / "nope.toml").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.toml"), std::string::npos);
}

TEST_F(CliTest, UnknownOptionExitsTwo) {
  EXPECT_EQ(journeysim("run " + kStore + " --frobnicate").exit_code, 2);
  EXPECT_EQ(journeysim("run " + kStore + " --format xml").exit_code, 2);
  EXPECT_EQ(journeysim("").exit_code, 2);
}

TEST_F(CliTest, AnUnknownCommandIsNamedWithTheNearestAndTheList) {
  const auto r = journeysim("rnu " + kStore);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'rnu' (did you mean 'run'?); the commands are run, "
                       "validate, plugins, compare,"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(CliTest, ASeedBeyondWhatAScenarioCanHoldIsRefusedNotClamped) {
  // 2^64 - 1 used to run as 2^63 - 1, the largest int64.
  const auto r = journeysim("run " + kFunnel + " --agents 100 --seed 18446744073709551615");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--seed: '18446744073709551615' is not a seed: expected a whole number "
                       "from 0 to 9223372036854775807"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(journeysim("run " + kFunnel + " --agents 100 --seed -1").exit_code, 2);
  const auto largest =
      journeysim("run " + kFunnel + " --agents 100 -q --seed 9223372036854775807");
  EXPECT_EQ(largest.exit_code, 0) << largest.err;
  EXPECT_NE(largest.out.find("seed 9223372036854775807"), std::string::npos);
}

TEST_F(CliTest, BadAgentCountExitsTwo) {
  const auto r = journeysim("run " + kStore + " --agents 1e30");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--agents"), std::string::npos);
}

TEST_F(CliTest, HelpAndVersionExitZero) {
  EXPECT_EQ(journeysim("--help").exit_code, 0);
  EXPECT_EQ(journeysim("--version").exit_code, 0);
  const auto help = journeysim("run --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Example"), std::string::npos);
}

// Each command's --format values come from one table (tools/report_formats.cpp):
// --help lists them, an unknown one is refused with the list, each renders,
// and no --format means the first.
TEST_F(CliTest, EveryFormatOfEveryCommandIsListedAndRenders) {
  const std::string variant =
      journeysim::testing::source_dir() + "/scenarios/store-launch.guest-checkout.toml";
  struct Command {
    std::string name, arguments;
    std::vector<std::string> formats;
  };
  const std::vector<Command> commands = {
      {"run", kStore, {"table", "json", "csv", "markdown", "mermaid"}},
      {"compare", kStore + " " + variant, {"table", "json", "csv", "markdown"}},
      {"sweep", kStore + " --set touchpoints.checkout.params.steps=2..3", {"table", "json", "csv"}},
      {"check", kStore, {"text", "json", "markdown"}},
      // attribute refuses journeys with steps (for now): the funnel has none.
      {"attribute", kFunnel, {"table", "json", "csv", "html"}},
  };
  for (const Command& c : commands) {
    std::string list;
    for (const std::string& f : c.formats) {
      list += (list.empty() ? "" : ",") + f;
    }
    const auto help = journeysim(c.name + " --help");
    EXPECT_NE(help.out.find("{" + list + "}"), std::string::npos) << c.name << help.out;
    const auto unknown = journeysim(c.name + " " + c.arguments + " --format xml");
    EXPECT_EQ(unknown.exit_code, 2) << c.name;
    EXPECT_NE(unknown.err.find("xml not in {" + list + "}"), std::string::npos) << unknown.err;

    const std::string run = c.name + " " + c.arguments + " --agents 1000 -q";
    // 0, or 1 when check's thresholds fail on so few agents: not bad input.
    const auto plain = journeysim(run);
    ASSERT_LE(plain.exit_code, 1) << run << "\n" << plain.err;
    std::set<std::string> outputs;
    for (const std::string& f : c.formats) {
      const auto r = journeysim(run + " --format " + f);
      ASSERT_EQ(r.exit_code, plain.exit_code) << run << " --format " << f << "\n" << r.err;
      EXPECT_FALSE(r.out.empty()) << c.name << " --format " << f;
      outputs.insert(r.out);
      if (f == c.formats.front()) {
        EXPECT_EQ(r.out, plain.out) << c.name << ": the first format is the default";
      }
    }
    EXPECT_EQ(outputs.size(), c.formats.size()) << c.name << ": each format renders its own way";
  }
}

// Every example journey and what-if variant in scenarios/, new ones included
// without editing a list, validates and runs a small number of agents.
TEST_F(CliTest, EveryExampleScenarioValidatesAndRuns) {
  std::vector<std::filesystem::path> examples;
  for (const auto& entry :
       std::filesystem::directory_iterator(journeysim::testing::source_dir() + "/scenarios")) {
    if (entry.path().extension() == ".toml") {
      examples.push_back(entry.path());
    }
  }
  std::sort(examples.begin(), examples.end());
  ASSERT_GE(examples.size(), 10u);  // four journeys and a variant of each at least
  for (const auto& example : examples) {
    const auto valid = journeysim("validate " + example.string());
    EXPECT_EQ(valid.exit_code, 0) << example << ": " << valid.err;
    const auto r = journeysim("run " + example.string() + " --agents 2000 --format json -q");
    ASSERT_EQ(r.exit_code, 0) << example << ": " << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["metrics"]["agents"].get<uint64_t>(), 2000u) << example;
    EXPECT_GT(doc["metrics"]["conversions"].get<uint64_t>(), 0u) << example;
  }
}

TEST_F(CliTest, ValidateReportsABadParameterWithExitTwo) {
  const auto r = journeysim("validate " + kStore + " --set touchpoints.checkout.params.steps=0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("parameter 'steps' = 0 is outside"), std::string::npos) << r.err;
}

TEST_F(CliTest, PluginsListsTheChannelsWithTheirParameters) {
  const auto r = journeysim("plugins");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* part : {"checkout", "email", "social", "web", "support", "fixed", "ad", "search",
                           "sms", "push", "store", "effective_frequency", "sent_at_hour",
                           "guest_checkout", "form_fields"}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part;
  }
}

TEST_F(CliTest, PluginsListsEachChannelsEventsWithTheirReasons) {
  const auto r = journeysim("plugins");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* line :
       {"    clicked                opened and clicked                           success: "
        "continues along next\n",
        "    opened                 opened, did not click                        <- no_click\n",
        "    declined               said no to the offer                         <- said_no\n"}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << r.out;
  }
}

TEST_F(CliTest, ABrokenPluginOnThePluginPathExitsTwoNamingIt) {
  const std::string dir = journeysim::testing::broken_plugin_dir() + "/bad_api_version";
  const auto r = journeysim("run " + kStore, "JOURNEYSIM_PLUGIN_PATH=" + dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("wrong API version"), std::string::npos) << r.err;
}

TEST_F(CliTest, APluginInTheCurrentDirectoryIsNeverLoadedImplicitly) {
  // A library planted where the user happens to stand is not a plugin
  // directory: the bad_api_version plugin would be refused loudly if loaded.
  std::filesystem::copy(journeysim::testing::broken_plugin_dir() + "/bad_api_version/libjourneysim_bad_api_version.so",
                        dir_ / "libjourneysim_bad_api_version.so");
  // (The "environment" prefix of the helper is any shell text: here a cd.)
  const auto r = journeysim("plugins", "cd " + dir_.string() + " &&");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("bad_api_version"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("checkout"), std::string::npos) << r.out;
}

// --- journey model 2 (steps) ------------------------------------------------

const std::string kSteps =
    journeysim::testing::test_data_dir() + "/loader/steps_acceptance.toml";

TEST_F(CliTest, StepsJourneyGivesTheSameJsonBytesForOneTwoAndThreeThreads) {
  const auto one = journeysim("run " + kSteps + " --agents 20000 --format json --threads 1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const auto doc = nlohmann::json::parse(one.out);
  EXPECT_EQ(doc["steps"]["wait_2d"]["kind"], "wait");
  EXPECT_EQ(doc["steps"]["wait_2d"]["mean_hours"], 48.0);
  EXPECT_TRUE(doc["experiments"]["test"]["arms"]["B"]["conversion_rate"].contains("ci95"));
  for (const char* threads : {"2", "3"}) {
    const auto other = journeysim("run " + kSteps + " --agents 20000 --format json --threads " +
                                  threads);
    EXPECT_EQ(other.out, one.out) << threads;
  }
}

TEST_F(CliTest, AJourneyWithoutStepsHasNoStepKeys) {
  const auto r = journeysim("run " + kFunnel + " --agents 2000 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_FALSE(doc.contains("steps"));
  EXPECT_FALSE(doc.contains("experiments"));
}

TEST_F(CliTest, EveryFormatAndTheReportRunAJourneyWithSteps) {
  for (const char* format : {"table", "markdown", "mermaid", "csv"}) {
    const auto r = journeysim("run " + kSteps + " --agents 2000 --format " + format);
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_NE(r.out.find("checkout_a"), std::string::npos) << format;
  }
  const auto report = dir_ / "steps.html";
  const auto r = journeysim("run " + kSteps + " --agents 2000 -q --report " + report.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(report));
}

TEST_F(CliTest, AnUnknownOnEventExitsTwoListingTheChannelsEvents) {
  std::string text = read_file(kSteps);
  text.replace(text.find("on = { dropped"), 14, "on = { droped");
  const auto bad = write("bad_on.toml", text);
  const auto r = journeysim("run " + bad.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad.string() +
                       ":27:8: error: touchpoint 'welcome': channel 'fixed' has no event "
                       "'droped' (did you mean 'dropped'?); its events: continued, dropped"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace journeysim
