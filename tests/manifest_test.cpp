// The run manifest changes when, and only when, an input that can change
// the results changes: each scenario file's hash follows its bytes, the
// scenario hash follows what the merged scenario says, each plugin's hash
// is its library file's. And a baseline's manifest explains what differs.
#include "journeysim/manifest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "journeysim/check.h"
#include "journeysim/report_writers.h"
#include "journeysim/scenario_loader.h"
#include "journeysim/simulation_model.h"
#include "manifest/manifest_json.h"
#include "support/temp_dir.h"
#include "util/sha256.h"
#include "build_paths.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;

const fs::path kStore = fs::path(journeysim::testing::source_dir()) / "scenarios" / "store-launch.toml";

const PluginCatalog& plugins() {
  static const PluginCatalog catalog = PluginCatalog::discover({journeysim::testing::plugin_dir()});
  return catalog;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A two-touchpoint journey on the built-in channel; `journey_keys` is the
// body of its [journey] table, so a test can reorder it.
std::string small_journey(const std::string& journey_keys) {
  return "[journey]\n" + journey_keys +
         "\n[personas.everyone]\nshare = 1.0\n\n"
         "[touchpoints.ad]\nstage = \"awareness\"\nchannel = \"fixed\"\nentry = 1.0\n"
         "params = { drop = 0.3 }\nnext = [\"thanks\"]\n\n"
         "[touchpoints.thanks]\nstage = \"awareness\"\nchannel = \"fixed\"\nmilestone = "
         "\"purchase\"\nexit = true\n";
}

class Manifest : public testing::TempDirTest {
 protected:
  // base.toml (the store launch) <- mid.toml <- variant.toml
  fs::path write_chain(const std::string& base_text) {
    write("base.toml", base_text);
    write("mid.toml", "extends = \"base.toml\"\n[touchpoints.checkout.params]\nform_fields = 8\n");
    return write("variant.toml",
                 "extends = \"mid.toml\"\n[touchpoints.checkout.params]\nguest_checkout = true\n");
  }

  static RunManifest manifest_of(const fs::path& file, uint64_t seed = 7, uint64_t agents = 1000,
                                 const LoadOptions& load = {}) {
    RunOptions options;
    options.seed = seed;
    options.agents = agents;
    return make_manifest(SimulationModel(load_scenario(file, load), plugins()), options);
  }
};

TEST_F(Manifest, ListsEveryFileOfTheExtendsChainInOrderWithTheHashOfItsBytes) {
  const fs::path variant = write_chain(read(kStore));
  const RunManifest m = manifest_of(variant);
  ASSERT_EQ(m.scenario_files.size(), 3u);
  EXPECT_EQ(m.scenario_files[0].path, variant.string());
  EXPECT_EQ(m.scenario_files[1].path, path("mid.toml"));
  EXPECT_EQ(m.scenario_files[2].path, path("base.toml"));
  for (const ManifestFile& f : m.scenario_files) {
    EXPECT_EQ(f.sha256, util::sha256_hex(read(f.path))) << f.path;
  }
}

TEST_F(Manifest, EditingAPluginParamInTheBaseChangesThatFilesHashAndTheScenarioHash) {
  const std::string base = read(kStore);
  const RunManifest before = manifest_of(write_chain(base));
  std::string edited = base;
  const size_t at = edited.find("steps = 5");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 9, "steps = 4");
  const RunManifest after = manifest_of(write_chain(edited));

  EXPECT_NE(after.scenario_hash, before.scenario_hash);
  EXPECT_NE(after.scenario_files[2].sha256, before.scenario_files[2].sha256);  // base.toml
  EXPECT_EQ(after.scenario_files[0].sha256, before.scenario_files[0].sha256);  // variant.toml
  EXPECT_EQ(after.scenario_files[1].sha256, before.scenario_files[1].sha256);  // mid.toml
  EXPECT_EQ(nlohmann::json(manifest_detail::manifest_json(after)["plugins"]),
            nlohmann::json(manifest_detail::manifest_json(before)["plugins"]));
}

