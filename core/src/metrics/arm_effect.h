// An experiment's arm against its first arm, from the counterfactual runs
// (StepTally::arm_pairs): the paired difference in conversion among the
// customers who reached the experiment, and the customers per arm a real
// A/B test would need to detect it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "journeysim/run_report.h"
#include "journeysim/tally.h"

namespace journeysim {

/// z for 80 % power (one-sided: the 0.8 quantile of the standard normal).
inline constexpr double kZ80 = 0.8416212335729143;

/// Customers per arm a two-sided test of two proportions at 5 % with 80 %
/// power needs to tell p1 from p0:
/// ceil((z_0.975 + z_0.8)^2 (p0 (1 - p0) + p1 (1 - p1)) / (p1 - p0)^2).
/// None when p1 == p0 (no test can), or beyond the range of a count.
std::optional<uint64_t> ab_sample_size_per_arm(double p0, double p1);

/// Arm `arm` (after the first) of the experiment counted in `experiment`,
/// named `name`: its paired conversion difference from the first arm
/// (delta method over agents, each walked through both arms) and the A/B
/// sample size for that difference.
ArmEffect arm_effect(const StepTally& experiment, uint32_t arm, std::string name);

}  // namespace journeysim
