// journeysim check end to end, as a CI job runs it: exit codes, the summary,
// JUnit XML (read back with pugixml), the JSON summary, baselines and
// colour. The scenarios are the test shop (tests/data/check/shop.toml, the
// built-in `fixed` channel) and small variants written per test.
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "journeysim/engine.h"
#include "support/command.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::CommandResult;
using testing::journeysim;
using testing::read_file;

const std::string kShop = journeysim::testing::test_data_dir() + "/check/shop.toml";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Runs journeysim with a pseudo-terminal as stdin, stdout and stderr, the
// way a person at a terminal does.
CommandResult on_terminal(const std::string& arguments, const std::string& env) {
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    const std::string command = env + " " + journeysim::testing::journeysim_exe() + " " + arguments;
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  CommandResult result;
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n > 0) {
      result.out.append(buffer, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has closed the terminal
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(master);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class CheckCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("journeysim-check-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    std::filesystem::copy_file(kShop, dir_ / "shop.toml");
    shop_ = (dir_ / "shop.toml").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // A variant of the shop: its [journey] name and extra TOML (e.g. a
  // [thresholds] table that replaces some of the shop's).
  std::string variant(const std::string& name, const std::string& journey_name,
                      const std::string& toml) {
    std::ofstream(dir_ / name) << "extends = \"shop.toml\"\n\n[journey]\nname = \"" << journey_name
                               << "\"\n\n"
                               << toml;
    return path(name);
  }

  // The shop's run written as a baseline, with extra `run` options.
  std::string baseline(const std::string& options = "") {
    const std::string file = path("baseline.json");
    const auto r =
        journeysim("run " + shop_ + " --format json --quiet --out " + file + " " + options);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return file;
  }

  std::string shop_;
  std::filesystem::path dir_;
};

// --- thresholds --------------------------------------------------------------

TEST_F(CheckCli, PassingThresholdsExitZeroAndEachIsNamedWithItsObservedValue) {
  const auto r = journeysim("check " + shop_);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "Test shop\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "✓ conversion_rate >= 0.15  observed 0.1")) << r.out;
  EXPECT_TRUE(contains(r.out, "✓ conversion_rate < 0.25  observed 0.1")) << r.out;
  EXPECT_TRUE(contains(r.out, "✓ personas.loyal_customer.conversion_rate >= 12%  observed "));
  EXPECT_TRUE(contains(r.out, "✓ touchpoints.checkout.drop_rate <= 0.6  observed 0.4"));
  EXPECT_TRUE(contains(r.out,
                       "total: 1 scenario, 4 checks: 4 passed, 0 failed, 0 skipped — "
                       "PASSED\n"))
      << r.out;
}

TEST_F(CheckCli, FailingThresholdExitsOneAndTheJunitFileCarriesTheFailure) {
  const std::string file =
      variant("ambitious.toml", "Ambitious shop", "[thresholds]\nconversion_rate = [\">= 0.3\"]\n");
  const std::string junit = path("junit.xml");
  const auto r = journeysim("check " + file + " --junit " + junit);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "✗ conversion_rate >= 0.3  observed 0.1")) << r.out;
  EXPECT_TRUE(contains(r.out, "the point estimate 0.1")) << r.out;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(junit.c_str()));
  const pugi::xml_node failure =
      doc.select_node("//testcase[@name='conversion_rate >= 0.3']/failure").node();
  ASSERT_TRUE(failure) << read_file(junit);
  const std::string message = failure.attribute("message").value();
  EXPECT_TRUE(contains(message, "observed 0.1")) << message;
  EXPECT_TRUE(contains(message, "required >= 0.3 (on the point estimate)")) << message;
  EXPECT_TRUE(contains(failure.text().get(), "observed:  0.1")) << failure.text().get();
  EXPECT_TRUE(contains(failure.text().get(), "(95% interval ")) << failure.text().get();
  EXPECT_TRUE(contains(failure.text().get(), "defined at " + file + ":7:20"))
      << failure.text().get();
}

