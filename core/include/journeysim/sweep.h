// Parameter sweeps: a grid of overrides of one base scenario, every point
// run on the same agents and seed, the best point named.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "journeysim/engine.h"
#include "journeysim/manifest.h"
#include "journeysim/run_report.h"
#include "journeysim/scenario_loader.h"

namespace journeysim {

/// One swept path and its values (as TOML text, e.g. "3" or "true").
struct SweepAxis {
  std::string path;
  std::vector<std::string> values;
};

/// Parses "path=2..7", "path=0.5..2:0.5", "path=1,2,4" or "path=value"
/// (a one-value axis: a plain override). Throws InputError naming the
/// argument for a bad range or list.
SweepAxis parse_sweep_axis(const std::string& argument);

struct SweepPoint {
  std::vector<std::string> settings;  // "path=value", one per axis
  std::vector<Estimate> metrics;      // in SweepReport::metrics order
};

struct SweepReport {
  std::string name;
  /// The base scenario (the axes' overrides are in `axes`), every channel
  /// any point uses, and the first point's seed and agents.
  RunManifest manifest;
  std::optional<Execution> execution;  // when asked for (--manifest-execution)
  std::vector<SweepAxis> axes;
  std::vector<std::string> metrics;
  std::vector<SweepPoint> points;
  std::string objective;  // "" = none
  bool maximize = true;
  int best = -1;          // index into points
};

struct SweepRequest {
  std::vector<SweepAxis> axes;
  std::vector<std::string> metrics;  // metric paths shown per point
  std::string objective;             // optimised metric ("" = none)
  bool maximize = true;
  std::string agents;                // "" = the scenario's
  int64_t seed = -1;                 // -1 = the scenario's
  unsigned threads = kDefaultThreads;
  std::atomic<uint64_t>* progress = nullptr;  // agents done, over all points
  /// Runs one point's agents (default: run_agents). Called only after every
  /// point is validated. A distributed sweep (tools/distributed_run.h)
  /// runs this process's share of the agents and merges on rank 0.
  std::function<RunTally(const SimulationModel&, const RunOptions&)> run;
};

/// Largest grid a sweep accepts.
inline constexpr size_t kMaxSweepPoints = 10000;

/// Validates every point (overrides, plugin parameters, metric names) before
/// running any, then runs the grid in order. Throws InputError.
SweepReport run_sweep(const ScenarioTemplate& base, const PluginCatalog& catalog,
                      const SweepRequest& request);

/// Number of agents each point of a sweep runs (for progress displays).
uint64_t sweep_agents_per_point(const ScenarioTemplate& base, const SweepRequest& request);

std::string render_sweep_table(const SweepReport& report);
std::string render_sweep_json(const SweepReport& report);
std::string render_sweep_csv(const SweepReport& report);

}  // namespace journeysim
