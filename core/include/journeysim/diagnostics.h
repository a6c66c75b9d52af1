// Input errors that users can act on: every one names file, line and column.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace journeysim {

/// Where a value came from. `line`/`column` are 1-based; 0 means unknown
/// (e.g. a value given with --set on the command line).
struct SourceLocation {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;

  /// "file:line:column", "file:line" or "file" depending on what is known.
  std::string to_string() const;
};

/// One problem found in the user's input.
struct Diagnostic {
  SourceLocation where;
  std::string message;

  /// "file:line:column: error: message" (the form editors jump to).
  std::string to_string() const;
};

/// Bad input: a scenario, an override, a plugin or a command-line value.
/// The CLI turns it into exit code 2. Carries every problem found, so a user
/// fixes them in one round rather than one per run.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(SourceLocation where, std::string message);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// The known name closest to `name` by edit distance, or "" when none is
/// close enough to be a plausible typo.
std::string nearest_name(const std::string& name,
                         const std::vector<std::string>& known);

/// " (did you mean 'x'?)" or "" — appended to unknown-name messages.
std::string did_you_mean(const std::string& name,
                         const std::vector<std::string>& known);

}  // namespace journeysim