TEST_F(CheckCli, PassingRunWritesAValidJunitFile) {
  const std::string other = variant("other.toml", "Other shop", "");
  const std::string junit = path("junit.xml");
  const auto r = journeysim("check " + shop_ + " " + other + " --junit " + junit);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_file(junit.c_str());
  ASSERT_TRUE(parsed) << parsed.description();
  const pugi::xml_node root = doc.document_element();
  EXPECT_STREQ(root.name(), "testsuites");
  size_t suites = 0, all_tests = 0;
  for (pugi::xml_node suite : root.children()) {
    ASSERT_STREQ(suite.name(), "testsuite");
    ++suites;
    size_t cases = 0, failures = 0;
    for (pugi::xml_node tc : suite.children("testcase")) {
      ++cases;
      EXPECT_STREQ(tc.attribute("classname").value(), suite.attribute("name").value());
      failures += tc.child("failure") ? 1 : 0;
    }
    EXPECT_EQ(suite.attribute("tests").as_uint(), cases);
    EXPECT_EQ(suite.attribute("failures").as_uint(), failures);
    EXPECT_EQ(suite.attribute("failures").as_uint(), 0u);
    EXPECT_EQ(suite.attribute("errors").as_uint(), 0u);
    all_tests += cases;
  }
  EXPECT_EQ(suites, 2u);
  EXPECT_EQ(root.attribute("tests").as_uint(), all_tests);
  EXPECT_EQ(all_tests, 8u);
  EXPECT_STREQ(root.first_child().attribute("name").value(), "Test shop");
}

TEST_F(CheckCli, UnknownMetricExitsTwoWithTheNearestPathAndItsLocation) {
  const std::string file = variant(
      "typo.toml", "Typo shop", "[thresholds]\n\"touchpoints.chekout.drop_rate\" = [\"< 0.55\"]\n");
  const auto r = journeysim("check " + file);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, file + ":7:1: error: unknown metric 'touchpoints.chekout.drop_rate' "
                                     "in [thresholds] (did you mean "
                                     "'touchpoints.checkout.drop_rate'?)"))
      << r.err;
  EXPECT_EQ(r.out, "");  // nothing ran
}

TEST_F(CheckCli, BadInputWinsOverAFailingThreshold) {
  const std::string failing =
      variant("ambitious.toml", "Ambitious shop", "[thresholds]\nconversion_rate = [\">= 0.3\"]\n");
  const std::string bad = variant("bad.toml", "Bad shop", "[thresholds]\nnps = [\"=> 20\"]\n");
  const auto r = journeysim("check " + failing + " " + bad);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, bad + ":7:8: error: condition '=> 20' uses '=>'; write '>='"))
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CheckCli, APluginFailingMidRunExitsTwoAndTheJunitFileCarriesAnError) {
  const std::string broken = variant("broken.toml", "Broken shop",
                                     "[touchpoints.thanks]\nchannel = \"throws_at_interact\"\n");
  const std::string junit = path("junit.xml");
  const auto r = journeysim("check " + shop_ + " " + broken + " --junit " + junit +
                            " --plugin-dir " + journeysim::testing::broken_plugin_dir() + "/throws_at_interact" +
                            " --baseline " + dir_.string() + " --update-baseline");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "boom at interact")) << r.err;
  EXPECT_TRUE(contains(r.out, "✗ the run failed: ")) << r.out;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(junit.c_str()));
  EXPECT_EQ(doc.child("testsuites").attribute("errors").as_int(), 1);
  EXPECT_TRUE(doc.select_node("//testsuite[@name='Broken shop']/testcase[@name='run']/error"));
  // No baseline is half-updated: the good scenario's was not written either.
  EXPECT_FALSE(std::filesystem::exists(dir_ / "shop.json"));
}

