// One worker's engine (see block_runner.cpp). Internal to the core: the
// engine (run_agents) and the paired runs of comparisons are built on it.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <utility>

#include "journeysim/event_trace.h"
#include "journeysim/simulation_model.h"
#include "journeysim/tally.h"

namespace journeysim {

/// Agents whose partial sums are settled together (see FixedSum): results
/// are identical for any split of a run's agents at multiples of this.
inline constexpr uint32_t kSettleAgents = 64;

/// Agents per block, a multiple of kSettleAgents: fewer for journeys allowed
/// to be very long, so the per-block path buffer stays near 1M steps
/// (except that a block never holds fewer than kSettleAgents agents).
inline uint32_t block_size(uint32_t max_steps) {
  const uint32_t fit = (1u << 20) / std::max<uint32_t>(max_steps, 1);
  return std::clamp<uint32_t>(fit / kSettleAgents * kSettleAgents, kSettleAgents, 1024);
}

/// Agents [first, first + count) cut at global multiples of `size`: the
/// k-th piece of the range.
struct AlignedPieces {
  uint64_t first, count, size;
  uint64_t pieces() const {
    return count == 0 ? 0 : (first + count - 1) / size - first / size + 1;
  }
  /// First agent and number of agents of piece k.
  std::pair<uint64_t, uint32_t> piece(uint64_t k) const {
    const uint64_t start = std::max(first, (first / size + k) * size);
    const uint64_t end = std::min(first + count, (first / size + k + 1) * size);
    return {start, static_cast<uint32_t>(end - start)};
  }
};

struct ModelSteps;
struct LiveQueues;
class QueueFates;
class RunCalendar;

class BlockRunner {
 public:
  /// Runs `model`, its steps taken from `steps` when given (the
  /// counterfactual runs of experiments: the model's steps with one arm
  /// forced). `steps` must outlive the runner; between blocks, only the arm
  /// each experiment sends its customers to may change in it. `capacity`:
  /// the most agents a block may hold (0: block_size). `timed`: agents step
  /// one at a time in time order (the coupled pass, engine/coupled_pass.h)
  /// instead of in rounds.
  BlockRunner(const SimulationModel& model, uint64_t seed, const ModelSteps* steps = nullptr,
              uint32_t capacity = 0, bool timed = false);
  ~BlockRunner();

  /// Runs agents [first_agent, first_agent + count) (count <= block_size)
  /// and adds what they did to `tally` (shaped by empty_tally).
  void run(uint64_t first_agent, uint32_t count, RunTally& tally);

  /// Agent first_agent + i of the last block: where it stood in experiment
  /// `experiment` (an index into ModelSteps::experiments) when its journey
  /// ended.
  ArmOutcome outcome_in(uint32_t i, uint32_t experiment) const;

  /// Finished agents are added to `progress` in batches.
  void set_progress(std::atomic<uint64_t>* progress);
  void flush_progress();

  /// Every agent's steps go to `trace` at the end of each block (null: none).
  void set_trace(EventTrace* trace);

  /// A journey with queues: met live (the coupled pass, which records each
  /// fate in `live`), or replayed from the fates that pass recorded. One of
  /// the two must be set before a coupled model's first block.
  void set_live_queues(LiveQueues* live);
  void set_queue_fates(const QueueFates* fates);

  /// The run's calendar (arrival times, time series, windows); must outlive
  /// the runner. Without one (or for a journey without a calendar) every
  /// customer arrives at the start and nothing is binned.
  void set_calendar(const RunCalendar* calendar);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace journeysim
