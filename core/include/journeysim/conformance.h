// The conformance harness behind `journeysim plugin-test`: what a
// third-party channel author runs before shipping. It loads the library
// through the same host as a run, then exercises the channel over generated
// personas, agent states and every declared parameter's extremes — in a
// child process, so a plugin that crashes, calls exit, never returns or
// prints to stdout gets a failing verdict instead of taking the harness
// down.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace journeysim {

struct ConformanceCheck {
  std::string name;
  bool passed = false;
  std::string detail;  // what was measured, or why it failed
};

struct ConformanceReport {
  std::string file;
  std::string channel;  // "name version", "" if it did not load
  std::vector<ConformanceCheck> checks;

  bool passed() const;
};

struct ConformanceOptions {
  /// Longest one plugin call may take, in seconds (0 = no limit): past it,
  /// the check in progress fails (journeysim/plugin_guard.h).
  double timeout_seconds = 60.0;
};

/// Runs every check in a child process; never throws for a faulty plugin (a
/// failure is a failed check with its reason). After the checks of the
/// library itself: "prints nothing to stdout", which fails a plugin that
/// wrote there.
ConformanceReport test_channel_library(const std::filesystem::path& file,
                                       const ConformanceOptions& options = {});

/// "✓ name — detail" lines and a verdict.
std::string render_conformance(const ConformanceReport& report);

}  // namespace journeysim
