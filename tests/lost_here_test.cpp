// "Lost here" (docs/metrics.md): journeys that ended at a touchpoint without
// converting, with their reasons; a customer who converted and then drops
// (the ignored thank-you e-mail) is lost nowhere, and the friction list
// ranks by it. Also the stage emotion curve over everyone who entered a
// stage, so a painful touchpoint shows as a dip.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "journeysim/report_writers.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using testing::metric;
using testing::model_from_text;
using testing::run_report;

constexpr uint64_t kAgents = 20'000;
constexpr uint64_t kSeed = 17;

// Land, buy (the conversion), then a thank-you e-mail that 90% ignore after
// the purchase, then a review request that ends the journey.
const char* const kPostPurchase = R"(
[journey]
name = "Post-purchase"
type = "purchase"
horizon_days = 30
stages = ["buy", "after"]
conversion = "purchase"

[personas.regular]
share = 0.7
[personas.vip]
share = 0.3

[touchpoints.landing]
stage = "buy"
channel = "fixed"
entry = 1.0
params = { drop = 0.4 }
next = [{ to = "checkout" }]

[touchpoints.checkout]
stage = "buy"
channel = "fixed"
milestone = "purchase"
params = { drop = 0.5 }
next = [{ to = "thank_you" }]

[touchpoints.thank_you]
stage = "after"
channel = "fixed"
params = { drop = 0.9 }
next = [{ to = "review" }]

[touchpoints.review]
stage = "after"
channel = "fixed"
params = { drop = 0.0 }
exit = true
)";

const TouchpointReport& touchpoint(const RunReport& r, const std::string& id) {
  for (const TouchpointReport& t : r.touchpoints) {
    if (t.id == id) {
      return t;
    }
  }
  throw std::runtime_error("no touchpoint " + id);
}

const PersonaTouchpoint& slice(const RunReport& r, size_t persona, const std::string& id) {
  for (const PersonaTouchpoint& t : r.personas.at(persona).touchpoints) {
    if (t.touchpoint == id) {
      return t;
    }
  }
  throw std::runtime_error("no touchpoint " + id);
}

const RunReport& post_purchase() {
  static const SimulationModel model = model_from_text(kPostPurchase);
  static const RunReport report = run_report(model, kAgents, kSeed);
  return report;
}

