// plugin-test: every shipped channel passes; every broken one fails at the
// check that names its fault.
#include <gtest/gtest.h>

#include "journeysim/conformance.h"
#include "support/command.h"
#include "build_paths.h"

namespace journeysim {
namespace {

std::filesystem::path shipped(const std::string& name) {
  return std::filesystem::path(journeysim::testing::plugin_dir()) / ("libjourneysim_" + name + ".so");
}

std::filesystem::path broken(const std::string& name) {
  return std::filesystem::path(journeysim::testing::broken_plugin_dir()) / name /
         ("libjourneysim_" + name + ".so");
}

const ConformanceCheck* first_failure(const ConformanceReport& report) {
  for (const ConformanceCheck& c : report.checks) {
    if (!c.passed) {
      return &c;
    }
  }
  return nullptr;
}

TEST(PluginConformance, EveryShippedChannelPassesEveryCheck) {
  for (const char* name : {"ad", "checkout", "email", "push", "search", "sms", "social", "store",
                           "support", "web"}) {
    const ConformanceReport report = test_channel_library(shipped(name));
    EXPECT_TRUE(report.passed()) << render_conformance(report);
    EXPECT_EQ(report.checks.size(), 10u) << name;
  }
}

const ConformanceCheck& check_named(const ConformanceReport& report, const std::string& name) {
  for (const ConformanceCheck& c : report.checks) {
    if (c.name == name) {
      return c;
    }
  }
  static const ConformanceCheck missing{"missing", false, "no check named " + name};
  return missing;
}

const char* kEvents = "every outcome ends in a declared event";

TEST(PluginConformance, AnApiVersionOnePluginPassesEveryCheck) {
  const ConformanceReport report = test_channel_library(broken("legacy_v1"));
  EXPECT_TRUE(report.passed()) << render_conformance(report);
  EXPECT_NE(report.checks.front().detail.find(
                "API 1, 1 parameters, 1 drop reasons, events named by the host (API 1): "
                "continued (success), dropped <- test_reason"),
            std::string::npos)
      << report.checks.front().detail;
}

TEST(PluginConformance, LoadingListsTheEventTableWithEachEventsReasons) {
  const ConformanceReport report = test_channel_library(shipped("support"));
  EXPECT_NE(report.checks.front().detail.find(
                "API 3, 6 parameters, 4 drop reasons, events: resolved (success), "
                "unresolved <- not_resolved|unfriendly, gave_up <- gave_up_waiting, "
                "declined <- said_no"),
            std::string::npos)
      << report.checks.front().detail;
}

TEST(PluginConformance, ReportsHowOftenEachEventHappensAtTheDefaults) {
  const ConformanceReport report = test_channel_library(shipped("checkout"));
  const ConformanceCheck& events = check_named(report, kEvents);
  EXPECT_TRUE(events.passed);
  EXPECT_NE(events.detail.find("purchased "), std::string::npos) << events.detail;
  EXPECT_NE(events.detail.find("% at the defaults"), std::string::npos) << events.detail;
}

struct Fault {
  const char* plugin;
  const char* check;    // the check that must fail
  const char* message;  // part of its detail
};

class BrokenPluginConformance : public ::testing::TestWithParam<Fault> {};

TEST_P(BrokenPluginConformance, FailsAtTheCheckThatNamesItsFault) {
  const Fault& f = GetParam();
  const ConformanceReport report = test_channel_library(broken(f.plugin));
  EXPECT_FALSE(report.passed());
  const ConformanceCheck* failure = first_failure(report);
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->name, f.check);
  EXPECT_NE(failure->detail.find(f.message), std::string::npos) << failure->detail;
}

const char* kLoads = "loads, and its descriptor checks out";
const char* kConfigures = "configures at the defaults";
const char* kOutcomes = "outcomes are finite and in range for generated agents";

INSTANTIATE_TEST_SUITE_P(
    AllFaults, BrokenPluginConformance,
    ::testing::Values(Fault{"bad_api_version", kLoads, "wrong API version: plugin has 42"},
                      Fault{"bad_struct_size", kLoads, "descriptor size is"},
                      Fault{"no_entry", kLoads, "exports no journeysim_channel_v1"},
                      Fault{"null_descriptor", kLoads, "returned no descriptor"},
                      Fault{"not_a_library", kLoads, "it does not start with the ELF magic number"},
                      Fault{"missing_callbacks", kLoads, "missing callback"},
                      Fault{"too_many_uniforms", kLoads, "asks for 99 uniforms"},
                      Fault{"bad_param_spec", kLoads, "outside its declared range"},
                      Fault{"throws_at_configure", kConfigures, "boom at configure"},
                      Fault{"throws_at_interact", kOutcomes, "threw"},
                      Fault{"error_status", kOutcomes, "database unreachable"},
                      Fault{"returns_nan", kOutcomes, "emotion = nan"},
                      Fault{"probability_above_one", kOutcomes, "p_continue = 1.5"},
                      Fault{"negative_time", kOutcomes, "hours = -1"},
                      Fault{"bad_edge", kOutcomes, "next = 7"},
                      Fault{"bad_reason", kOutcomes, "reason = "},
                      Fault{"v2_with_v1_size", kLoads, "bytes, expected"},
                      Fault{"duplicate_event", kLoads, "event 'continued' declared twice"},
                      Fault{"bad_event_name", kLoads, "names are lowercase identifiers"},
                      Fault{"no_success_event", kLoads, "no success event"},
                      Fault{"reason_to_missing_event", kLoads, "belongs to event #7"},
                      Fault{"reason_to_success_event", kLoads, "a success event"},
                      Fault{"success_ordinal", kOutcomes, "reason = 1"}),
    [](const ::testing::TestParamInfo<Fault>& fault) { return std::string(fault.param.plugin); });

// Plugins that take the process down: the harness runs them in a child
// process, so each gets a verdict (within a 1 s limit per call).
struct Fatal {
  const char* plugin;
  const char* message;  // the failing check's detail
};

class FatalPluginConformance : public ::testing::TestWithParam<Fatal> {};

TEST_P(FatalPluginConformance, FailsTheCheckItWasInWithWhatHappened) {
  ConformanceOptions options;
  options.timeout_seconds = 1;
  const ConformanceReport report = test_channel_library(broken(GetParam().plugin), options);
  EXPECT_FALSE(report.passed());
  const ConformanceCheck* failure = first_failure(report);
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->name, kOutcomes);
  EXPECT_EQ(failure->detail, std::string("plugin '") + GetParam().plugin +
                                 "' 0.0.1 at touchpoint 'plugin_test' " + GetParam().message);
  EXPECT_EQ(report.checks.size(), 5u) << render_conformance(report);  // none after it
}

