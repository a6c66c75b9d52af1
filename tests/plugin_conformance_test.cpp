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
  for (const char* name : {"checkout", "email", "social", "support", "web"}) {
    const ConformanceReport report = test_channel_library(shipped(name));
    EXPECT_TRUE(report.passed()) << render_conformance(report);
    EXPECT_EQ(report.checks.size(), 8u) << name;
  }
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
                      Fault{"not_a_library", kLoads, "cannot load as a shared library"},
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
                      Fault{"bad_reason", kOutcomes, "reason = "}),
    [](const ::testing::TestParamInfo<Fault>& fault) { return std::string(fault.param.plugin); });

TEST(PluginTestCli, ExitsZeroWhenEveryCheckPassesAndOneOtherwise) {
  const auto good = testing::journeysim("plugin-test " + shipped("email").string());
  EXPECT_EQ(good.exit_code, 0);
  EXPECT_NE(good.out.find("PASSED (8 checks)"), std::string::npos) << good.out;
  const auto bad = testing::journeysim("plugin-test " + broken("returns_nan").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("✗ outcomes are finite and in range"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace journeysim
