// calibrate, validate-fit, attribute and run --events as a user runs them:
// exit codes, messages, files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/command.h"
#include "support/paths/build_paths.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::read_file;
namespace fs = std::filesystem;

class CalibrateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("journeysim-calibrate-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "journey.toml") << R"(
[journey]
name = "cli"
stages = ["all"]
agents = 20000
horizon_days = 3650
[personas.new]
share = 0.5
[personas.old]
share = 0.5
[touchpoints.ad]
stage = "all"
channel = "fixed"
via = "social"
entry = 0.6
params = { drop = 0.3, hours = 1.0 }
next = [{ to = "buy", delay_hours = 10 }]
[touchpoints.mail]
stage = "all"
channel = "fixed"
via = "email"
entry = 0.4
params = { drop = 0.5 }
next = [{ to = "ad", weight = 1 }, { to = "buy", weight = 1, delay_hours = 30 }]
[touchpoints.buy]
stage = "all"
channel = "fixed"
via = "web"
milestone = "purchase"
exit = true
params = { drop = 0.4, value = 25.0 }
)";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(CalibrateCli, RunEventsIsTheSameForAnyThreadCount) {
  ASSERT_EQ(journeysim("run " + path("journey.toml") + " -q --threads 1 --events " +
                       path("one.csv")).exit_code, 0);
  ASSERT_EQ(journeysim("run " + path("journey.toml") + " -q --threads 2 --events " +
                       path("two.csv")).exit_code, 0);
  const std::string one = read_file(path("one.csv"));
  EXPECT_EQ(one, read_file(path("two.csv")));
  EXPECT_EQ(one.substr(0, one.find('\n')),
            "customer_id,timestamp,touchpoint,channel,persona,revenue,converted");
}

TEST_F(CalibrateCli, CalibrateValidateFitAndAttributeEndToEnd) {
  ASSERT_EQ(journeysim("run " + path("journey.toml") + " -q --events " + path("ev.csv")).exit_code,
            0);
  const auto cal =
      journeysim("calibrate " + path("ev.csv") + " --out " + path("fitted.toml"));
  ASSERT_EQ(cal.exit_code, 0) << cal.err;
  EXPECT_NE(cal.err.find("20000 customers, 0 bad rows"), std::string::npos) << cal.err;
  EXPECT_EQ(journeysim("validate " + path("fitted.toml")).exit_code, 0);
  const auto fit = journeysim("validate-fit " + path("fitted.toml") + " --against " +
                              path("ev.csv") + " -q --tolerance 0.05");
  EXPECT_EQ(fit.exit_code, 0) << fit.out << fit.err;
  EXPECT_NE(fit.out.find("chi-square, path lengths"), std::string::npos);
  EXPECT_NE(fit.out.find("within tolerance"), std::string::npos);
  // A tolerance nothing can meet fails with exit 1.
  const auto strict_fit = journeysim("validate-fit " + path("fitted.toml") + " --against " +
                                     path("ev.csv") + " -q --tolerance 0.0000001");
  EXPECT_EQ(strict_fit.exit_code, 1);
  EXPECT_NE(strict_fit.out.find("BEYOND tolerance"), std::string::npos);

  const auto attr = journeysim("attribute " + path("fitted.toml") + " --format json");
  ASSERT_EQ(attr.exit_code, 0) << attr.err;
  const auto json = nlohmann::json::parse(attr.out);
  EXPECT_EQ(json["schema"], "journeysim.attribute/1");
  EXPECT_EQ(json["method"], "exact");
  double shares = 0.0;
  for (const auto& c : json["channels"]) {
    shares += c["conversion_share"].get<double>();
  }
  EXPECT_NEAR(shares, 1.0, 1e-9);
}

TEST_F(CalibrateCli, PerSegmentWritesOneFileEach) {
  ASSERT_EQ(journeysim("run " + path("journey.toml") + " -q --events " + path("ev.csv")).exit_code,
            0);
  ASSERT_EQ(journeysim("calibrate -q " + path("ev.csv") + " --per-segment --out " +
                       path("fit.toml")).exit_code, 0);
  EXPECT_EQ(journeysim("validate " + path("fit.new.toml") + " " + path("fit.old.toml")).exit_code,
            0);
}

