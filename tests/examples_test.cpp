// The example journeys in scenarios/ do what their comments promise: each is
// run the way a user runs it (the CLI, JSON out) on 20,000 customers of its
// own seed, and checked for the behaviour it was built to show.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "support/command.h"
#include "support/journeys.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using nlohmann::json;
using testing::journeysim;

constexpr uint64_t kAgents = 20'000;

std::string example(const std::string& name) {
  return journeysim::testing::source_dir() + "/scenarios/" + name + ".toml";
}

json run(const std::string& file) {
  const auto r = journeysim("run " + file + " --agents " + std::to_string(kAgents) +
                            " --format json -q");
  EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
  return json::parse(r.out);
}

uint64_t count(const json& node, const char* key) { return node.at(key).get<uint64_t>(); }

double conversion(const json& doc) {
  return doc.at("metrics").at("conversion_rate").at("value").get<double>();
}

// The paired 95% interval of the variant's conversion minus the baseline's.
std::pair<double, double> conversion_change(const std::string& base, const std::string& variant) {
  const auto r = journeysim("compare " + example(base) + " " + example(variant) + " --agents " +
                            std::to_string(kAgents) + " --format json -q");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  for (const json& m : doc.at("variants").at(0).at("metrics")) {
    if (m.at("path") == "conversion_rate") {
      const json& ci = m.at("difference").at("ci95");
      return {ci.at(0).get<double>(), ci.at(1).get<double>()};
    }
  }
  ADD_FAILURE() << "no conversion_rate in the comparison";
  return {0.0, 0.0};
}

// Journeys with steps keep the engine's promise: the same bytes whatever the
// thread count (30,001 agents: a last block of one).
TEST(Examples, EveryExampleGivesTheSameJsonForOneTwoAndThreeThreads) {
  for (const char* name : {"store-launch", "welcome-series", "b2b-lead-gen", "engagement"}) {
    const std::string args = "run " + example(name) + " --agents 30001 --format json -q --threads ";
    const auto one = journeysim(args + "1");
    ASSERT_EQ(one.exit_code, 0) << name << ": " << one.err;
    EXPECT_EQ(journeysim(args + "2").out, one.out) << name;
    EXPECT_EQ(journeysim(args + "3").out, one.out) << name;
  }
}

// --- welcome series -------------------------------------------------------

TEST(Examples, WelcomeSeriesSplitsOpenersFromTheSilent) {
  const json doc = run(example("welcome-series"));
  const json& tp = doc.at("touchpoints");
  // Openers and clickers get the best sellers, the others the resend: both
  // branches are taken, and a welcome is unopened more often than opened.
  EXPECT_GT(count(tp.at("bestsellers"), "agents"), kAgents / 10);
  EXPECT_GT(count(tp.at("resend"), "agents"), count(tp.at("bestsellers"), "agents"));
  // Nobody is sent both: the split is on the same welcome.
  EXPECT_EQ(count(tp.at("bestsellers"), "agents") + count(tp.at("resend"), "agents"),
            count(doc.at("steps").at("engaged"), "agents"));
  EXPECT_GT(count(doc.at("steps").at("unsubscribed"), "exits"), 0u);
}

TEST(Examples, WelcomeSeriesSplitsTheLastCallEvenlyAndTheSecondSubjectLineWins) {
  const json doc = run(example("welcome-series"));
  const json& arms = doc.at("experiments").at("subject_test").at("arms");
  const double a = static_cast<double>(count(arms.at("code_expires"), "agents"));
  const double b = static_cast<double>(count(arms.at("beans_roasted"), "agents"));
  const double n = a + b;
  EXPECT_EQ(static_cast<uint64_t>(n), count(doc.at("steps").at("subject_test"), "agents"));
  EXPECT_NEAR(a / n, 0.5, 4 * std::sqrt(0.25 / n));  // weights 0.5 / 0.5
  EXPECT_GT(arms.at("beans_roasted").at("conversion_rate").at("value").get<double>(),
            arms.at("code_expires").at("conversion_rate").at("value").get<double>());
}

TEST(Examples, WelcomeSeriesConvertsAFewPercentOfSubscribers) {
  const double rate = conversion(run(example("welcome-series")));
  EXPECT_GT(rate, 0.03);
  EXPECT_LT(rate, 0.08);
}

TEST(Examples, WinningSubjectLineForMostSubscribersConvertsMore) {
  const auto [low, high] = conversion_change("welcome-series", "welcome-series.winning-subject");
  EXPECT_GT(low, 0.0) << "[" << low << ", " << high << "]";
}

// --- store launch ---------------------------------------------------------

