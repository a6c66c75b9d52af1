#include "scenario/non_ascii_guard.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include "scenario/toml_tokens.h"
#include "util/text.h"

namespace journeysim::scenario {
namespace {

bool is_ascii(char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; }

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

// TOML++ 3.3.0 asks is_non_ascii_horizontal_whitespace() about non-ASCII
// characters in a few places, and for most code points (Latin-1 and Latin
// Extended letters such as Vietnamese 'á', U+2C5A-U+3053, U+FC06-U+FEFE)
// that function reaches __builtin_unreachable(): undefined behaviour, found
// by fuzz/scenario_loader_fuzzer. This pass, a small TOML lexer, keeps every
// such character away from it:
//  1. outside strings and comments (invalid TOML anyway), including a
//     would-be string or array inside a bare value such as `= 1.["á"` that
//     TOML++ reads through: refused, with a message saying to quote the key;
//  2. right after a backslash in a multi-line basic string (an invalid
//     escape, or a line-ending backslash with text after it): refused;
//  3. first on a line continued by a line-ending backslash (valid TOML):
//     rewritten as its \uXXXX escape, which means the same. Only columns
//     after it on that line shift, and that line holds the rest of a string.
class NonAsciiGuard {
 public:
  explicit NonAsciiGuard(std::string_view text) : s_(text) {}

  GuardedText run() {
    // TOML++ skips a byte-order mark.
    const size_t start = s_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    size_t i = start;
    while (i < s_.size() && out_.ok) {
      const char c = s_[i];
      if (c == '#') {
        i = std::min(s_.find('\n', i), s_.size());
      } else if ((c == '"' || c == '\'') &&
                 (in_value_ || i == start || !is_word_char(s_[i - 1]))) {
        i = s_.substr(i, 3) == "\"\"\"" ? skip_multi_line_basic(i) : skip_string(s_, i);
        line_start_ = false;
      } else if (in_value_ && starts_bare_value(c)) {
        i = skip_bare_value(i);
        line_start_ = false;
      } else if (!is_ascii(c)) {
        refuse_bare(i);
      } else {
        track(c);
        ++i;
      }
    }
    if (out_.ok && !rewrite_.empty()) {
      apply_rewrites();
    }
    return std::move(out_);
  }

 private:
  static bool ends_value(char c) {
    switch (c) {
      case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
      case ']': case '}': case ',': case '#':
        return true;
      default:
        return false;
    }
  }

  static bool starts_bare_value(char c) {
    return !ends_value(c) && c != '[' && c != '{' && c != '=' && c != '"' && c != '\'';
  }

  // A value that does not start with a quote or bracket (a number, date,
  // boolean, or a mistake): TOML++ reads it up to whitespace, ']', '}', ','
  // or '#', quotes and brackets included, asking about each character.
  size_t skip_bare_value(size_t i) {
    size_t j = i;
    while (j < s_.size() && !ends_value(s_[j])) {
      if (!is_ascii(s_[j])) {
        refuse_bare(j);
        return s_.size();
      }
      ++j;
    }
    return j;
  }

  // Key or value context, from the punctuation outside strings.
  void track(char c) {
    const bool was_line_start = line_start_;
    line_start_ = false;
    switch (c) {
      case '\n':
        in_value_ = in_value_ && !brackets_.empty();
        line_start_ = true;
        break;
      case ' ': case '\t': case '\r':
        line_start_ = was_line_start;
        break;
      case '=':
        in_value_ = true;
        break;
      case '{':
        brackets_.push_back('{');
        in_value_ = false;
        break;
      case '[':
        if (was_line_start && brackets_.empty()) {
          in_value_ = false;  // a [table] header: keys
          line_start_ = true;  // so "[[" reads as one header
        } else {
          brackets_.push_back('[');
          in_value_ = true;
        }
        break;
      case ',':
        in_value_ = brackets_.empty() || brackets_.back() == '[';
        break;
      case ']': case '}':
        if (!brackets_.empty()) {
          brackets_.pop_back();
        }
        break;
      default:
        break;
    }
  }

  void fail(size_t at, std::string message) {
    out_.ok = false;
    out_.error_at = at;
    out_.error = std::move(message);
  }

  void refuse_bare(size_t i) {
    // The bare word around it: what the user most likely meant as a key.
    const auto in_word = [&](size_t k) { return !is_ascii(s_[k]) || is_bare_key_char(s_[k]); };
    size_t begin = i;
    while (begin > 0 && in_word(begin - 1)) {
      --begin;
    }
    size_t end = i;
    while (end < s_.size() && in_word(end)) {
      ++end;
    }
    const auto [cp, length] = util::decode_utf8(s_, i);
    const std::string what =
        length > 0
            ? "'" + std::string(s_.substr(i, length)) + "' (" + code_point_name(cp) + ")"
            : "byte 0x" + code_point_name(static_cast<unsigned char>(s_[i])).substr(2);
    fail(i, "non-ASCII character " + what +
                " outside quotes; TOML allows it only in quoted keys and strings, e.g. \"" +
                std::string(s_.substr(begin, end - begin)) + "\"");
  }

  bool blank(size_t k) const { return k < s_.size() && (s_[k] == ' ' || s_[k] == '\t'); }

  // Index just past the """string""" starting at `i`.
  size_t skip_multi_line_basic(size_t i) {
    size_t j = i + 3;
    while (j < s_.size()) {
      if (s_.substr(j, 3) == "\"\"\"") {
        j += 3;
        const size_t closed = j;
        while (j < s_.size() && s_[j] == '"' && j < closed + 2) {
          ++j;  // up to two quotes may end the content ("""a""""")
        }
        return j;
      }
      if (s_[j] != '\\') {
        ++j;
        continue;
      }
      size_t k = j + 1;
      while (blank(k)) {
        ++k;
      }
      if (k < s_.size() && !is_ascii(s_[k])) {
        fail(k, k == j + 1
                    ? "invalid escape sequence: '\\' followed by a non-ASCII character"
                    : "a line-ending backslash must be the last character on its line");
        return s_.size();
      }
      if (k < s_.size() && (s_[k] == '\n' || s_[k] == '\r')) {
        while (k < s_.size() && (blank(k) || s_[k] == '\n' || s_[k] == '\r')) {
          ++k;
        }
        if (k < s_.size() && !is_ascii(s_[k]) && util::decode_utf8(s_, k).length > 0) {
          rewrite_.push_back(k);
        }
        j = k;
      } else {
        j = std::max(k, j + 2);  // past the escaped character
      }
    }
    return j;
  }

  void apply_rewrites() {
    size_t copied = 0;
    for (const size_t at : rewrite_) {
      const auto [cp, length] = util::decode_utf8(s_, at);
      out_.rewritten.append(s_.substr(copied, at - copied));
      char escape[16];
      std::snprintf(escape, sizeof escape, cp > 0xFFFF ? "\\U%08X" : "\\u%04X",
                    static_cast<unsigned>(cp));
      out_.rewritten += escape;
      copied = at + length;
    }
    out_.rewritten.append(s_.substr(copied));
  }

  std::string_view s_;
  GuardedText out_;
  std::vector<size_t> rewrite_;  // offsets of characters to escape (case 3)
  std::vector<char> brackets_;   // open '[' (arrays) and '{' (inline tables)
  bool in_value_ = false;
  bool line_start_ = true;
};

}  // namespace

GuardedText guard_non_ascii(std::string_view text) { return NonAsciiGuard(text).run(); }

}  // namespace journeysim::scenario
