// The canonical text of a document, which the scenario hash is taken over,
// and the canonical spellings of keys and numbers that messages share with
// it. Changing a byte here changes every scenario hash.
#pragma once

#include <string>
#include <string_view>

#include "scenario/document.h"

namespace journeysim::scenario {

/// Canonical serialisation: table keys sorted, numbers in shortest
/// round-trip form, types tagged, strings length-prefixed. Two documents
/// serialise equally iff they hold the same data.
std::string canonical_form(const Node& node);

/// `key` as written in a dotted path: bare when it can be, else quoted.
std::string format_key(std::string_view key);

/// Shortest round-trip decimal form of a double ("0.1", "1e+30", "nan").
std::string format_number(double value);

}  // namespace journeysim::scenario
