// What a load reports, in the form the loader tests compare with: one
// "file:line:column: error: message" line per diagnostic, or the marker
// "<loaded without error>" when it loads.
#pragma once

#include <string>
#include <vector>

#include "journeysim/diagnostics.h"

namespace journeysim::testing {

/// Runs `load` (a callable that loads something and may throw InputError)
/// and returns its diagnostics as lines.
template <class Load>
std::vector<std::string> diagnostics_of(Load&& load) {
  try {
    load();
  } catch (const InputError& e) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : e.diagnostics()) {
      lines.push_back(d.to_string());
    }
    return lines;
  }
  return {"<loaded without error>"};
}

}  // namespace journeysim::testing
