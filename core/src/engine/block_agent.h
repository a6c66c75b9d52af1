// One agent of a block, as the engine's units share it: the scheduler reads
// where it stands, a touchpoint step shows it to the channel, the runner
// moves it along, and the counts record how its journey ended.
#pragma once

#include <cstdint>

namespace journeysim {

/// How a journey ended (each ending has its own count).
enum class Ending { Exited, Dropped, Horizon, StepLimit };

struct BlockAgent {
  double hours;    // since its own arrival
  double arrived;  // calendar hours from the journey's start to its arrival
  double effort, satisfaction, spent, convert_hours;
  double csat_u, recommend_u;  // arrival draws 2 and 3: the survey noise
  uint32_t persona;
  uint32_t at;  // the touchpoint it stands at (model 2: the node)
  uint32_t steps, messages, conversions, referrals;
  uint32_t stages;  // entries used in its list of stages reached
  bool engaged;     // continued at a touchpoint at least once: gets a survey
  bool reached_conversion;
  bool counted;  // its visits are counted in a map (see AgentPaths)
};

}  // namespace journeysim
