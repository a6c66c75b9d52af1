// The manifest end to end: `run --manifest-only`, the manifest in every
// output of run, compare, check and sweep, the execution block that only
// --manifest-execution adds (and that is the only part the thread count
// changes), and check --baseline explaining which inputs differ.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <thread>

#include "support/command.h"
#include "support/temp_dir.h"
#include "util/sha256.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using testing::journeysim;
using testing::lines_of;
using testing::read_file;

const std::string kDir = journeysim::testing::source_dir() + "/scenarios/";
const std::string kStore = kDir + "store-launch.toml";
const std::string kGuest = kDir + "store-launch.guest-checkout.toml";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class ManifestCli : public testing::TempDirTest {
 protected:
  nlohmann::json json_of(const std::string& arguments) {
    const auto r = journeysim(arguments);
    EXPECT_EQ(r.exit_code, 0) << arguments << "\n" << r.err;
    return nlohmann::json::parse(r.out);
  }
};

// --- run --manifest-only ------------------------------------------------------

TEST_F(ManifestCli, ManifestOnlyPrintsTheManifestWithoutSimulating) {
  // 10^12 agents would take days to simulate.
  const auto r = journeysim("run " + kStore + " --manifest-only --agents 1e12 --seed 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "journeysim.manifest/1");
  const auto& m = doc["manifest"];
  EXPECT_EQ(m["seed"], 3);
  EXPECT_EQ(m["agents"], 1000000000000);
  EXPECT_EQ(m["journeysim_version"].get<std::string>().empty(), false);
  EXPECT_TRUE(m["engine_version"].is_string());
  EXPECT_EQ(m["scenario"]["hash"].get<std::string>().size(), 64u);
  ASSERT_EQ(m["scenario"]["files"].size(), 1u);
  EXPECT_EQ(m["scenario"]["files"][0]["path"], kStore);
  EXPECT_EQ(m["scenario"]["files"][0]["sha256"], util::sha256_hex(read_file(kStore)));
  EXPECT_TRUE(m["scenario"]["overrides"].empty());
  EXPECT_GE(m["plugins"].size(), 3u);
  for (const auto& p : m["plugins"]) {
    EXPECT_EQ(p["sha256"].get<std::string>(),
              util::sha256_hex(read_file(std::string(journeysim::testing::plugin_dir() + "/") +
                                         p["library"].get<std::string>())))
        << p["name"];
  }
  EXPECT_FALSE(doc.contains("execution"));
  EXPECT_FALSE(contains(r.out, "metrics"));
}

TEST_F(ManifestCli, ManifestOnlyEqualsTheManifestInTheRunsJson) {
  const auto alone = json_of("run " + kGuest + " --manifest-only --agents 2000");
  const auto run = json_of("run " + kGuest + " --format json --agents 2000");
  EXPECT_EQ(alone["manifest"], run["manifest"]);
  EXPECT_EQ(alone["manifest"]["scenario"]["files"].size(), 2u);  // the variant, then its base
}

TEST_F(ManifestCli, ManifestOnlyWithABrokenScenarioExitsTwoWithItsLocation) {
  const std::string bad = path("bad.toml");
  std::ofstream(bad) << "[journey]\nname = \"x\"\nstages = [\"a\"]\nagnets = 5\n";
  const auto r = journeysim("run " + bad + " --manifest-only");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, bad + ":4:1: error:")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(ManifestCli, ManifestOnlyChecksPluginParametersToo) {
  const auto r =
      journeysim("run " + kStore + " --manifest-only --set touchpoints.checkout.params.steps=0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "parameter 'steps' = 0 is outside")) << r.err;
}

TEST_F(ManifestCli, ManifestOnlyPrintsJsonOnly) {
  const auto csv = journeysim("run " + kStore + " --manifest-only --format csv");
  EXPECT_EQ(csv.exit_code, 2);
  EXPECT_TRUE(contains(csv.err,
                       "--manifest-only: error: prints the manifest as JSON; drop "
                       "--format csv"))
      << csv.err;
  EXPECT_EQ(journeysim("run " + kStore + " --manifest-only --report " + path("x.html")).exit_code,
            2);
  EXPECT_EQ(journeysim("run " + kStore + " --manifest-only --format json").exit_code, 0);
}

TEST_F(ManifestCli, ManifestOnlyWritesOutAtomically) {
  const std::string out = path("manifest.json");
  const auto r = journeysim("run " + kStore + " --manifest-only --quiet --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(nlohmann::json::parse(read_file(out))["schema"], "journeysim.manifest/1");
}

// --- the execution block -------------------------------------------------------

TEST_F(ManifestCli, ThreadsChangeOnlyTheExecutionBlock) {
  std::vector<nlohmann::json> docs;
  for (int threads : {1, 2, 3}) {
    const std::string args =
        "run " + kStore + " --agents 6000 --format json --threads " + std::to_string(threads);
    const auto plain = journeysim(args);
    const auto with = journeysim(args + " --manifest-execution");
    ASSERT_EQ(with.exit_code, 0) << with.err;
    auto doc = nlohmann::ordered_json::parse(with.out);
    EXPECT_EQ(doc["execution"]["threads"], threads);
    EXPECT_EQ(doc["execution"]["mpi_ranks"], 1);
    const auto& command = doc["execution"]["command_line"];
    EXPECT_EQ(command[1], "run");
    EXPECT_EQ(command[command.size() - 1], "--manifest-execution");
    doc.erase("execution");
    // Without the block, the document is byte for byte the default output.
    EXPECT_EQ(doc.dump(2) + "\n", plain.out) << threads << " threads";
    docs.push_back(nlohmann::json::parse(plain.out));
  }
  EXPECT_EQ(docs[0], docs[1]);
  EXPECT_EQ(docs[0], docs[2]);
}

TEST_F(ManifestCli, CsvEndsWithTheManifestAsCommentLines) {
  const auto json = json_of("run " + kStore + " --agents 2000 --format json");
  const auto r = journeysim("run " + kStore + " --agents 2000 --format csv --manifest-execution");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_GT(lines.size(), 10u);
  EXPECT_EQ(lines.front(), "path,scope,id,metric,value,ci95_low,ci95_high,n");
  size_t first_comment = 0;
  while (first_comment < lines.size() && lines[first_comment].rfind("#", 0) != 0) {
    ++first_comment;
  }
  // Every line before the block is a table row, every line after it a comment.
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].rfind("#", 0) == 0, i >= first_comment) << i << ": " << lines[i];
  }
  const auto& m = json["manifest"];
  const std::vector<std::string> block(lines.begin() + static_cast<long>(first_comment),
                                       lines.end());
  const auto has = [&](const std::string& line) {
    return std::find(block.begin(), block.end(), line) != block.end();
  };
  EXPECT_EQ(block.front(), "# manifest: journeysim.manifest/1");
  EXPECT_TRUE(has("# scenario_hash: " + m["scenario"]["hash"].get<std::string>()));
  EXPECT_TRUE(has("# scenario_file: " + m["scenario"]["files"][0]["sha256"].get<std::string>() +
                  "  " + kStore));
  const auto& checkout = m["plugins"][0];
  EXPECT_TRUE(has("# plugin: checkout " + checkout["version"].get<std::string>() + " " +
                  checkout["sha256"].get<std::string>() + " " +
                  checkout["library"].get<std::string>()));
  EXPECT_TRUE(has("# seed: 7"));
  EXPECT_TRUE(has("# agents: 2000"));
  EXPECT_TRUE(has("# execution.threads: " +
                  std::to_string(std::max(1u, std::thread::hardware_concurrency()))));
  EXPECT_TRUE(has("# execution.mpi_ranks: 1"));

  // Without --manifest-execution: the same file up to the execution lines.
  const auto plain = journeysim("run " + kStore + " --agents 2000 --format csv --threads 3");
  std::string kept;
  for (const std::string& line : lines) {
    if (line.rfind("# execution.", 0) != 0) {
      kept += line + "\n";
    }
  }
  EXPECT_EQ(kept, plain.out);
}

