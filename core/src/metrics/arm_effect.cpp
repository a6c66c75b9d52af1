#include "metrics/arm_effect.h"

#include <cmath>
#include <utility>

#include "compare/paired_moments.h"

namespace journeysim {
namespace {

// An agent's totals as a ratio metric reads them: converted (numerator)
// among those who reached the experiment (denominator).
double converted(ArmOutcome o) { return o == ArmOutcome::Converted ? 1.0 : 0.0; }
double reached(ArmOutcome o) { return o == ArmOutcome::NotReached ? 0.0 : 1.0; }

}  // namespace

std::optional<uint64_t> ab_sample_size_per_arm(double p0, double p1) {
  if (p1 == p0) {
    return std::nullopt;
  }
  const double z = kZ95 + kZ80;
  const double gap = p1 - p0;
  const double n = std::ceil(z * z * (p0 * (1.0 - p0) + p1 * (1.0 - p1)) / (gap * gap));
  if (!(n < 18446744073709551616.0)) {  // 2^64
    return std::nullopt;
  }
  return static_cast<uint64_t>(n);
}

ArmEffect arm_effect(const StepTally& experiment, uint32_t arm, std::string name) {
  // Each agent is a cluster: (converted, reached) under the first arm and
  // under this one. The pairs are counts of agents by outcome, so the
  // moments are added once per kind of agent.
  PairedMoments pairs;
  uint64_t reached_first = 0, converted_first = 0, reached_arm = 0, converted_arm = 0;
  for (uint32_t a = 0; a < kArmOutcomes; ++a) {
    for (uint32_t b = 0; b < kArmOutcomes; ++b) {
      const auto first = static_cast<ArmOutcome>(a);
      const auto other = static_cast<ArmOutcome>(b);
      const uint64_t agents = experiment.arm_pairs[StepTally::arm_pair(arm, first, other)];
      if (agents == 0) {
        continue;
      }
      pairs.add(converted(first), reached(first), converted(other), reached(other), agents);
      reached_first += first != ArmOutcome::NotReached ? agents : 0;
      converted_first += first == ArmOutcome::Converted ? agents : 0;
      reached_arm += other != ArmOutcome::NotReached ? agents : 0;
      converted_arm += other == ArmOutcome::Converted ? agents : 0;
    }
  }
  ArmEffect effect;
  effect.arm = std::move(name);
  effect.conversion_rate = pairs.ratio_difference();
  if (reached_first > 0 && reached_arm > 0) {
    effect.sample_size_per_arm = ab_sample_size_per_arm(
        static_cast<double>(converted_first) / static_cast<double>(reached_first),
        static_cast<double>(converted_arm) / static_cast<double>(reached_arm));
  }
  return effect;
}

}  // namespace journeysim
