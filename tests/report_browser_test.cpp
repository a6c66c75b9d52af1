// The HTML report in a real browser (headless Chromium): every example
// scenario's page loads with no console message (the page runs no script
// and its Content-Security-Policy turns any fetch into a console error),
// its key elements exist, its conversion figure is the JSON output's, a
// screenshot is taken, and — measured by the browser's own layout — no two
// touchpoint cards, flow nodes or flow labels overlap, also on a journey of
// 10 stages and 60 touchpoints. Screenshots are kept in the build tree
// (tests/report-screenshots/) for people to look at.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "data/report/wide_journey.h"
#include "support/command.h"

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
  document.querySelectorAll('.tp, .cell, .row-head').forEach(function (e) {
    if (e.scrollWidth > e.clientWidth + 1) { spilled.push(e.textContent.slice(0, 40)); }
  });
  document.querySelectorAll('svg.flow-label').forEach(function (label) {
    var width = label.width.baseVal.value;
    label.querySelectorAll('text').forEach(function (t) {
      if (t.getComputedTextLength() + 1 > width) { spilled.push(t.textContent); }
    });
  });
  var scroller = document.querySelector('.map-scroll');
  var d = document.body.dataset;
  d.cards = boxes('.tp').length;
  d.cardOverlaps = overlaps(boxes('.tp'));
  d.stageOverlaps = overlaps(boxes('.stage-head'));
  d.flowBoxes = boxes('[data-box]').length;
  d.flowOverlaps = overlaps(boxes('[data-box]'));
  d.funnelOverlaps = overlaps(boxes('.f-step'));
  d.spills = spilled.length;
  d.spilled = spilled.join(' | ');
  d.mapOverflow = Math.round(scroller.scrollWidth - scroller.clientWidth);
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

void expect_no_overlaps(const std::string& dom, size_t touchpoints) {
  EXPECT_EQ(body_number(dom, "data-cards"), static_cast<int>(touchpoints));
  EXPECT_EQ(body_number(dom, "data-card-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-stage-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-flow-boxes"), static_cast<int>(2 * touchpoints));
  EXPECT_EQ(body_number(dom, "data-flow-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-funnel-overlaps"), 0);
  EXPECT_EQ(body_number(dom, "data-spills"), 0)
      << "text runs out of its box: " << attribute_after(dom, "<body", "data-spilled");
  EXPECT_LE(body_number(dom, "data-map-overflow"), 0) << "the map does not fit 1400 px";
}

std::vector<std::string> example_scenarios() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(JOURNEYSIM_SOURCE_DIR "/scenarios")) {
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
      journeysim("run " JOURNEYSIM_SOURCE_DIR "/scenarios/" + name +
                 ".toml --agents 20000 --format json --quiet --report " + page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);

  fs::create_directories(JOURNEYSIM_SCREENSHOT_DIR);
  const fs::path screenshot = fs::path(JOURNEYSIM_SCREENSHOT_DIR) / (name + ".png");
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

  // A real picture: PNG, 1400 x 4000, not blank.
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

  const PageLoad measured = load(measured_copy(page));
  ASSERT_EQ(measured.exit_code, 0);
  expect_no_overlaps(measured.dom, json["touchpoints"].size());
  std::cout << "[ report   ] " << name << ": " << read_file(page).size() << " bytes, page "
            << body_number(measured.dom, "data-page-height") << " px tall at 1400 px\n";
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ExampleReport, ::testing::ValuesIn(example_scenarios()),
                         [](const auto& param_info) {
                           std::string id = param_info.param;
                           std::replace_if(
                               id.begin(), id.end(), [](char c) { return !std::isalnum(c); }, '_');
                           return id;
                         });

TEST_F(ReportBrowserTest, TenStagesAndSixtyTouchpointsStayReadable) {
  const fs::path scenario = dir_ / "wide.toml";
  std::ofstream(scenario) << testing::wide_journey_toml(10, 6);
  const fs::path page = dir_ / "wide.html";
  const auto run =
      journeysim("run " + scenario.string() + " --quiet --format json --report " + page.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  fs::create_directories(JOURNEYSIM_SCREENSHOT_DIR);
  const PageLoad loaded = load(page, fs::path(JOURNEYSIM_SCREENSHOT_DIR) / "wide-journey.png");
  ASSERT_EQ(loaded.exit_code, 0);
  EXPECT_TRUE(loaded.console.empty()) << "console: " << loaded.console.front();
  const PageLoad measured = load(measured_copy(page));
  ASSERT_EQ(measured.exit_code, 0);
  expect_no_overlaps(measured.dom, 60);
  std::cout << "[ report   ] wide journey: " << read_file(page).size() << " bytes, page "
            << body_number(measured.dom, "data-page-height") << " px tall at 1400 px\n";
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
}

}  // namespace
}  // namespace journeysim
