// Text written into generated TOML files (calibrate's fitted journey, init's
// starter journeys).
#pragma once

#include <string>
#include <string_view>

namespace journeysim {

/// `text` as a TOML basic string, quotes included: quotes, backslashes and
/// control characters escaped, invalid UTF-8 bytes replaced by U+FFFD, so
/// the file always parses.
std::string toml_basic_string(std::string_view text);

}  // namespace journeysim
