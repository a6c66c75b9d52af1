// The scenario schema: turns a merged document into the Scenario model,
// reporting unknown keys (with the nearest valid one), wrong types, values out
// of range and names that resolve to nothing.
#pragma once

#include <vector>

#include "journeysim/scenario.h"
#include "scenario/document.h"

namespace journeysim::scenario {

/// Top-level keys a scenario file may hold.
const std::vector<std::string>& top_level_keys();

/// Reads `root` (the merged document, without `extends`) into a Scenario:
/// personas sorted by id, touchpoints by stage then journey order, steps in
/// journey order, every target resolved to a node index, thresholds by
/// metric. Appends one Diagnostic per problem; the
/// result is only meaningful when none was added.
Scenario read_scenario(const Node& root, std::vector<Diagnostic>& problems);

}  // namespace journeysim::scenario
