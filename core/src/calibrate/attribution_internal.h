// Shared by the exact and the simulated removal effects.
#pragma once

#include <string>
#include <vector>

#include "journeysim/attribution.h"

namespace journeysim {

/// The channel a touchpoint's removal stands for: its `via`, else its
/// channel; "" for the journey-end and conversion steps of a fitted journey
/// (never removed).
std::string touchpoint_group(const Touchpoint& tp);
/// The distinct non-empty groups, sorted.
std::vector<std::string> attribution_groups(const std::vector<std::string>& group);
/// Normalises removal effects into shares and sorts channels.
void finish_attribution(Attribution& a);

}  // namespace journeysim
