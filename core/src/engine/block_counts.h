// Recording what the agents of a block did. Counts a visit adds go straight
// to the tally's touchpoint (VisitCounter); counts of whole journeys are kept
// per persona for the block in small flat arrays (BlockCounts) and added to
// the tally once at its end; real values go to the agent's chunk of sums
// (ChunkSums), settled apart from every other chunk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/block_agent.h"
#include "engine/chunk_sums.h"
#include "engine/stage_trail.h"
#include "journeysim/tally.h"
#include "metrics/survey_answers.h"

namespace journeysim {

/// One visit's counts: at the touchpoint and in its persona's slice of it.
/// (Journey model 2 counts per node the same way.)
struct VisitCounter {
  TouchpointTally& here;
  TouchpointSlice& slice;

  void arrival(uint32_t visit) {
    ++here.arrivals;
    ++slice.arrivals;
    here.agents += visit == 0 ? 1 : 0;
    slice.agents += visit == 0 ? 1 : 0;
  }
  void dropped(uint32_t reason) {
    ++here.dropped;
    ++here.reasons[reason];
    ++slice.dropped;
    ++slice.reasons[reason];
  }
  /// The journey ended here and the customer never converted: lost here.
  /// `reason` is the drop's, or kEndedReason after the channel's for an
  /// exit reached unconverted.
  void lost(uint32_t reason) {
    ++here.lost;
    ++here.lost_reasons[reason];
    ++slice.lost;
    ++slice.lost_reasons[reason];
  }
  /// `reason` indexes the channel's reasons followed by the Cutoff ones.
  void cut_off(uint32_t reason) {
    ++here.cut_off;
    ++here.reasons[reason];
    ++slice.cut_off;
    ++slice.reasons[reason];
  }
};

class BlockCounts {
 public:
  BlockCounts(const SumLayout& layout, uint32_t capacity, uint32_t personas,
              uint32_t milestones, uint32_t stages);

  /// Agent i of the block has arrived: no milestone reached yet.
  void arrive(uint32_t i) {
    for (uint32_t m = 0; m < milestones_; ++m) {
      reached_[size_t{i} * milestones_ + m] = 0;
    }
  }
  void reach_milestone(uint32_t i, uint32_t milestone) {
    reached_[size_t{i} * milestones_ + milestone] = 1;
  }

  /// Agent i's journey ended: its counts, its survey answers (customers
  /// who engaged somewhere are asked, not everyone who scrolled past a
  /// post), its milestones and its sums.
  void record_journey(uint32_t i, const BlockAgent& a, Ending ending, ChunkSums& sums,
                      RunTally& tally) {
    JourneyCounts& c = journeys_[a.persona];
    ++c.agents;
    switch (ending) {
      case Ending::Exited:
        ++c.exited;
        break;
      case Ending::Dropped:
        ++c.dropped;
        c.bounced += a.steps == 1 ? 1 : 0;
        break;
      case Ending::Horizon:
        ++c.horizon;
        break;
      case Ending::StepLimit:
        ++c.step_limit;
        break;
    }
    if (a.conversions > 0) {
      ++c.converted;
      c.repeat += a.conversions > 1 ? 1 : 0;
      tally.personas[a.persona].journey.time_to_convert.add(a.convert_hours);
      tally.journey.time_to_convert.add(a.convert_hours);
      sums.add(layout_.converter(a.persona), a.convert_hours);
    }
    c.reached_conversion_step += a.reached_conversion ? 1 : 0;
    const double s = a.satisfaction;
    if (a.engaged) {
      const SurveyAnswers answers =
          answer_survey(s, respondent_noise(a.csat_u, a.recommend_u));
      ++c.surveyed;
      c.satisfied += answers.satisfied ? 1 : 0;
      c.promoters += answers.promoter ? 1 : 0;
      c.detractors += answers.detractor ? 1 : 0;
      sums.add(layout_.respondent(a.persona), customer_effort_score(a.effort));
    }
    const uint8_t* reached = &reached_[size_t{i} * milestones_];
    uint64_t* counts = &milestone_counts_[size_t{a.persona} * milestones_];
    for (uint32_t m = 0; m < milestones_; ++m) {
      counts[m] += reached[m];
    }
    sums.add<SumLayout::kAgentSums>(
        layout_.agent(a.persona),
        {a.effort, a.spent, static_cast<double>(a.referrals), static_cast<double>(a.messages),
         static_cast<double>(a.steps), s});
  }

  /// The stages agent i reached, and the one its journey ended in
  /// (`last_stage`, which a customer cut off at their very first touchpoint
  /// still reached).
  void record_stages(uint32_t i, BlockAgent& a, uint32_t last_stage, Ending ending,
                     StageTrail& trail, ChunkSums& sums) {
    if (!trail.seen(i, last_stage)) {
      trail.reach(a, i, last_stage);
    }
    StageCounts* counts = &stage_counts_[size_t{a.persona} * stages_];
    const uint64_t converted = a.conversions > 0 ? 1 : 0;
    trail.leave_all(a, i, [&](uint32_t s, double satisfaction) {
      ++counts[s].reached;
      counts[s].converted += converted;
      sums.add(layout_.stage(a.persona, s), satisfaction);
    });
    if (ending == Ending::Dropped) {
      ++counts[last_stage].dropped;
    }
  }

  /// Adds the block's counts to `tally`, for each persona and for everyone,
  /// and starts again from zero.
  void add_to(RunTally& tally);
  /// Forgets counts left by a block that failed half-way.
  void clear();

 private:
  // A persona's counts at one stage in the block.
  struct StageCounts {
    uint64_t reached, dropped, converted;
  };

  const SumLayout& layout_;
  uint32_t personas_, milestones_, stages_;
  std::vector<uint8_t> reached_;  // milestones_ per agent: reached yet?
  std::vector<JourneyCounts> journeys_;     // by persona
  std::vector<uint64_t> milestone_counts_;  // by (persona, milestone)
  std::vector<StageCounts> stage_counts_;   // by (persona, stage)
};

}  // namespace journeysim
