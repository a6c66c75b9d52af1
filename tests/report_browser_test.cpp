// The HTML report in a real browser (headless Chromium): every example
// scenario's page loads with no console message (the page runs no script
// and its Content-Security-Policy turns any fetch into a console error),
// its key elements exist, its conversion figure is the JSON output's, a
// screenshot is taken, and — measured by the browser's own layout — no two
// touchpoint cards, flow nodes or flow labels overlap, also on a journey of
// 10 stages and 60 touchpoints. The same for `compare --report` (each
// example variant against its baseline: every headline difference and its
// significance as in the JSON) and `check --report` (every example: each
// threshold's verdict and observed value as in the JSON), and a scenario
// named <script>alert(1)</script> renders as text on all three pages. A
// journey with a queue shows its queue and time-series charts, with nothing
// running out of its chart or section.
// Screenshots are kept in the build tree (tests/report-screenshots/) for
// people to look at.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "data/report/wide_journey.h"
#include "support/command.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::read_file;

namespace fs = std::filesystem;

// Chromium as Debian installs it, or JOURNEYSIM_CHROMIUM; "" when absent.
std::string find_chromium() {
  if (const char* given = std::getenv("JOURNEYSIM_CHROMIUM"); given != nullptr && *given) {
    return given;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  for (size_t start = 0; start <= dirs.size();) {
    const size_t end = std::min(dirs.find(':', start), dirs.size());
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (::access(candidate.c_str(), X_OK) == 0) {
        return candidate.string();
      }
    }
    start = end + 1;
  }
  return "";
}

struct PageLoad {
  int exit_code = -1;
  std::string dom;                   // the DOM after load, serialised
  std::vector<std::string> console;  // every console message the page caused
};

// Geometry the browser measures, written into <body> by a script the test
// adds to a copy of the page (the page itself runs none).
const char* kMeasure = R"(<script>(function () {
  function boxes(selector) {
    return Array.from(document.querySelectorAll(selector)).map(function (e) {
      return e.getBoundingClientRect();
    });
  }
  function overlaps(list) {
    var n = 0;
    for (var i = 0; i < list.length; i++) {
      for (var j = i + 1; j < list.length; j++) {
        var a = list[i], b = list[j];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
            a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) { n++; }
      }
    }
    return n;
  }
  var spilled = [];
  document.querySelectorAll('.tp, .cell, .row-head, .variant-card, .ttc-version, .part-head')
      .forEach(function (e) {
    if (e.scrollWidth > e.clientWidth + 1) { spilled.push(e.textContent.slice(0, 40)); }
  });
  document.querySelectorAll('svg.flow-label').forEach(function (label) {
    var width = label.width.baseVal.value;
    label.querySelectorAll('text').forEach(function (t) {
      if (t.getComputedTextLength() + 1 > width) { spilled.push(t.textContent); }
    });
  });
  var mapOverflow = 0;
  document.querySelectorAll('.map-scroll').forEach(function (s) {
    mapOverflow = Math.max(mapOverflow, Math.round(s.scrollWidth - s.clientWidth));
  });
  var d = document.body.dataset;
  d.cards = boxes('.tp').length;
  d.cardOverlaps = overlaps(boxes('.tp'));
  d.stageOverlaps = overlaps(boxes('.stage-head'));
  d.flowBoxes = boxes('[data-box]').length;
  d.flowOverlaps = overlaps(boxes('[data-box]'));
  d.funnelOverlaps = overlaps(boxes('.f-step'));
  d.panelOverlaps = overlaps(boxes('main > section, details > section, .part-head')) +
      overlaps(boxes('.variant-card')) + overlaps(boxes('.ttc-version')) +
      overlaps(boxes('.verdict-tag'));
  // Queues and the time series: charts side by side never overlap, no label
  // of a chart leaves its chart, no chart leaves its section, and the queue
  // table needs no sideways scrolling.
  var outside = 0;
  document.querySelectorAll('svg.series-chart').forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    var section = svg.closest('section').getBoundingClientRect();
    if (box.left < section.left || box.right > section.right) { outside++; }
    svg.querySelectorAll('text').forEach(function (t) {
      var r = t.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 ||
          r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) { outside++; }
    });
  });
  var queueOverflow = 0;
  document.querySelectorAll('#queues .table-wrap').forEach(function (w) {
    queueOverflow = Math.max(queueOverflow, Math.round(w.scrollWidth - w.clientWidth));
  });
  d.seriesCharts = boxes('svg.series-chart').length;
  d.seriesOverlaps = overlaps(boxes('.series-grid figure'));
  d.seriesOutside = outside;
  d.queueRows = document.querySelectorAll('#queues tr[data-resource]').length;
  d.queueOverflow = queueOverflow;
  d.spills = spilled.length;
  d.spilled = spilled.join(' | ');
  d.mapOverflow = mapOverflow;
  d.pageHeight = document.documentElement.scrollHeight;
})();</script>)";

class ReportBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = find_chromium();
    if (chromium_.empty()) {
      GTEST_SKIP() << "Chromium is not installed, so the report cannot be checked in a browser. "
                      "Install it with scripts/install-deps.sh (Debian package 'chromium') or "
                      "point JOURNEYSIM_CHROMIUM at a Chromium binary.";
    }
    dir_ = fs::temp_directory_path() /
           ("journeysim-browser-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) {
      fs::remove_all(dir_);
    }
  }

  // Opens `page` headless; dumps the DOM after load and, when asked, saves a
  // 1400 x 4000 screenshot.
  PageLoad load(const fs::path& page, const fs::path& screenshot = {}) {
    const fs::path dom = dir_ / "dom.html", log = dir_ / "chromium.log";
    std::string command = "timeout 120 '" + chromium_ +
                          "' --headless --no-sandbox --disable-gpu --no-first-run "
                          "--disable-background-networking --disable-component-update "
                          "--disable-sync --disable-extensions --hide-scrollbars "
                          "--user-data-dir='" +
                          (dir_ / "profile").string() +
                          "' --enable-logging=stderr --v=0 --window-size=1400,4000 ";
    if (!screenshot.empty()) {
      command += "--screenshot='" + screenshot.string() + "' ";
    }
    command += "--dump-dom 'file://" + page.string() + "' >'" + dom.string() + "' 2>'" +
               log.string() + "'";
    PageLoad result;
    const int status = std::system(command.c_str());
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.dom = read_file(dom);
    std::istringstream lines(read_file(log));
    for (std::string line; std::getline(lines, line);) {
      if (line.find(":CONSOLE") != std::string::npos ||
          line.find("Uncaught") != std::string::npos) {
        result.console.push_back(line);
      }
    }
    return result;
  }

  // The page with the measuring script added (and allowed to run).
  fs::path measured_copy(const fs::path& page) {
    std::string html = read_file(page);
    const std::string policy = "default-src 'none';";
    html.replace(html.find(policy), policy.size(), policy + " script-src 'unsafe-inline';");
    html.insert(html.rfind("</body>"), kMeasure);
    const fs::path copy = dir_ / ("measured-" + page.filename().string());
    std::ofstream(copy) << html;
    return copy;
  }

  std::string chromium_;
  fs::path dir_;
};

// The value of the first `attribute` after `anchor` in the DOM ("" when
// absent). Plain searching: the DOM is one long line, too long for
// std::regex's recursive matcher.
std::string attribute_after(const std::string& dom, const std::string& anchor,
                            const std::string& attribute) {
  const size_t at = dom.find(anchor);
  if (at == std::string::npos) {
    return "";
  }
  const std::string key = " " + attribute + "=\"";
  const size_t start = dom.find(key, at);
  if (start == std::string::npos) {
    return "";
  }
  const size_t begin = start + key.size();
  return dom.substr(begin, dom.find('"', begin) - begin);
}

