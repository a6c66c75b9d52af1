// Scheduling a block's rounds (engine/round_schedule.h): agents grouped by
// the node they stand at, nodes ascending, agents by index within a group;
// only the agents a step sends on take the next round.
#include "engine/round_schedule.h"

#include <gtest/gtest.h>

#include <vector>

namespace journeysim {
namespace {

struct Group {
  uint32_t node;
  std::vector<uint32_t> agents;
  bool operator==(const Group&) const = default;
};

BlockAgent at(uint32_t node) {
  BlockAgent a{};
  a.at = node;
  return a;
}

// Runs one round in which no one goes on; returns its groups.
std::vector<Group> round(RoundSchedule& schedule, const std::vector<BlockAgent>& agents) {
  std::vector<Group> groups;
  schedule.run_round(agents.data(), [&](uint32_t node, const uint32_t* group, uint32_t size) {
    groups.push_back({node, std::vector<uint32_t>(group, group + size)});
  });
  return groups;
}

TEST(RoundSchedule, GroupsAgentsByNodeAscendingAndByIndexWithin) {
  const std::vector<BlockAgent> agents = {at(2), at(0), at(2), at(1), at(0)};
  RoundSchedule schedule(64, 3);
  schedule.start(5);
  EXPECT_EQ(round(schedule, agents),
            (std::vector<Group>{{0, {1, 4}}, {1, {3}}, {2, {0, 2}}}));
  EXPECT_TRUE(schedule.done()) << "no one was sent on";
}

TEST(RoundSchedule, FewAgentsOnAHugeJourneyAreGroupedTheSameWay) {
  // More than twice as many nodes as agents: sorted instead of bucketed.
  const std::vector<BlockAgent> agents = {at(900), at(7), at(900)};
  RoundSchedule schedule(64, 1000);
  schedule.start(3);
  EXPECT_EQ(round(schedule, agents), (std::vector<Group>{{7, {1}}, {900, {0, 2}}}));
}

TEST(RoundSchedule, OnlyTheAgentsSentOnTakeTheNextRoundInIndexOrder) {
  std::vector<BlockAgent> agents(130, at(0));
  RoundSchedule schedule(130, 2);
  schedule.start(130);
  // Step 1: agents 129, 64 and 3 go on to node 1 (sent in any order).
  schedule.run_round(agents.data(), [&](uint32_t, const uint32_t*, uint32_t size) {
    EXPECT_EQ(size, 130u);
    for (uint32_t i : {129u, 64u, 3u}) {
      agents[i].at = 1;
      schedule.go_on(i);
    }
  });
  ASSERT_FALSE(schedule.done());
  EXPECT_EQ(round(schedule, agents), (std::vector<Group>{{1, {3, 64, 129}}}));
  EXPECT_TRUE(schedule.done());
}

}  // namespace
}  // namespace journeysim
