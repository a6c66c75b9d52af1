// What an agent of a block has been through: the touchpoints it passed
// (engine/agent_paths.h), whose visit counts key its random numbers, and
// the stages it reached (engine/stage_trail.h), the journey map's emotion
// curve.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "engine/agent_paths.h"
#include "engine/stage_trail.h"

namespace journeysim {
namespace {

TEST(AgentPaths, CountsEarlierVisitsOfEachAgentApart) {
  AgentPaths paths(4, 10);
  paths.start_block();
  BlockAgent a{}, b{};
  EXPECT_EQ(paths.visits(a, 0, 5), 0u);
  paths.take_step(a, 0, 5);
  paths.take_step(b, 1, 5);
  paths.take_step(a, 0, 6);
  paths.take_step(a, 0, 5);
  EXPECT_EQ(a.steps, 3u);
  EXPECT_EQ(paths.visits(a, 0, 5), 2u);
  EXPECT_EQ(paths.visits(a, 0, 6), 1u);
  EXPECT_EQ(paths.visits(b, 1, 5), 1u);
  EXPECT_EQ(paths.visits(b, 1, 6), 0u);
}

TEST(AgentPaths, ALongJourneyCountsAsAShortOneDoes) {
  // Past 32 steps visits are kept in a map instead of scanned: the counts
  // must not change when an agent crosses over, nor after it.
  AgentPaths paths(2, 200);
  paths.start_block();
  BlockAgent a{};
  std::vector<uint32_t> expected(3, 0);
  for (uint32_t s = 0; s < 150; ++s) {
    const uint32_t t = (s * s) % 3;
    ASSERT_EQ(paths.visits(a, 1, t), expected[t]) << "step " << s;
    paths.take_step(a, 1, t);
    ++expected[t];
  }
  EXPECT_TRUE(a.counted);
  EXPECT_EQ(paths.visits(a, 1, 0) + paths.visits(a, 1, 1) + paths.visits(a, 1, 2), 150u);
}

TEST(StageTrail, ListsStagesInOrderOfFirstVisitWithTheLastSatisfaction) {
  StageTrail trail(2, 3);
  trail.start_block();
  BlockAgent a{};
  a.satisfaction = 0.5;
  trail.reach(a, 1, 2);
  a.satisfaction = 0.25;
  trail.reach(a, 1, 0);
  a.satisfaction = 0.75;
  trail.reach(a, 1, 2);  // back to stage 2: its satisfaction on leaving moves
  EXPECT_TRUE(trail.seen(1, 0));
  EXPECT_FALSE(trail.seen(1, 1));
  EXPECT_FALSE(trail.seen(0, 2)) << "another agent's trail";

  std::vector<std::pair<uint32_t, double>> left;
  trail.leave_all(a, 1, [&](uint32_t s, double satisfaction) { left.push_back({s, satisfaction}); });
  EXPECT_EQ(left, (std::vector<std::pair<uint32_t, double>>{{2, 0.75}, {0, 0.25}}));
  EXPECT_FALSE(trail.seen(1, 2)) << "cleared for the next agent at this position";
}

}  // namespace
}  // namespace journeysim