int body_number(const std::string& dom, const std::string& attribute) {
  const std::string value = attribute_after(dom, "<body", attribute);
  if (value.empty()) {
    ADD_FAILURE() << attribute << " not measured";
    return -1;
  }
  return std::stoi(value);
}

// `touchpoints`: cards on the page's journey maps; `flow_nodes`: nodes of
// its flow diagrams (each has a bar and a label box).
void expect_no_overlaps(const std::string& dom, size_t touchpoints, size_t flow_nodes) {
  EXPECT_EQ(body_number(dom, "data-cards"), static_cast<int>(touchpoints));
  EXPECT_EQ(body_number(dom, "data-card-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-stage-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-flow-boxes"), static_cast<int>(2 * flow_nodes));
  EXPECT_EQ(body_number(dom, "data-flow-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-funnel-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-panel-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-spills"), 0)
      << "text runs out of its box: " << attribute_after(dom, "<body", "data-spilled");
  EXPECT_LE(body_number(dom, "data-map-overflow"), 0) << "the map does not fit 1400 px";
}

// A real picture: PNG, 1400 x 4000, not blank.
void expect_screenshot(const fs::path& screenshot) {
  const std::string png = read_file(screenshot);
  ASSERT_GT(png.size(), 100'000u) << screenshot;
  EXPECT_EQ(png.substr(1, 3), "PNG");
  const auto be32 = [&](size_t at) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<uint32_t>(static_cast<unsigned char>(png[at + 3]));
  };
  EXPECT_EQ(be32(16), 1400u);
  EXPECT_EQ(be32(20), 4000u);
}

