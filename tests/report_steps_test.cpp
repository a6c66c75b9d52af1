// Journey model 2's steps in every output besides JSON: what each step does
// in words, the terminal table, Markdown, Mermaid, the HTML map, flow and
// steps section, the metric rows thresholds and compare name, and the
// --events trace. The acceptance journey of issue 17 (20,000 agents, seed
// 5) gives the exact numbers; its arms convert 0.5 and 0.7 of their
// customers and its wait lasts exactly 48 hours.
#include <gtest/gtest.h>

#include <sstream>

#include "journeysim/check.h"
#include "journeysim/event_trace.h"
#include "journeysim/report_writers.h"
#include "metrics/step_description.h"
#include "report/html/flow_layout.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

const std::string kData = journeysim::testing::test_data_dir();

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class ReportSteps : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new SimulationModel(load_scenario(kData + "/loader/steps_acceptance.toml"),
                                 PluginCatalog());
    report_ = new RunReport(testing::run_report(*model_, 20'000, 5));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete model_;
  }

  static const StepReport& step(const std::string& id) {
    for (const StepReport& s : report_->steps) {
      if (s.id == id) {
        return s;
      }
    }
    throw std::runtime_error("no step " + id);
  }

  // The report with a paired effect of arm B over arm A set by hand (round
  // numbers), so the rendering is checked apart from the engine's values.
  static RunReport with_effect() {
    RunReport r = *report_;
    Estimate effect;
    effect.value = 0.2;
    effect.low = 0.19;
    effect.high = 0.21;
    effect.n = 8937;
    effect.defined = true;
    r.experiments.at(0).effects = {{"B", effect, 93}};
    return r;
  }

  static SimulationModel* model_;
  static RunReport* report_;
};

SimulationModel* ReportSteps::model_ = nullptr;
RunReport* ReportSteps::report_ = nullptr;

TEST_F(ReportSteps, EachStepSaysWhatItDoesFromTheScenario) {
  EXPECT_EQ(step("route").description, "persona == 'vip' → checkout_b; otherwise → test");
  EXPECT_EQ(step("wait_2d").description, "2d → reminder");
  EXPECT_EQ(step("wait_2d").duration, "2d");
  EXPECT_EQ(step("test").description, "A 50 % → checkout_a; B 50 % → checkout_b");
  ASSERT_EQ(step("route").routes.size(), 2u);
  EXPECT_EQ(step("route").routes[1].label, "otherwise");
  EXPECT_EQ(step("route").routes[1].to, "test");
  EXPECT_EQ(step("wait_2d").stage, "nurture");
  EXPECT_EQ(step("route").stage, "");
}

TEST_F(ReportSteps, AStepHangsFromTheTouchpointThatFirstLeadsToItThroughOtherSteps) {
  EXPECT_EQ(step("wait_2d").after, "welcome");  // welcome's `on` route
  EXPECT_EQ(step("route").after, "welcome");    // welcome's `next`
  EXPECT_EQ(step("test").after, "welcome");     // through the split
}

TEST(StepDescriptions, NameDurationsRacesUpdatesWeightsAndExitReasons) {
  const SimulationModel model(load_scenario(kData + "/report/every_step.toml"), PluginCatalog());
  const RunReport report = testing::run_report(model, 1000, 1);
  std::map<std::string, std::string> text;
  for (const StepReport& s : report.steps) {
    text[s.id] = s.description;
  }
  EXPECT_EQ(text["pause"],
            "lognormal median 4h, p90 12h → mark, or returns on their own at 5 %/day → shop");
  EXPECT_EQ(text["mark"], "sets coupon = true → later");
  EXPECT_EQ(text["later"], "exponential mean 6h: 75 % → shop / 25 % → bye");
  EXPECT_EQ(text["bye"], "ends the journey: bought");
}

TEST(StepDescriptions, AUniformWaitNamesItsRange) {
  WaitTime wait;
  wait.distribution = WaitTime::Distribution::Uniform;
  wait.min.text = "1h";
  wait.max.text = "3h";
  EXPECT_EQ(wait_duration_text(wait), "uniform 1h to 3h");
}

