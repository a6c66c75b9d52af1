#include "scenario/nesting_scan.h"

#include <algorithm>
#include <vector>

#include "scenario/toml_tokens.h"

namespace journeysim::scenario {


NestingScan scan_nesting(std::string_view s, size_t limit) {
  NestingScan deepest;
  std::vector<size_t> bases;   // depth at each open bracket
  size_t table_base = 0;       // segments of the current [header]
  size_t chain = 0;            // segments of the dotted key being read
  size_t key_chain = 0;        // segments of the key before '='
  bool after_dot = false;
  bool line_start = true;
  bool in_header = false;
  auto base = [&] { return bases.empty() ? table_base : bases.back(); };
  auto note = [&](size_t depth, size_t at) {
    if (depth > limit && deepest.too_deep == std::string_view::npos) {
      deepest.too_deep = at;
    }
    deepest.depth = std::max(deepest.depth, depth);
  };
  auto segment = [&](size_t at) {
    chain = after_dot ? chain + 1 : 1;
    after_dot = false;
    note(in_header ? chain : base() + chain, at);
  };
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const bool was_line_start = line_start;
    line_start = false;
    switch (c) {
      case '\n':
        chain = key_chain = 0;
        after_dot = false;
        line_start = true;
        ++i;
        break;
      case ' ': case '\t': case '\r':
        line_start = was_line_start;
        ++i;
        break;
      case '#':
        while (i < s.size() && s[i] != '\n') {
          ++i;
        }
        break;
      case '"': case '\'':
        segment(i);
        i = skip_string(s, i);
        break;
      case '.':
        after_dot = true;
        ++i;
        break;
      case '=':
        key_chain = chain;
        chain = 0;
        after_dot = false;
        ++i;
        break;
      case ',':
        chain = key_chain = 0;
        ++i;
        break;
      case '[':
        if (was_line_start && bases.empty()) {
          in_header = true;
          chain = 0;
          i += s.substr(i, 2) == "[[" ? 2 : 1;
          break;
        }
        [[fallthrough]];
      case '{':
        bases.push_back(base() + key_chain + 1);
        note(bases.back(), i);
        chain = key_chain = 0;
        ++i;
        break;
      case ']':
        if (in_header) {
          in_header = false;
          table_base = chain;
          i += s.substr(i, 2) == "]]" ? 2 : 1;
          chain = 0;
          break;
        }
        [[fallthrough]];
      case '}':
        if (!bases.empty()) {
          bases.pop_back();
        }
        chain = key_chain = 0;
        ++i;
        break;
      default:
        segment(i);
        while (i < s.size() && is_word_char(s[i])) {
          ++i;
        }
        break;
    }
  }
  return deepest;
}

}  // namespace journeysim::scenario
