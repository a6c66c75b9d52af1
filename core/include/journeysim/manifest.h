// The run manifest: every input that can change a run's results, written
// into every output so a number can be traced to exactly what produced it
// (docs/json-schema.md). How the run was executed — threads, MPI ranks, the
// command line — never changes the results, so it is kept apart
// (Execution) and written only when asked for: outputs stay byte-identical
// whatever the thread or rank count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "journeysim/engine.h"
#include "journeysim/plugin_host.h"
#include "journeysim/scenario.h"

namespace journeysim {

/// One scenario file as read: its path as given and its bytes' SHA-256.
struct ManifestFile {
  std::string path;
  std::string sha256;
};

/// One channel a run used.
struct ManifestPlugin {
  std::string name, version;
  std::string library;  // the library's file name; "" for a built-in channel
  std::string sha256;   // of the library file; "" for a built-in channel
};

struct RunManifest {
  std::string journeysim_version, engine_version;
  /// SHA-256 of the canonical merged scenario (after extends and overrides):
  /// changes only when what the scenario says changes.
  std::string scenario_hash;
  /// The file named, then each file it extends, in the order followed. A
  /// file's hash changes with any edit, even one that means nothing.
  std::vector<ManifestFile> scenario_files;
  std::vector<std::string> overrides;   // --set path=value, in order
  std::vector<ManifestPlugin> plugins;  // the channels in use, by name
  uint64_t seed = 0, agents = 0;
};

/// How a run was executed. Never changes results.
struct Execution {
  unsigned threads = 1;  // worker threads per process
  int mpi_ranks = 1;     // 1 when not started by mpirun
  std::vector<std::string> command_line;
};

/// How the manifest names `channel`.
ManifestPlugin manifest_plugin(const Channel& channel);

/// The manifest of running `scenario` on `channels` with `options`.
RunManifest make_manifest(const Scenario& scenario, const std::vector<ChannelPtr>& channels,
                          const RunOptions& options);
/// The manifest of running `model` with `options`.
RunManifest make_manifest(const SimulationModel& model, const RunOptions& options);

/// The manifest alone as JSON, schema "journeysim.manifest/1" (what
/// `journeysim run --manifest-only` prints); `execution` may be null.
std::string render_manifest_json(const RunManifest& manifest, const Execution* execution);

}  // namespace journeysim
