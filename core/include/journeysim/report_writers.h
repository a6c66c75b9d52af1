// Renderings of a RunReport. Each is deterministic for a fixed seed: no
// timestamps, no thread counts, no absolute paths beyond what was given.
#pragma once

#include <string>

#include "journeysim/run_report.h"

namespace journeysim {

/// The JSON document (schema "journeysim.run/1", see docs/json-schema.md).
std::string render_json(const RunReport& report);
/// One row per metric: path,scope,id,metric,value,ci95_low,ci95_high,n.
std::string render_csv(const RunReport& report);
/// The journey map for a terminal.
std::string render_table(const RunReport& report);

}  // namespace journeysim