TEST_F(Manifest, ReorderingKeysInATableKeepsTheScenarioHashButNotTheFileHash) {
  const RunManifest ordered = manifest_of(write(
      "journey.toml", small_journey("name = \"Small\"\nseed = 3\nstages = [\"awareness\"]\n")));
  const RunManifest reordered = manifest_of(write(
      "journey.toml", small_journey("stages = [\"awareness\"]\nseed = 3\nname = \"Small\"\n")));
  EXPECT_EQ(reordered.scenario_hash, ordered.scenario_hash);
  EXPECT_NE(reordered.scenario_files[0].sha256, ordered.scenario_files[0].sha256);

  // Explained as such to a baseline's reader.
  Baseline baseline;
  baseline.has_manifest = true;
  baseline.name = "Small";
  baseline.manifest = ordered;
  const auto changes = compare_identity(baseline, "Small", reordered);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].summary, "scenario file " + path("journey.toml") + " changed (sha256 " +
                                    ordered.scenario_files[0].sha256.substr(0, 12) + "… → " +
                                    reordered.scenario_files[0].sha256.substr(0, 12) + "…)");
  EXPECT_EQ(changes[0].meaning,
            "only its text changed (formatting, comments, key order): the merged scenario is "
            "the same");
}

TEST_F(Manifest, PluginLibraryHashIsTheSha256OfTheLibraryFile) {
  const RunManifest m = manifest_of(kStore);
  ASSERT_GE(m.plugins.size(), 3u);
  for (const ManifestPlugin& p : m.plugins) {
    const ChannelPtr channel = plugins().find(p.name);
    ASSERT_NE(channel, nullptr) << p.name;
    EXPECT_EQ(p.version, channel->version());
    EXPECT_EQ(p.library, fs::path(channel->origin()).filename().string());
    EXPECT_EQ(p.sha256, util::sha256_hex(read(channel->origin()))) << p.name;
    EXPECT_EQ(p.sha256.size(), 64u);
  }
}

TEST_F(Manifest, TheBuiltInChannelHasNoLibrary) {
  const RunManifest m = manifest_of(
      write("journey.toml", small_journey("name = \"Small\"\nstages = [\"awareness\"]\n")));
  ASSERT_EQ(m.plugins.size(), 1u);
  EXPECT_EQ(m.plugins[0].name, "fixed");
  EXPECT_EQ(m.plugins[0].library, "");
  EXPECT_EQ(m.plugins[0].sha256, "");
  EXPECT_TRUE(manifest_detail::manifest_json(m)["plugins"][0]["sha256"].is_null());
}

TEST_F(Manifest, RecordsSeedAgentsVersionsAndOverrides) {
  LoadOptions load;
  load.overrides = {"touchpoints.checkout.params.steps=3"};
  const RunManifest m = manifest_of(kStore, 11, 1234, load);
  EXPECT_EQ(m.seed, 11u);
  EXPECT_EQ(m.agents, 1234u);
  EXPECT_EQ(m.journeysim_version, journeysim_version());
  EXPECT_EQ(m.engine_version, engine_version());
  EXPECT_EQ(m.overrides, std::vector<std::string>{"touchpoints.checkout.params.steps=3"});
  // The override is part of what the scenario says; the file is unchanged.
  const RunManifest plain = manifest_of(kStore, 11, 1234);
  EXPECT_NE(m.scenario_hash, plain.scenario_hash);
  EXPECT_EQ(m.scenario_files[0].sha256, plain.scenario_files[0].sha256);
}

TEST_F(Manifest, JsonReadsBackAsWritten) {
  LoadOptions load;
  load.overrides = {"journey.name=Renamed"};
  const RunManifest m = manifest_of(write_chain(read(kStore)), 3, 500, load);
  const auto json = manifest_detail::manifest_json(m);
  const RunManifest back =
      manifest_detail::manifest_from_json(nlohmann::json::parse(json.dump()), "x");
  EXPECT_EQ(manifest_detail::manifest_json(back), json);
}

TEST_F(Manifest, AManifestFieldOfTheWrongTypeIsNamed) {
  auto json = nlohmann::json::parse(manifest_detail::manifest_json(manifest_of(kStore)).dump());
  json["plugins"][0]["version"] = 2;
  try {
    manifest_detail::manifest_from_json(json, "b.json");
    FAIL() << "accepted a numeric plugin version";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().at(0).to_string(),
              "b.json: error: baseline field \"manifest.plugins[].version\" is not a string (is "
              "it a complete `journeysim run --format json` result?)");
  }
}

TEST_F(Manifest, PrintedAloneItIsItsOwnDocument) {
  const RunManifest m = manifest_of(kStore);
  const auto doc = nlohmann::json::parse(render_manifest_json(m, nullptr));
  EXPECT_EQ(doc["schema"], "journeysim.manifest/1");
  EXPECT_EQ(doc["manifest"]["scenario"]["hash"], m.scenario_hash);
  EXPECT_FALSE(doc.contains("execution"));
  const Execution execution{3, 2, {"journeysim", "run", "x.toml"}};
  const auto with = nlohmann::json::parse(render_manifest_json(m, &execution));
  EXPECT_EQ(with["execution"]["threads"], 3);
  EXPECT_EQ(with["execution"]["mpi_ranks"], 2);
  EXPECT_EQ(with["execution"]["command_line"][2], "x.toml");
}

