// The few pieces of TOML's lexical grammar that the loader's own scans share
// (the nesting limit, the non-ASCII guard, override paths, key formatting):
// enough to step over strings and comments, not a parser.
#pragma once

#include <cstddef>
#include <string_view>

namespace journeysim::scenario {

/// A character of a bare key: A-Z a-z 0-9 _ -
bool is_bare_key_char(char c);

/// A character of one scalar token ("abc", "1", "1979-05-27T07:32:00"):
/// anything that is not whitespace, punctuation, a quote or a comment.
bool is_word_char(char c);

/// Index just past the string starting at `i` (a quote); unterminated
/// strings run to the end of the line (or text) — TOML++ reports them.
size_t skip_string(std::string_view s, size_t i);

}  // namespace journeysim::scenario
