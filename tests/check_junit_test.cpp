// The JUnit rendering read back with an independent XML parser (pugixml):
// structure, counts, escaping, and the failure details CI systems show.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "journeysim/check.h"

namespace journeysim {
namespace {

ConditionOutcome threshold(const std::string& metric, const std::string& condition, bool passed,
                           Estimate observed = {0.049, 0.048, 0.050, 1000, true}) {
  ConditionOutcome t;
  t.metric = metric;
  t.condition = parse_condition(condition, {"shop.toml", 40, 19});
  t.observed = observed;
  t.passed = passed;
  t.reason = passed ? "holds" : "the point estimate 0.0490 is not " + condition;
  return t;
}

RegressionOutcome regression(const std::string& metric, bool passed, bool skipped = false) {
  RegressionOutcome r;
  r.metric = metric;
  r.better = Better::Higher;
  r.baseline = {{0.70, 0.69, 0.71, 1000, true}, false};
  r.current = {{0.66, 0.65, 0.67, 1000, true}, false};
  r.change = -0.04;
  r.allowed = 0.014;
  r.compared = !skipped;
  r.passed = passed;
  r.skipped = skipped;
  r.reason = skipped ? "no data (n = 0) in the baseline" : "worsened by 0.0400, beyond noise";
  return r;
}

ScenarioCheck scenario(const std::string& name, const std::string& file) {
  ScenarioCheck s;
  s.name = name;
  s.file = file;
  s.manifest.scenario_hash = "0123456789abcdef";
  s.manifest.engine_version = "1";
  s.manifest.seed = 7;
  s.manifest.agents = 1000;
  return s;
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result ok = doc.load_string(xml.c_str());
  EXPECT_TRUE(ok) << ok.description() << " at " << ok.offset << "\n" << xml;
  return doc;
}

size_t count(const pugi::xml_node& node, const char* child) {
  size_t n = 0;
  for (pugi::xml_node c = node.child(child); c; c = c.next_sibling(child)) {
    ++n;
  }
  return n;
}

CheckReport two_scenarios() {
  CheckReport report;
  ScenarioCheck a = scenario("Spring launch", "store.toml");
  a.thresholds = {threshold("conversion_rate", ">= 0.02", true),
                  threshold("touchpoints.checkout.drop_rate", "< 0.5", false)};
  a.has_baseline = true;
  a.baseline_file = "baselines/store.json";
  a.regressions = {regression("csat", false), regression("nps", true),
                   regression("cart_abandonment_rate", true, true)};
  ScenarioCheck b = scenario("Lead gen", "b2b.toml");
  b.thresholds = {threshold("milestones.lead.rate", ">= 0.05", true)};
  report.scenarios = {a, b};
  assign_suite_names(report);
  return report;
}

TEST(CheckJunit, OneTestsuitePerScenarioWithMatchingCounts) {
  const pugi::xml_document doc = parse(render_check_junit(two_scenarios()));
  const pugi::xml_node root = doc.child("testsuites");
  ASSERT_TRUE(root);
  EXPECT_EQ(root.attribute("tests").as_int(), 6);
  EXPECT_EQ(root.attribute("failures").as_int(), 2);
  EXPECT_EQ(root.attribute("skipped").as_int(), 1);
  EXPECT_EQ(root.attribute("errors").as_int(), 0);
  ASSERT_EQ(count(root, "testsuite"), 2u);
  for (pugi::xml_node suite : root.children("testsuite")) {
    size_t failures = 0, skipped = 0;
    for (pugi::xml_node tc : suite.children("testcase")) {
      EXPECT_STREQ(tc.attribute("classname").value(), suite.attribute("name").value());
      EXPECT_STREQ(tc.attribute("time").value(), "0");
      failures += count(tc, "failure");
      skipped += count(tc, "skipped");
    }
    EXPECT_EQ(suite.attribute("tests").as_uint(), count(suite, "testcase"));
    EXPECT_EQ(suite.attribute("failures").as_uint(), failures);
    EXPECT_EQ(suite.attribute("skipped").as_uint(), skipped);
    EXPECT_STREQ(suite.attribute("time").value(), "0");
  }
}

TEST(CheckJunit, TestcaseIsNamedMetricOperatorValue) {
  const pugi::xml_document doc = parse(render_check_junit(two_scenarios()));
  const pugi::xml_node suite = doc.child("testsuites").child("testsuite");
  EXPECT_STREQ(suite.attribute("name").value(), "Spring launch");
  EXPECT_STREQ(suite.child("testcase").attribute("name").value(), "conversion_rate >= 0.02");
  EXPECT_FALSE(suite.child("testcase").first_child());  // passed: no child element
}

TEST(CheckJunit, FailureCarriesObservedAndRequiredInMessageAndText) {
  const pugi::xml_document doc = parse(render_check_junit(two_scenarios()));
  const pugi::xml_node failure =
      doc.select_node("//testcase[@name='touchpoints.checkout.drop_rate < 0.5']/failure").node();
  ASSERT_TRUE(failure);
  EXPECT_STREQ(failure.attribute("type").value(), "threshold");
  EXPECT_STREQ(failure.attribute("message").value(),
               "touchpoints.checkout.drop_rate < 0.5 failed: observed 0.0490 [0.0480, 0.0500], "
               "required < 0.5 (on the point estimate)");
  const std::string details = failure.text().get();
  EXPECT_NE(details.find("observed:  0.0490 (95% interval 0.0480 to 0.0500, n = 1000)"),
            std::string::npos)
      << details;
  EXPECT_NE(details.find("required:  < 0.5 (on the point estimate)"), std::string::npos);
  EXPECT_NE(details.find("defined at shop.toml:40:19"), std::string::npos);
}

TEST(CheckJunit, RegressionFailureNamesBaselineAndAllowance) {
  const pugi::xml_document doc = parse(render_check_junit(two_scenarios()));
  const pugi::xml_node failure =
      doc.select_node("//testcase[@name='regression csat (significance)']/failure").node();
  ASSERT_TRUE(failure);
  EXPECT_STREQ(failure.attribute("type").value(), "regression");
  const std::string details = failure.text().get();
  EXPECT_NE(details.find("baseline: 0.7000 (95% interval 0.6900 to 0.7100, n = 1000) from "
                         "baselines/store.json"),
            std::string::npos)
      << details;
  EXPECT_NE(details.find("change:   -0.0400; worsening allowed 0.0140"), std::string::npos);
}

TEST(CheckJunit, SkippedCheckHasASkippedElement) {
  const pugi::xml_document doc = parse(render_check_junit(two_scenarios()));
  const pugi::xml_node skipped =
      doc.select_node("//testcase[@name='regression cart_abandonment_rate (significance)']/skipped")
          .node();
  ASSERT_TRUE(skipped);
  EXPECT_STREQ(skipped.attribute("message").value(), "no data (n = 0) in the baseline");
}

TEST(CheckJunit, MarkupInNamesAndMessagesIsEscaped) {
  CheckReport report;
  ScenarioCheck s = scenario("Tom & Jerry's <\"shop\">", "t&j.toml");
  s.thresholds = {threshold("conversion_rate", "< 0.01", false)};
  s.thresholds[0].reason = "quotes \" and ' and <tags> & ampersands\nsecond line";
  report.scenarios = {s};
  assign_suite_names(report);
  const std::string xml = render_check_junit(report);
  const pugi::xml_document doc = parse(xml);
  const pugi::xml_node suite = doc.child("testsuites").child("testsuite");
  EXPECT_STREQ(suite.attribute("name").value(), "Tom & Jerry's <\"shop\">");
  EXPECT_STREQ(suite.child("testcase").attribute("classname").value(), "Tom & Jerry's <\"shop\">");
  const std::string details = suite.child("testcase").child("failure").text().get();
  EXPECT_NE(details.find("quotes \" and ' and <tags> & ampersands\nsecond line"),
            std::string::npos);
  EXPECT_NE(xml.find("Tom &amp; Jerry&apos;s &lt;&quot;shop&quot;&gt;"), std::string::npos);
}

TEST(CheckJunit, ControlCharactersAndBrokenUtf8DoNotBreakTheFile) {
  CheckReport report;
  ScenarioCheck s = scenario("bell\x07 and \xff byte", "x.toml");
  s.error = "plugin said \x01\x02 and \xc3";
  report.scenarios = {s};
  assign_suite_names(report);
  const pugi::xml_document doc = parse(render_check_junit(report));
  const pugi::xml_node error = doc.select_node("//testcase[@name='run']/error").node();
  ASSERT_TRUE(error);
  EXPECT_EQ(doc.child("testsuites").attribute("errors").as_int(), 1);
}

TEST(CheckJunit, ScenariosSharingANameGetDistinctSuites) {
  CheckReport report;
  report.scenarios = {scenario("Shop", "a.toml"), scenario("Shop", "b.toml"),
                      scenario("Other", "c.toml")};
  assign_suite_names(report);
  EXPECT_EQ(report.scenarios[0].suite_name, "Shop (a.toml)");
  EXPECT_EQ(report.scenarios[1].suite_name, "Shop (b.toml)");
  EXPECT_EQ(report.scenarios[2].suite_name, "Other");
}

}  // namespace
}  // namespace journeysim
