// The hand-fused reference loop: the store-launch journey as one plain C++
// loop per agent, with no plugin boundary and no generic engine. It is the
// same model as the engine runs -- the channel formulas of plugins/social,
// web, checkout and email (their *_model.h headers, the code the plugins'
// `interact` calls) inlined into the loop, the same counter-based random
// numbers (arrivals drawn in batches as the engine does, each visit's
// one counter at a time), the same rules for edges, delays, the
// horizon and the step limit typed in line -- so it gives the same customers
// the same journeys. What it counts is what a hand-written simulation would:
// the journey's headline numbers and each touchpoint's funnel counts (not
// the engine's per-persona, per-stage and per-touchpoint means, nor its
// split-free fixed-point sums).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "journeysim/simulation_model.h"

namespace journeysim::bench {

struct FusedTally {
  uint64_t agents = 0;
  uint64_t conversions = 0;
  uint64_t surveyed = 0, satisfied = 0, promoters = 0, detractors = 0;
  double revenue = 0.0;      // money taken
  double effort = 0.0;       // total effort
  double satisfaction = 0.0; // final satisfaction, summed
  double ces = 0.0;          // Customer Effort Score of the surveyed, summed
  uint64_t path_length = 0;  // touchpoints passed
  std::vector<uint64_t> arrivals, dropped, exits, cut_off;  // per touchpoint

  uint64_t interactions() const;
};

class FusedStoreLaunch {
 public:
  /// Reads the touchpoints' resolved parameters and the personas from
  /// `model` (which must be store-launch or a variant with the same
  /// channels); throws std::runtime_error for a channel it does not fuse.
  explicit FusedStoreLaunch(const SimulationModel& model);
  ~FusedStoreLaunch();

  /// Agents [first, first + count) with this seed.
  FusedTally run(uint64_t seed, uint64_t first, uint64_t count) const;

 private:
  struct Plan;
  std::unique_ptr<const Plan> plan_;
};

}  // namespace journeysim::bench