// --- every output carries the manifest ------------------------------------------

TEST_F(ManifestCli, CompareCheckAndSweepJsonCarryTheManifest) {
  const auto store = json_of("run " + kStore + " --manifest-only --agents 3000");
  const auto guest = json_of("run " + kGuest + " --manifest-only --agents 3000");

  const auto compare =
      json_of("compare " + kStore + " " + kGuest + " --agents 3000 --format json --quiet");
  EXPECT_EQ(compare["schema"], "journeysim.compare/2");
  EXPECT_EQ(compare["baseline"]["manifest"], store["manifest"]);
  EXPECT_EQ(compare["variants"][0]["manifest"], guest["manifest"]);
  EXPECT_FALSE(compare.contains("execution"));

  const auto r = journeysim("check " + kStore + " --agents 3000 --format json --quiet");
  ASSERT_NE(r.exit_code, 2) << r.err;
  const auto check = nlohmann::json::parse(r.out);
  EXPECT_EQ(check["schema"], "journeysim.check/2");
  EXPECT_EQ(check["scenarios"][0]["manifest"], store["manifest"]);

  const auto sweep = json_of("sweep " + kStore +
                             " --set touchpoints.checkout.params.steps=2,3 --agents 3000 "
                             "--format json --quiet");
  EXPECT_EQ(sweep["schema"], "journeysim.sweep/2");
  // The base scenario; the points' settings are the axes.
  EXPECT_EQ(sweep["manifest"], store["manifest"]);

  for (const std::string& command :
       {"compare " + kStore + " " + kGuest, "check " + kStore,
        "sweep " + kStore + " --set touchpoints.checkout.params.steps=2,3"}) {
    const auto out = journeysim(command +
                                " --agents 1000 --format json --quiet --threads 2 "
                                "--manifest-execution");
    ASSERT_NE(out.exit_code, 2) << command << "\n" << out.err;
    EXPECT_EQ(nlohmann::json::parse(out.out)["execution"]["threads"], 2) << command;
  }
}