TEST_F(CalibrateCli, BadRowsAreListedAndStrictExitsTwo) {
  std::ofstream(path("bad.csv")) << "customer_id,timestamp,touchpoint,converted\n"
                                    "a,2026-01-01T00:00:00Z,home,0\n"
                                    "a,2026-01-01T01:00:00Z,buy,1\n"
                                    "b,tomorrow,home,0\n"
                                    "c,2026-01-01T00:00:00Z,home,0\n";
  const auto lenient = journeysim("calibrate " + path("bad.csv") + " --out " + path("f.toml"));
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.err.find(path("bad.csv") + ":4:3: bad row: unparseable timestamp"),
            std::string::npos)
      << lenient.err;
  EXPECT_NE(lenient.err.find("1 bad rows left out"), std::string::npos);
  const auto strict =
      journeysim("calibrate --strict " + path("bad.csv") + " --out " + path("g.toml"));
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find(path("bad.csv") + ":4:3"), std::string::npos) << strict.err;
  EXPECT_FALSE(fs::exists(path("g.toml")));
}

TEST_F(CalibrateCli, BadInputsExitTwo) {
  EXPECT_EQ(journeysim("calibrate " + path("missing.csv") + " --out " + path("x.toml")).exit_code,
            2);
  std::ofstream(path("nocol.csv")) << "id,when,what\n1,2026-01-01,home\n";
  const auto nocol = journeysim("calibrate " + path("nocol.csv"));
  EXPECT_EQ(nocol.exit_code, 2);
  EXPECT_NE(nocol.err.find("name the column with a flag"), std::string::npos) << nocol.err;
  // The same file with its columns named, and a converting event named.
  const auto named = journeysim("calibrate -q " + path("nocol.csv") +
                                " --customer-column id --timestamp-column when "
                                "--touchpoint-column what --conversion-event home");
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_NE(named.out.find("[touchpoints.\"home\"]"), std::string::npos);
  // Nothing converts: exit 2 with the way out named.
  const auto none = journeysim("calibrate -q " + path("nocol.csv") +
                               " --customer-column id --timestamp-column when "
                               "--touchpoint-column what");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("--conversion-event"), std::string::npos);
}

TEST_F(CalibrateCli, AttributeFromPaths) {
  std::ofstream(path("paths.csv")) << "path,total_conversions,total_null\n"
                                      "a > b,1,1\nb,1,1\n";
  const auto out = journeysim("attribute --paths " + path("paths.csv"));
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("exact, absorbing Markov chain"), std::string::npos);
  EXPECT_NE(out.out.find("conversion rate 0.5"), std::string::npos) << out.out;
  EXPECT_EQ(journeysim("attribute").exit_code, 2);
}

TEST_F(CalibrateCli, AttributeReadsChannelAttributionsSemicolonFile) {
  std::ofstream(path("ca.csv")) << "path;total_conversions;total_conversion_value;total_null\n"
                                   "a > b;1;10;1\nb;1;20;1\n";
  const auto out = journeysim("attribute --paths " + path("ca.csv"));
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("conversion rate 0.5,"), std::string::npos) << out.out;
}

TEST_F(CalibrateCli, AttributeJsonSkipsAPathThatIsNotUtf8WithItsLocation) {
  // Found by the event-log fuzzer: the JSON writer threw on such a channel
  // name and the command ended with nlohmann's message.
  std::ofstream(path("latin1.csv")) << "path,total_conversions,total_null\n"
                                       "a > b,1,1\ncaf\xe9 > b,1,0\n";
  const auto out = journeysim("attribute --paths " + path("latin1.csv") + " --format json");
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.err.find("latin1.csv:3:4: bad row: byte 0xE9 in the path is not UTF-8"),
            std::string::npos)
      << out.err;
  EXPECT_NE(out.out.find("\"channel\": \"a\""), std::string::npos) << out.out;
  const auto strict =
      journeysim("attribute --paths " + path("latin1.csv") + " --format json --strict");
  EXPECT_EQ(strict.exit_code, 2) << strict.err;
  EXPECT_TRUE(strict.out.empty()) << strict.out;
}

