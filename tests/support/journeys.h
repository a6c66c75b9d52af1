// Journeys the tests share that are not examples of their own.
#pragma once

#include <string>

#include "build_paths.h"

namespace journeysim::testing {

/// The spring launch before its cart-abandonment flow
/// (tests/data/journeys/store-launch-funnel.toml): touchpoints only, no steps,
/// no `on`, so abandoning its checkout is a drop. The benchmarks measure it too.
inline std::string store_launch_funnel() {
  return test_data_dir() + "/journeys/store-launch-funnel.toml";
}

}  // namespace journeysim::testing
