// The compare and check pages without a browser: escaping of every name,
// the numbers on the page against the reports they render, the changes
// that matter, pass/fail per threshold, determinism, and the --report
// option of `compare` and `check`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "journeysim/check.h"
#include "journeysim/comparison.h"
#include "journeysim/report_writers.h"
#include "report/html/format.h"
#include "support/command.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::model_from_text;
using testing::read_file;

const std::string kScenarios = journeysim::testing::source_dir() + "/scenarios/";

// A journey whose user strings are all hostile; `checkout_drop` sets how
// many leave at the checkout, so a variant can change it.
std::string hostile(const std::string& name, double checkout_drop) {
  return R"toml(
[journey]
name = ")toml" + name + R"toml("
purpose = "Quotes \" and ' & <b>tags</b>"
stages = ["awareness", "purchase"]
conversion = "purchase"

[stages.purchase]
owner = "<i>Shop</i>"

[personas."<p>"]
share = 0.5

[personas.regular]
share = 0.5

[touchpoints.ad]
name = "\" onmouseover=\"alert(4)"
stage = "awareness"
channel = "fixed"
entry = 1.0
actions = ["<script>alert(5)</script>"]
params = { drop = 0.3 }
next = ["buy"]

[touchpoints.buy]
name = "Buy <now>"
stage = "purchase"
channel = "fixed"
milestone = "purchase"
exit = true
params = { drop = )toml" + std::to_string(checkout_drop) + R"toml(, value = 10 }

[thresholds]
conversion_rate = ">= 0.99"
"touchpoints.ad.drop_rate" = "<= 0.5"
)toml";
}

const char* kScript = "<script>alert(1)</script>";

// The value of `attribute` in the first tag holding `anchor` at or after
// `from` ("" when absent).
std::string attribute_after(const std::string& html, const std::string& anchor,
                            const std::string& attribute, size_t from = 0) {
  const size_t at = html.find(anchor, from);
  if (at == std::string::npos) {
    return "";
  }
  const size_t tag_start = html.rfind('<', at);
  const std::string tag = html.substr(tag_start, html.find('>', at) - tag_start);
  const std::string key = " " + attribute + "=\"";
  const size_t start = tag.find(key);
  if (start == std::string::npos) {
    return "";
  }
  const size_t begin = start + key.size();
  return tag.substr(begin, tag.find('"', begin) - begin);
}

void expect_no_live_markup(const std::string& html) {
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>tags"), std::string::npos);
  EXPECT_EQ(html.find("<i>Shop"), std::string::npos);
  EXPECT_EQ(html.find("<p>"), std::string::npos);
  EXPECT_EQ(html.find("<now>"), std::string::npos);
  EXPECT_EQ(html.find("onmouseover=\""), std::string::npos);
  for (const char* outside : {"http:", "https:", "<link", "@import", "src=", "<img"}) {
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  }
}

class ComparePage : public ::testing::Test {
 protected:
  ComparePage()
      : baseline_(model_from_text(hostile(kScript, 0.6), false, "base.toml")),
        variant_(model_from_text(hostile("variant <em>one</em>", 0.3), false, "variant.toml")) {}

  ComparisonReport compare(unsigned threads = 1) const {
    RunOptions options;
    options.agents = 8000;
    options.seed = 4;
    options.threads = threads;
    return compare_runs(baseline_, {&variant_}, options);
  }

  SimulationModel baseline_, variant_;
};

TEST_F(ComparePage, EveryNameIsEscaped) {
  const std::string html = render_comparison_html(compare(), baseline_.scenario());
  expect_no_live_markup(html);
  EXPECT_EQ(html.find("<em>one"), std::string::npos);
  EXPECT_NE(html.find("<h1 id=\"journey-name\">&lt;script&gt;alert(1)&lt;/script&gt; vs variant "
                      "&lt;em&gt;one&lt;/em&gt;</h1>"),
            std::string::npos);
  EXPECT_NE(html.find("<title>&lt;script&gt;alert(1)&lt;/script&gt; vs"), std::string::npos);
  // The persona "<p>" on the baseline's map and in the verdict.
  EXPECT_NE(html.find("&lt;p&gt;"), std::string::npos);
}

