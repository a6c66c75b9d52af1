// The HTML report without a browser: escaping, determinism, self-containment,
// the flow diagram's geometry on a wide journey, and `run --report`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "data/report/wide_journey.h"
#include "journeysim/report_writers.h"
#include "report/html/flow_layout.h"
#include "support/command.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::model_from_text;
using testing::read_file;
using testing::run_report;

const std::string kStore = journeysim::testing::source_dir() + "/scenarios/store-launch.toml";

// Every string a user writes, made hostile.
const char* kHostile = R"toml(
[journey]
name = "<script>alert(1)</script>"
purpose = "Quotes \" and ' & <b>tags</b>"
stages = ["awareness", "purchase"]
conversion = "purchase"

[stages.awareness]
owner = "<i>Growth</i> & \"friends\""

[personas.everyone]
share = 1.0
goals = ["<img src=x onerror=alert(2)>"]
pain_points = ["</style><script>alert(3)</script>"]

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
params = { drop = 0.2, value = 10 }
)toml";

std::string html_of(const std::string& toml, uint64_t agents = 2000, unsigned threads = 1) {
  const SimulationModel model = model_from_text(toml);
  RunOptions options;
  options.agents = agents;
  options.seed = 5;
  options.threads = threads;
  return render_html(summarize(model, run_agents(model, options), options), model.scenario());
}

// The value of `attribute` in the first tag that contains `anchor` ("" when
// absent): enough to read the page's data-* facts without a DOM parser.
std::string attribute_after(const std::string& html, const std::string& anchor,
                            const std::string& attribute, size_t from = 0) {
  const size_t at = html.find(anchor, from);
  if (at == std::string::npos) {
    return "";
  }
  const size_t tag_start = html.rfind('<', at);
  const size_t tag_end = html.find('>', at);
  const std::string tag = html.substr(tag_start, tag_end - tag_start);
  const std::string key = " " + attribute + "=\"";
  const size_t start = tag.find(key);
  if (start == std::string::npos) {
    return "";
  }
  const size_t begin = start + key.size();
  return tag.substr(begin, tag.find('"', begin) - begin);
}

