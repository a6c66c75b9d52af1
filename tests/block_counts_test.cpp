// Recording what a block's agents did (engine/block_counts.h): how each
// journey ended, who was surveyed and what they answered, the milestones and
// stages reached. Counts reach the tally, per persona and in total, only
// when the block adds them.
#include "engine/block_counts.h"

#include <gtest/gtest.h>

#include <vector>

namespace journeysim {
namespace {

constexpr uint32_t kPersonas = 2, kMilestones = 1, kStages = 2;

RunTally empty() {
  RunTally tally;
  tally.journey.milestones.resize(kMilestones);
  tally.stages.resize(kStages);
  tally.personas.resize(kPersonas);
  for (PersonaTally& p : tally.personas) {
    p.journey.milestones.resize(kMilestones);
    p.stages.resize(kStages);
  }
  return tally;
}

BlockAgent agent(uint32_t persona, uint32_t steps) {
  BlockAgent a{};
  a.persona = persona;
  a.steps = steps;
  a.satisfaction = 0.9;
  // Radius 0 (u1 = 0: sqrt(-2 ln(1 - u1)) = 0): the answers are the
  // noiseless ones.
  a.csat_u = 0.0;
  a.recommend_u = 0.0;
  return a;
}

class BlockCountsTest : public ::testing::Test {
 protected:
  SumLayout layout{1, kPersonas, kStages};
  ChunkSums sums{layout};
  StageTrail trail{4, kStages};
  BlockCounts counts{layout, 4, kPersonas, kMilestones, kStages};
  RunTally tally = empty();
};

TEST_F(BlockCountsTest, ADropAtTheFirstTouchpointIsABounceAndGetsNoSurvey) {
  BlockAgent a = agent(1, 1);
  counts.arrive(0);
  counts.record_journey(0, a, Ending::Dropped, sums, tally);
  EXPECT_EQ(tally.journey.agents, 0u) << "nothing reaches the tally before add_to";
  counts.add_to(tally);
  EXPECT_EQ(tally.journey.agents, 1u);
  EXPECT_EQ(tally.journey.dropped, 1u);
  EXPECT_EQ(tally.journey.bounced, 1u);
  EXPECT_EQ(tally.journey.surveyed, 0u);
  EXPECT_EQ(tally.personas[1].journey.bounced, 1u);
  EXPECT_EQ(tally.personas[0].journey.agents, 0u);
}

TEST_F(BlockCountsTest, AnEngagedConverterIsSurveyedAndCountedOnce) {
  BlockAgent a = agent(0, 3);
  a.engaged = true;
  a.conversions = 2;
  a.convert_hours = 5.0;
  counts.arrive(2);
  counts.reach_milestone(2, 0);
  counts.record_journey(2, a, Ending::Exited, sums, tally);
  counts.add_to(tally);
  const JourneyTally& j = tally.personas[0].journey;
  EXPECT_EQ(j.exited, 1u);
  EXPECT_EQ(j.converted, 1u);
  EXPECT_EQ(j.repeat, 1u);
  EXPECT_EQ(j.time_to_convert.count(), 1u);
  // s = 0.9 and no noise: CSAT 5, recommend 9.
  EXPECT_EQ(j.surveyed, 1u);
  EXPECT_EQ(j.satisfied, 1u);
  EXPECT_EQ(j.promoters, 1u);
  EXPECT_EQ(j.detractors, 0u);
  EXPECT_EQ(j.milestones[0], 1u);
  EXPECT_EQ(tally.journey.milestones[0], 1u);
}

TEST_F(BlockCountsTest, StagesCountTheReachedAndTheDropInTheLastOne) {
  BlockAgent a = agent(0, 2);
  a.conversions = 1;
  trail.start_block();
  trail.reach(a, 0, 0);
  // Cut off on arrival at stage 1: it still reached it.
  counts.record_stages(0, a, 1, Ending::Dropped, trail, sums);
  counts.add_to(tally);
  EXPECT_EQ(tally.stages[0].reached, 1u);
  EXPECT_EQ(tally.stages[0].converted, 1u);
  EXPECT_EQ(tally.stages[0].dropped, 0u);
  EXPECT_EQ(tally.stages[1].reached, 1u);
  EXPECT_EQ(tally.stages[1].dropped, 1u);
  EXPECT_EQ(tally.personas[0].stages[1].dropped, 1u);
  EXPECT_EQ(tally.personas[1].stages[1].reached, 0u);
}

TEST_F(BlockCountsTest, AddingStartsTheNextBlockFromZero) {
  BlockAgent a = agent(0, 4);
  counts.record_journey(0, a, Ending::Horizon, sums, tally);
  counts.add_to(tally);
  counts.add_to(tally);
  EXPECT_EQ(tally.journey.horizon, 1u);
  EXPECT_EQ(tally.journey.agents, 1u);
}

TEST(VisitCounter, CountsAtTheTouchpointAndInThePersonasSlice) {
  TouchpointTally here;
  here.reasons.resize(3);
  TouchpointSlice slice;
  slice.reasons.resize(3);
  VisitCounter count{here, slice};
  count.arrival(0);
  count.arrival(1);  // a return visit: not a new agent
  count.dropped(0);
  count.cut_off(2);
  EXPECT_EQ(here.arrivals, 2u);
  EXPECT_EQ(here.agents, 1u);
  EXPECT_EQ(slice.arrivals, 2u);
  EXPECT_EQ(here.dropped, 1u);
  EXPECT_EQ(slice.cut_off, 1u);
  EXPECT_EQ(here.reasons, (std::vector<uint64_t>{1, 0, 1}));
  EXPECT_EQ(slice.reasons, (std::vector<uint64_t>{1, 0, 1}));
}

}  // namespace
}  // namespace journeysim