// --- what a baseline's manifest explains -----------------------------------

class BaselineInputs : public Manifest {
 protected:
  Baseline baseline_of(const RunManifest& m) const {
    Baseline b;
    b.has_manifest = true;
    b.schema = "journeysim.run/2";
    b.name = "Spring launch — online store";
    b.manifest = m;
    return b;
  }
  std::vector<std::string> summaries(const Baseline& b, const RunManifest& now) const {
    std::vector<std::string> out;
    for (const IdentityChange& c : compare_identity(b, b.name, now)) {
      out.push_back(c.summary);
    }
    return out;
  }
};

TEST_F(BaselineInputs, TheSameInputsExplainNothing) {
  const RunManifest m = manifest_of(kStore);
  EXPECT_TRUE(summaries(baseline_of(m), m).empty());
}

TEST_F(BaselineInputs, SeedAndAgentsAreNamedWithBothValues) {
  const RunManifest was = manifest_of(kStore, 7, 200000);
  const RunManifest now = manifest_of(kStore, 8, 100000);
  EXPECT_EQ(summaries(baseline_of(was), now),
            (std::vector<std::string>{"seed 7 → 8", "agents 200000 → 100000"}));
}

TEST_F(BaselineInputs, AnEditedBaseFileIsNamedWithBothHashes) {
  const RunManifest was = manifest_of(write_chain(read(kStore)));
  std::string edited = read(kStore);
  edited.replace(edited.find("steps = 5"), 9, "steps = 4");
  const RunManifest now = manifest_of(write_chain(edited));
  const std::string base = path("base.toml");
  EXPECT_EQ(summaries(baseline_of(was), now),
            (std::vector<std::string>{"scenario file " + base + " changed (sha256 " +
                                          was.scenario_files[2].sha256.substr(0, 12) + "… → " +
                                          now.scenario_files[2].sha256.substr(0, 12) + "…)",
                                      "scenario hash " + was.scenario_hash.substr(0, 12) + "… → " +
                                          now.scenario_hash.substr(0, 12) + "…"}));
}

TEST_F(BaselineInputs, APluginsNewVersionAndLibraryAreNamed) {
  const RunManifest now = manifest_of(kStore);
  RunManifest was = now;
  ASSERT_EQ(was.plugins[0].name, "checkout");
  was.plugins[0].version = "0.9.0";
  was.plugins[0].sha256 = std::string(64, 'a');
  was.plugins[1].sha256 = std::string(64, 'b');  // rebuilt, same version
  const auto changes = compare_identity(baseline_of(was), baseline_of(was).name, now);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_TRUE(changes[0].warning);
  EXPECT_EQ(changes[0].summary,
            "plugin checkout 0.9.0 → " + now.plugins[0].version + " (library hash changed)");
  EXPECT_TRUE(changes[1].warning);
  EXPECT_EQ(changes[1].summary, "plugin " + now.plugins[1].name + " " + now.plugins[1].version +
                                    ": library hash changed (bbbbbbbbbbbb… → " +
                                    now.plugins[1].sha256.substr(0, 12) + "…), same version");
}

TEST_F(BaselineInputs, OverridesAreNamed) {
  LoadOptions load;
  load.overrides = {"touchpoints.checkout.params.steps=3"};
  const RunManifest was = manifest_of(kStore);
  const RunManifest now = manifest_of(kStore, 7, 1000, load);
  const auto lines = summaries(baseline_of(was), now);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "overrides (--set) (none) → touchpoints.checkout.params.steps=3");
  EXPECT_EQ(lines[1].rfind("scenario hash ", 0), 0u);
}

TEST_F(BaselineInputs, ABaselineWithoutManifestSaysSoAndComparesWhatItRecords) {
  const RunManifest now = manifest_of(kStore, 8, 1000);
  Baseline old = baseline_of(now);
  old.has_manifest = false;
  old.schema = "journeysim.run/1";
  old.manifest.seed = 7;
  for (ManifestFile& f : old.manifest.scenario_files) {
    f.sha256.clear();  // journeysim.run/1 recorded paths only
  }
  for (ManifestPlugin& p : old.manifest.plugins) {
    p.library.clear();
    p.sha256.clear();
  }
  const auto changes = compare_identity(old, old.name, now);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].summary, "baseline has no manifest");
  EXPECT_NE(changes[0].meaning.find("journeysim.run/1"), std::string::npos);
  EXPECT_EQ(changes[1].summary, "seed 7 → 8");
}

}  // namespace
}  // namespace journeysim
