#include "check/source_scan.h"

#include <fstream>
#include <optional>

#include "util/text.h"

namespace journeysim::check_detail {
namespace {

// TOML++ counts columns in code points; the scanner works in bytes.
std::optional<size_t> byte_of_column(const std::string& line, uint32_t column) {
  uint32_t current = 1;
  for (size_t b = 0; b < line.size(); ++b) {
    if (util::is_utf8_continuation(line[b])) {
      continue;
    }
    if (current == column) {
      return b;
    }
    ++current;
  }
  return std::nullopt;
}

uint32_t column_of_byte(const std::string& line, size_t byte) {
  uint32_t column = 1;
  for (size_t b = 0; b < byte && b < line.size(); ++b) {
    if (!util::is_utf8_continuation(line[b])) {
      ++column;
    }
  }
  return column;
}

// A cursor over the lines of a file; the end of a line reads as '\n'.
class Cursor {
 public:
  Cursor(const std::vector<std::string>& lines, size_t line, size_t byte)
      : lines_(lines), line_(line), byte_(byte) {}

  bool at_end() const { return line_ >= lines_.size(); }
  char peek(size_t ahead = 0) const {
    size_t l = line_;
    size_t b = byte_ + ahead;
    while (l < lines_.size() && b > lines_[l].size()) {
      b -= lines_[l].size() + 1;
      ++l;
    }
    if (l >= lines_.size()) {
      return '\0';
    }
    return b == lines_[l].size() ? '\n' : lines_[l][b];
  }
  void advance(size_t n = 1) {
    for (size_t i = 0; i < n && !at_end(); ++i) {
      if (byte_ >= lines_[line_].size()) {
        ++line_;
        byte_ = 0;
      } else {
        ++byte_;
      }
    }
  }
  bool starts_with(const std::string& text) const {
    for (size_t i = 0; i < text.size(); ++i) {
      if (peek(i) != text[i]) {
        return false;
      }
    }
    return true;
  }
  SourceLocation location(const std::string& file) const {
    return {file, static_cast<uint32_t>(line_ + 1), column_of_byte(lines_[line_], byte_)};
  }

  // Blanks, newlines, commas between items and comments.
  void skip_separators() {
    while (!at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
        advance();
      } else if (c == '#') {
        while (!at_end() && peek() != '\n') {
          advance();
        }
      } else {
        return;
      }
    }
  }

  // Past one TOML string of any of the four kinds; false if none is here.
  bool skip_string() {
    const char quote = peek();
    if (quote != '"' && quote != '\'') {
      return false;
    }
    const std::string triple(3, quote);
    const bool multi_line = starts_with(triple);
    advance(multi_line ? 3 : 1);
    while (!at_end()) {
      const char c = peek();
      if (c == '\\' && quote == '"') {
        advance(2);
      } else if (multi_line && starts_with(triple)) {
        advance(3);
        // Up to two more quotes may belong to the content ("""a""""").
        while (peek() == quote) {
          advance();
        }
        return true;
      } else if (!multi_line && c == quote) {
        advance();
        return true;
      } else if (!multi_line && c == '\n') {
        return false;
      } else {
        advance();
      }
    }
    return false;
  }

 private:
  const std::vector<std::string>& lines_;
  size_t line_;
  size_t byte_;
};

}  // namespace

const std::vector<std::string>* SourceScanner::lines_of(const std::string& file) {
  auto found = files_.find(file);
  if (found == files_.end()) {
    std::vector<std::string> lines;
    std::ifstream in(file, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      lines.push_back(std::move(line));
    }
    found = files_.emplace(file, std::move(lines)).first;
  }
  return found->second.empty() ? nullptr : &found->second;
}

std::vector<SourceLocation> SourceScanner::string_items(const SourceLocation& value, size_t count) {
  std::vector<SourceLocation> fallback(count, value);
  const std::vector<std::string>* lines = value.line == 0 ? nullptr : lines_of(value.file);
  if (lines == nullptr || value.line > lines->size()) {
    return fallback;
  }
  const std::optional<size_t> start = byte_of_column((*lines)[value.line - 1], value.column);
  if (!start) {
    return fallback;
  }
  Cursor cursor(*lines, value.line - 1, *start);
  if (cursor.peek() == '"' || cursor.peek() == '\'') {
    return count == 1 ? std::vector<SourceLocation>{value} : fallback;
  }
  if (cursor.peek() != '[') {
    return fallback;
  }
  cursor.advance();
  std::vector<SourceLocation> found;
  while (true) {
    cursor.skip_separators();
    if (cursor.at_end()) {
      return fallback;
    }
    if (cursor.peek() == ']') {
      break;
    }
    const SourceLocation here = cursor.location(value.file);
    if (!cursor.skip_string()) {
      return fallback;
    }
    found.push_back(here);
  }
  return found.size() == count ? found : fallback;
}

SourceLocation SourceScanner::key_of(const SourceLocation& value) {
  const std::vector<std::string>* lines = value.line == 0 ? nullptr : lines_of(value.file);
  if (lines == nullptr || value.line > lines->size()) {
    return value;
  }
  const std::string& line = (*lines)[value.line - 1];
  const std::optional<size_t> at = byte_of_column(line, value.column);
  const size_t first = line.find_first_not_of(" \t");
  if (!at || first == std::string::npos || first >= *at) {
    return value;
  }
  // `key = value`: only blanks between '=' and the value.
  const size_t equals = line.find_last_not_of(" \t", *at - 1);
  if (equals == std::string::npos || line[equals] != '=' || equals == first) {
    return value;
  }
  return {value.file, value.line, column_of_byte(line, first)};
}

}  // namespace journeysim::check_detail