TEST_F(CheckCli, AThresholdOnATouchpointNobodyReachedFailsLoudly) {
  const std::string file = variant("promo.toml", "Promo shop",
                                   "[thresholds]\n\"touchpoints.promo.drop_rate\" = [\"< 0.5\"]\n");
  const auto r = journeysim("check " + file + " --format json");
  EXPECT_EQ(r.exit_code, 1);
  const auto doc = nlohmann::json::parse(r.out);
  const auto& thresholds = doc["scenarios"][0]["thresholds"];
  bool found = false;
  for (const auto& t : thresholds) {
    if (t["metric"] == "touchpoints.promo.drop_rate") {
      found = true;
      EXPECT_FALSE(t["passed"].get<bool>());
      EXPECT_TRUE(t["observed"]["value"].is_null());
      EXPECT_EQ(t["reason"].get<std::string>().rfind("no data", 0), 0u);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(CheckCli, AtNinetyFivePercentFailsWhereThePointEstimateHolds) {
  const auto run = journeysim("run " + shop_ + " --format json --quiet");
  const double value = nlohmann::json::parse(run.out)["metrics"]["conversion_rate"]["value"];
  char bound[40];
  std::snprintf(bound, sizeof bound, "%.17g", value);
  const std::string file = variant("edge.toml", "Edge shop",
                                   "[thresholds]\nconversion_rate = [\">= " + std::string(bound) +
                                       "\", \">= " + bound + " @95%\"]\n");
  const auto r = journeysim("check " + file);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "✓ conversion_rate >= " + std::string(bound) + "  observed"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "✗ conversion_rate >= " + std::string(bound) + " @95%  observed"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "the 95% interval [")) << r.out;
}

TEST_F(CheckCli, PersonaAndTouchpointPathsGateTheRun) {
  const std::string file =
      variant("paths.toml", "Paths shop",
              "[thresholds]\n\"personas.bargain_hunter.conversion_rate\" = [\">= 0.9\"]\n"
              "\"touchpoints.landing.drop_rate\" = [\"< 0.25 @95%\"]\n");
  const auto r = journeysim("check " + file);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "✗ personas.bargain_hunter.conversion_rate >= 0.9")) << r.out;
  EXPECT_TRUE(contains(r.out, "✓ touchpoints.landing.drop_rate < 0.25 @95%")) << r.out;
}

TEST_F(CheckCli, ManyScenariosInOneCallEachWithItsOwnSuite) {
  const std::string other = path("small.toml");
  std::ofstream(other) << "extends = \"shop.toml\"\n[journey]\nname = \"Small shop\"\n"
                       << "agents = 5000\nseed = 9\n";
  const auto r = journeysim("check " + shop_ + " " + other + " --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["scenarios"].size(), 2u);
  EXPECT_EQ(doc["scenarios"][0]["name"], "Test shop");
  EXPECT_EQ(doc["scenarios"][0]["manifest"]["agents"], 20000);
  EXPECT_EQ(doc["scenarios"][1]["name"], "Small shop");
  EXPECT_EQ(doc["scenarios"][1]["manifest"]["agents"], 5000);  // its own agents and seed
  EXPECT_EQ(doc["scenarios"][1]["manifest"]["seed"], 9);
  const auto text = journeysim("check " + shop_ + " " + other);
  EXPECT_TRUE(contains(text.out, "total: 2 scenarios, 8 checks: 8 passed")) << text.out;
}

TEST_F(CheckCli, AgentsSeedAndSetApplyToEveryScenario) {
  const auto r = journeysim("check " + shop_ +
                            " --agents 3000 --seed 4 --set "
                            "touchpoints.checkout.params.drop=0.9 --format json");
  EXPECT_EQ(r.exit_code, 1);  // conversion falls to 0.036
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["scenarios"][0]["manifest"]["agents"], 3000);
  EXPECT_EQ(doc["scenarios"][0]["manifest"]["seed"], 4);
  EXPECT_FALSE(doc["passed"].get<bool>());
}

// --- baselines ---------------------------------------------------------------

TEST_F(CheckCli, UnchangedJourneyHasNoRegression) {
  const std::string base = baseline();
  const auto r = journeysim("check " + shop_ + " --baseline " + base);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "  baseline " + base +
                                  ": the inputs are the same (manifests match)\n"
                                  "  ✓ regression conversion_rate (significance)"))
      << r.out;
  EXPECT_TRUE(contains(r.out, ": unchanged, within noise")) << r.out;
  EXPECT_FALSE(contains(r.out, "note:")) << r.out;
}

// --set touchpoints.checkout.params.drop=0.6 takes conversion from 0.18 to
// 0.144 (3.6 points, a fifth), revenue per agent from 5.4 to 4.3 and the
// checkout drop rate from 0.5 to 0.6.
const std::string kWorseCheckout = " --set touchpoints.checkout.params.drop=0.6";

nlohmann::json regression_of(const std::string& json, const std::string& metric) {
  const auto doc = nlohmann::json::parse(json);
  for (const auto& r : doc["scenarios"][0]["regressions"]) {
    if (r["metric"] == metric) {
      return r;
    }
  }
  return nullptr;
}