TEST_F(ReportSteps, TheTableListsEveryStepAfterTheTouchpoints) {
  const std::string table = render_table(*report_);
  const size_t steps = table.find("\nSTEPS ");
  ASSERT_NE(steps, std::string::npos);
  EXPECT_GT(steps, table.find("checkout_a [fixed]"));
  EXPECT_LT(steps, table.find("\nPERSONAS"));
  EXPECT_TRUE(contains(table,
                       "STEPS      kind        stage    arrived  agents  waited (mean h)  cut off  "
                       "returned  exits  what it does\n"
                       "  route    split       -         11,100  11,100                         0 "
                       "                  persona == 'vip' → checkout_b; otherwise → test\n"
                       "  wait_2d  wait        nurture   11,915  11,915            48.00        0 "
                       "        0         2d → reminder\n"
                       "  test     experiment  -          8,937   8,937                         0 "
                       "                  A 50 % → checkout_a; B 50 % → checkout_b\n"))
      << table;
}

TEST_F(ReportSteps, TheTableListsEachArmWithItsConversionAndPairedEffect) {
  EXPECT_TRUE(contains(render_table(*report_),
                       "EXPERIMENTS\n"
                       "  test: A 50 % → checkout_a; B 50 % → checkout_b\n"
                       "    arm  agents  conversion [95%]         effect vs A [95%, paired]    "
                       "A/B test needs per arm\n"
                       "    A     4,461  49.27% [47.81%, 50.74%]\n"
                       "    B     4,476  70.60% [69.25%, 71.92%]  +20.85 pts [+20.00, +21.69]"
                       "                      83\n"))
      << render_table(*report_);
}

TEST_F(ReportSteps, TheTableShowsEachArmsPairedEffectAndTheABSampleSizeWhenKnown) {
  EXPECT_TRUE(contains(render_table(with_effect()),
                       "    arm  agents  conversion [95%]         effect vs A [95%, paired]    "
                       "A/B test needs per arm\n"
                       "    A     4,461  49.27% [47.81%, 50.74%]\n"
                       "    B     4,476  70.60% [69.25%, 71.92%]  +20.00 pts [+19.00, +21.00]"
                       "                      93\n"))
      << render_table(with_effect());
}

TEST_F(ReportSteps, ALongPersonaIdKeepsThePersonaColumnsInLine) {
  RunReport r = *report_;
  r.personas[0].id = "a_persona_named_at_length";
  const std::string table = render_table(r);
  const size_t header = table.find("PERSONAS");
  const size_t share = table.find("share", header) - header;
  const size_t row = table.find("\n  a_persona_named_at_length") + 1;
  const size_t vip = table.find("\n  vip ", row) + 1;
  // The share column ends where the header's "share" ends, on every row.
  EXPECT_EQ(table.substr(row + share, 5), "80.0%");
  EXPECT_EQ(table.substr(vip + share, 5), "20.0%");
}

TEST_F(ReportSteps, ALongTouchpointIdKeepsTheJourneyMapInLine) {
  RunReport r = *report_;
  r.touchpoints[0].id = "a_touchpoint_named_at_great_length";
  const std::string table = render_table(r);
  const size_t header = table.find("JOURNEY MAP");
  const size_t arrived = table.find("arrived", header) - header;
  const size_t row = table.find("\n  a_touchpoint_named_at_great_length [fixed]") + 1;
  const size_t welcome = table.find("\n  welcome [fixed]", header) + 1;
  // "arrived" heads its column on every row: each count ends under its "d".
  const auto ends_at = [&](size_t line) {
    const size_t end = line + arrived + std::string("arrived").size();
    return table[end - 1] != ' ' && table[end] == ' ';
  };
  EXPECT_TRUE(ends_at(row)) << table;
  EXPECT_TRUE(ends_at(welcome)) << table;
}

TEST_F(ReportSteps, MarkdownHasAStepsTableAndAnExperimentsTable) {
  const std::string md = render_markdown(with_effect());
  EXPECT_TRUE(contains(md,
                       "### Steps\n\n| stage | step | kind | arrived | waited (mean h) | what it does "
                       "|\n|---|---|---|---:|---:|---|\n"
                       "| — | route | split | 11100 | — | persona == 'vip' → checkout_b; otherwise → "
                       "test |\n"
                       "| nurture | wait_2d | wait | 11915 | 48.00 [48.00, 48.00] | 2d → reminder |\n"
                       "| — | test | experiment | 8937 | — | A 50 % → checkout_a; B 50 % → checkout_b "
                       "|\n"))
      << md;
  EXPECT_TRUE(contains(md,
                       "| test | A | 4461 | 49.27% [47.81%, 50.74%] | baseline | — |\n"
                       "| test | B | 4476 | 70.60% [69.25%, 71.92%] | +20.00 pts [+19.00, +21.00] "
                       "| 93 |\n"))
      << md;
}