INSTANTIATE_TEST_SUITE_P(
    AllWays, FatalPluginConformance,
    ::testing::Values(
        Fatal{"segfaults", "crashed in interact: SIGSEGV (invalid memory access)"},
        Fatal{"aborts",
              "crashed in interact: SIGABRT (aborted: abort(), a failed assert or "
              "std::terminate)"},
        Fatal{"exits_zero",
              "ended the process or its thread (exit, quick_exit or pthread_exit) in interact; a "
              "plugin must return from its calls"},
        Fatal{"exits_three",
              "ended the process or its thread (exit, quick_exit or pthread_exit) in interact; a "
              "plugin must return from its calls"},
        Fatal{"loops_forever", "did not return from interact within 1 s (--plugin-timeout)"}),
    [](const ::testing::TestParamInfo<Fatal>& fatal) { return std::string(fatal.param.plugin); });

TEST(PluginConformance, APluginThatPrintsToStdoutFailsOnlyThatCheckQuotingWhatItPrinted) {
  const ConformanceReport report = test_channel_library(broken("prints_to_stdout"));
  const ConformanceCheck* failure = first_failure(report);
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->name, "prints nothing to stdout");
  EXPECT_EQ(failure, &report.checks.back());  // every other check passed
  EXPECT_NE(failure->detail.find("bytes to stdout, starting \"prints_to_stdout: printf\\n"),
            std::string::npos)
      << failure->detail;
}

TEST(PluginConformance, AWellBehavedPluginPrintsNothingToStdout) {
  const ConformanceReport report = test_channel_library(shipped("email"));
  EXPECT_EQ(report.checks.back().name, "prints nothing to stdout");
  EXPECT_TRUE(report.checks.back().passed);
}

TEST(PluginTestCli, ExitsZeroWhenEveryCheckPassesAndOneOtherwise) {
  const auto good = testing::journeysim("plugin-test " + shipped("email").string());
  EXPECT_EQ(good.exit_code, 0);
  EXPECT_NE(good.out.find("PASSED (10 checks)"), std::string::npos) << good.out;
  const auto bad = testing::journeysim("plugin-test " + broken("returns_nan").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("✗ outcomes are finite and in range"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace journeysim