TEST_F(CalibrateCli, AttributeModelsAllPutsEveryModelInTheCsv) {
  // Paths a (1 conversion, value 10) and a > b (1, value 50): first touch
  // gives a both conversions and 60; last touch a 1 (10) and b 1 (50).
  std::ofstream(path("valued.csv")) << "path,total_conversions,total_null,total_conversion_value\n"
                                       "a,1,1,10\na > b,1,1,50\n";
  const auto out =
      journeysim("attribute --paths " + path("valued.csv") + " --models all --format csv");
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find(",first_touch_conversions,first_touch_value,last_touch_conversions,"
                         "last_touch_value,linear_conversions,linear_value,time_decay_conversions,"
                         "time_decay_value,position_based_conversions,position_based_value,"
                         "shapley_conversions,shapley_value,removal_effect_low,"),
            std::string::npos)
      << out.out;
  EXPECT_NE(out.out.find(",2,60,1,10,"), std::string::npos) << out.out;  // a
  EXPECT_NE(out.out.find(",0,0,1,50,"), std::string::npos) << out.out;   // b
}

TEST_F(CalibrateCli, AttributeValueRuleIsNamedAndTheOldOneKept) {
  std::ofstream(path("valued.csv")) << "path,total_conversions,total_null,total_conversion_value\n"
                                       "a,1,1,10\na > b,1,1,50\n";
  const auto last = journeysim("attribute --paths " + path("valued.csv") + " --format json");
  ASSERT_EQ(last.exit_code, 0) << last.err;
  EXPECT_NE(last.out.find("\"value_rule\": \"last_channel\""), std::string::npos) << last.out;
  const auto share = journeysim("attribute --paths " + path("valued.csv") +
                                " --format json --value-rule conversion-share");
  EXPECT_NE(share.out.find("\"value_rule\": \"conversion_share\""), std::string::npos);
  EXPECT_NE(share.out.find("\"value\": 40.0"), std::string::npos) << share.out;  // a: 60 * 2/3
}

TEST_F(CalibrateCli, AttributeModelFlagsSayWhatTheyExpect) {
  std::ofstream(path("p.csv")) << "path,total_conversions\na,1\n";
  const auto unknown = journeysim("attribute --paths " + path("p.csv") + " --models shapely");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown model 'shapely'; expected markov, first_touch"),
            std::string::npos)
      << unknown.err;
  const auto weights = journeysim("attribute --paths " + path("p.csv") +
                                  " --models position_based --position-weights 0.5,0.5,0.5");
  EXPECT_EQ(weights.exit_code, 2);
  EXPECT_NE(weights.err.find("summing to 1"), std::string::npos) << weights.err;
  const auto half_life =
      journeysim("attribute --paths " + path("p.csv") + " --models time_decay --half-life 0");
  EXPECT_EQ(half_life.exit_code, 2);
  EXPECT_NE(half_life.err.find("--half-life: expected a positive number"), std::string::npos);
}

TEST_F(CalibrateCli, AttributeSeparatorFlagAndItsError) {
  std::ofstream(path("tab.txt")) << "path\ttotal_conversions\na;b\t2\n";
  const auto ok = journeysim("attribute --paths " + path("tab.txt") + " --separator tab");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  const auto wrong = journeysim("attribute --paths " + path("tab.txt") + " --separator ';'");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("tab.txt:1:1: error: path header needs a conversions column"),
            std::string::npos)
      << wrong.err;
}

// Enough customers for the bootstrap to tell channels apart.
constexpr const char* kBootstrapPaths =
    "path;total_conversions;total_conversion_value;total_null\n"
    "a > b;300;3000;700\nb;290;5800;710\nc > a;50;400;950\nc;0;0;1000\n";

