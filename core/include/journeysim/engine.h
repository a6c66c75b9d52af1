// The engine: sends agents through a SimulationModel and tallies what they do.
#pragma once

#include <atomic>
#include <cstdint>
#include <stdexcept>

#include "journeysim/simulation_model.h"
#include "journeysim/tally.h"

namespace journeysim {

class EventTrace;

struct RunOptions {
  uint64_t seed = 1;
  /// Agents [first_agent, first_agent + agents) are simulated; a process of
  /// a distributed run takes one range of the global indices.
  uint64_t first_agent = 0;
  uint64_t agents = 0;
  /// The whole run's agents when this is one process's share of it
  /// (rank_share sets them; agents = 0: this range is the whole run). A
  /// journey whose customers share a queue walks all of them to know each
  /// one's place in it (engine/coupled_pass.h).
  uint64_t population_first = 0;
  uint64_t population = 0;
  /// Worker threads; 0 = one per core. Never changes the results.
  unsigned threads = 1;
  /// When set, the engine adds the number of agents finished as it goes
  /// (read by a progress display; never by the engine).
  std::atomic<uint64_t>* progress = nullptr;
  /// When set and it becomes true, the run stops between blocks and
  /// run_agents throws Interrupted.
  const std::atomic<bool>* cancel = nullptr;
  /// When set, every agent's steps are handed to it, block by block
  /// (journeysim/event_trace.h). Never changes the results.
  EventTrace* trace = nullptr;
};

/// A run stopped through RunOptions::cancel (e.g. on SIGINT).
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

/// The whole run's agents (RunOptions::population, or this range itself).
struct Population {
  uint64_t first = 0, agents = 0;
};
Population population_of(const RunOptions& options);

/// Runs the agents and returns their tallies. Throws PluginError when a
/// plugin fails or returns a bad outcome (naming plugin and touchpoint).
RunTally run_agents(const SimulationModel& model, const RunOptions& options);

/// An empty tally shaped for `model` (all vectors sized).
RunTally empty_tally(const SimulationModel& model);

/// Engine version: part of every result, bumped when results change.
const char* engine_version();

/// The worker threads a run asked for `requested` threads uses at most:
/// `requested`, or one per core when 0.
unsigned resolve_threads(unsigned requested);

/// The worker threads a run gets when its user names none: `--threads` and
/// SweepRequest::threads start here. 0 = one per core (resolve_threads).
inline constexpr unsigned kDefaultThreads = 0;

}  // namespace journeysim