TEST_F(ReportSteps, MermaidPutsAWaitAsATaskAfterTheTouchpointItHangsFrom) {
  EXPECT_TRUE(contains(render_mermaid(*report_),
                       "  section nurture\n"
                       "    welcome: 4: regular, vip\n"
                       "    wait 2d: 4\n"
                       "    reminder: 4: regular, vip\n"));
}

TEST_F(ReportSteps, TheHtmlMapShowsEachStepInItsStage) {
  const std::string html = render_html(*report_, model_->scenario());
  const size_t map = html.find("id=\"journey-map\"");
  const size_t end = html.find("</section>", map);
  const std::string section = html.substr(map, end - map);
  const size_t wait = section.find("<div class=\"step\" data-step=\"wait_2d\"");
  ASSERT_NE(wait, std::string::npos);
  EXPECT_GT(wait, section.find("data-stage=\"nurture\""));
  EXPECT_TRUE(contains(section, "2d → reminder"));
  EXPECT_TRUE(contains(section,
                       "data-metric=\"steps.wait_2d.arrivals\" data-value=\"11915\">11,915 arrivals"));
  // The split and the experiment have no stage: they show where they hang.
  EXPECT_TRUE(contains(section, "data-step=\"route\""));
  EXPECT_TRUE(contains(section, "data-step=\"test\""));
}

TEST_F(ReportSteps, TheHtmlFlowDrawsStepsAndTheirRoutesWithTheirCustomers) {
  const std::string html = render_html(*report_, model_->scenario());
  const size_t flow = html.find("id=\"flow\"");
  const std::string section = html.substr(flow, html.find("</section>", flow) - flow);
  EXPECT_TRUE(contains(section, "data-step=\"wait_2d\""));
  // welcome's `on` route: not counted as it is taken, worked out exactly.
  EXPECT_TRUE(contains(section,
                       "data-customers=\"11915\"><title>welcome → wait_2d (dropped): 11,915 "
                       "customers</title>"));
  EXPECT_TRUE(contains(section,
                       "data-customers=\"2163\"><title>route → checkout_b (persona == &#39;vip&#39;)"
                       ": 2,163 customers</title>"));
  EXPECT_TRUE(contains(section,
                       "data-customers=\"4476\"><title>test → checkout_b (B 50 %): 4,476 "
                       "customers</title>"));
  EXPECT_TRUE(contains(section, ">2d</text>"));
  // Nothing enters at a node customers cannot start at.
  EXPECT_EQ(section.find("reminder: 11,915 started here"), std::string::npos);
}

// Two splits into the same two touchpoints: no tally and no balance of
// what enters and leaves a node says how many took each branch.
constexpr const char* kTwoSplits = R"(
[journey]
name = "Two splits"
stages = ["s"]
conversion = "buy"
[personas.vip]
share = 0.3
[personas.regular]
share = 0.7
[touchpoints.a]
stage = "s"
channel = "fixed"
entry = 1.0
params = { drop = 0.0 }
next = [{ to = "one", weight = 0.5 }, { to = "two", weight = 0.5 }]
[steps.one]
kind = "split"
branches = [{ when = "persona == 'vip'", to = "x" }, { to = "y" }]
[steps.two]
kind = "split"
branches = [{ when = "persona == 'regular'", to = "x" }, { to = "y" }]
[touchpoints.x]
stage = "s"
channel = "fixed"
milestone = "buy"
params = { drop = 0.0 }
exit = true
[touchpoints.y]
stage = "s"
channel = "fixed"
params = { drop = 0.0 }
exit = true
)";

TEST(StepFlow, ARouteNoTallyDeterminesIsDrawnThinAndDashedWithItsLabel) {
  const SimulationModel model = testing::model_from_text(kTwoSplits);
  const RunReport report = testing::run_report(model, 2000, 3);
  const html::FlowLayout layout = html::layout_flow(report, model.scenario(), 1264);
  size_t uncounted = 0;
  for (const html::FlowLink& link : layout.links) {
    uncounted += link.counted ? 0 : 1;
    EXPECT_EQ(link.counted, !layout.nodes[link.from].is_step()) << link.label;
  }
  EXPECT_EQ(uncounted, 4u);
  const std::string html = render_html(report, model.scenario());
  EXPECT_TRUE(contains(html, "<title>one → x (persona == &#39;vip&#39;): not counted route by "
                             "route</title>"));
  EXPECT_TRUE(contains(html, "class=\"link route\""));
}