std::vector<std::string> example_scenarios() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(journeysim::testing::source_dir() + "/scenarios")) {
    if (entry.path().extension() == ".toml") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class ExampleReport : public ReportBrowserTest,
                      public ::testing::WithParamInterface<std::string> {};

TEST_P(ExampleReport, LoadsCleanlyWithTheRunsNumbersAndNoOverlaps) {
  const std::string name = GetParam();
  const fs::path page = dir_ / (name + ".html");
  const auto run =
      journeysim("run " + journeysim::testing::source_dir() + "/scenarios/" + name +
                 ".toml --agents 20000 --format json --quiet --report " + page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);

  fs::create_directories(journeysim::testing::screenshot_dir());
  const fs::path screenshot = fs::path(journeysim::testing::screenshot_dir()) / (name + ".png");
  fs::remove(screenshot);
  const PageLoad loaded = load(page, screenshot);
  ASSERT_EQ(loaded.exit_code, 0);
  EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
  EXPECT_NE(loaded.dom.find("data-report=\"journeysim.run\""), std::string::npos);
  for (const char* id :
       {"journey-name", "personas", "kpi-conversion", "kpi-time-to-convert", "ttc-histogram",
        "journey-map", "emotion-curve", "funnel-overall", "funnel-personas", "flow-diagram",
        "opportunities", "touchpoints", "report-footer"}) {
    EXPECT_NE(loaded.dom.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(loaded.dom.find(">" + json["scenario"]["name"].get<std::string>() + "</h1>"),
            std::string::npos);

  // The conversion figure: its exact value and the text shown.
  const std::string anchor = "id=\"kpi-conversion\"";
  const std::string value = attribute_after(loaded.dom, anchor, "data-value");
  ASSERT_FALSE(value.empty());
  const double conversion = json["metrics"]["conversion_rate"]["value"].get<double>();
  EXPECT_EQ(std::stod(value), conversion);
  const std::string shown_open = "<div class=\"kpi-value\">";
  const size_t shown_at = loaded.dom.find(shown_open, loaded.dom.find(anchor));
  ASSERT_NE(shown_at, std::string::npos);
  char shown[32];
  std::snprintf(shown, sizeof shown, "%.2f%%", 100 * conversion);
  EXPECT_EQ(loaded.dom.substr(shown_at + shown_open.size(), std::strlen(shown)), shown);

  expect_screenshot(screenshot);

  const PageLoad measured = load(measured_copy(page));
  ASSERT_EQ(measured.exit_code, 0);
  // The flow draws a journey's steps as nodes too (journey model 2).
  const size_t steps = json.contains("steps") ? json["steps"].size() : 0;
  expect_no_overlaps(measured.dom, json["touchpoints"].size(), json["touchpoints"].size() + steps);
  std::cout << "[ report   ] " << name << ": " << read_file(page).size() << " bytes, page "
            << body_number(measured.dom, "data-page-height") << " px tall at 1400 px\n";
}

// A journey with every step of issue 17's acceptance journey: step cards in
// the map, step nodes and labelled routes in the flow, the steps section;
// nothing overlaps and nothing spills.
TEST_F(ReportBrowserTest, AJourneyWithStepsLoadsCleanlyWithNoOverlaps) {
  const fs::path page = dir_ / "steps.html";
  const auto run = journeysim("run " + journeysim::testing::test_data_dir() +
                              "/loader/steps_acceptance.toml --agents 20000 --format json "
                              "--quiet --report " + page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  fs::create_directories(journeysim::testing::screenshot_dir());
  const fs::path screenshot = fs::path(journeysim::testing::screenshot_dir()) / "steps.png";
  fs::remove(screenshot);
  const PageLoad loaded = load(page, screenshot);
  ASSERT_EQ(loaded.exit_code, 0);
  EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
  for (const char* id : {"journey-map", "flow-diagram", "steps"}) {
    EXPECT_NE(loaded.dom.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(loaded.dom.find("data-step=\"wait_2d\""), std::string::npos);
  expect_screenshot(screenshot);
  const PageLoad measured = load(measured_copy(page));
  ASSERT_EQ(measured.exit_code, 0);
  expect_no_overlaps(measured.dom, json["touchpoints"].size(),
                     json["touchpoints"].size() + json["steps"].size());
}

// A journey whose customers queue for a team of five (issue 18): the queue
// badge in the map, the Queues section and the Over time charts load with
// nothing overlapping, spilling or running out of its chart or section.
TEST_F(ReportBrowserTest, AJourneyWithAQueueAndATimeSeriesLoadsCleanlyWithNoOverflow) {
  const fs::path page = dir_ / "queues.html";
  const auto run = journeysim("run " + journeysim::testing::test_data_dir() +
                              "/report/help_desk.toml --agents 20000 --format json --quiet "
                              "--report " + page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  fs::create_directories(journeysim::testing::screenshot_dir());
  const fs::path screenshot = fs::path(journeysim::testing::screenshot_dir()) / "queues.png";
  fs::remove(screenshot);
  const PageLoad loaded = load(page, screenshot);
  ASSERT_EQ(loaded.exit_code, 0);
  EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
  for (const char* id : {"journey-map", "queues", "series", "series-arrivals",
                         "series-queue-team", "series-utilization-team"}) {
    EXPECT_NE(loaded.dom.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(loaded.dom.find("class=\"queue-badge\" data-resource=\"team\""), std::string::npos);
  expect_screenshot(screenshot);
  const PageLoad measured = load(measured_copy(page));
  ASSERT_EQ(measured.exit_code, 0);
  expect_no_overlaps(measured.dom, json["touchpoints"].size(),
                     json["touchpoints"].size() + json["steps"].size());
  // Arrivals, conversions, messages, and the team's queue and utilisation.
  EXPECT_EQ(body_number(measured.dom, "data-series-charts"), 5);
  EXPECT_EQ(body_number(measured.dom, "data-series-overlaps"), 0);
  EXPECT_EQ(body_number(measured.dom, "data-series-outside"), 0);
  EXPECT_EQ(body_number(measured.dom, "data-queue-rows"), 1);
  EXPECT_LE(body_number(measured.dom, "data-queue-overflow"), 0) << "the queue table scrolls";
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ExampleReport, ::testing::ValuesIn(example_scenarios()),
                         [](const auto& param_info) {
                           std::string id = param_info.param;
                           std::replace_if(
                               id.begin(), id.end(), [](char c) { return !std::isalnum(c); }, '_');
                           return id;
                         });

// Each example variant (name.variant.toml) against its baseline (name.toml).
std::vector<std::string> example_variants() {
  std::vector<std::string> variants;
  for (const std::string& name : example_scenarios()) {
    if (name.find('.') != std::string::npos) {
      variants.push_back(name);
    }
  }
  return variants;
}

std::string test_name(const std::string& param) {
  std::string id = param;
  std::replace_if(id.begin(), id.end(), [](char c) { return !std::isalnum(c); }, '_');
  return id;
}

// The value of `attribute` in the tag around position `at` ("" when the
// tag has none).
std::string tag_attribute(const std::string& dom, size_t at, const std::string& attribute) {
  const size_t open = dom.rfind('<', at);
  const std::string tag = dom.substr(open, dom.find('>', at) - open);
  const std::string key = " " + attribute + "=\"";
  const size_t start = tag.find(key);
  if (start == std::string::npos) {
    return "";
  }
  const size_t begin = start + key.size();
  return tag.substr(begin, tag.find('"', begin) - begin);
}

// The value of `attribute` in the first tag holding `anchor` at or after
// `from`, as a number.
double number_in_tag(const std::string& dom, const std::string& anchor,
                     const std::string& attribute, size_t from = 0) {
  const size_t at = dom.find(anchor, from);
  if (at == std::string::npos) {
    ADD_FAILURE() << anchor << " not in the page";
    return -1;
  }
  const std::string value = tag_attribute(dom, at, attribute);
  if (value.empty()) {
    ADD_FAILURE() << attribute << " not on " << anchor;
    return -1;
  }
  return std::stod(value);
}

class ExampleComparison : public ReportBrowserTest,
                          public ::testing::WithParamInterface<std::string> {};

// compare --report in the browser: loads cleanly, every headline difference
// on the page is the JSON's (value and significance), the changes that
// matter are the highlighted ones, and nothing overlaps.
TEST_P(ExampleComparison, LoadsCleanlyWithTheComparisonsNumbersAndNoOverlaps) {
  const std::string variant = GetParam();
  const std::string baseline = variant.substr(0, variant.find('.'));
  const fs::path page = dir_ / ("compare-" + variant + ".html");
  const auto run = journeysim("compare " + journeysim::testing::source_dir() + "/scenarios/" + baseline +
                              ".toml " + journeysim::testing::source_dir() + "/scenarios/" + variant +
                              ".toml --agents 20000 --format json --quiet --report " +
                              page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);

  fs::create_directories(journeysim::testing::screenshot_dir());
  const fs::path screenshot =
      fs::path(journeysim::testing::screenshot_dir()) / ("compare-" + variant + ".png");
  fs::remove(screenshot);
  const PageLoad loaded = load(page, screenshot);
  ASSERT_EQ(loaded.exit_code, 0);
  EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
  EXPECT_NE(loaded.dom.find("data-report=\"journeysim.compare\""), std::string::npos);
  for (const char* id : {"journey-name", "verdict", "verdict-v1", "side-by-side",
                         "compare-headline", "funnel-compare", "ttc-compare", "ttc-baseline",
                         "ttc-v1", "changes", "baseline-journey-map", "baseline-funnel-overall",
                         "baseline-funnel-personas", "report-footer"}) {
    EXPECT_NE(loaded.dom.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(loaded.dom.find(json["variants"][0]["name"].get<std::string>()), std::string::npos);

  const size_t table = loaded.dom.find("id=\"compare-headline\"");
  size_t compared = 0, highlighted = 0;
  for (const auto& metric : json["variants"][0]["metrics"]) {
    const std::string path = metric["path"];
    const std::string anchor = "data-path=\"" + path + "\" data-variant=\"1\"";
    const size_t cell = loaded.dom.find(anchor, table);
    if (cell == std::string::npos || cell > loaded.dom.find("</table>", table)) {
      continue;  // not a headline metric
    }
    ++compared;
    EXPECT_EQ(number_in_tag(loaded.dom, anchor, "data-difference", table),
              metric["difference"]["value"].get<double>())
        << path;
    const bool significant = metric["significant"].get<bool>();
    EXPECT_EQ(tag_attribute(loaded.dom, cell, "data-significant"), significant ? "true" : "false")
        << path;
    const std::string cls = tag_attribute(loaded.dom, cell, "class");
    EXPECT_EQ(cls.find("matters") != std::string::npos, significant) << path << ": " << cls;
    highlighted += significant ? 1 : 0;
  }
  EXPECT_GE(compared, 10u);
  EXPECT_GE(highlighted, 1u) << "every example variant changes its journey";
  expect_screenshot(screenshot);

  const PageLoad measured = load(measured_copy(page));
  ASSERT_EQ(measured.exit_code, 0);
  // The baseline's map is on the page; its flow is not.
  const auto base_run = journeysim("run " + journeysim::testing::source_dir() + "/scenarios/" + baseline +
                                   ".toml --agents 500 --format json --quiet");
  const size_t touchpoints = nlohmann::json::parse(base_run.out)["touchpoints"].size();
  expect_no_overlaps(measured.dom, touchpoints, 0);
  std::cout << "[ report   ] compare " << baseline << " vs " << variant << ": "
            << read_file(page).size() << " bytes, page "
            << body_number(measured.dom, "data-page-height") << " px tall at 1400 px\n";
}

INSTANTIATE_TEST_SUITE_P(Variants, ExampleComparison, ::testing::ValuesIn(example_variants()),
                         [](const auto& param_info) { return test_name(param_info.param); });

// check --report over every example: each threshold's verdict and observed
// value on the page are the JSON's, each scenario's run report is there
// under its own ids, and nothing overlaps.
TEST_F(ReportBrowserTest, CheckOfEveryExampleLoadsCleanlyWithTheVerdicts) {
  std::string files;
  for (const std::string& name : example_scenarios()) {
    files += " " + journeysim::testing::source_dir() + "/scenarios/" + name + ".toml";
  }
  const fs::path page = dir_ / "check.html";
  const auto run = journeysim("check" + files + " --agents 20000 --format json --quiet --report " +
                              page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);

  fs::create_directories(journeysim::testing::screenshot_dir());
  const fs::path screenshot = fs::path(journeysim::testing::screenshot_dir()) / "check-examples.png";
  fs::remove(screenshot);
  const PageLoad loaded = load(page, screenshot);
  ASSERT_EQ(loaded.exit_code, 0);
  EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
  EXPECT_NE(loaded.dom.find("data-report=\"journeysim.check\""), std::string::npos);
  EXPECT_NE(loaded.dom.find("<h1 id=\"journey-name\">Check passed</h1>"), std::string::npos);
  size_t thresholds = 0, touchpoints = 0, flow_nodes = 0;
  for (size_t k = 0; k < json["scenarios"].size(); ++k) {
    const auto& scenario = json["scenarios"][k];
    const std::string prefix = "s" + std::to_string(k + 1);
    const size_t part = loaded.dom.find("id=\"" + prefix + "\"");
    ASSERT_NE(part, std::string::npos) << prefix;
    for (const char* id : {"-thresholds", "-headline", "-journey-map", "-funnel-personas",
                           "-flow-diagram", "-ttc-histogram"}) {
      EXPECT_NE(loaded.dom.find("id=\"" + prefix + id + "\""), std::string::npos)
          << prefix << id;
    }
    for (const auto& t : scenario["thresholds"]) {
      const std::string anchor =
          "data-metric=\"" + t["metric"].get<std::string>() + "\" data-condition=";
      const size_t row = loaded.dom.find(anchor, part);
      ASSERT_NE(row, std::string::npos) << anchor;
      EXPECT_EQ(tag_attribute(loaded.dom, row, "data-passed"),
                t["passed"].get<bool>() ? "true" : "false");
      EXPECT_EQ(number_in_tag(loaded.dom, anchor, "data-value", part),
                t["observed"]["value"].get<double>());
      ++thresholds;
    }
    // The conversion figure of the embedded run is the check's own run.
    const auto run_json = journeysim("run " + scenario["file"].get<std::string>() +
                                     " --agents 20000 --format json --quiet");
    const auto r = nlohmann::json::parse(run_json.out);
    touchpoints += r["touchpoints"].size();
    flow_nodes += r["touchpoints"].size() + (r.contains("steps") ? r["steps"].size() : 0);
    EXPECT_EQ(number_in_tag(loaded.dom, "id=\"" + prefix + "-kpi-conversion\"", "data-value"),
              r["metrics"]["conversion_rate"]["value"].get<double>());
  }
  EXPECT_GE(thresholds, 6u);
  expect_screenshot(screenshot);

  const PageLoad measured = load(measured_copy(page));
  ASSERT_EQ(measured.exit_code, 0);
  expect_no_overlaps(measured.dom, touchpoints, flow_nodes);
  std::cout << "[ report   ] check of " << json["scenarios"].size()
            << " examples: " << read_file(page).size() << " bytes, page "
            << body_number(measured.dom, "data-page-height") << " px tall at 1400 px\n";
}

TEST_F(ReportBrowserTest, TenStagesAndSixtyTouchpointsStayReadable) {
  const fs::path scenario = dir_ / "wide.toml";
  std::ofstream(scenario) << testing::wide_journey_toml(10, 6);
  const fs::path page = dir_ / "wide.html";
  const auto run =
      journeysim("run " + scenario.string() + " --quiet --format json --report " + page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  fs::create_directories(journeysim::testing::screenshot_dir());
  const PageLoad loaded = load(page, fs::path(journeysim::testing::screenshot_dir()) / "wide-journey.png");
  ASSERT_EQ(loaded.exit_code, 0);
  EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
  const PageLoad measured = load(measured_copy(page));
  ASSERT_EQ(measured.exit_code, 0);
  expect_no_overlaps(measured.dom, 60, 60);
  std::cout << "[ report   ] wide journey: " << read_file(page).size() << " bytes, page "
            << body_number(measured.dom, "data-page-height") << " px tall at 1400 px\n";
}

// The same journey on the compare page (its map) and the check page (its
// whole run report, inside the scenario's frame).
TEST_F(ReportBrowserTest, TenStagesAndSixtyTouchpointsStayReadableInCompareAndCheck) {
  const fs::path scenario = dir_ / "wide.toml", variant = dir_ / "wide-variant.toml";
  const std::string toml = testing::wide_journey_toml(10, 6);
  std::ofstream(scenario) << toml;
  std::string changed = toml;
  for (size_t at = changed.find("drop = 0.02"); at != std::string::npos;
       at = changed.find("drop = 0.02", at)) {
    changed.replace(at, 11, "drop = 0.01");
  }
  changed.replace(changed.find("name = \"Wide"), 13, "name = \"Fewer drops, wide");
  std::ofstream(variant) << changed;
  const fs::path compare_page = dir_ / "wide-compare.html", check_page = dir_ / "wide-check.html";
  const auto compared = journeysim("compare " + scenario.string() + " " + variant.string() +
                                   " --quiet --report " + compare_page.string());
  ASSERT_EQ(compared.exit_code, 0) << compared.err;
  const auto checked =
      journeysim("check " + scenario.string() + " --quiet --report " + check_page.string());
  ASSERT_EQ(checked.exit_code, 0) << checked.err;
  for (const auto& [page, flow_nodes] : {std::pair{compare_page, 0}, std::pair{check_page, 60}}) {
    const PageLoad loaded = load(page);
    ASSERT_EQ(loaded.exit_code, 0);
    EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
    const PageLoad measured = load(measured_copy(page));
    ASSERT_EQ(measured.exit_code, 0);
    SCOPED_TRACE(page.filename().string());
    expect_no_overlaps(measured.dom, 60, static_cast<size_t>(flow_nodes));
  }
}

TEST_F(ReportBrowserTest, AScriptInAScenarioNameIsText) {
  const fs::path scenario = dir_ / "hostile.toml";
  std::ofstream(scenario) << R"toml([journey]
name = "<script>alert(1)</script>"
purpose = "<img src=x onerror=alert(2)>"
stages = ["s"]
[personas.p]
share = 1.0
goals = ["<script>alert(3)</script>"]
[touchpoints.t]
name = "<b onmouseover=alert(4)>t</b>"
stage = "s"
channel = "fixed"
entry = 1.0
exit = true
milestone = "done"
actions = ["<script>alert(5)</script>"]
)toml";
  const fs::path page = dir_ / "hostile.html";
  const auto run =
      journeysim("run " + scenario.string() + " --agents 200 --quiet --report " + page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const PageLoad loaded = load(page);
  ASSERT_EQ(loaded.exit_code, 0);
  EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
  // Serialised back from the DOM: no element was made from the strings.
  EXPECT_EQ(loaded.dom.find("<script"), std::string::npos);
  EXPECT_EQ(loaded.dom.find("<img"), std::string::npos);
  EXPECT_EQ(loaded.dom.find("<b onmouseover"), std::string::npos);
  EXPECT_NE(loaded.dom.find("<h1 id=\"journey-name\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"),
            std::string::npos);
  EXPECT_NE(loaded.dom.find("&lt;script&gt;alert(5)&lt;/script&gt;"), std::string::npos);

  // The same scenario on the compare page (against a variant that drops
  // some customers) and on the check page (with a threshold).
  std::string text = read_file(scenario);
  text.replace(text.find("exit = true"), 11, "exit = true\nparams = { drop = 0.3 }");
  const fs::path variant = dir_ / "hostile-variant.toml";
  std::ofstream(variant) << text;
  std::ofstream(scenario, std::ios::app) << "[thresholds]\nconversion_rate = \">= 0.5\"\n";
  const fs::path compare_page = dir_ / "hostile-compare.html";
  const fs::path check_page = dir_ / "hostile-check.html";
  const auto compared = journeysim("compare " + scenario.string() + " " + variant.string() +
                                   " --agents 400 --quiet --report " + compare_page.string());
  ASSERT_EQ(compared.exit_code, 0) << compared.err;
  const auto checked = journeysim("check " + scenario.string() + " --agents 400 --quiet --report " +
                                  check_page.string());
  ASSERT_EQ(checked.exit_code, 0) << checked.err;
  for (const fs::path& other_page : {compare_page, check_page}) {
    SCOPED_TRACE(other_page.filename().string());
    const PageLoad other = load(other_page);
    ASSERT_EQ(other.exit_code, 0);
    EXPECT_TRUE(other.console.empty()) << "console: " << other.console.front();
    EXPECT_EQ(other.dom.find("<script"), std::string::npos);
    EXPECT_EQ(other.dom.find("<img"), std::string::npos);
    EXPECT_EQ(other.dom.find("<b onmouseover"), std::string::npos);
    EXPECT_NE(other.dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  }
  const PageLoad compare_dom = load(compare_page);
  EXPECT_NE(compare_dom.dom.find("<h1 id=\"journey-name\">&lt;script&gt;alert(1)&lt;/script&gt; vs "
                                 "&lt;script&gt;alert(1)&lt;/script&gt;</h1>"),
            std::string::npos);
  const PageLoad check_dom = load(check_page);
  EXPECT_NE(check_dom.dom.find("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>"),
            std::string::npos);
}

}  // namespace
}  // namespace journeysim