TEST_F(CalibrateCli, AttributeBootstrapGivesTheSameBytesForAnyThreads) {
  std::ofstream(path("p.csv")) << kBootstrapPaths;
  const std::string command =
      "attribute --paths " + path("p.csv") + " --models all --format json --threads ";
  const auto one = journeysim(command + "1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(journeysim(command + "2").out, one.out);
  EXPECT_EQ(journeysim(command + "3").out, one.out);
  const auto json = nlohmann::json::parse(one.out);
  EXPECT_EQ(json["bootstrap"]["replicates"], 200);
  EXPECT_EQ(json["bootstrap"]["seed"], 1);
  for (const auto& c : json["channels"]) {
    EXPECT_EQ(c["ci95"]["removal_effect"].size(), 2u) << c;
    for (const char* model : {"first_touch", "last_touch", "linear", "time_decay",
                              "position_based", "shapley"}) {
      const auto& ci = c[model]["ci95"]["conversions"];
      ASSERT_EQ(ci.size(), 2u) << model;
      EXPECT_LE(ci[0].get<double>(), c[model]["conversions"].get<double>()) << model;
      EXPECT_GE(ci[1].get<double>(), c[model]["conversions"].get<double>()) << model;
    }
  }
  EXPECT_EQ(json["rankings"][0]["model"], "markov");
  EXPECT_EQ(json["rankings"][0]["steps"].size(), 2u);
}

TEST_F(CalibrateCli, AttributeSeedMovesTheIntervalsNotTheNumbers) {
  std::ofstream(path("p.csv")) << kBootstrapPaths;
  const std::string command = "attribute --paths " + path("p.csv") + " --format json";
  const auto one = nlohmann::json::parse(journeysim(command).out);
  const auto two = nlohmann::json::parse(journeysim(command + " --seed 2").out);
  EXPECT_EQ(two["bootstrap"]["seed"], 2);
  EXPECT_EQ(one["channels"][0]["conversions"], two["channels"][0]["conversions"]);
  EXPECT_NE(one["channels"][0]["ci95"], two["channels"][0]["ci95"]);
}

TEST_F(CalibrateCli, AttributeBootstrapZeroReportsNoIntervals) {
  std::ofstream(path("p.csv")) << kBootstrapPaths;
  const auto out = journeysim("attribute --paths " + path("p.csv") +
                              " --models all --bootstrap 0 --format json");
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.out.find("ci95"), std::string::npos) << out.out;
  EXPECT_EQ(out.out.find("\"bootstrap\""), std::string::npos) << out.out;
}

TEST_F(CalibrateCli, AttributeBootstrapCountIsBounded) {
  std::ofstream(path("p.csv")) << kBootstrapPaths;
  for (const char* count : {"-1", "100001", "many"}) {
    const auto out = journeysim("attribute --paths " + path("p.csv") + " --bootstrap " + count);
    EXPECT_EQ(out.exit_code, 2) << count;
    EXPECT_NE(out.err.find("--bootstrap: Value " + std::string(count) +
                           " not in range 0 to 100000"),
              std::string::npos)
        << out.err;
  }
}

TEST_F(CalibrateCli, AttributeBootstrapOfAJourneyIsRefused) {
  const auto out = journeysim("attribute " + testing::test_data_dir() +
                              "/attribution/steps_channels.toml --bootstrap 100");
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.err.find("--bootstrap resamples the customers of a path file"),
            std::string::npos)
      << out.err;
}

TEST_F(CalibrateCli, AttributeHtmlShowsEveryModelSideBySide) {
  std::ofstream(path("p.csv")) << kBootstrapPaths;
  const auto out =
      journeysim("attribute --paths " + path("p.csv") + " --models all --format html");
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("data-report=\"journeysim.attribute\""), std::string::npos);
  for (const char* id : {"conversions-by-model", "value-by-model", "removal-effects"}) {
    EXPECT_NE(out.out.find(std::string("<section id=\"") + id + "\""), std::string::npos)
        << id;
  }
  // Channel b's Shapley conversions, with its interval and tier.
  const size_t b = out.out.find("<tr data-channel=\"b\">");
  ASSERT_NE(b, std::string::npos);
  const size_t shapley = out.out.find("data-model=\"shapley\" data-value=\"", b);
  ASSERT_NE(shapley, std::string::npos);
  EXPECT_NE(out.out.substr(shapley, 200).find("data-low=\""), std::string::npos);
  EXPECT_NE(out.out.substr(shapley, 300).find("data-tier=\"a\""), std::string::npos);
  EXPECT_EQ(out.out.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace journeysim