TEST_F(ReportSteps, TheHtmlStepsSectionCarriesArmsEffectsAndSampleSizes) {
  const std::string html = render_html(with_effect(), model_->scenario());
  const size_t at = html.find("<section id=\"steps\">");
  ASSERT_NE(at, std::string::npos);
  const std::string section = html.substr(at, html.find("</section>", at) - at);
  EXPECT_TRUE(contains(section, "data-metric=\"steps.wait_2d.mean_hours\" data-value=\"48\""));
  EXPECT_TRUE(contains(section, "data-metric=\"experiments.test.arms.B.conversion_rate\""));
  EXPECT_TRUE(contains(section,
                       "data-metric=\"experiments.test.effects.B.conversion_rate\" "
                       "data-value=\"0.2\""));
  EXPECT_TRUE(contains(section, "<td class=\"num\">93</td>"));
  EXPECT_TRUE(contains(html, "<a href=\"#steps\">Steps</a>"));
}

TEST(ReportWithoutSteps, HasNoStepSectionsOrRows) {
  const SimulationModel model(load_scenario(kData + "/check/shop.toml"), PluginCatalog());
  const RunReport report = testing::run_report(model, 2000, 5);
  EXPECT_EQ(render_table(report).find("STEPS"), std::string::npos);
  EXPECT_EQ(render_markdown(report).find("### Steps"), std::string::npos);
  EXPECT_EQ(render_html(report, model.scenario()).find("id=\"steps\""), std::string::npos);
  for (const MetricRow& row : metric_rows(report)) {
    EXPECT_NE(row.scope, "step") << row.path;
    EXPECT_NE(row.scope, "experiment") << row.path;
  }
}