TEST(ReportHtml, EveryUserStringIsEscaped) {
  const std::string html = html_of(kHostile);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>tags"), std::string::npos);
  EXPECT_EQ(html.find("<i>Growth"), std::string::npos);
  EXPECT_EQ(html.find("</style><s"), std::string::npos);
  EXPECT_EQ(html.find("onmouseover=\""), std::string::npos);
  EXPECT_EQ(html.find("<now>"), std::string::npos);
  EXPECT_NE(html.find("<h1 id=\"journey-name\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"),
            std::string::npos);
  EXPECT_NE(html.find("&quot; onmouseover=&quot;alert(4)"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(5)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Quotes &quot; and &#39; &amp; &lt;b&gt;tags&lt;/b&gt;"), std::string::npos);
}

TEST(ReportHtml, NeverFetchesAnythingAndRunsNoScript) {
  const std::string html = html_of(testing::wide_journey_toml(3, 2));
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  for (const char* outside :
       {"http:", "https:", "//cdn", "<link", "<script", "@import", "src=", "<img", "<iframe"}) {
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  }
  // url() only for gradients of the page itself.
  for (size_t at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 1)) {
    EXPECT_EQ(html[at + 4], '#') << html.substr(at, 40);
  }
}

TEST(ReportHtml, SameRunSameBytesWhateverTheThreads) {
  const std::string toml = testing::wide_journey_toml(4, 3);
  const std::string one = html_of(toml, 6000, 1);
  EXPECT_EQ(one, html_of(toml, 6000, 1));
  EXPECT_EQ(one, html_of(toml, 6000, 3));
}

TEST(ReportHtml, HasEverySectionWithItsId) {
  const std::string html = html_of(testing::wide_journey_toml(3, 2));
  for (const char* id :
       {"report-header",       "journey-name",    "personas",    "headline",      "kpi-conversion",
        "kpi-time-to-convert", "ttc-histogram",   "kpi-csat",    "kpi-ces",       "kpi-nps",
        "kpi-revenue",         "persona-metrics", "journey-map", "emotion-curve", "funnel",
        "funnel-overall",      "funnel-personas", "flow",        "flow-diagram",  "opportunities",
        "touchpoints",         "report-footer"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
}

// The run report carries its converters' exact durations, so every page
// that shows a run (run, compare, check) draws the distribution.
TEST(ReportHtml, TimeToConvertIsDrawnAsADistributionOfEveryConverter) {
  const SimulationModel model = model_from_text(testing::wide_journey_toml(3, 2));
  const RunReport report = run_report(model, 4000);
  ASSERT_GT(report.journey.converted, 0u);
  EXPECT_EQ(report.time_to_convert.count(), report.journey.converted);
  const std::string html = render_html(report, model.scenario());
  EXPECT_EQ(attribute_after(html, "id=\"ttc-histogram\"", "data-count"),
            std::to_string(report.journey.converted));
  const int bins = std::stoi(attribute_after(html, "id=\"ttc-histogram\"", "data-bins"));
  const size_t chart = html.find("id=\"ttc-histogram\"");
  const std::string svg = html.substr(chart, html.find("</svg>", chart) - chart);
  size_t bars = 0;
  for (size_t at = svg.find("class=\"bar\""); at != std::string::npos;
       at = svg.find("class=\"bar\"", at + 1)) {
    ++bars;
  }
  EXPECT_EQ(bars, static_cast<size_t>(bins));
  EXPECT_NE(svg.find(">median "), std::string::npos);
  EXPECT_NE(svg.find(">p90 "), std::string::npos);
}

// Per persona, stage by stage: the customers still there (the persona's own
// reach of the stage), how many were lost in it, and why, with counts.
TEST(ReportHtml, FunnelPerPersonaHasExactCountsLossesAndReasons) {
  const SimulationModel model = model_from_text(testing::wide_journey_toml(3, 2));
  const RunReport report = run_report(model, 6000);
  ASSERT_GE(report.personas.size(), 2u);
  const std::string html = render_html(report, model.scenario());
  const size_t table = html.find("id=\"funnel-personas\"");
  ASSERT_NE(table, std::string::npos);
  for (size_t s = 0; s < report.stages.size(); ++s) {
    uint64_t reached = 0, dropped = 0;
    for (const PersonaReport& p : report.personas) {
      ASSERT_EQ(p.stages.size(), report.stages.size());
      reached += p.stages[s].reached;
      dropped += p.stages[s].dropped;
    }
    // The personas' funnels add up to the overall one.
    EXPECT_EQ(reached, report.stages[s].reached);
    EXPECT_EQ(dropped, report.stages[s].dropped);
  }
  // Each row of the table, in stage order, gives each persona's count.
  size_t at = table;
  for (size_t s = 0; s < report.stages.size(); ++s) {
    at = html.find("<th>" + report.stages[s].id + "</th>", at);
    ASSERT_NE(at, std::string::npos) << report.stages[s].id;
    for (const PersonaReport& p : report.personas) {
      const std::string anchor = "data-persona=\"" + p.id + "\" data-count=";
      EXPECT_EQ(attribute_after(html, anchor, "data-count", at),
                std::to_string(p.stages[s].reached));
    }
  }
  // A persona's losses in a stage (journeys that ended unconverted at its
  // touchpoints) name their reasons, counted from the persona's own.
  const PersonaReport& first = report.personas[0];
  const auto lost_in = [&](size_t s) {
    uint64_t lost = 0;
    for (size_t t = 0; t < report.touchpoints.size(); ++t) {
      lost += report.touchpoints[t].stage == report.stages[s].id ? first.touchpoints[t].lost : 0;
    }
    return lost;
  };
  size_t stage = 0;
  while (stage < first.stages.size() && lost_in(stage) == 0) {
    ++stage;
  }
  ASSERT_LT(stage, first.stages.size());
  const size_t row = html.find("<th>" + report.stages[stage].id + "</th>", table);
  const size_t cell = html.find("data-persona=\"" + first.id + "\" data-count=", row);
  EXPECT_EQ(attribute_after(html, "class=\"pf-drop\"", "data-lost", cell),
            std::to_string(lost_in(stage)));
  // The stage's most frequent reason among this persona's, with its count.
  std::vector<std::pair<std::string, uint64_t>> reasons;
  for (size_t t = 0; t < report.touchpoints.size(); ++t) {
    if (report.touchpoints[t].stage != report.stages[stage].id) {
      continue;
    }
    for (const ReasonShare& r : first.touchpoints[t].lost_reasons) {
      auto it = std::find_if(reasons.begin(), reasons.end(),
                             [&](const auto& x) { return x.first == r.label; });
      if (it == reasons.end()) {
        reasons.emplace_back(r.label, r.count);
      } else {
        it->second += r.count;
      }
    }
  }
  ASSERT_FALSE(reasons.empty());
  const auto top = *std::max_element(reasons.begin(), reasons.end(), [](const auto& a,
                                                                         const auto& b) {
    return a.second < b.second;
  });
  const size_t drop = html.find("class=\"pf-drop\"", cell);
  const std::string drop_text = html.substr(drop, html.find("</div>", drop) - drop);
  EXPECT_NE(drop_text.find("<span>" + top.first + " \u00b7 " + std::to_string(top.second) +
                           "</span>"),
            std::string::npos)
      << drop_text;
}

TEST(ReportHtml, AJourneyNobodyConvertsStillRenders) {
  std::string toml = kHostile;
  toml.replace(toml.find("drop = 0.2"), 10, "drop = 1.0");
  const std::string html = html_of(toml);
  EXPECT_NE(html.find("Nobody converted"), std::string::npos);
  EXPECT_NE(html.find("n/a"), std::string::npos);
  for (const char* bad : {">nan", ">-nan", ">inf", "nan%", "inf%", "nan d", "\"nan\"", "\"inf\""}) {
    EXPECT_EQ(html.find(bad), std::string::npos) << bad;
  }
}

// The flow diagram of 60 touchpoints in 10 columns: every node's slot (its
// label, bar and drop stub) apart from every other, inside the diagram, and
// every band as wide as the customers it carries.
TEST(ReportHtml, WideJourneyFlowLayoutHasNoOverlaps) {
  const SimulationModel model = model_from_text(testing::wide_journey_toml());
  const RunReport report = run_report(model, 20000);
  const html::FlowLayout layout = html::layout_flow(report, model.scenario(), 1264);
  ASSERT_EQ(layout.nodes.size(), 60u);
  std::vector<int> per_column(10, 0);
  for (const html::FlowNode& node : layout.nodes) {
    ASSERT_GE(node.column, 0);
    ASSERT_LT(node.column, 10);
    ++per_column[static_cast<size_t>(node.column)];
    EXPECT_GE(node.slot.x, 0);
    EXPECT_LE(node.slot.right(), layout.width);
    EXPECT_LE(node.slot.bottom(), layout.height);
    EXPECT_FALSE(node.label.overlaps(node.bar));
    EXPECT_GE(node.bar.y, node.slot.y);
    EXPECT_LE(node.bar.bottom(), node.slot.bottom());
  }
  EXPECT_EQ(per_column, std::vector<int>(10, 6));
  for (size_t a = 0; a < layout.nodes.size(); ++a) {
    for (size_t b = a + 1; b < layout.nodes.size(); ++b) {
      EXPECT_FALSE(layout.nodes[a].slot.overlaps(layout.nodes[b].slot))
          << report.touchpoints[a].id << " and " << report.touchpoints[b].id;
    }
  }
  // Each side of a node carries exactly its visits.
  std::vector<double> in(60, 0), out(60, 0);
  for (const html::FlowLink& link : layout.links) {
    EXPECT_DOUBLE_EQ(link.width, static_cast<double>(link.customers) * layout.scale);
    out[link.from] += link.width;
    in[link.to] += link.width;
  }
  for (const html::FlowStub& stub : layout.stubs) {
    (stub.kind == html::FlowStub::Kind::Entry ? in : out)[stub.node] += stub.width;
  }
  for (size_t t = 0; t < 60; ++t) {
    const double visits = static_cast<double>(layout.nodes[t].visits) * layout.scale;
    EXPECT_NEAR(in[t], visits, 1e-6) << report.touchpoints[t].id;
    EXPECT_NEAR(out[t], visits, 1e-6) << report.touchpoints[t].id;
  }
}

// A repeat purchase loops back to the checkout: drawn under the nodes, not
// through them.
TEST(ReportHtml, LoopsRunInLanesBelowTheNodes) {
  const SimulationModel model = model_from_text(R"(
[journey]
name = "loop"
stages = ["a"]
[personas.p]
share = 1.0
[touchpoints.shop]
stage = "a"
channel = "fixed"
entry = 1.0
params = { drop = 0.1 }
next = ["again"]
[touchpoints.again]
stage = "a"
channel = "fixed"
params = { drop = 0.5 }
next = ["shop", "done"]
[touchpoints.done]
stage = "a"
channel = "fixed"
milestone = "purchase"
exit = true
)");
  const RunReport report = run_report(model, 2000);
  const html::FlowLayout layout = html::layout_flow(report, model.scenario(), 1264);
  ASSERT_EQ(layout.links.size(), 3u);
  for (const html::FlowLink& link : layout.links) {
    // Only again -> shop closes the cycle.
    EXPECT_EQ(link.backward, link.from == 1 && link.to == 0);
    if (link.backward) {
      for (const html::FlowNode& node : layout.nodes) {
        EXPECT_GT(link.lane_y - link.width / 2, node.slot.bottom());
      }
    } else {
      EXPECT_LT(layout.nodes[link.from].column, layout.nodes[link.to].column);
    }
  }
}

class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("journeysim-report-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(ReportCliTest, RunWritesTheReportAndStillPrintsTheTable) {
  const auto target = dir_ / "journey.html";
  const auto r = journeysim("run " + kStore + " --agents 3000 --report " + target.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("JOURNEY MAP"), std::string::npos);
  EXPECT_NE(r.err.find("wrote " + target.string()), std::string::npos);
  const std::string html = read_file(target);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Spring launch"), std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path(), target) << "left behind: " << entry.path();
  }
}

TEST_F(ReportCliTest, ConversionFigureIsTheJsonValue) {
  const auto target = dir_ / "journey.html";
  const auto r = journeysim("run " + kStore + " --agents 4000 --format json --quiet --report " +
                            target.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  const std::string html = read_file(target);
  const std::string anchor = "id=\"kpi-conversion\" data-metric=\"conversion_rate\" data-value=\"";
  const size_t at = html.find(anchor);
  ASSERT_NE(at, std::string::npos);
  const std::string value =
      html.substr(at + anchor.size(), html.find('"', at + anchor.size()) - at - anchor.size());
  EXPECT_EQ(std::stod(value), doc["metrics"]["conversion_rate"]["value"].get<double>());
}

TEST_F(ReportCliTest, SameSeedSameBytes) {
  const auto a = dir_ / "a.html", b = dir_ / "b.html";
  ASSERT_EQ(
      journeysim("run " + kStore + " --agents 3000 --threads 1 --quiet --report " + a.string())
          .exit_code,
      0);
  ASSERT_EQ(
      journeysim("run " + kStore + " --agents 3000 --threads 2 --quiet --report " + b.string())
          .exit_code,
      0);
  EXPECT_EQ(read_file(a), read_file(b));
}

TEST_F(ReportCliTest, AnUnwritableReportPathIsBadInput) {
  const auto r = journeysim("run " + kStore + " --agents 500 --report " +
                            (dir_ / "missing" / "journey.html").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("journey.html"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace journeysim
