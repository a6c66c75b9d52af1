#include "engine/forced_arm.h"

#include <cstddef>

namespace journeysim {

void force_arm(ModelSteps& steps, uint32_t experiment, uint32_t arm) {
  std::vector<double>& cdf = steps.steps[steps.experiments[experiment]].arm_cdf;
  for (size_t k = 0; k < cdf.size(); ++k) {
    cdf[k] = k < arm ? 0.0 : 1.0;
  }
}

}  // namespace journeysim
