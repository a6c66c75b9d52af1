// Locations inside a scenario file that the scenario model does not keep:
// where each condition string of a threshold's array starts, and where the
// threshold's key starts. Errors then point at the condition or key itself
// rather than at the array. Read from the file again; when the text cannot
// be matched (a value from --set, a file changed since loading) the
// threshold's own location is used.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "journeysim/diagnostics.h"

namespace journeysim::check_detail {

class SourceScanner {
 public:
  /// Where each of the `count` strings of the array (or single string) at
  /// `value` starts; `value` itself for each when the text does not match.
  std::vector<SourceLocation> string_items(const SourceLocation& value, size_t count);

  /// Where the key of the `key = value` line holding `value` starts;
  /// `value` when the line is not of that form.
  SourceLocation key_of(const SourceLocation& value);

 private:
  const std::vector<std::string>* lines_of(const std::string& file);

  std::map<std::string, std::vector<std::string>> files_;
};

}  // namespace journeysim::check_detail
