// Markdown and Mermaid outputs are valid and agree with the JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "journeysim/report_writers.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

RunReport store_report() {
  const SimulationModel model(load_scenario(journeysim::testing::source_dir() + "/scenarios/store-launch.toml"),
                              PluginCatalog::discover({journeysim::testing::plugin_dir()}));
  return testing::run_report(model, 20'000, 7, 2);
}

TEST(Mermaid, FollowsTheJourneyDiagramGrammarAndScoresMatchTheJson) {
  const RunReport report = store_report();
  const auto json = nlohmann::json::parse(render_json(report));
  std::map<std::string, std::string> id_of_name;
  for (const TouchpointReport& t : report.touchpoints) {
    id_of_name[t.name] = t.id;
  }
  std::istringstream in(render_mermaid(report));
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "journey");
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "  title Spring launch — online store");
  const std::regex section(R"(^  section [^:#;]+$)");
  const std::regex task(R"(^    ([^:#;]+): ([1-5]): ([^:#;]+(, [^:#;]+)*)$)");
  // A wait is a task of its stage named by its duration, with no actors.
  const std::regex wait(R"(^    wait [0-9a-z.]+: [1-5]$)");
  int tasks = 0, waits = 0;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, section)) {
      continue;
    }
    if (std::regex_match(line, wait)) {
      ++waits;
      continue;
    }
    ASSERT_TRUE(std::regex_match(line, m, task)) << "not a task line: " << line;
    const std::string id = id_of_name.at(m[1]);
    const double s = json["touchpoints"][id]["satisfaction"]["value"].get<double>();
    EXPECT_EQ(std::stoi(m[2]), mermaid_score(s)) << id;
    ++tasks;
  }
  EXPECT_EQ(tasks, 9);  // every touchpoint, the cart-abandonment email included
  EXPECT_EQ(waits, 1);  // the cart flow's 4 hours
}

TEST(Mermaid, ScoreIsTheCsatMappingOfSatisfaction) {
  EXPECT_EQ(mermaid_score(0.0), 1);
  EXPECT_EQ(mermaid_score(0.3), 2);
  EXPECT_EQ(mermaid_score(0.5), 3);
  EXPECT_EQ(mermaid_score(0.7), 4);
  EXPECT_EQ(mermaid_score(1.0), 5);
}

TEST(Markdown, CarriesHeadlineMetricsHotSpotsAndTheMap) {
  const RunReport report = store_report();
  const std::string md = render_markdown(report);
  EXPECT_EQ(md.rfind("## Spring launch — online store\n", 0), 0u);
  char conversion[64];
  std::snprintf(conversion, sizeof conversion, "%.2f%%", 100 * report.journey.conversion_rate.value);
  EXPECT_NE(md.find(std::string("| conversion (purchase) | ") + conversion), std::string::npos);
  EXPECT_NE(md.find("### Friction hot spots\n\n1. **"), std::string::npos);
  EXPECT_NE(md.find("```mermaid\njourney\n"), std::string::npos);
}

TEST(Markdown, IsDeterministicForAFixedSeed) {
  EXPECT_EQ(render_markdown(store_report()), render_markdown(store_report()));
}

TEST(Markdown, EscapesPipesInUserText) {
  RunReport report = store_report();
  report.name = "A | B";
  EXPECT_NE(render_markdown(report).find("## A \\| B"), std::string::npos);
}

}  // namespace
}  // namespace journeysim
