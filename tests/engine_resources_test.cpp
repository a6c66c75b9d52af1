// Journeys whose customers queue for a resource (`uses`): the coupled pass
// meets the queue in time order and the parallel blocks replay it
// (engine/coupled_pass.h). Exact cases where the queue can be worked out by
// hand, the plugin seeing the wait, and byte-identical results whatever the
// thread count.
#include <gtest/gtest.h>

#include <string>

#include "journeysim/report_writers.h"
#include "support/scenario_builder.h"

namespace journeysim {
namespace {

using testing::metric;
using testing::model_from_text;
using testing::run_report;

// Everyone arrives at the start (the default calendar) and queues for five
// servers that each take exactly ten minutes: customer k (in index order,
// ties in time go by index) waits floor(k / 5) * 10 minutes.
std::string burst(const std::string& desk_extra = "", const std::string& channel = "fixed",
                  const std::string& params = "{ hours = 0.0 }") {
  return R"(
[journey]
name = "Burst at the help desk"
stages = ["support"]
horizon_days = 60

[personas.anyone]
share = 1.0

[resources.team]
capacity = 5
service = "10m"

[touchpoints.desk]
stage = "support"
channel = ")" + channel + R"("
entry = 1.0
uses = "team"
params = )" + params + "\n" + desk_extra + R"(
milestone = "helped"
exit = true
)";
}

TEST(EngineResources, ABurstIntoFiveServersWaitsTenMinutesPerFiveAhead) {
  const SimulationModel model = model_from_text(burst());
  const RunReport r = run_report(model, 1000);
  ASSERT_EQ(r.resources.size(), 1u);
  const ResourceReport& team = r.resources[0];
  EXPECT_EQ(team.arrivals, 1000u);
  EXPECT_EQ(team.waited, 995u);  // all but the first five
  EXPECT_EQ(team.served, 1000u);
  EXPECT_NEAR(team.wait_minutes.value, 995.0, 1e-9);       // 10 * mean of floor(k / 5)
  EXPECT_NEAR(team.wait_p90_minutes.value, 1790.0, 1e-9);  // customer 899
  EXPECT_NEAR(team.utilization.value, 1.0, 1e-12);          // never idle till the last
  EXPECT_NEAR(team.mean_queue_length.value, 497.5, 1e-9);  // 995,000 minutes over 2,000
  // The customer's time at the desk is the wait and then the service.
  EXPECT_NEAR(metric(r, "touchpoints.desk.hours").value, (995.0 + 10.0) / 60.0, 1e-6);
}

TEST(EngineResources, TheMetricRowsNameTheResource) {
  const RunReport r = run_report(model_from_text(burst()), 100);
  EXPECT_NEAR(metric(r, "resources.team.wait_minutes").value, 95.0, 1e-9);
  EXPECT_NEAR(metric(r, "resources.team.waited_share").value, 0.95, 1e-12);
  EXPECT_NEAR(metric(r, "resources.team.gave_up_share").value, 0.0, 1e-12);
  EXPECT_TRUE(metric(r, "resources.team.utilization").has_value());
}

// Patience 15 minutes at a support desk: the first five are served at
// once, the next five after 10 minutes unless the channel's own tolerance
// makes them hang up, and everyone else would wait 20 minutes or more, so
// gives up in the queue without meeting the channel.
TEST(EngineResources, CustomersWhosePatienceRunsOutLeaveByGaveUpAndTakeNoServer) {
  const SimulationModel model = model_from_text(
      burst("patience = \"15m\"", "support", "{ resolution_rate = 1.0 }"), true);
  const RunReport r = run_report(model, 100);
  const ResourceReport& team = r.resources[0];
  EXPECT_GE(team.gave_up, 90u);
  EXPECT_LE(team.served, 10u);
  EXPECT_EQ(team.served + team.gave_up, 100u);
  EXPECT_LE(team.wait_p90_minutes.value, 15.0);
  // Every one of them is lost at the desk, for giving up.
  const TouchpointReport& desk = r.touchpoints[0];
  ASSERT_FALSE(desk.lost_reasons.empty());
  EXPECT_EQ(desk.lost_reasons.front().code, "gave_up_waiting");
  EXPECT_GE(desk.lost, team.gave_up);
}

// The support channel sees the wait: one server for everyone makes most
// customers wait long enough to give up or leave unhappy; fifty do not.
TEST(EngineResources, TheChannelSeesTheWaitTheQueueGave) {
  auto at = [](const std::string& capacity) {
    std::string text = burst("", "support", "{ wait_minutes = 0.0 }");
    text.replace(text.find("capacity = 5"), 12, "capacity = " + capacity);
    return run_report(model_from_text(text, true), 200);
  };
  const RunReport one = at("1");
  const RunReport fifty = at("50");
  EXPECT_GT(metric(one, "touchpoints.desk.drop_rate").value,
            metric(fifty, "touchpoints.desk.drop_rate").value + 0.3);
  EXPECT_LT(metric(one, "touchpoints.desk.emotion").value,
            metric(fifty, "touchpoints.desk.emotion").value);
}

TEST(EngineResources, ResultsAreByteIdenticalForOneTwoAndThreeThreads) {
  const SimulationModel model = model_from_text(
      burst("patience = { distribution = \"exponential\", mean = \"30m\" }", "support",
            "{ resolution_rate = 0.7 }"),
      true);
  const std::string one = render_json(run_report(model, 3000, 7, 1));
  EXPECT_EQ(render_json(run_report(model, 3000, 7, 2)), one);
  EXPECT_EQ(render_json(run_report(model, 3000, 7, 3)), one);
}

}  // namespace
}  // namespace journeysim
