// `compare --format markdown` and `check --format markdown`: pull-request
// comments whose tables have the documented columns and whose numbers are
// the JSON output's, rounded as printed; the same bytes for a fixed seed
// whatever the thread count.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/command.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::lines_of;

const std::string kDir = journeysim::testing::source_dir() + "/scenarios/";
const std::string kCompare = "compare " + kDir + "store-launch.toml " + kDir +
                             "store-launch.guest-checkout.toml --agents 20000 --quiet";
const std::string kCheck = "check " + kDir + "store-launch.toml --agents 20000 --quiet";

// A printed number equals `exact` to the digits it shows: |printed - exact|
// is at most half a unit of its last decimal (and of its third significant
// digit for %.3g numbers, which `relative` allows).
void expect_printed(const std::string& printed, double exact, const std::string& what,
                    bool relative = false) {
  const double value = std::stod(printed);
  const size_t dot = printed.find('.');
  const size_t exponent = printed.find_first_of("eE");
  const size_t end = exponent == std::string::npos ? printed.size() : exponent;
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(end - dot - 1);
  double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-12;
  if (exponent != std::string::npos) {
    tolerance *= std::pow(10.0, std::stoi(printed.substr(exponent + 1)));
  }
  if (relative) {
    tolerance = std::max(tolerance, 0.005 * std::fabs(exact));
  }
  EXPECT_LE(std::fabs(value - exact), tolerance)
      << what << ": printed " << printed << ", JSON " << exact;
}

const nlohmann::json& metric_of(const nlohmann::json& variant, const std::string& path) {
  for (const auto& m : variant["metrics"]) {
    if (m["path"] == path) {
      return m;
    }
  }
  ADD_FAILURE() << "no metric " << path << " in the JSON";
  static const nlohmann::json none;
  return none;
}

TEST(CompareMarkdown, VerdictLinesAreCompares) {
  const auto md = journeysim(kCompare + " --format markdown");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  const auto json = nlohmann::json::parse(journeysim(kCompare + " --format json").out);
  const auto lines = lines_of(md.out);
  EXPECT_EQ(lines[0],
            "## Spring launch — online store vs " + json["variants"][0]["name"].get<std::string>());
  const auto heading = std::find(lines.begin(), lines.end(),
                                 "### " + json["variants"][0]["name"].get<std::string>());
  ASSERT_NE(heading, lines.end()) << md.out;
  auto line = heading + 2;
  for (const auto& verdict : json["variants"][0]["verdict"]) {
    EXPECT_EQ(*line++, "- " + verdict.get<std::string>());
  }
}

TEST(CompareMarkdown, ChangesTableHasTheColumnsAndTheJsonsNumbers) {
  const auto md = journeysim(kCompare + " --format markdown");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  const auto json = nlohmann::json::parse(journeysim(kCompare + " --format json").out);
  const auto& variant = json["variants"][0];
  const auto lines = lines_of(md.out);
  const auto header = std::find(lines.begin(), lines.end(),
                                "| metric | baseline | variant | difference [95% interval] |");
  ASSERT_NE(header, lines.end()) << md.out;
  EXPECT_EQ(*(header + 1), "|---|---:|---:|---|");
  const std::regex row(
      R"(^\| `([^`]+)` \| ([0-9.e+-]+)(%?) \| ([0-9.e+-]+)%? \| ([+-][0-9.e+-]+)( pp)? )"
      R"(\[([+-][0-9.e+-]+), ([+-][0-9.e+-]+)\]( \(unpaired\))? \|$)");
  size_t rows = 0;
  for (auto line = header + 2; line != lines.end() && !line->empty(); ++line, ++rows) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(*line, m, row)) << "not a row: " << *line;
    const auto& metric = metric_of(variant, m[1]);
    EXPECT_TRUE(metric["significant"].get<bool>()) << m[1];
    EXPECT_EQ(m[9].matched, !metric["paired"].get<bool>()) << m[1];
    const bool share = m[6].matched;
    EXPECT_EQ(m[3].matched && m[3].length() > 0, share) << m[1];
    const double scale = share ? 100.0 : 1.0;
    const auto& d = metric["difference"];
    expect_printed(m[5], scale * d["value"].get<double>(), m[1].str() + " difference", !share);
    expect_printed(m[7], scale * d["ci95"][0].get<double>(), m[1].str() + " low", !share);
    expect_printed(m[8], scale * d["ci95"][1].get<double>(), m[1].str() + " high", !share);
    expect_printed(m[2], scale * metric["baseline"]["value"].get<double>(),
                   m[1].str() + " baseline", !share);
    expect_printed(m[4], scale * metric["variant"]["value"].get<double>(), m[1].str() + " variant",
                   !share);
  }
  EXPECT_GE(rows, 5u);
  EXPECT_LE(rows, 15u);
}

TEST(CompareMarkdown, IsTheSameWhateverTheThreads) {
  const auto one = journeysim(kCompare + " --format markdown --threads 1");
  const auto three = journeysim(kCompare + " --format markdown --threads 3");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, three.out);
}

