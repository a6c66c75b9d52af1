// Common random numbers across an experiment's arms: the touchpoints the arms
// lead to draw the same random numbers for the same customer and visit, so
// the arms meet each customer in the same circumstances and differ only by
// what the arm changes. An arm's paired effect then has the interval of
// common random numbers, not of independent draws.
#pragma once

#include <vector>

#include "journeysim/scenario.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

/// Gives the arm targets of each experiment one stream, where that is safe:
/// the arms lead straight to different touchpoints, none of which can lead
/// to another of them (else one customer could meet two of them and draw
/// the same numbers twice), and none already shares an earlier
/// experiment's. Other experiments keep every touchpoint's own stream.
void share_arm_streams(const Scenario& scenario, std::vector<ModelTouchpoint>& touchpoints);

/// The stream an experiment's arm targets share: the experiment step's key
/// mixed by an odd multiplier and an odd increment (x * a + b = x has no
/// solution mod 2^32, so it is never the step's own stream).
uint32_t arm_stream_key(uint32_t experiment_key);

}  // namespace journeysim
