// How deep a TOML text will nest once parsed, estimated from the text alone,
// so that a document too deep for TOML++ (or for the loader's own recursive
// walks) is refused before either meets it.
#pragma once

#include <cstddef>
#include <string_view>

namespace journeysim::scenario {

struct NestingScan {
  size_t depth = 0;                          // deepest level seen
  size_t too_deep = std::string_view::npos;  // where `limit` was first passed
};

/// Estimates how deep the parsed tree will be: each open bracket of an inline
/// table or array, each dotted key segment and each segment of the current
/// [table] header adds a level.
NestingScan scan_nesting(std::string_view s, size_t limit);

}  // namespace journeysim::scenario
