// Queues and the time series in every report besides JSON and the terminal
// table: the HTML page's Queues and Over time sections and the map's queue
// badge, the Markdown Queues table, the series as CSV, and compare on a
// team of five against a team of seven. The help desk of
// tests/data/report/help_desk.toml (1,000 customers calling over two days,
// five servers, ten minutes each, seed 5) gives the numbers.
#include <gtest/gtest.h>

#include <algorithm>

#include "journeysim/comparison.h"
#include "journeysim/report_writers.h"
#include "report/html/format.h"
#include "report/html/series_chart.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

const std::string kData = journeysim::testing::test_data_dir();

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

SimulationModel help_desk(const std::string& file = "help_desk.toml") {
  return SimulationModel(load_scenario(kData + "/report/" + file),
                         PluginCatalog::discover({journeysim::testing::plugin_dir()}));
}

// The element of the page whose id is `id`, from its tag to the end of the
// section it is in (enough to search within).
std::string section_of(const std::string& html, const std::string& id) {
  const size_t at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) {
    return "";
  }
  return html.substr(at, html.find("</section>", at) - at);
}

class ReportQueues : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new SimulationModel(help_desk());
    report_ = new RunReport(testing::run_report(*model_, 1000, 5));
    html_ = new std::string(render_html(*report_, model_->scenario()));
  }
  static void TearDownTestSuite() {
    delete html_;
    delete report_;
    delete model_;
  }
  static SimulationModel* model_;
  static RunReport* report_;
  static std::string* html_;
};

SimulationModel* ReportQueues::model_ = nullptr;
RunReport* ReportQueues::report_ = nullptr;
std::string* ReportQueues::html_ = nullptr;

TEST_F(ReportQueues, TheQueuesSectionCarriesEachResourcesExactNumbers) {
  const std::string section = section_of(*html_, "queues");
  ASSERT_FALSE(section.empty());
  const ResourceReport& team = report_->resources.at(0);
  EXPECT_EQ(team.arrivals, 1000u);
  EXPECT_TRUE(contains(section, "<tr data-resource=\"team\"><td>Support team</td><td "
                                "class=\"num\">5</td><td class=\"num\" "
                                "data-metric=\"resources.team.arrivals\" data-value=\"1000\">"
                                "1,000</td>"));
  for (const auto& [metric, e] :
       std::vector<std::pair<std::string, Estimate>>{{"utilization", team.utilization},
                                                     {"waited_share", team.waited_share},
                                                     {"wait_minutes", team.wait_minutes},
                                                     {"wait_p90_minutes", team.wait_p90_minutes},
                                                     {"gave_up_share", team.gave_up_share},
                                                     {"mean_queue_length",
                                                      team.mean_queue_length}}) {
    EXPECT_TRUE(contains(section, "data-metric=\"resources.team." + metric + "\" data-value=\"" +
                                      html::exact(e.value) + "\""))
        << metric;
  }
  // The mean wait's interval is shown beside it; the desk is named as used.
  EXPECT_TRUE(contains(section, html::interval_text(team.wait_minutes, html::Unit::Plain)));
  EXPECT_TRUE(contains(section, "<td>Help desk</td></tr>"));
  EXPECT_TRUE(contains(*html_, "<a href=\"#queues\">Queues</a><a href=\"#series\">Over time</a>"
                               "<a href=\"#opportunities\">"));
}

TEST_F(ReportQueues, TheMapCardOfAQueueingTouchpointHasABadgeWithTheWaitAndWhoGaveUp) {
  const size_t card = html_->find("<div class=\"tp\" data-touchpoint=\"desk\"");
  ASSERT_NE(card, std::string::npos);
  const size_t badge = html_->find("<div class=\"queue-badge\" data-resource=\"team\"", card);
  ASSERT_NE(badge, std::string::npos);
  EXPECT_LT(badge, html_->find("<div class=\"tp\"", card + 1));
  const ResourceReport& team = report_->resources.at(0);
  EXPECT_TRUE(contains(html_->substr(badge, 400),
                       html::strf("\u23f3 %.1f min wait \u00b7 ", team.wait_minutes.value) +
                           html::share_text(team.gave_up_share.value) + " gave up</div>"));
  // The signup card queues for nothing.
  const size_t signup = html_->find("<div class=\"tp\" data-touchpoint=\"signup\"");
  EXPECT_EQ(html_->substr(signup, html_->find("</div></div>", signup) - signup).find("queue-badge"),
            std::string::npos);
}