TEST_F(CheckCli, PercentagePointToleranceFailsBeyondIt) {
  const std::string base = baseline();
  const auto r = journeysim("check " + shop_ + kWorseCheckout + " --baseline " + base +
                            " --tolerance conversion_rate=1pp");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "✗ regression conversion_rate (tolerance 1pp)  0.18")) << r.out;
  EXPECT_TRUE(contains(r.out, "more than the 0.0100 allowed by tolerance 1pp")) << r.out;
}

TEST_F(CheckCli, PercentagePointToleranceHoldsWithinIt) {
  const std::string base = baseline();
  const auto r = journeysim("check " + shop_ + kWorseCheckout + " --baseline " + base +
                            " --tolerance conversion_rate=5pp --format json");
  const auto check = regression_of(r.out, "conversion_rate");
  ASSERT_FALSE(check.is_null()) << r.out;
  EXPECT_TRUE(check["passed"].get<bool>());
  EXPECT_EQ(check["rule"], "tolerance");
  EXPECT_DOUBLE_EQ(check["allowed_worsening"].get<double>(), 0.05);
  EXPECT_LT(check["change"].get<double>(), -0.02);
}

TEST_F(CheckCli, RelativeToleranceIsAShareOfTheBaseline) {
  const std::string base = baseline();
  const auto tight = journeysim("check " + shop_ + kWorseCheckout + " --baseline " + base +
                                " --tolerance revenue_per_agent=10% --format json");
  EXPECT_FALSE(regression_of(tight.out, "revenue_per_agent")["passed"].get<bool>());
  const auto loose = journeysim("check " + shop_ + kWorseCheckout + " --baseline " + base +
                                " --tolerance revenue_per_agent=30% --format json");
  EXPECT_TRUE(regression_of(loose.out, "revenue_per_agent")["passed"].get<bool>());
}

TEST_F(CheckCli, AbsoluteToleranceOnATouchpointMetric) {
  const std::string base = baseline();
  const auto tight = journeysim("check " + shop_ + kWorseCheckout + " --baseline " + base +
                                " --tolerance touchpoints.checkout.drop_rate=0.05 --format json");
  const auto failed = regression_of(tight.out, "touchpoints.checkout.drop_rate");
  ASSERT_FALSE(failed.is_null()) << tight.out;
  EXPECT_FALSE(failed["passed"].get<bool>());
  EXPECT_EQ(failed["better"], "lower");
  const auto loose = journeysim("check " + shop_ + kWorseCheckout + " --baseline " + base +
                                " --tolerance touchpoints.checkout.drop_rate=0.15 --format json");
  EXPECT_TRUE(regression_of(loose.out, "touchpoints.checkout.drop_rate")["passed"].get<bool>());
}

TEST_F(CheckCli, SignificantHeadlineWorseningFailsWithoutATolerance) {
  const std::string base = baseline();
  const std::string junit = path("junit.xml");
  const auto r =
      journeysim("check " + shop_ + kWorseCheckout + " --baseline " + base + " --junit " + junit);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "✗ regression conversion_rate (significance)")) << r.out;
  EXPECT_TRUE(contains(r.out, "a statistically significant worsening at 95%")) << r.out;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(junit.c_str()));
  EXPECT_TRUE(
      doc.select_node("//testcase[@name='regression conversion_rate (significance)']/failure"));
}

TEST_F(CheckCli, WhatDiffersFromTheBaselinesRunIsReported) {
  const std::string base = baseline();
  // A baseline from an older engine and another version of the channel.
  auto doc = nlohmann::ordered_json::parse(read_file(base));
  auto& manifest = doc["manifest"];
  manifest["engine_version"] = "0";
  ASSERT_FALSE(manifest["plugins"].empty());
  const std::string channel = manifest["plugins"][0]["name"];
  const std::string version = manifest["plugins"][0]["version"];
  manifest["plugins"][0]["version"] = "0.0.1";
  std::ofstream(base) << doc.dump(2);
  const auto r = journeysim("check " + shop_ +
                            " --seed 6 --agents 10000 --set "
                            "touchpoints.landing.params.hours=5 --baseline " +
                            base);
  EXPECT_TRUE(contains(r.out, "warning: engine version 0 → " + std::string(engine_version()) +
                                  ": "))
      << r.out;
  EXPECT_TRUE(contains(r.out, "warning: plugin " + channel + " 0.0.1 → " + version)) << r.out;
  EXPECT_TRUE(contains(r.out, "note: scenario hash ")) << r.out;
  EXPECT_TRUE(contains(r.out, "the journey changed since the baseline")) << r.out;
  EXPECT_TRUE(contains(r.out, "note: seed 5 → 6: ")) << r.out;
  EXPECT_TRUE(contains(r.out, "note: agents 20000 → 10000: ")) << r.out;
}

