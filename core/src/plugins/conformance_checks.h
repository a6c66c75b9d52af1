// The conformance checks themselves (conformance.cpp), as the child process
// of test_channel_library runs them: each check is announced before it runs
// and reported when it ends, so the parent can blame a plugin that takes the
// process down on the check that was running.
#pragma once

#include <filesystem>
#include <string>

#include "journeysim/conformance.h"

namespace journeysim {

class ConformanceObserver {
 public:
  virtual ~ConformanceObserver() = default;
  /// "name version" once the library loaded.
  virtual void channel(const std::string& label) = 0;
  virtual void begin(const std::string& check) = 0;
  virtual void end(const ConformanceCheck& check) = 0;
};

/// Runs every check in this process; a plugin that crashes takes it down.
void run_conformance_checks(const std::filesystem::path& file, ConformanceObserver& observer);

}  // namespace journeysim