TEST_F(ReportSteps, MarkdownAndHtmlAreTheSameBytesForAnyThreadCount) {
  const std::string md = render_markdown(*report_);
  const std::string html = render_html(*report_, model_->scenario());
  for (const unsigned threads : {2u, 3u}) {
    const RunReport again = testing::run_report(*model_, 20'000, 5, threads);
    EXPECT_EQ(render_markdown(again), md) << threads << " threads";
    EXPECT_EQ(render_html(again, model_->scenario()), html) << threads << " threads";
  }
}

TEST_F(ReportSteps, StepsAndExperimentsAreMetricRows) {
  EXPECT_EQ(testing::metric(*report_, "steps.route.arrivals").value, 11100);
  EXPECT_EQ(testing::metric(*report_, "steps.test.agents").value, 8937);
  EXPECT_DOUBLE_EQ(testing::metric(*report_, "steps.wait_2d.mean_hours").value, 48.0);
  EXPECT_NEAR(testing::metric(*report_, "experiments.test.arms.B.conversion_rate").value,
              3160.0 / 4476.0, 1e-12);
  EXPECT_EQ(testing::metric(*report_, "experiments.test.arms.A.agents").value, 4461);
  EXPECT_DOUBLE_EQ(testing::metric(*report_, "experiments.test.effects.B.conversion_rate").value,
                   report_->experiments.at(0).effects.at(0).conversion_rate.value);
  EXPECT_DOUBLE_EQ(testing::metric(with_effect(), "experiments.test.effects.B.conversion_rate").value,
                   0.2);
  EXPECT_EQ(testing::metric(with_effect(), "experiments.test.sample_size_per_arm.B").value, 93);
}

TEST_F(ReportSteps, ArmConversionIsBetterHigherAndAStepsArrivalsHaveNoDirection) {
  for (const MetricRow& row : metric_rows(*report_)) {
    if (row.path == "experiments.test.arms.B.conversion_rate" ||
        row.path == "experiments.test.effects.B.conversion_rate") {
      EXPECT_EQ(row.better, Better::Higher) << row.path;
    }
    if (row.path == "steps.route.arrivals" || row.path == "steps.wait_2d.mean_hours") {
      EXPECT_EQ(row.better, Better::Neither) << row.path;
    }
  }
}

TEST(StepThresholds, PassAndFailOnAStepJourneysRun) {
  const SimulationModel model(load_scenario(kData + "/loader/steps_thresholds.toml"),
                              PluginCatalog());
  const auto specs = compile_thresholds(model.scenario(), metric_paths(model));
  const std::vector<MetricRow> rows = metric_rows(testing::run_report(model, 20'000, 5));
  std::map<std::string, bool> passed;
  for (const ConditionOutcome& out : evaluate_thresholds(specs, rows)) {
    passed[out.metric + " " + out.condition.text] = out.passed;
  }
  EXPECT_TRUE(passed.at("steps.wait_2d.mean_hours >= 47.9"));
  EXPECT_TRUE(passed.at("steps.wait_2d.mean_hours <= 48.1"));
  EXPECT_FALSE(passed.at("steps.route.arrivals > 100000"));
  EXPECT_TRUE(passed.at("experiments.test.arms.B.conversion_rate >= 0.65"));
  EXPECT_FALSE(passed.at("experiments.test.arms.A.conversion_rate >= 0.65"));
}

TEST(StepThresholds, AnUnknownStepPathNamesTheNearest) {
  LoadOptions options;
  options.overrides = {"thresholds.steps.rout.arrivals=\"> 1\""};
  const SimulationModel model(load_scenario(kData + "/loader/steps_acceptance.toml", options),
                              PluginCatalog());
  try {
    compile_thresholds(model.scenario(), metric_paths(model));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].message,
              "unknown metric 'steps.rout.arrivals' in [thresholds] (did you mean "
              "'steps.route.arrivals'?)");
  }
}

std::string trace_of(const SimulationModel& model, uint64_t agents, unsigned threads) {
  std::ostringstream out;
  CsvEventWriter writer(out, model);
  writer.header();
  OrderedTrace trace(0, [&](const std::vector<TraceEvent>& e) { writer.write(e); });
  RunOptions options;
  options.agents = agents;
  options.seed = 5;
  options.threads = threads;
  options.trace = &trace;
  run_agents(model, options);
  return out.str();
}

TEST_F(ReportSteps, TheEventTraceHasARowPerStepVisitSayingWhatHappened) {
  const std::string trace = trace_of(*model_, 64, 1);
  EXPECT_EQ(trace.substr(0, trace.find('\n')),
            "customer_id,timestamp,touchpoint,channel,persona,revenue,converted,step");
  EXPECT_TRUE(contains(trace,
                       "c0,2026-01-01T00:00:00.000Z,welcome,fixed,regular,0,0,\n"
                       "c0,2026-01-01T00:00:00.000Z,route,split,regular,0,0,otherwise → test\n"
                       "c0,2026-01-01T00:00:00.000Z,test,experiment,regular,0,0,arm A → "
                       "checkout_a\n"
                       "c0,2026-01-01T00:00:00.000Z,checkout_a,fixed,regular,0,0,\n"));
  EXPECT_TRUE(contains(trace,
                       "c1,2026-01-01T00:00:00.000Z,wait_2d,wait,vip,0,0,waited 48h → reminder\n"
                       "c1,2026-01-03T00:00:00.000Z,reminder,fixed,vip,0,0,\n"));
}

TEST(StepTrace, SaysWhatAnUpdateSetsAndWhyAnExitEnds) {
  const SimulationModel model(load_scenario(kData + "/report/every_step.toml"), PluginCatalog());
  const std::string trace = trace_of(model, 64, 1);
  EXPECT_TRUE(contains(trace, ",mark,update,p,0,0,sets coupon = true → later\n"));
  EXPECT_TRUE(contains(trace, ",bye,exit,p,0,0,exit: bought\n"));
  EXPECT_TRUE(contains(trace, ",pause,wait,p,0,0,waited "));
}

TEST_F(ReportSteps, TheEventTraceIsTheSameBytesForAnyThreadCount) {
  const std::string one = trace_of(*model_, 5000, 1);
  EXPECT_EQ(trace_of(*model_, 5000, 2), one);
  EXPECT_EQ(trace_of(*model_, 5000, 3), one);
}

TEST(StepTrace, AJourneyWithoutStepsKeepsItsColumns) {
  const SimulationModel model(load_scenario(kData + "/check/shop.toml"), PluginCatalog());
  const std::string trace = trace_of(model, 64, 1);
  EXPECT_EQ(trace.substr(0, trace.find('\n')),
            "customer_id,timestamp,touchpoint,channel,persona,revenue,converted");
}

}  // namespace
}  // namespace journeysim