TEST_F(ComparePage, DifferencesAreTheComparisonsWithTheirIntervals) {
  const ComparisonReport report = compare();
  const std::string html = render_comparison_html(report, baseline_.scenario());
  ASSERT_EQ(report.variants.size(), 1u);
  size_t checked = 0;
  for (const MetricChange& c : report.variants[0].changes) {
    if (c.path != "conversion_rate" && c.path != "revenue_per_agent" && c.path != "csat") {
      continue;
    }
    ASSERT_TRUE(c.difference.has_value()) << c.path;
    const std::string anchor = "data-path=\"" + c.path + "\" data-variant=\"1\"";
    const size_t table = html.find("id=\"compare-headline\"");
    EXPECT_EQ(attribute_after(html, anchor, "data-difference", table),
              html::exact(c.difference.value));
    EXPECT_EQ(attribute_after(html, anchor, "data-low", table), html::exact(c.difference.low));
    EXPECT_EQ(attribute_after(html, anchor, "data-high", table), html::exact(c.difference.high));
    EXPECT_EQ(attribute_after(html, anchor, "data-significant", table),
              c.significant ? "true" : "false");
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}

// Halving the checkout's drop raises conversion beyond the noise: the cell is
// highlighted as better. A metric the variant cannot move is not.
TEST_F(ComparePage, TheChangesThatMatterAreHighlighted) {
  const ComparisonReport report = compare();
  const std::string html = render_comparison_html(report, baseline_.scenario());
  const size_t table = html.find("id=\"compare-headline\"");
  const std::string conversion =
      attribute_after(html, "data-path=\"conversion_rate\" data-variant=\"1\"", "class", table);
  EXPECT_EQ(conversion, "diff better matters");
  // Bounce happens at the ad, the same in both versions.
  const std::string bounce =
      attribute_after(html, "data-path=\"bounce_rate\" data-variant=\"1\"", "class", table);
  EXPECT_EQ(bounce, "diff same");
  // The list of changes that matter holds only significant ones.
  const size_t list = html.find("id=\"changes-v1\"");
  ASSERT_NE(list, std::string::npos);
  const std::string changes = html.substr(list, html.find("</table>", list) - list);
  EXPECT_NE(changes.find("data-path=\"touchpoints.buy.drop_rate\""), std::string::npos);
  EXPECT_EQ(changes.find("data-significant=\"false\""), std::string::npos);
  EXPECT_EQ(changes.find("data-path=\"bounce_rate\""), std::string::npos);
}

TEST_F(ComparePage, ShowsTheBaselinesMapAndFunnelAndEveryVersionsTimeToConvert) {
  const std::string html = render_comparison_html(compare(), baseline_.scenario());
  for (const char* id : {"verdict", "side-by-side", "funnel-compare", "ttc-compare", "changes",
                         "baseline-journey-map", "baseline-funnel", "baseline-funnel-overall",
                         "baseline-funnel-personas", "ttc-baseline", "ttc-v1"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(html.find("data-report=\"journeysim.compare\""), std::string::npos);
  // Both charts on one axis: the same bins.
  EXPECT_EQ(attribute_after(html, "id=\"ttc-baseline\"", "data-bins"),
            attribute_after(html, "id=\"ttc-v1\"", "data-bins"));
  EXPECT_EQ(attribute_after(html, "id=\"ttc-baseline\"", "data-bin-hours"),
            attribute_after(html, "id=\"ttc-v1\"", "data-bin-hours"));
}

TEST_F(ComparePage, SameComparisonSameBytesWhateverTheThreads) {
  const std::string one = render_comparison_html(compare(1), baseline_.scenario());
  EXPECT_EQ(one, render_comparison_html(compare(1), baseline_.scenario()));
  EXPECT_EQ(one, render_comparison_html(compare(3), baseline_.scenario()));
}

class CheckPage : public ::testing::Test {
 protected:
  CheckPage() : model_(model_from_text(hostile(kScript, 0.6), false, "hostile.toml")) {
    RunOptions options;
    options.agents = 4000;
    options.seed = 9;
    run_ = summarize(model_, run_agents(model_, options), options);
    ScenarioCheck s;
    s.file = "hostile.toml";
    s.name = run_.name;
    s.manifest = run_.manifest;
    s.thresholds = evaluate_thresholds(
        compile_thresholds(model_.scenario(), metric_paths(model_)), metric_rows(run_));
    report_.scenarios.push_back(s);
    assign_suite_names(report_);
  }

  SimulationModel model_;
  RunReport run_;
  CheckReport report_;
};

TEST_F(CheckPage, EachThresholdWithPassOrFailAndTheObservedValue) {
  ASSERT_EQ(report_.scenarios[0].thresholds.size(), 2u);
  const std::string html = render_check_html(report_, {{&run_, &model_.scenario()}});
  EXPECT_NE(html.find("data-report=\"journeysim.check\""), std::string::npos);
  EXPECT_NE(html.find("<h1 id=\"journey-name\">Check failed</h1>"), std::string::npos);
  EXPECT_NE(html.find("class=\"banner failed\""), std::string::npos);
  for (const ConditionOutcome& t : report_.scenarios[0].thresholds) {
    const std::string anchor = "data-metric=\"" + t.metric + "\" data-condition=";
    EXPECT_EQ(attribute_after(html, anchor, "data-passed"), t.passed ? "true" : "false");
    EXPECT_EQ(attribute_after(html, anchor, "class"), t.passed ? "pass" : "fail");
    EXPECT_EQ(attribute_after(html, anchor, "data-value"), html::exact(t.observed.value));
  }
  // conversion >= 99% fails; the ad's drop rate of about 30% passes.
  EXPECT_EQ(attribute_after(html, "data-metric=\"conversion_rate\" data-condition=", "data-passed"),
            "false");
  EXPECT_EQ(attribute_after(html, "data-metric=\"touchpoints.ad.drop_rate\" data-condition=",
                            "data-passed"),
            "true");
  EXPECT_EQ(attribute_after(html, "<body", "data-failures"), "1");
}

TEST_F(CheckPage, EmbedsEachScenariosRunReportUnderItsOwnIds) {
  const std::string html = render_check_html(report_, {{&run_, &model_.scenario()}});
  for (const char* id : {"check-summary", "check-scenarios", "s1", "s1-thresholds", "s1-headline",
                         "s1-kpi-conversion", "s1-ttc-histogram", "s1-journey-map",
                         "s1-funnel-personas", "s1-flow-diagram", "s1-touchpoints"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(attribute_after(html, "id=\"s1-kpi-conversion\"", "data-value"),
            html::exact(run_.journey.conversion_rate.value));
  // No id twice: runs share the page without clashing.
  std::map<std::string, int> ids;
  for (size_t at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
    const size_t begin = at + 5;
    ++ids[html.substr(begin, html.find('"', begin) - begin)];
  }
  for (const auto& [id, n] : ids) {
    EXPECT_EQ(n, 1) << id;
  }
}

TEST_F(CheckPage, EveryNameIsEscaped) {
  const std::string html = render_check_html(report_, {{&run_, &model_.scenario()}});
  expect_no_live_markup(html);
  EXPECT_NE(html.find(">&lt;script&gt;alert(1)&lt;/script&gt;</h2>"), std::string::npos);
  EXPECT_NE(html.find("data-scenario=\"&lt;script&gt;alert(1)&lt;/script&gt;\""),
            std::string::npos);
}

TEST_F(CheckPage, AFailedRunShowsItsErrorAndNoReport) {
  report_.scenarios[0].error = "plugin <x> failed";
  const std::string html = render_check_html(report_, {CheckedRun{}});
  EXPECT_NE(html.find("id=\"s1-error\""), std::string::npos);
  EXPECT_NE(html.find("plugin &lt;x&gt; failed"), std::string::npos);
  EXPECT_EQ(html.find("id=\"s1-headline\""), std::string::npos);
  EXPECT_NE(html.find(">run failed<"), std::string::npos);
}

class ReportOptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("journeysim-cc-report-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(ReportOptionTest, CompareWritesThePageWithTheJsonsNumbers) {
  const auto page = dir_ / "compare.html";
  const auto r = journeysim("compare " + kScenarios + "store-launch.toml " + kScenarios +
                            "store-launch.guest-checkout.toml --agents 4000 --format json "
                            "--quiet --report " +
                            page.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  const std::string html = read_file(page);
  const size_t table = html.find("id=\"compare-headline\"");
  ASSERT_NE(table, std::string::npos);
  for (const auto& metric : doc["variants"][0]["metrics"]) {
    if (metric["path"] != "conversion_rate") {
      continue;
    }
    const std::string anchor = "data-path=\"conversion_rate\" data-variant=\"1\"";
    EXPECT_EQ(std::stod(attribute_after(html, anchor, "data-difference", table)),
              metric["difference"]["value"].get<double>());
    EXPECT_EQ(attribute_after(html, anchor, "data-significant", table),
              metric["significant"].get<bool>() ? "true" : "false");
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path(), page) << "left behind: " << entry.path();
  }
}

TEST_F(ReportOptionTest, CompareSameSeedSameBytes) {
  const auto a = dir_ / "a.html", b = dir_ / "b.html";
  const std::string args = "compare " + kScenarios + "store-launch.toml " + kScenarios +
                           "store-launch.guest-checkout.toml --agents 3000 --quiet ";
  ASSERT_EQ(journeysim(args + "--threads 1 --report " + a.string()).exit_code, 0);
  ASSERT_EQ(journeysim(args + "--threads 2 --report " + b.string()).exit_code, 0);
  EXPECT_EQ(read_file(a), read_file(b));
}

TEST_F(ReportOptionTest, CheckSameSeedSameBytes) {
  const auto a = dir_ / "a.html", b = dir_ / "b.html";
  const std::string args = "check " + kScenarios + "store-launch.toml " + kScenarios +
                           "b2b-lead-gen.toml --agents 3000 --quiet ";
  // Few agents: a threshold may fail (exit 1); the page is written either way.
  const int first = journeysim(args + "--threads 1 --report " + a.string()).exit_code;
  EXPECT_TRUE(first == 0 || first == 1) << first;
  EXPECT_EQ(journeysim(args + "--threads 2 --report " + b.string()).exit_code, first);
  EXPECT_EQ(read_file(a), read_file(b));
  EXPECT_GT(read_file(a).size(), 100'000u);
}

TEST_F(ReportOptionTest, CheckWritesThePageAndStillGates) {
  const auto scenario = dir_ / "hostile.toml";
  std::ofstream(scenario) << hostile(kScript, 0.6);
  const auto page = dir_ / "check.html";
  const auto r = journeysim("check " + scenario.string() +
                            " --agents 2000 --format json --quiet --report " + page.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;  // conversion >= 99% fails
  const auto doc = nlohmann::json::parse(r.out);
  const std::string html = read_file(page);
  EXPECT_NE(html.find("<h1 id=\"journey-name\">Check failed</h1>"), std::string::npos);
  for (const auto& t : doc["scenarios"][0]["thresholds"]) {
    const std::string anchor =
        "data-metric=\"" + t["metric"].get<std::string>() + "\" data-condition=";
    EXPECT_EQ(attribute_after(html, anchor, "data-passed"),
              t["passed"].get<bool>() ? "true" : "false");
    EXPECT_EQ(std::stod(attribute_after(html, anchor, "data-value")),
              t["observed"]["value"].get<double>());
  }
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(ReportOptionTest, AnUnwritableReportPathIsBadInput) {
  const std::string missing = (dir_ / "missing" / "out.html").string();
  const auto check = journeysim("check " + kScenarios + "store-launch.toml --report " + missing);
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(check.err.find("--report"), std::string::npos) << check.err;
  const auto compare = journeysim("compare " + kScenarios + "store-launch.toml " + kScenarios +
                                  "store-launch.guest-checkout.toml --agents 500 --report " +
                                  missing);
  EXPECT_EQ(compare.exit_code, 2);
  EXPECT_NE(compare.err.find("out.html"), std::string::npos) << compare.err;
}

}  // namespace
}  // namespace journeysim