TEST_F(CheckCli, MissingBaselineExitsTwoNamingTheFile) {
  const std::string missing = path("baselines/shop.json");
  const auto r = journeysim("check " + shop_ + " --baseline " + missing);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, missing + ": error: baseline file not found")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CheckCli, BaselineThatIsNotJsonExitsTwoNamingTheFile) {
  const std::string broken = path("broken.json");
  std::ofstream(broken) << "{ \"schema\": \"journeysim.run/1\", ";
  const auto r = journeysim("check " + shop_ + " --baseline " + broken);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, broken + ":1:")) << r.err;
  EXPECT_TRUE(contains(r.err, "baseline is not valid JSON")) << r.err;
}

TEST_F(CheckCli, BaselineOfAnotherSchemaExitsTwo) {
  const std::string other = path("compare.json");
  std::ofstream(other) << R"({"schema": "journeysim.check/1", "scenarios": []})";
  const auto r = journeysim("check " + shop_ + " --baseline " + other);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, other + ": error: baseline has schema \"journeysim.check/1\""))
      << r.err;
}

TEST_F(CheckCli, UpdateBaselineWritesTheRunsJsonAndExitsZero) {
  const std::string failing =
      variant("ambitious.toml", "Ambitious shop", "[thresholds]\nconversion_rate = [\">= 0.3\"]\n");
  const std::string file = path("new-baseline.json");
  const auto r = journeysim("check " + failing + " --baseline " + file + " --update-baseline");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "  baseline " + file + " (updated)")) << r.out;
  const auto run = journeysim("run " + failing + " --format json --quiet");
  EXPECT_EQ(read_file(file), run.out);  // byte for byte what `run` writes
  const auto again = journeysim("check " + failing + " --baseline " + file);
  EXPECT_EQ(again.exit_code, 1);  // the threshold still fails; no regression does
  EXPECT_FALSE(contains(again.out, "✗ regression")) << again.out;
}

TEST_F(CheckCli, UpdateBaselineReplacesABrokenBaseline) {
  const std::string file = path("broken.json");
  std::ofstream(file) << "not json";
  const auto r = journeysim("check " + shop_ + " --baseline " + file + " --update-baseline");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(read_file(file))["schema"], "journeysim.run/3");
}

