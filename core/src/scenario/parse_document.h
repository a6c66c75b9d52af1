// TOML text to the loader's node tree: TOML++ parses, after two guards that
// keep it away from inputs it cannot survive (nesting_scan.h,
// non_ascii_guard.h), and each value keeps the file:line:column it came from.
#pragma once

#include <string>
#include <string_view>

#include "journeysim/diagnostics.h"
#include "scenario/document.h"

namespace journeysim::scenario {

/// The result of parsing one TOML text: a root table or the parse error.
struct ParsedDocument {
  Node root;
  bool ok = false;
  Diagnostic error;  // when !ok
};

/// Parses TOML text; `file` names it in every location. Rejects nesting
/// deeper than the loader supports before TOML++ sees the text.
ParsedDocument parse_document(std::string_view text, const std::string& file);

}  // namespace journeysim::scenario
