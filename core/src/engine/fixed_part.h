// One value as FixedSum::settle would round it. Sums the engine adds this
// way (a step's waits, the waits for send windows) come out the same
// whatever splits the agents, without going through ChunkSums.
#pragma once

#include <cmath>

#include "journeysim/tally.h"

namespace journeysim {

inline FixedPart fixed_part(double hours) {
  return FixedPart{static_cast<int128>(std::nearbyint(hours * FixedSum::kScale)),
                   static_cast<int128>(
                       std::nearbyint(hours * hours * FixedSum::kScale * FixedSum::kScale)),
                   1};
}

}  // namespace journeysim
