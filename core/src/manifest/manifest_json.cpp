#include "manifest/manifest_json.h"

#include "journeysim/diagnostics.h"

namespace journeysim::manifest_detail {
namespace {

using Json = nlohmann::ordered_json;

// A built-in channel has no library: null rather than "" says so.
Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// Reading: each accessor names the field's full path when it is wrong.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  const nlohmann::json& at(const nlohmann::json& node, const std::string& key,
                           const std::string& path) const {
    if (!node.is_object() || !node.contains(key)) {
      fail(path + "." + key, "is missing");
    }
    return node[key];
  }
  std::string text(const nlohmann::json& node, const std::string& key, const std::string& path,
                   bool nullable = false) const {
    const nlohmann::json& v = at(node, key, path);
    if (nullable && v.is_null()) {
      return "";
    }
    if (!v.is_string()) {
      fail(path + "." + key, "is not a string");
    }
    return v.get<std::string>();
  }
  uint64_t count(const nlohmann::json& node, const std::string& key,
                 const std::string& path) const {
    const nlohmann::json& v = at(node, key, path);
    if (!v.is_number_unsigned()) {
      fail(path + "." + key, "is not a whole number");
    }
    return v.get<uint64_t>();
  }
  const nlohmann::json& array(const nlohmann::json& node, const std::string& key,
                              const std::string& path) const {
    const nlohmann::json& v = at(node, key, path);
    if (!v.is_array()) {
      fail(path + "." + key, "is not an array");
    }
    return v;
  }

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    throw InputError(SourceLocation{file_, 0, 0},
                     "baseline field \"" + field + "\" " + problem +
                         " (is it a complete `journeysim run --format json` result?)");
  }

 private:
  std::string file_;
};

}  // namespace

Json manifest_json(const RunManifest& m) {
  Json files = Json::array();
  for (const ManifestFile& f : m.scenario_files) {
    files.push_back({{"path", f.path}, {"sha256", f.sha256}});
  }
  Json plugins = Json::array();
  for (const ManifestPlugin& p : m.plugins) {
    plugins.push_back({{"name", p.name},
                       {"version", p.version},
                       {"library", text_or_null(p.library)},
                       {"sha256", text_or_null(p.sha256)}});
  }
  return {{"journeysim_version", m.journeysim_version},
          {"engine_version", m.engine_version},
          {"scenario", {{"hash", m.scenario_hash}, {"files", files}, {"overrides", m.overrides}}},
          {"plugins", plugins},
          {"seed", m.seed},
          {"agents", m.agents}};
}

Json execution_json(const Execution& e) {
  return {{"threads", e.threads}, {"mpi_ranks", e.mpi_ranks}, {"command_line", e.command_line}};
}

RunManifest manifest_from_json(const nlohmann::json& node, const std::string& file) {
  const Reader r(file);
  const std::string m = "manifest";
  RunManifest out;
  out.journeysim_version = r.text(node, "journeysim_version", m);
  out.engine_version = r.text(node, "engine_version", m);
  const nlohmann::json& scenario = r.at(node, "scenario", m);
  out.scenario_hash = r.text(scenario, "hash", m + ".scenario");
  for (const nlohmann::json& f : r.array(scenario, "files", m + ".scenario")) {
    out.scenario_files.push_back(
        {r.text(f, "path", m + ".scenario.files[]"), r.text(f, "sha256", m + ".scenario.files[]")});
  }
  for (const nlohmann::json& o : r.array(scenario, "overrides", m + ".scenario")) {
    if (!o.is_string()) {
      r.fail(m + ".scenario.overrides[]", "is not a string");
    }
    out.overrides.push_back(o.get<std::string>());
  }
  for (const nlohmann::json& p : r.array(node, "plugins", m)) {
    const std::string at = m + ".plugins[]";
    out.plugins.push_back({r.text(p, "name", at), r.text(p, "version", at),
                           r.text(p, "library", at, true), r.text(p, "sha256", at, true)});
  }
  out.seed = r.count(node, "seed", m);
  out.agents = r.count(node, "agents", m);
  return out;
}

}  // namespace journeysim::manifest_detail

namespace journeysim {

std::string render_manifest_json(const RunManifest& manifest, const Execution* execution) {
  nlohmann::ordered_json doc;
  doc["schema"] = manifest_detail::kManifestSchema;
  doc["manifest"] = manifest_detail::manifest_json(manifest);
  if (execution != nullptr) {
    doc["execution"] = manifest_detail::execution_json(*execution);
  }
  return doc.dump(2) + "\n";
}

}  // namespace journeysim
