// `--set path=value` overrides, applied to the merged document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "journeysim/diagnostics.h"
#include "scenario/document.h"

namespace journeysim::scenario {

/// Splits a dotted key path (`a.b."c.d"`) into its keys; bare, "basic" and
/// 'literal' keys as in TOML. Returns false with `error` set on bad syntax.
bool split_key_path(std::string_view path, std::vector<std::string>& keys, std::string& error);

/// Applies each override to `doc` as a one-line variant file would: tables
/// merge, other values replace. The value is parsed as TOML, and taken as a
/// plain string if it does not parse. An override may change an existing
/// persona, touchpoint or stage but not create one. Problems are appended,
/// located at "--set <path>"; an override with a problem is left out, so the
/// document stays fit for the schema checks that follow.
void apply_overrides(Node& doc, const std::vector<std::string>& overrides,
                     std::vector<Diagnostic>& problems);

}  // namespace journeysim::scenario