TEST_F(ReportQueues, OverTimeDrawsArrivalsConversionsMessagesAndEachQueueByHour) {
  const std::string section = section_of(*html_, "series");
  ASSERT_FALSE(section.empty());
  const SeriesReport& s = report_->series;
  ASSERT_EQ(s.bin_hours, 1.0);  // a horizon of 3 days: hourly bins
  const std::string bins = "data-bins=\"" + std::to_string(s.hours.size()) + "\" data-per=\"1\"";
  for (const char* id : {"series-arrivals", "series-conversions", "series-messages",
                         "series-queue-team", "series-utilization-team"}) {
    const size_t at = section.find(std::string("id=\"") + id + "\"");
    ASSERT_NE(at, std::string::npos) << id;
    EXPECT_EQ(section.substr(at, section.find('>', at) - at).find(bins) != std::string::npos,
              true)
        << id;
  }
  // Every journey starts in the first hour (the calls come later).
  EXPECT_TRUE(contains(section, "<title>day 1 00:00 \u2013 day 1 01:00: 1,000 arrivals</title>"));
  EXPECT_TRUE(contains(section, "<title>day 1 00:00 \u2013 day 1 01:00: " +
                                    html::strf("%.2f", s.resources.at(0).queue_length.at(0)) +
                                    " waiting at team</title>"));
  EXPECT_TRUE(contains(section, "<title>day 1 00:00 \u2013 day 1 01:00: " +
                                    html::percent(s.resources.at(0).utilization.at(0)) +
                                    " utilisation of team</title>"));
  EXPECT_TRUE(contains(section, "<figcaption>Queue at Support team (mean waiting)</figcaption>"));
}

TEST_F(ReportQueues, MarkdownHasAQueuesTableAfterTheTouchpoints) {
  const std::string md = render_markdown(*report_);
  const ResourceReport& team = report_->resources.at(0);
  const size_t table = md.find("\n### Queues\n\n| resource | servers | customers | utilisation | "
                               "waited [95%] | mean wait, min [95%] | p90 wait, min | gave up "
                               "[95%] | used at |\n|---|---:|---:|---:|---|---|---:|---|---|\n");
  ASSERT_NE(table, std::string::npos) << md;
  EXPECT_GT(table, md.find("### Touchpoints"));
  EXPECT_LT(table, md.find("### Journey map"));
  char row[512];
  std::snprintf(row, sizeof row,
                "| team | 5 | 1000 | %.2f%% | %.2f%% [%.2f%%, %.2f%%] | %.2f [%.2f, %.2f] | "
                "%.2f | %.2f%% [%.2f%%, %.2f%%] | desk |\n",
                100 * team.utilization.value, 100 * team.waited_share.value, 100 * team.waited_share.low,
                100 * team.waited_share.high, team.wait_minutes.value, team.wait_minutes.low,
                team.wait_minutes.high, team.wait_p90_minutes.value,
                100 * team.gave_up_share.value, 100 * team.gave_up_share.low,
                100 * team.gave_up_share.high);
  EXPECT_TRUE(contains(md, row)) << md;
}

