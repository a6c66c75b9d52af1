// The manifest and the execution facts as JSON, written into every JSON
// output and read back from stored runs (check --baseline).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "journeysim/manifest.h"

namespace journeysim::manifest_detail {

/// The schema name of a manifest printed alone (run --manifest-only).
inline constexpr const char* kManifestSchema = "journeysim.manifest/1";

nlohmann::ordered_json manifest_json(const RunManifest& manifest);
nlohmann::ordered_json execution_json(const Execution& execution);

/// Reads what manifest_json wrote. Throws InputError at `file` naming the
/// first field that is missing or of the wrong type.
RunManifest manifest_from_json(const nlohmann::json& node, const std::string& file);

}  // namespace journeysim::manifest_detail