TEST_F(CheckCli, BaselineDirectoryHoldsOneFilePerScenario) {
  const std::string other = variant("other.toml", "Other shop", "");
  std::filesystem::create_directories(dir_ / "baselines");
  const std::string dir = path("baselines");
  const auto update =
      journeysim("check " + shop_ + " " + other + " --baseline " + dir + " --update-baseline");
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "baselines" / "shop.json"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "baselines" / "other.json"));
  const auto r = journeysim("check " + shop_ + " " + other + " --baseline " + dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(CheckCli, OneBaselineFileForManyScenariosIsBadInput) {
  const std::string other = variant("other.toml", "Other shop", "");
  const auto r = journeysim("check " + shop_ + " " + other + " --baseline " + path("b.json"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "give an existing directory")) << r.err;
}

TEST_F(CheckCli, ToleranceNeedsABaselineAndAKnownMetric) {
  const auto alone = journeysim("check " + shop_ + " --tolerance conversion_rate=1pp");
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_TRUE(contains(alone.err, "add --baseline")) << alone.err;
  const std::string base = baseline();
  const auto typo =
      journeysim("check " + shop_ + " --baseline " + base + " --tolerance conversion_rat=1pp");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_TRUE(contains(typo.err, "did you mean 'conversion_rate'?")) << typo.err;
}

// --- outputs -----------------------------------------------------------------

TEST_F(CheckCli, SameInputsGiveIdenticalJsonAndJunitBytes) {
  const std::string base = baseline();
  const std::string args = "check " + shop_ + kWorseCheckout + " --baseline " + base +
                           " --tolerance conversion_rate=5pp --format json --junit ";
  const auto first = journeysim(args + path("a.xml") + " --threads 1");
  const auto second = journeysim(args + path("b.xml") + " --threads 2");
  EXPECT_EQ(first.exit_code, second.exit_code);
  EXPECT_EQ(first.out, second.out);
  EXPECT_EQ(read_file(path("a.xml")), read_file(path("b.xml")));
  EXPECT_FALSE(read_file(path("a.xml")).empty());
}

TEST_F(CheckCli, JsonSummaryHasTheDocumentedShape) {
  const auto r = journeysim("check " + shop_ + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "journeysim.check/2");
  EXPECT_TRUE(doc["passed"].get<bool>());
  EXPECT_FALSE(doc.contains("execution"));  // only with --manifest-execution
  const auto& s = doc["scenarios"][0];
  EXPECT_EQ(s["name"], "Test shop");
  EXPECT_EQ(s["file"], shop_);
  EXPECT_EQ(s["manifest"]["scenario"]["hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(s["manifest"]["seed"], 5);
  EXPECT_EQ(s["manifest"]["agents"], 20000);
  EXPECT_TRUE(s["baseline"].is_null());
  EXPECT_TRUE(s["regressions"].empty());
  const auto& t = s["thresholds"][0];
  EXPECT_EQ(t["metric"], "conversion_rate");
  EXPECT_EQ(t["condition"], ">= 0.15");
  EXPECT_EQ(t["operator"], ">=");
  EXPECT_DOUBLE_EQ(t["bound"].get<double>(), 0.15);
  EXPECT_TRUE(t["confidence"].is_null());
  EXPECT_EQ(t["observed"]["ci95"].size(), 2u);
  EXPECT_EQ(t["observed"]["n"], 20000);
  EXPECT_TRUE(t["passed"].get<bool>());
  EXPECT_FALSE(t["reason"].get<std::string>().empty());
  EXPECT_EQ(t["defined_at"], shop_ + ":60:20");
}

TEST_F(CheckCli, OutWritesTheSummaryToAFile) {
  const std::string out = path("summary.json");
  const auto r = journeysim("check " + shop_ + " --format json --out " + out);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(nlohmann::json::parse(read_file(out))["schema"], "journeysim.check/2");
}

TEST_F(CheckCli, JunitIntoAMissingDirectoryIsBadInputBeforeAnythingRuns) {
  const std::string junit = path("no/such/dir/junit.xml");
  const auto r = journeysim("check " + shop_ + " --junit " + junit);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, junit + ": error: --junit: cannot write here")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CheckCli, ColourOnATerminal) {
  const auto r = on_terminal("check " + shop_ + " --quiet", "env -u NO_COLOR TERM=xterm");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "\033[32m✓\033[0m")) << r.out;
}

TEST_F(CheckCli, NoColorMeansNoEscapeCodes) {
  const auto r = on_terminal("check " + shop_ + " --quiet", "env NO_COLOR=1 TERM=xterm");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "✓ conversion_rate")) << r.out;
  EXPECT_FALSE(contains(r.out, "\033[")) << r.out;
}

TEST_F(CheckCli, NoColorFlagAndDumbTerminalMeanNoEscapeCodes) {
  const auto flag =
      on_terminal("check " + shop_ + " --quiet --no-color", "env -u NO_COLOR TERM=xterm");
  EXPECT_FALSE(contains(flag.out, "\033[")) << flag.out;
  const auto dumb = on_terminal("check " + shop_ + " --quiet", "env -u NO_COLOR TERM=dumb");
  EXPECT_FALSE(contains(dumb.out, "\033[")) << dumb.out;
}

TEST_F(CheckCli, NoEscapeCodesWhenStdoutIsNotATerminal) {
  const auto r = journeysim("check " + shop_, "TERM=xterm");
  EXPECT_FALSE(contains(r.out, "\033[")) << r.out;
}

TEST_F(CheckCli, HelpDocumentsExitCodesWithAnExample) {
  const auto r = journeysim("check --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(contains(r.out,
                       "Exit codes: 0 every check holds; 1 a threshold or regression "
                       "failed; 2 bad input"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "journeysim check scenarios/*.toml --junit results.xml")) << r.out;
}

TEST_F(CheckCli, UnknownOptionIsBadInput) {
  EXPECT_EQ(journeysim("check " + shop_ + " --thresholds-please").exit_code, 2);
  EXPECT_EQ(journeysim("check").exit_code, 2);
}

}  // namespace
}  // namespace journeysim