TEST_F(ManifestCli, HtmlReportsHaveAFoldedManifestSection) {
  const std::string page = path("run.html");
  const auto manifest = json_of("run " + kStore + " --manifest-only --agents 1000")["manifest"];
  ASSERT_EQ(journeysim("run " + kStore + " --agents 1000 --quiet --report " + page).exit_code, 0);
  const std::string html = read_file(page);
  EXPECT_TRUE(contains(html, "<details class=\"manifest\" id=\"manifest\"><summary>"));
  EXPECT_TRUE(contains(html, manifest["scenario"]["hash"].get<std::string>()));
  for (const auto& p : manifest["plugins"]) {
    EXPECT_TRUE(contains(html, "<code>" + p["sha256"].get<std::string>() + "</code>")) << p["name"];
  }
  EXPECT_FALSE(contains(html, "id=\"manifest-execution\""));
  ASSERT_EQ(
      journeysim("run " + kStore + " --agents 1000 --quiet --manifest-execution --report " + page)
          .exit_code,
      0);
  EXPECT_TRUE(contains(read_file(page), "id=\"manifest-execution\""));
}

TEST_F(ManifestCli, MarkdownEndsWithAShortManifestFooter) {
  const auto manifest = json_of("run " + kStore + " --manifest-only --agents 1000")["manifest"];
  const auto r = journeysim("run " + kStore + " --agents 1000 --format markdown");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 3u);
  const std::string& last = lines.back();
  EXPECT_EQ(
      last.rfind("<sub>scenario `" + manifest["scenario"]["hash"].get<std::string>().substr(0, 12) +
                     "` · seed 7 · 1000 agents · files `" + kStore + "` `" +
                     manifest["scenario"]["files"][0]["sha256"].get<std::string>().substr(0, 12) +
                     "` · plugins checkout ",
                 0),
      0u)
      << last;
  EXPECT_EQ(lines[lines.size() - 2].rfind("<sub>Manifest: journeysim ", 0), 0u);
}

// --- check --baseline explains which inputs differ ------------------------------

class BaselineExplained : public ManifestCli {
 protected:
  // The store launch run stored as a baseline.
  std::string baseline(const std::string& options = "") {
    const std::string file = path("baseline.json");
    const auto r = journeysim("run " + kStore + " --agents 4000 --format json --quiet --out " +
                              file + " " + options);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return file;
  }
};

