// Keeps non-ASCII characters away from the places where TOML++ 3.3.0 would
// reach undefined behaviour on them (see non_ascii_guard.cpp for which and
// why): refuses what is invalid TOML anyway, rewrites what is valid.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace journeysim::scenario {

/// The text TOML++ is given, or why it must not be.
struct GuardedText {
  std::string rewritten;  // empty: parse the text as it is
  bool ok = true;
  size_t error_at = 0;
  std::string error;
};

/// Runs the guard over a whole document; `error_at` is a byte offset into
/// `text`.
GuardedText guard_non_ascii(std::string_view text);

}  // namespace journeysim::scenario