TEST_F(ReportQueues, TheSeriesCsvHasARowPerBinWithEachQueuesColumns) {
  const std::string csv = render_series_csv(*report_);
  const SeriesReport& s = report_->series;
  EXPECT_EQ(csv.rfind("hours,arrivals,conversions,messages,team_queue_length,team_utilization\n"
                      "0,1000,",
                      0),
            0u)
      << csv.substr(0, 200);
  EXPECT_EQ(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')), s.hours.size() + 1);
  // The second bin starts an hour in; its counts are the series'.
  EXPECT_TRUE(contains(csv, "\n1," + std::to_string(s.arrivals[1]) + "," +
                                std::to_string(s.conversions[1]) + "," +
                                std::to_string(s.messages[1]) + ","));
}

TEST_F(ReportQueues, HtmlMarkdownAndSeriesCsvAreTheSameBytesForAnyThreadCount) {
  for (const unsigned threads : {2u, 3u}) {
    const RunReport again = testing::run_report(*model_, 1000, 5, threads);
    EXPECT_EQ(render_html(again, model_->scenario()), *html_) << threads << " threads";
    EXPECT_EQ(render_markdown(again), render_markdown(*report_)) << threads << " threads";
    EXPECT_EQ(render_series_csv(again), render_series_csv(*report_)) << threads << " threads";
  }
}

TEST(ReportWithoutQueues, HasNoQueueOrSeriesSectionsStylesOrBadges) {
  const SimulationModel model(load_scenario(kData + "/check/shop.toml"), PluginCatalog());
  const RunReport report = testing::run_report(model, 2000, 5);
  const std::string html = render_html(report, model.scenario());
  for (const char* absent : {"id=\"queues\"", "id=\"series\"", "queue-badge", "series-chart",
                             "href=\"#queues\"", "href=\"#series\""}) {
    EXPECT_FALSE(contains(html, absent)) << absent;
  }
  EXPECT_FALSE(contains(render_markdown(report), "### Queues"));
  EXPECT_EQ(render_series_csv(report), "hours,arrivals,conversions,messages\n");
}

TEST(SeriesTimeLabel, NamesTheDayAndForHourlyBinsTheHourFromTheJourneysStart) {
  SeriesReport hourly;
  hourly.bin_hours = 1;
  hourly.hours = {0, 1, 2};
  EXPECT_EQ(html::series_time_label(hourly, 0), "day 1 00:00");
  EXPECT_EQ(html::series_time_label(hourly, 2), "day 1 02:00");
  EXPECT_EQ(html::series_time_label(hourly, 30), "day 2 06:00");  // past the end: by bin width
  SeriesReport daily;
  daily.bin_hours = 24;
  daily.hours = {0, 24, 48};
  EXPECT_EQ(html::series_time_label(daily, 0), "day 1");
  EXPECT_EQ(html::series_time_label(daily, 2), "day 3");
}

TEST(SeriesChart, KeepsAtMostAWeekOfHourlyBarsByJoiningBinsIntoRoundSpans) {
  SeriesReport s;
  s.bin_hours = 1;
  s.hours.resize(168);
  EXPECT_EQ(html::series_bins_per_mark(s), 1u);
  s.hours.resize(169);
  EXPECT_EQ(html::series_bins_per_mark(s), 2u);
  s.hours.resize(14 * 24 + 5);
  EXPECT_EQ(html::series_bins_per_mark(s), 3u);
  s.bin_hours = 24;
  s.hours.resize(365);
  EXPECT_EQ(html::series_bins_per_mark(s), 7u);
}

TEST(SeriesChart, TimeLabelsFallOnRoundTimesAtMostSixOfThem) {
  SeriesReport s;
  s.bin_hours = 24;
  for (int b = 0; b < 400; ++b) {
    s.hours.push_back(24.0 * b);
  }
  // 400 days drawn by week (58 bars): a label every 13 weeks.
  const std::string chart = html::series_chart(s, {"a", "arrivals", std::vector<double>(400, 1)});
  for (const char* label : {">day 1<", ">day 92<", ">day 183<", ">day 274<", ">day 365<"}) {
    EXPECT_TRUE(contains(chart, label)) << label;
  }
  EXPECT_FALSE(contains(chart, ">day 456<"));  // beyond the 406 days drawn
}

TEST(SeriesChart, AJoinedBarAddsItsBinsCountsAndALevelAveragesThem) {
  SeriesReport s;
  s.bin_hours = 1;
  for (int b = 0; b < 170; ++b) {
    s.hours.push_back(b);
  }
  std::vector<double> counts(170, 0.0);
  counts[0] = 3;
  counts[1] = 4;
  const std::string bars = html::series_chart(s, {"a", "arrivals", counts});
  EXPECT_TRUE(contains(bars, "<title>day 1 00:00 \u2013 day 1 02:00: 7 arrivals</title>"));
  EXPECT_TRUE(contains(bars, "data-max=\"10\""));  // 7 rounded up to 10
  const std::string level =
      html::series_chart(s, {"q", "waiting", counts, html::SeriesChart::Kind::Level});
  EXPECT_TRUE(contains(level, "<title>day 1 00:00 \u2013 day 1 02:00: 3.50 waiting</title>"));
}

// Compare: queue metrics are measured once per run, so they are compared
// independently (not paired); seven servers cut the mean wait beyond its
// interval. (Calls spread over two days: in a burst at one instant the
// waits grow with the place in the queue, the batch means differ by design
// and their interval is as wide as the wait itself.)
TEST(CompareQueues, SevenServersWaitLessThanFiveAsASignificantUnpairedImprovement) {
  const SimulationModel five = help_desk();
  const SimulationModel seven = help_desk("help_desk.seven.toml");
  RunOptions options;
  options.agents = 1000;
  options.seed = 5;
  const ComparisonReport report = compare_runs(five, {&seven}, options);
  ASSERT_EQ(report.variants.size(), 1u);
  const MetricChange* wait = nullptr;
  for (const MetricChange& c : report.variants[0].changes) {
    wait = c.path == "resources.team.wait_minutes" ? &c : wait;
  }
  ASSERT_NE(wait, nullptr);
  EXPECT_FALSE(wait->paired);
  EXPECT_EQ(wait->better, Better::Lower);
  EXPECT_LT(wait->variant.value, wait->baseline.value);
  EXPECT_TRUE(wait->significant);
  EXPECT_LT(wait->difference.high, 0.0);
  // The table and Markdown show it, marked unpaired.
  const std::string table = render_comparison_table(report);
  EXPECT_TRUE(contains(table, "resources.team.wait_minutes")) << table;
  EXPECT_TRUE(contains(table, " (unpaired) *")) << table;
  const std::string md = render_comparison_markdown(report);
  EXPECT_TRUE(contains(md, "resources.team.wait_minutes")) << md;
}

}  // namespace
}  // namespace journeysim