TEST(LostHere, AThankYouIgnoredAfterThePurchaseLosesNobody) {
  const TouchpointReport& ty = touchpoint(post_purchase(), "thank_you");
  // Every customer there has bought: the e-mail's drops are its channel's
  // business, not customers lost.
  EXPECT_EQ(ty.arrivals, 5'929u);
  EXPECT_EQ(ty.dropped, 5'358u);
  EXPECT_EQ(ty.lost, 0u);
  EXPECT_TRUE(ty.lost_reasons.empty());
  ASSERT_TRUE(ty.lost_rate.has_value());
  EXPECT_EQ(ty.lost_rate.value, 0.0);
  EXPECT_EQ(ty.lost_rate.n, ty.agents);
  // The review request ends the journey of converted customers: no loss.
  EXPECT_EQ(touchpoint(post_purchase(), "review").lost, 0u);
}

TEST(LostHere, DropsBeforeConvertingAreLostWithTheirReason) {
  const RunReport& r = post_purchase();
  const TouchpointReport& landing = touchpoint(r, "landing");
  const TouchpointReport& checkout = touchpoint(r, "checkout");
  EXPECT_EQ(landing.lost, 7'924u);
  EXPECT_EQ(landing.lost, landing.dropped);
  EXPECT_EQ(checkout.lost, 6'147u);
  EXPECT_EQ(checkout.lost, checkout.dropped);
  ASSERT_EQ(checkout.lost_reasons.size(), 1u);
  EXPECT_EQ(checkout.lost_reasons[0].code, "dropped");
  EXPECT_EQ(checkout.lost_reasons[0].count, checkout.lost);
  // lost / agents who came, with its Wilson interval.
  EXPECT_EQ(checkout.lost_rate.value, 6'147.0 / 12'076.0);
  EXPECT_EQ(checkout.agents, 12'076u);
  EXPECT_LT(checkout.lost_rate.low, checkout.lost_rate.value);
  EXPECT_GT(checkout.lost_rate.high, checkout.lost_rate.value);
  EXPECT_EQ(metric(r, "touchpoints.checkout.lost_rate").value, checkout.lost_rate.value);
  EXPECT_EQ(metric(r, "touchpoints.checkout.lost").value, 6'147.0);
  // Every unconverted journey is lost exactly once.
  EXPECT_EQ(landing.lost + checkout.lost + r.journey.converted, kAgents);
}

TEST(LostHere, TheFrictionListRanksByLostHereAndLeavesOutTheThankYou) {
  const RunReport& r = post_purchase();
  ASSERT_EQ(r.opportunities.size(), 2u);
  EXPECT_EQ(r.opportunities[0].touchpoint, "landing");
  EXPECT_EQ(r.opportunities[1].touchpoint, "checkout");
  EXPECT_EQ(r.opportunities[1].impact, 6'147.0 / kAgents);
  for (const Opportunity& o : r.opportunities) {
    EXPECT_NE(o.touchpoint, "thank_you");
  }
}

TEST(LostHere, EachPersonasLossesAddUpToTheTouchpoints) {
  const RunReport& r = post_purchase();
  for (const char* id : {"landing", "checkout", "thank_you"}) {
    const PersonaTouchpoint& regular = slice(r, 0, id);
    const PersonaTouchpoint& vip = slice(r, 1, id);
    EXPECT_EQ(regular.lost + vip.lost, touchpoint(r, id).lost) << id;
    EXPECT_EQ(regular.agents + vip.agents, touchpoint(r, id).agents) << id;
  }
  const PersonaTouchpoint& vip_checkout = slice(r, 1, "checkout");
  EXPECT_EQ(vip_checkout.lost, 1'871u);
  EXPECT_EQ(vip_checkout.lost_rate.value, 1'871.0 / static_cast<double>(vip_checkout.agents));
  EXPECT_EQ(metric(r, "personas.vip.touchpoints.checkout.lost_rate").value,
            vip_checkout.lost_rate.value);
  EXPECT_EQ(slice(r, 1, "thank_you").lost, 0u);
}

TEST(LostHere, IsTheSameForAnyNumberOfThreads) {
  static const SimulationModel model = model_from_text(kPostPurchase);
  const std::string one = render_json(run_report(model, kAgents, kSeed, 1));
  EXPECT_EQ(render_json(run_report(model, kAgents, kSeed, 2)), one);
  EXPECT_EQ(render_json(run_report(model, kAgents, kSeed, 3)), one);
}

TEST(LostHere, ReachingAnExitUnconvertedIsLostAsEnded) {
  // Half of the visitors take the newsletter branch, which ends the journey
  // without a purchase.
  std::string toml = kPostPurchase;
  toml.replace(toml.find("next = [{ to = \"checkout\" }]"), 28,
               "next = [{ to = \"checkout\", weight = 0.5 }, { to = \"newsletter\", weight = 0.5 }]");
  toml += R"(
[touchpoints.newsletter]
stage = "buy"
channel = "fixed"
params = { drop = 0.0 }
exit = true
)";
  const RunReport r = run_report(model_from_text(toml), kAgents, kSeed);
  const TouchpointReport& newsletter = touchpoint(r, "newsletter");
  EXPECT_GT(newsletter.exits, 0u);
  EXPECT_EQ(newsletter.lost, newsletter.exits);
  ASSERT_EQ(newsletter.lost_reasons.size(), 1u);
  EXPECT_EQ(newsletter.lost_reasons[0].code, "ended");
  EXPECT_EQ(newsletter.lost_reasons[0].label, "journey ended here without converting");
}

TEST(LostHere, ACutOffIsNotTheCustomerLeaving) {
  // The checkout takes two days of a one-day horizon: everyone who gets
  // there is cut off, and nobody is lost there.
  std::string toml = kPostPurchase;
  toml.replace(toml.find("horizon_days = 30"), 17, "horizon_days = 1");
  toml.replace(toml.find("params = { drop = 0.5 }"), 23, "params = { drop = 0.5, hours = 48 }");
  const RunReport r = run_report(model_from_text(toml), kAgents, kSeed);
  const TouchpointReport& checkout = touchpoint(r, "checkout");
  EXPECT_EQ(checkout.cut_off, checkout.arrivals);
  EXPECT_EQ(checkout.lost, 0u);
  EXPECT_EQ(r.journey.horizon, checkout.arrivals);
}

TEST(LostHere, JsonCarriesLostRateAndReasonsUnderSchemaRun3) {
  const std::string json = render_json(post_purchase());
  EXPECT_NE(json.find("\"schema\": \"journeysim.run/3\""), std::string::npos);
  EXPECT_NE(json.find("\"lost\": 6147"), std::string::npos);
  EXPECT_NE(json.find("\"lost_reasons\": []"), std::string::npos);  // the thank-you
}

// --- the reports: "lost here" is the headline, the drop rate stays visible --

TEST(LostHereReports, TheTableCountsLostHereBesideTheDrops) {
  const std::string table = render_table(post_purchase());
  const size_t row = table.find("  thank_you [fixed]");
  ASSERT_NE(row, std::string::npos);
  const std::string line = table.substr(row, table.find('\n', row) - row);
  // 5,358 dropped (90.37%), none of them lost.
  EXPECT_NE(line.find("5,358  90.37%"), std::string::npos) << line;
  EXPECT_NE(line.find("+0.000           0  "), std::string::npos) << line;  // lost here: 0
  const size_t checkout = table.find("  checkout [fixed]");
  EXPECT_NE(table.find("     6,147  left at this step 100%", checkout), std::string::npos) << table;
  EXPECT_EQ(table.find("thank_you:"), std::string::npos) << "not a friction hot spot";
}

TEST(LostHereReports, DropsRoutedOnAreTheChannelsDropsButNoLoss) {
  // The checkout's drops go on to a last-chance page (`on`): the checkout
  // still shows its abandonment with its reason, loses nobody, and the
  // table says why they dropped there instead.
  std::string text = kPostPurchase;
  text.replace(text.find("next = [{ to = \"thank_you\" }]"), 29,
               "next = [{ to = \"thank_you\" }]\non = { dropped = \"last_chance\" }");
  text += R"(
[touchpoints.last_chance]
stage = "buy"
channel = "fixed"
params = { drop = 1.0 }
exit = true
)";
  const SimulationModel model = model_from_text(text);
  const RunReport r = run_report(model, kAgents, kSeed);
  const TouchpointReport& checkout = touchpoint(r, "checkout");
  EXPECT_EQ(checkout.dropped, checkout.rerouted);
  EXPECT_EQ(checkout.lost, 0u);
  EXPECT_NEAR(checkout.drop_rate.value, 0.5, 4 * std::sqrt(0.25 / static_cast<double>(checkout.arrivals)));
  EXPECT_EQ(touchpoint(r, "last_chance").lost, checkout.dropped);
  const std::string table = render_table(r);
  const size_t row = table.find("  checkout [fixed]");
  EXPECT_NE(table.find("          0  (routed on) left at this step 100%", row), std::string::npos)
      << table;
}

TEST(LostHereReports, MarkdownTouchpointRowsLeadWithLostHere) {
  const std::string md = render_markdown(post_purchase());
  EXPECT_NE(md.find("| after | thank_you | 5929 | 0 · 0.00% ["), std::string::npos) << md;
  EXPECT_NE(md.find("| buy | checkout | 12076 | 6147 · 50.90% ["), std::string::npos) << md;
}

TEST(LostHereReports, TheMapsPainPointsAreWhereCustomersWereLost) {
  const SimulationModel model = model_from_text(kPostPurchase);
  const std::string html = render_html(post_purchase(), model.scenario());
  EXPECT_NE(html.find("data-metric=\"touchpoints.thank_you.lost_rate\" data-value=\"0\""),
            std::string::npos);
  // The one reason, summed over the buy stage, and nothing in the after stage.
  EXPECT_NE(html.find("14,071 lost: 7,924 at landing; 6,147 at checkout"), std::string::npos);
  EXPECT_EQ(html.find("lost at thank_you"), std::string::npos);
  EXPECT_EQ(html.find("at thank_you"), std::string::npos);
}

// --- the emotion curve ----------------------------------------------------------

// A painful middle stage: half leave at t2; the half who pass lose 0.3
// satisfaction there and regain 0.2 at t3.
const char* const kPainfulMiddle = R"(
[journey]
name = "Painful middle"
type = "purchase"
horizon_days = 30
stages = ["a", "b", "c"]
conversion = "purchase"

[personas.p]
share = 1.0

[touchpoints.t1]
stage = "a"
channel = "fixed"
entry = 1.0
params = { drop = 0.0 }
next = [{ to = "t2" }]

[touchpoints.t2]
stage = "b"
channel = "fixed"
params = { drop = 0.5, emotion = -0.3 }
next = [{ to = "t3" }]

[touchpoints.t3]
stage = "c"
channel = "fixed"
milestone = "purchase"
params = { drop = 0.0, emotion = 0.2 }
exit = true
)";

TEST(EmotionCurve, APainfulStageIsADipOverEveryoneWhoEnteredIt) {
  const RunReport r = run_report(model_from_text(kPainfulMiddle), kAgents, kSeed);
  const TouchpointReport& t2 = touchpoint(r, "t2");
  const double passed = static_cast<double>(t2.continued) / static_cast<double>(t2.arrivals);
  // Stage b: everyone who entered it, those who left there (at 0.7: the
  // fixed channel moves only those who pass) and those who went on (0.4).
  EXPECT_EQ(r.stages[1].reached, kAgents);
  EXPECT_NEAR(r.stages[0].satisfaction.value, 0.7, 1e-6);
  EXPECT_NEAR(r.stages[1].satisfaction.value, 0.7 - 0.3 * passed, 1e-6);
  EXPECT_NEAR(r.stages[2].satisfaction.value, 0.6, 1e-6);
  // Exactly: 0.55 within 4 standard errors (0.15 per agent, half of them).
  EXPECT_NEAR(r.stages[1].satisfaction.value, 0.55, 4 * 0.15 / std::sqrt(double{kAgents}));
  EXPECT_LT(r.stages[1].satisfaction.value, r.stages[0].satisfaction.value);
  EXPECT_LT(r.stages[1].satisfaction.value, r.stages[2].satisfaction.value);
  // The touchpoint's emotion is averaged over everyone who came, too.
  EXPECT_NEAR(t2.emotion.value, -0.3 * passed, 1e-6);
  EXPECT_EQ(t2.lost, t2.dropped);
}

}  // namespace
}  // namespace journeysim
