// Records of a CSV file, one at a time: physical lines joined while a quoted
// field is open, CR of CRLF removed, a UTF-8 byte-order mark skipped.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace journeysim::calibrate {

class CsvSource {
 public:
  explicit CsvSource(std::istream& in) : in_(in) {}

  /// The next non-blank record and the line it starts on; false at the end.
  bool next(std::string& record, uint64_t& line);

 private:
  std::istream& in_;
  uint64_t line_ = 0;
  std::string physical_;
};

/// Index of `name` among `header` fields, or -1.
int find_column(const std::vector<std::string>& header, std::string_view name);

}  // namespace journeysim::calibrate
