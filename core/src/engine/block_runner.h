// One worker's engine (see block_runner.cpp). Internal to the core: the
// engine (run_agents) and the paired runs of comparisons are built on it.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>

#include "journeysim/simulation_model.h"
#include "journeysim/tally.h"

namespace journeysim {

/// Agents per block: fewer for journeys allowed to be very long, so the
/// per-block path buffer stays near 1M steps whatever max_steps is.
inline uint32_t block_size(uint32_t max_steps) {
  return std::clamp<uint32_t>((1u << 20) / std::max<uint32_t>(max_steps, 1), 1, 1024);
}

class BlockRunner {
 public:
  BlockRunner(const SimulationModel& model, uint64_t seed);
  ~BlockRunner();

  /// Runs agents [first_agent, first_agent + count) (count <= block_size)
  /// and adds what they did to `tally` (shaped by empty_tally).
  void run(uint64_t first_agent, uint32_t count, RunTally& tally);

  /// Finished agents are added to `progress` in batches.
  void set_progress(std::atomic<uint64_t>* progress);
  void flush_progress();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace journeysim
