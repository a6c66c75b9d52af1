// The conformance harness behind `journeysim plugin-test`: what a
// third-party channel author runs before shipping. It loads the library
// through the same host as a run, then exercises the channel over generated
// personas, agent states and every declared parameter's extremes.
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

/// Runs every check; never throws for a faulty plugin (a failure is a
/// failed check with its reason).
ConformanceReport test_channel_library(const std::filesystem::path& file);

/// "✓ name — detail" lines and a verdict.
std::string render_conformance(const ConformanceReport& report);

}  // namespace journeysim
