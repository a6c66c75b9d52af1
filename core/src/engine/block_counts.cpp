#include "engine/block_counts.h"

#include <algorithm>

namespace journeysim {

BlockCounts::BlockCounts(const SumLayout& layout, uint32_t capacity, uint32_t personas,
                         uint32_t milestones, uint32_t stages)
    : layout_(layout),
      personas_(personas),
      milestones_(milestones),
      stages_(stages),
      reached_(size_t{capacity} * milestones),
      journeys_(personas),
      milestone_counts_(size_t{personas} * milestones),
      stage_counts_(size_t{personas} * stages) {}

void BlockCounts::add_to(RunTally& tally) {
  for (uint32_t p = 0; p < personas_; ++p) {
    PersonaTally& persona = tally.personas[p];
    persona.journey.add(journeys_[p]);
    tally.journey.add(journeys_[p]);
    for (uint32_t m = 0; m < milestones_; ++m) {
      const uint64_t n = milestone_counts_[size_t{p} * milestones_ + m];
      persona.journey.milestones[m] += n;
      tally.journey.milestones[m] += n;
    }
    for (uint32_t s = 0; s < stages_; ++s) {
      const StageCounts& c = stage_counts_[size_t{p} * stages_ + s];
      for (StageTally* to : {&persona.stages[s], &tally.stages[s]}) {
        to->reached += c.reached;
        to->dropped += c.dropped;
        to->converted += c.converted;
      }
    }
  }
  clear();
}

void BlockCounts::clear() {
  std::fill(journeys_.begin(), journeys_.end(), JourneyCounts{});
  std::fill(milestone_counts_.begin(), milestone_counts_.end(), uint64_t{0});
  std::fill(stage_counts_.begin(), stage_counts_.end(), StageCounts{});
}

}  // namespace journeysim
