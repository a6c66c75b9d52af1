// A stored run (`journeysim run --format json --out`) read back as a
// baseline: its manifest and its metrics. Files of the older schemas are
// still read: journeysim.run/2 (the same manifest; no "lost here" metrics)
// and journeysim.run/1 (no manifest).
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "journeysim/check.h"
#include "journeysim/input_file.h"
#include "manifest/manifest_json.h"

namespace journeysim {
namespace {

using Json = nlohmann::json;

constexpr const char* kSchema = "journeysim.run/3";
constexpr const char* kSchemaBeforeLost = "journeysim.run/2";
constexpr const char* kSchemaWithoutManifest = "journeysim.run/1";

[[noreturn]] void bad(const std::string& file, const std::string& message, uint32_t line = 0,
                      uint32_t column = 0) {
  throw InputError(SourceLocation{file, line, column}, message);
}

const Json& field(const Json& doc, const std::string& file, const std::string& dotted,
                  Json::value_t kind) {
  const Json* at = &doc;
  size_t start = 0;
  while (true) {
    const size_t dot = dotted.find('.', start);
    const std::string key = dotted.substr(start, dot - start);
    if (!at->is_object() || !at->contains(key)) {
      bad(file, "baseline has no \"" + dotted +
                    "\" (is it a complete `journeysim run "
                    "--format json` result?)");
    }
    at = &(*at)[key];
    if (dot == std::string::npos) {
      break;
    }
    start = dot + 1;
  }
  const bool number_wanted = kind == Json::value_t::number_unsigned;
  if ((number_wanted && !at->is_number_unsigned()) || (!number_wanted && at->type() != kind)) {
    bad(file, "baseline field \"" + dotted + "\" has the wrong type");
  }
  return *at;
}

// Far above any real run result (a 10^5-touchpoint journey's JSON is a few
// tens of MiB); a wrong path (/dev/zero, a disk image) fails fast.
constexpr size_t kMaxBaselineBytes = size_t{256} << 20;

// Metric leaves: a plain number is a count; {"value", "ci95", "n"} an
// estimate. Everything else (names, reasons, flows) is walked past.
void flatten(const Json& node, const std::string& prefix, const std::string& file,
             std::map<std::string, BaselineMetric>& out) {
  if (node.is_number()) {
    BaselineMetric m;
    m.is_count = true;
    m.estimate = exact(node.get<double>(), 0);
    out[prefix] = m;
    return;
  }
  if (!node.is_object()) {
    return;
  }
  if (node.contains("value") && node.contains("ci95") && node.contains("n")) {
    BaselineMetric m;
    const Json& value = node["value"];
    const Json& ci = node["ci95"];
    if (value.is_number() && ci.is_array() && ci.size() == 2 && ci[0].is_number() &&
        ci[1].is_number()) {
      m.estimate = {value.get<double>(), ci[0].get<double>(), ci[1].get<double>(),
                    node["n"].is_number_unsigned() ? node["n"].get<uint64_t>() : 0, true};
    } else if (!value.is_null()) {
      // null is a metric without data (no customer reached it); anything
      // else that is not a number is a damaged baseline, never "skipped".
      bad(file, "baseline metric \"" + prefix + "\" has value " + value.dump() +
                    " and ci95 " + ci.dump() + ", which are not numbers");
    }
    out[prefix] = m;
    return;
  }
  for (const auto& [key, child] : node.items()) {
    flatten(child, prefix.empty() ? key : prefix + "." + key, file, out);
  }
}

// What a journeysim.run/1 file records of its inputs: versions, the
// scenario hash and file paths, plugin names and versions, seed, agents.
RunManifest legacy_manifest(const Json& doc, const std::string& file) {
  RunManifest m;
  if (doc.contains("journeysim_version") && doc["journeysim_version"].is_string()) {
    m.journeysim_version = doc["journeysim_version"].get<std::string>();
  }
  m.engine_version = field(doc, file, "engine_version", Json::value_t::string).get<std::string>();
  m.scenario_hash = field(doc, file, "scenario.hash", Json::value_t::string).get<std::string>();
  const Json& scenario = doc["scenario"];
  if (scenario.contains("files") && scenario["files"].is_array()) {
    for (const Json& f : scenario["files"]) {
      if (f.is_string()) {
        m.scenario_files.push_back({f.get<std::string>(), ""});
      }
    }
  }
  m.seed = field(doc, file, "run.seed", Json::value_t::number_unsigned).get<uint64_t>();
  m.agents = field(doc, file, "run.agents", Json::value_t::number_unsigned).get<uint64_t>();
  for (const Json& p : field(doc, file, "plugins", Json::value_t::array)) {
    if (!p.is_object() || !p.contains("name") || !p["name"].is_string() || !p.contains("version") ||
        !p["version"].is_string()) {
      bad(file, "baseline field \"plugins\" holds an entry without name and version");
    }
    m.plugins.push_back({p["name"].get<std::string>(), p["version"].get<std::string>(), "", ""});
  }
  return m;
}

}  // namespace

Baseline read_baseline(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) &&
      ec != std::errc::too_many_symbolic_link_levels) {
    bad(file, "baseline file not found; create it with `journeysim check SCENARIO --baseline " +
                  file + " --update-baseline` (or `journeysim run SCENARIO --format json --out " +
                  file + "`)");
  }
  std::string error;
  const std::optional<std::string> read = read_input_file(path, kMaxBaselineBytes, "baseline", error);
  if (!read) {
    bad(file, "cannot read baseline: " + error);
  }
  const std::string& text = *read;
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // Point at the offending character the way editors expect.
    uint32_t line = 1, column = 1;
    for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    const size_t colon = what.find(": ");
    bad(file,
        "baseline is not valid JSON: " +
            (colon == std::string::npos ? what : what.substr(colon + 2)),
        line, column);
  }
  if (!doc.is_object() || !doc.contains("schema") || !doc["schema"].is_string()) {
    bad(file, std::string("baseline is not a journeysim run result (no \"schema\"; expected \"") +
                  kSchema + "\", written by `journeysim run --format json --out`)");
  }
  const std::string schema = doc["schema"].get<std::string>();
  const bool has_manifest = schema == kSchema || schema == kSchemaBeforeLost;
  if (!has_manifest && schema != kSchemaWithoutManifest) {
    bad(file, "baseline has schema \"" + schema + "\"; expected \"" + kSchema +
                  "\" (a `journeysim run --format json` result) or an older \"" +
                  kSchemaBeforeLost + "\" or \"" + kSchemaWithoutManifest + "\"");
  }
  Baseline b;
  b.file = file;
  b.schema = schema;
  b.name = field(doc, file, "scenario.name", Json::value_t::string).get<std::string>();
  if (has_manifest) {
    b.manifest = manifest_detail::manifest_from_json(
        field(doc, file, "manifest", Json::value_t::object), file);
    b.has_manifest = true;
  } else {
    b.manifest = legacy_manifest(doc, file);
  }
  flatten(field(doc, file, "metrics", Json::value_t::object), "", file, b.metrics);
  for (const char* scope : {"stages", "touchpoints", "personas", "resources"}) {
    if (doc.contains(scope)) {
      flatten(doc[scope], scope, file, b.metrics);
    }
  }
  return b;
}

}  // namespace journeysim
