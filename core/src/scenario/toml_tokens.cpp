#include "scenario/toml_tokens.h"

namespace journeysim::scenario {

bool is_bare_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-';
}

bool is_word_char(char c) {
  switch (c) {
    case ' ': case '\t': case '\r': case '\n': case '.': case '[': case ']':
    case '{': case '}': case ',': case '=': case '#': case '"': case '\'':
      return false;
    default:
      return true;
  }
}

size_t skip_string(std::string_view s, size_t i) {
  const char quote = s[i];
  const bool basic = quote == '"';
  if (s.substr(i, 3) == std::string_view(basic ? "\"\"\"" : "'''")) {
    size_t j = i + 3;
    while (j < s.size()) {
      if (basic && s[j] == '\\') {
        j += 2;
        continue;
      }
      if (s.substr(j, 3) == std::string_view(basic ? "\"\"\"" : "'''")) {
        j += 3;
        // Up to two more quotes may belong to the content ("""a"""").
        while (j < s.size() && s[j] == quote) {
          ++j;
        }
        return j;
      }
      ++j;
    }
    return s.size();
  }
  size_t j = i + 1;
  while (j < s.size() && s[j] != '\n') {
    if (basic && s[j] == '\\') {
      j += 2;
      continue;
    }
    if (s[j] == quote) {
      return j + 1;
    }
    ++j;
  }
  return j;
}

}  // namespace journeysim::scenario
