// Building a run's manifest from what was loaded: the scenario's files and
// their hashes (recorded by the loader from the bytes it parsed) and the
// channels' libraries (hashed by the plugin host when it loaded them).
#include "journeysim/manifest.h"

#include <filesystem>

#include "journeysim/run_report.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

ManifestPlugin manifest_plugin(const Channel& c) {
  // The file name only: the directory differs between machines and
  // checkouts; the bytes (the hash) are what matter.
  return {c.name(), c.version(),
          c.built_in() ? "" : std::filesystem::path(c.origin()).filename().string(),
          c.library_sha256()};
}

RunManifest make_manifest(const Scenario& scenario, const std::vector<ChannelPtr>& channels,
                          const RunOptions& options) {
  RunManifest m;
  m.journeysim_version = journeysim_version();
  m.engine_version = engine_version();
  m.scenario_hash = scenario.hash;
  for (size_t i = 0; i < scenario.files.size(); ++i) {
    m.scenario_files.push_back(
        {scenario.files[i], i < scenario.file_sha256.size() ? scenario.file_sha256[i] : ""});
  }
  m.overrides = scenario.overrides;
  for (const ChannelPtr& c : channels) {
    m.plugins.push_back(manifest_plugin(*c));
  }
  m.seed = options.seed;
  m.agents = options.agents;
  return m;
}

RunManifest make_manifest(const SimulationModel& model, const RunOptions& options) {
  return make_manifest(model.scenario(), model.channels(), options);
}

}  // namespace journeysim
