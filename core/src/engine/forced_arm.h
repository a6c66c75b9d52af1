// An experiment with its arm forced: the steps of the counterfactual runs
// in which every customer who reaches one experiment goes to one arm.
#pragma once

#include <cstdint>

#include "engine/model_steps.h"

namespace journeysim {

/// Sends every customer reaching experiment `experiment` (an index into
/// steps.experiments) to arm `arm`. The arm is still picked by the
/// customer's own draw, from a cumulative distribution that puts all its
/// mass on `arm` (0 before it, 1 from it on; draws lie in (0, 1)), so no
/// other draw of the journey moves: up to the experiment, a customer walks
/// the same path whatever arm is forced.
void force_arm(ModelSteps& steps, uint32_t experiment, uint32_t arm);

}  // namespace journeysim