TEST(CompareMarkdown, EndsWithEachVersionsManifest) {
  const auto md = journeysim(kCompare + " --format markdown");
  const auto json = nlohmann::json::parse(journeysim(kCompare + " --format json").out);
  const std::string base = json["baseline"]["manifest"]["scenario"]["hash"];
  const std::string variant = json["variants"][0]["manifest"]["scenario"]["hash"];
  EXPECT_NE(md.out.find("\n<sub>**baseline: Spring launch — online store**: scenario `" +
                        base.substr(0, 12) + "`"),
            std::string::npos)
      << md.out;
  EXPECT_NE(md.out.find("**: scenario `" + variant.substr(0, 12) + "`"), std::string::npos);
}

// --- check ---------------------------------------------------------------------

const std::regex kCheckRow(R"(^\| (✓|✗|–) \| `([^`]+)` \| (.+) \| (.*) \|$)");

// "0.0489 [0.0480, 0.0499]" against {"value", "ci95"}.
void expect_observed(const std::string& printed, const nlohmann::json& observed,
                     const std::string& what) {
  const std::regex interval(R"(^([-0-9.e+]+) \[([-0-9.e+]+), ([-0-9.e+]+)\]$)");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(printed, m, interval)) << what << ": " << printed;
  expect_printed(m[1], observed["value"].get<double>(), what);
  expect_printed(m[2], observed["ci95"][0].get<double>(), what + " low");
  expect_printed(m[3], observed["ci95"][1].get<double>(), what + " high");
}

TEST(CheckMarkdown, EveryThresholdIsARowWithItsMarkObservedValueAndVerdict) {
  const auto md = journeysim(kCheck + " --format markdown");
  ASSERT_NE(md.exit_code, 2) << md.err;
  const auto json = nlohmann::json::parse(journeysim(kCheck + " --format json").out);
  const auto lines = lines_of(md.out);
  EXPECT_EQ(lines[0], md.exit_code == 0 ? "## ✅ journeysim check passed"
                                        : "## ❌ journeysim check failed (exit 1)");
  const auto& scenario = json["scenarios"][0];
  const auto header =
      std::find(lines.begin(), lines.end(), "| | check | observed [95% interval] | verdict |");
  ASSERT_NE(header, lines.end()) << md.out;
  EXPECT_EQ(*(header + 1), "|---|---|---|---|");
  auto line = header + 2;
  ASSERT_FALSE(scenario["thresholds"].empty());
  for (const auto& t : scenario["thresholds"]) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(*line, m, kCheckRow)) << "not a row: " << *line;
    EXPECT_EQ(m[1], t["passed"].get<bool>() ? "✓" : "✗");
    EXPECT_EQ(m[2], t["metric"].get<std::string>() + " " + t["condition"].get<std::string>());
    expect_observed(m[3], t["observed"], m[2]);
    EXPECT_EQ(m[4], t["reason"].get<std::string>());
    ++line;
  }
  const std::string verdict = "`" + scenario["file"].get<std::string>() +
                              "` · 20000 agents · seed 7 · **" +
                              (scenario["passed"].get<bool>() ? "PASSED" : "FAILED") + "**: ";
  EXPECT_NE(md.out.find(verdict), std::string::npos) << md.out;
}

TEST(CheckMarkdown, RegressionsAndTheBaselinesDifferingInputsAreListed) {
  const std::string baseline =
      ::testing::TempDir() + "markdown-baseline-" + std::to_string(::getpid()) + ".json";
  ASSERT_EQ(journeysim("run " + kDir +
                       "store-launch.toml --agents 20000 --seed 7 --format json --quiet --out " +
                       baseline)
                .exit_code,
            0);
  const std::string args = kCheck + " --seed 8 --baseline " + baseline;
  const auto md = journeysim(args + " --format markdown");
  ASSERT_NE(md.exit_code, 2) << md.err;
  const auto json = nlohmann::json::parse(journeysim(args + " --format json").out);
  std::remove(baseline.c_str());
  const auto lines = lines_of(md.out);
  for (const auto& r : json["scenarios"][0]["regressions"]) {
    ASSERT_EQ(r["rule"], "significance");  // no --tolerance given
    const std::string name = "regression " + r["metric"].get<std::string>() + " (significance)";
    const auto row = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
      return l.find("| `" + name + "` |") != std::string::npos;
    });
    ASSERT_NE(row, lines.end()) << name << "\n" << md.out;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(*row, m, kCheckRow)) << *row;
    EXPECT_EQ(m[1], r["skipped"].get<bool>() ? "–" : r["passed"].get<bool>() ? "✓" : "✗");
    if (!r["skipped"].get<bool>()) {
      const std::string observed = m[3];
      const size_t arrow = observed.find(" → ");
      ASSERT_NE(arrow, std::string::npos) << observed;
      expect_observed(observed.substr(0, arrow), r["baseline"], name + " baseline");
      expect_observed(observed.substr(arrow + 5), r["observed"], name + " observed");
    }
  }
  EXPECT_NE(md.out.find("\nBaseline `" + baseline + "`: 1 input differs\n- seed 7 → 8 — "),
            std::string::npos)
      << md.out;
}

TEST(CheckMarkdown, IsTheSameWhateverTheThreads) {
  const auto one = journeysim(kCheck + " --format markdown --threads 1");
  const auto three = journeysim(kCheck + " --format markdown --threads 3");
  ASSERT_NE(one.exit_code, 2) << one.err;
  EXPECT_EQ(one.out, three.out);
}

}  // namespace
}  // namespace journeysim