TEST_F(BaselineExplained, AChangedSeedIsNamedInTheSummaryJsonAndJunit) {
  const std::string base = baseline("--seed 7");
  const std::string junit = path("junit.xml");
  const std::string args = "check " + kStore + " --agents 4000 --seed 8 --quiet --baseline " + base;
  const auto text = journeysim(args + " --junit " + junit);
  ASSERT_NE(text.exit_code, 2) << text.err;
  EXPECT_TRUE(contains(text.out, "  baseline " + base + ": 1 input differs\n")) << text.out;
  EXPECT_TRUE(contains(text.out, "    note: seed 7 → 8: other random numbers")) << text.out;

  const auto json = nlohmann::json::parse(journeysim(args + " --format json").out);
  const auto& b = json["scenarios"][0]["baseline"];
  EXPECT_EQ(b["has_manifest"], true);
  EXPECT_EQ(b["same_inputs"], false);
  ASSERT_EQ(b["differences"].size(), 1u);
  EXPECT_EQ(b["differences"][0]["what"], "seed");
  EXPECT_EQ(b["differences"][0]["baseline"], "7");
  EXPECT_EQ(b["differences"][0]["current"], "8");
  EXPECT_EQ(b["differences"][0]["summary"], "seed 7 → 8");

  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(junit.c_str()));
  const std::string out = doc.select_node("//testsuite/system-out").node().text().get();
  EXPECT_TRUE(contains(out, "baseline " + base + ": 1 input differs\nnote: seed 7 → 8: ")) << out;
  EXPECT_EQ(
      std::string(
          doc.select_node("//property[@name='baseline_inputs']").node().attribute("value").value()),
      "1 input differs");
}

TEST_F(BaselineExplained, TheSameInputsAreSaidToBeTheSame) {
  const std::string base = baseline();
  const auto r = journeysim("check " + kStore + " --agents 4000 --quiet --baseline " + base);
  ASSERT_NE(r.exit_code, 2) << r.err;
  EXPECT_TRUE(
      contains(r.out, "  baseline " + base + ": the inputs are the same (manifests match)\n"))
      << r.out;
  EXPECT_FALSE(contains(r.out, "note:")) << r.out;
}

TEST_F(BaselineExplained, AnEditedScenarioFileIsNamedWithItsHashes) {
  const std::string scenario = path("store.toml");
  std::ofstream(scenario) << read_file(kStore);
  const std::string base = path("baseline.json");
  ASSERT_EQ(journeysim("run " + scenario + " --agents 4000 --format json --quiet --out " + base)
                .exit_code,
            0);
  const std::string before = util::sha256_hex(read_file(scenario));
  std::string text = read_file(scenario);
  text.replace(text.find("steps = 5"), 9, "steps = 4");
  std::ofstream(scenario) << text;
  const std::string after = util::sha256_hex(text);
  const auto r = journeysim("check " + scenario + " --agents 4000 --quiet --baseline " + base);
  ASSERT_NE(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.out, "note: scenario file " + scenario + " changed (sha256 " +
                                  before.substr(0, 12) + "… → " + after.substr(0, 12) +
                                  "…): the journey was edited here"))
      << r.out;
}

TEST_F(BaselineExplained, AnOlderBaselineWithoutManifestStillWorks) {
  // What `journeysim run --format json` wrote before the manifest
  // (journeysim.run/1): identity fields at the top, no hashes.
  auto doc = nlohmann::ordered_json::parse(read_file(baseline()));
  const auto m = doc["manifest"];
  nlohmann::ordered_json old;
  old["schema"] = "journeysim.run/1";
  old["journeysim_version"] = m["journeysim_version"];
  old["engine_version"] = m["engine_version"];
  old["scenario"] = doc["scenario"];
  old["scenario"]["hash"] = m["scenario"]["hash"];
  old["scenario"]["files"] = {kStore};
  old["run"] = {{"seed", m["seed"]}, {"agents", m["agents"]}, {"max_steps", 200}};
  old["plugins"] = nlohmann::ordered_json::array();
  for (const auto& p : m["plugins"]) {
    old["plugins"].push_back({{"name", p["name"]}, {"version", p["version"]}});
  }
  for (const char* key : {"metrics", "stages", "touchpoints", "personas", "opportunities"}) {
    old[key] = doc[key];
  }
  const std::string file = path("old.json");
  std::ofstream(file) << old.dump(2);
  const auto r = journeysim("check " + kStore + " --agents 4000 --quiet --baseline " + file +
                            " --format json");
  ASSERT_NE(r.exit_code, 2) << r.err;
  const auto check = nlohmann::json::parse(r.out);
  const auto& b = check["scenarios"][0]["baseline"];
  EXPECT_EQ(b["has_manifest"], false);
  EXPECT_TRUE(b["same_inputs"].is_null());
  ASSERT_EQ(b["differences"].size(), 1u);
  EXPECT_EQ(b["differences"][0]["summary"], "baseline has no manifest");
  // The same run: no regression fails.
  for (const auto& reg : check["scenarios"][0]["regressions"]) {
    EXPECT_TRUE(reg["passed"].get<bool>() || reg["skipped"].get<bool>()) << reg["metric"];
  }
}

}  // namespace
}  // namespace journeysim
