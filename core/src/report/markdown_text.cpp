#include "report/markdown_text.h"

#include <algorithm>

namespace journeysim::markdown {

std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string code(const std::string& text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const std::string pad = longest > 0 ? " " : "";
  // Inside a code span a pipe still ends a table cell on GitHub.
  return fence + pad + cell(text) + pad + fence;
}

}  // namespace journeysim::markdown