TEST(Examples, CartReminderBringsShoppersBackToTheCheckout) {
  const json doc = run(example("store-launch"));
  const json& checkout = doc.at("touchpoints").at("checkout");
  EXPECT_GT(count(checkout, "arrivals"), count(checkout, "agents"));
  EXPECT_GT(count(doc.at("touchpoints").at("cart_reminder"), "continued"), 0u);
  EXPECT_GT(count(doc.at("steps").at("wait_4h"), "returned"), 0u);  // back before the email
  EXPECT_GT(count(doc.at("steps").at("cart_lost"), "exits"), 0u);   // reminded once only
}

TEST(Examples, CartReminderWinsBackSalesTheFunnelLoses) {
  // Same seed, same customers: the store launch before its cart flow.
  const json funnel = run(journeysim::testing::store_launch_funnel());
  const json store = run(example("store-launch"));
  EXPECT_GT(count(store.at("metrics"), "conversions"), count(funnel.at("metrics"), "conversions"));
}

// --- b2b nurture ----------------------------------------------------------

TEST(Examples, B2bNurtureKeepsNonOpenersInTheSeries) {
  const json doc = run(example("b2b-lead-gen"));
  const json& tp = doc.at("touchpoints");
  // Email 2 reaches the leads who clicked email 1 and did not book (70 % of
  // them) and every lead who did not click: more than email 1's clicks.
  const uint64_t waited = count(doc.at("steps").at("week_1"), "agents");
  EXPECT_GT(waited, count(tp.at("nurture_1"), "agents") / 2);
  EXPECT_GT(count(tp.at("nurture_2"), "agents"), waited);
  EXPECT_GT(count(tp.at("nurture_3"), "agents"), count(doc.at("steps").at("week_2"), "agents"));
}

// --- engagement -----------------------------------------------------------

TEST(Examples, EngagementActivatesAThirdOfSignUps) {
  const json doc = run(example("engagement"));
  const json& milestones = doc.at("metrics").at("milestones");
  const double signed_up = milestones.at("signed_up").at("rate").at("value").get<double>();
  const double activated = milestones.at("activated").at("rate").at("value").get<double>();
  EXPECT_GT(activated / signed_up, 0.25);
  EXPECT_LT(activated / signed_up, 0.5);
  // Stalled users come back to connect their bank (the nudge, or on their own).
  const json& connect = doc.at("touchpoints").at("connect_bank");
  EXPECT_GT(count(connect, "arrivals"), count(connect, "agents"));
  EXPECT_GT(count(doc.at("touchpoints").at("help_chat"), "continued"), 0u);
}

TEST(Examples, SecondNudgeActivatesMore) {
  const auto [low, high] = conversion_change("engagement", "engagement.second-nudge");
  EXPECT_GT(low, 0.0) << "[" << low << ", " << high << "]";
}

// --- bike shop (offline and paid channels) ---------------------------------

TEST(Examples, BikeShopPaidResultCatchesTheSearchersWhoScrolledPast) {
  const json doc = run(example("bike-shop"));
  const json& tp = doc.at("touchpoints");
  // Only those who never looked down to the organic result see the ad.
  EXPECT_EQ(count(tp.at("search_ad"), "arrivals"), count(tp.at("local_search"), "rerouted"));
  EXPECT_GT(count(tp.at("search_ad"), "continued"), 0u);
}

TEST(Examples, BikeShopTextBringsOutOfStockCustomersBackToTheShop) {
  const json doc = run(example("bike-shop"));
  const json& tp = doc.at("touchpoints");
  EXPECT_EQ(count(tp.at("back_in_stock"), "arrivals"), count(tp.at("shop"), "rerouted"));
  EXPECT_GT(count(tp.at("back_in_stock"), "continued"), 0u);
  EXPECT_GT(count(tp.at("shop"), "arrivals"), count(tp.at("shop"), "agents"));
}

// The issue-18 example: seven people on the hotline's shifts instead of
// five. Fewer callers wait (batch-means intervals, compared unpaired), and
// more customers stay (paired).
TEST(Examples, SevenPeopleOnTheHotlineMeanFewerWaitAndMoreStay) {
  const json five = run(example("support-hotline"));
  const json seven = run(example("support-hotline.seven-agents"));
  const json& q5 = five.at("resources").at("support_team");
  const json& q7 = seven.at("resources").at("support_team");
  EXPECT_LT(q7.at("waited_share").at("ci95").at(1).get<double>(),
            q5.at("waited_share").at("ci95").at(0).get<double>());
  EXPECT_LT(q7.at("wait_minutes").at("value").get<double>(),
            q5.at("wait_minutes").at("value").get<double>());
  EXPECT_LT(q7.at("utilization").at("value").get<double>(),
            q5.at("utilization").at("value").get<double>());
  const auto [low, high] = conversion_change("support-hotline", "support-hotline.seven-agents");
  EXPECT_GT(low, 0.0) << high;
}

}  // namespace
}  // namespace journeysim
