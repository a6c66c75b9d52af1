#include "scenario/document.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdint>
#include <sstream>
#include <system_error>
#include <utility>

#include <toml++/toml.h>

static_assert(TOML_EXCEPTIONS, "the loader reports TOML++ parse errors by exception");

namespace journeysim::scenario {
namespace {

// Real documents nest a handful of levels. TOML++ bounds brackets at 256
// but not dotted keys, and overflows the stack on a key with some 50,000
// segments; the limit keeps our own recursive walks shallow as well.
constexpr size_t kMaxNesting = 100;

auto member_less = [](const Member& m, std::string_view key) { return m.key < key; };

SourceLocation location_of(const toml::source_region& region, const std::string& file) {
  return SourceLocation{file, region.begin.line, region.begin.column};
}

template <typename T>
std::string stream_text(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

Node convert(const toml::node& in, const std::string& file) {
  Node out;
  out.where = location_of(in.source(), file);
  switch (in.type()) {
    case toml::node_type::table: {
      out.type = Node::Type::Table;
      for (auto&& [key, value] : *in.as_table()) {
        out.members.push_back(
            Member{std::string(key.str()), location_of(key.source(), file), convert(value, file)});
      }
      std::stable_sort(out.members.begin(), out.members.end(),
                       [](const Member& a, const Member& b) { return a.key < b.key; });
      break;
    }
    case toml::node_type::array:
      out.type = Node::Type::Array;
      for (const toml::node& item : *in.as_array()) {
        out.items.push_back(convert(item, file));
      }
      break;
    case toml::node_type::string:
      out.type = Node::Type::String;
      out.text = in.as_string()->get();
      break;
    case toml::node_type::integer:
      out.type = Node::Type::Integer;
      out.integer = in.as_integer()->get();
      break;
    case toml::node_type::floating_point:
      out.type = Node::Type::Float;
      out.number = in.as_floating_point()->get();
      break;
    case toml::node_type::boolean:
      out.type = Node::Type::Boolean;
      out.boolean = in.as_boolean()->get();
      break;
    case toml::node_type::date:
      out.type = Node::Type::Date;
      out.text = stream_text(in.as_date()->get());
      break;
    case toml::node_type::time:
      out.type = Node::Type::Time;
      out.text = stream_text(in.as_time()->get());
      break;
    case toml::node_type::date_time:
      out.type = Node::Type::DateTime;
      out.text = stream_text(in.as_date_time()->get());
      break;
    case toml::node_type::none:
      break;
  }
  return out;
}

void append_canonical(const Node& node, std::string& out) {
  auto append_text = [&out](std::string_view text) {
    out += std::to_string(text.size());
    out += ':';
    out += text;
  };
  switch (node.type) {
    case Node::Type::Table:
      out += '{';
      for (const Member& m : node.members) {  // kept sorted by key
        append_text(m.key);
        out += '=';
        append_canonical(m.value, out);
        out += ';';
      }
      out += '}';
      break;
    case Node::Type::Array:
      out += '[';
      for (const Node& item : node.items) {
        append_canonical(item, out);
        out += ';';
      }
      out += ']';
      break;
    case Node::Type::String:
      out += 's';
      append_text(node.text);
      break;
    case Node::Type::Integer:
      out += 'i';
      out += std::to_string(node.integer);
      break;
    case Node::Type::Float:
      out += 'f';
      out += format_number(node.number);
      break;
    case Node::Type::Boolean:
      out += node.boolean ? "true" : "false";
      break;
    case Node::Type::Date:
      out += 'D';
      append_text(node.text);
      break;
    case Node::Type::Time:
      out += 'T';
      append_text(node.text);
      break;
    case Node::Type::DateTime:
      out += 'X';
      append_text(node.text);
      break;
  }
}

bool is_bare_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-';
}

// One scalar token of the nesting scan: anything that is not whitespace,
// punctuation, a string or a comment ("abc", "1", "1979-05-27T07:32:00").
bool is_word_char(char c) {
  switch (c) {
    case ' ': case '\t': case '\r': case '\n': case '.': case '[': case ']':
    case '{': case '}': case ',': case '=': case '#': case '"': case '\'':
      return false;
    default:
      return true;
  }
}

// Index just past the string starting at `i` (a quote); unterminated strings
// run to the end of the line (or text) — TOML++ reports them properly.
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

struct NestingScan {
  size_t depth = 0;                             // deepest level seen
  size_t too_deep = std::string_view::npos;     // where `limit` was first passed
};

// Estimates how deep the parsed tree will be: each open bracket of an inline
// table or array, each dotted key segment and each segment of the current
// [table] header adds a level.
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

// Where in `text` byte `offset` lies, as editors count (columns in code
// points, both 1-based).
SourceLocation location_at(std::string_view text, size_t offset, const std::string& file) {
  uint32_t line = 1;
  uint32_t column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return SourceLocation{file, line, column};
}

bool is_ascii(char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; }

// The code point of the UTF-8 sequence at `i` and its length in bytes;
// length 0 when the bytes are not valid UTF-8 (TOML++ reports those).
std::pair<char32_t, size_t> decode_utf8(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return {0, 0};
  }
  if (i + length > s.size()) {
    return {0, 0};
  }
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return {0, 0};
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {0, 0};
  }
  return {cp, length};
}

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

// The text TOML++ is given, or why it must not be.
struct GuardedText {
  std::string rewritten;  // empty: parse the text as it is
  bool ok = true;
  size_t error_at = 0;
  std::string error;
};

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
    const auto [cp, length] = decode_utf8(s_, i);
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
        if (k < s_.size() && !is_ascii(s_[k]) && decode_utf8(s_, k).second > 0) {
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
      const auto [cp, length] = decode_utf8(s_, at);
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

const Node* Node::find(std::string_view key) const {
  const Member* m = find_member(key);
  return m ? &m->value : nullptr;
}

Node* Node::find(std::string_view key) {
  Member* m = find_member(key);
  return m ? &m->value : nullptr;
}

const Member* Node::find_member(std::string_view key) const {
  auto it = std::lower_bound(members.begin(), members.end(), key, member_less);
  return it != members.end() && it->key == key ? &*it : nullptr;
}

Member* Node::find_member(std::string_view key) {
  auto it = std::lower_bound(members.begin(), members.end(), key, member_less);
  return it != members.end() && it->key == key ? &*it : nullptr;
}

Member& Node::set(std::string key, SourceLocation key_where, Node value) {
  auto it = std::lower_bound(members.begin(), members.end(), key, member_less);
  if (it != members.end() && it->key == key) {
    it->key_where = std::move(key_where);
    it->value = std::move(value);
    return *it;
  }
  return *members.insert(it, Member{std::move(key), std::move(key_where), std::move(value)});
}

void Node::erase(std::string_view key) {
  auto it = std::lower_bound(members.begin(), members.end(), key, member_less);
  if (it != members.end() && it->key == key) {
    members.erase(it);
  }
}

const char* type_name(Node::Type type) {
  switch (type) {
    case Node::Type::Table: return "table";
    case Node::Type::Array: return "array";
    case Node::Type::String: return "string";
    case Node::Type::Integer: return "integer";
    case Node::Type::Float: return "float";
    case Node::Type::Boolean: return "boolean";
    case Node::Type::Date: return "date";
    case Node::Type::Time: return "time";
    case Node::Type::DateTime: return "date-time";
  }
  return "value";
}

ParsedDocument parse_document(std::string_view text, const std::string& file) {
  ParsedDocument out;
  const NestingScan nesting = scan_nesting(text, kMaxNesting);
  if (nesting.too_deep != std::string_view::npos) {
    out.error = Diagnostic{location_at(text, nesting.too_deep, file),
                           "values nested more than " + std::to_string(kMaxNesting) +
                               " levels deep; a scenario needs only a few"};
    return out;
  }
  const GuardedText guarded = NonAsciiGuard(text).run();
  if (!guarded.ok) {
    out.error = Diagnostic{location_at(text, guarded.error_at, file), guarded.error};
    return out;
  }
  try {
    toml::table table =
        toml::parse(guarded.rewritten.empty() ? text : std::string_view(guarded.rewritten),
                    std::string_view(file));
    out.root = convert(table, file);
    out.ok = true;
  } catch (const toml::parse_error& e) {
    out.error = Diagnostic{location_of(e.source(), file), std::string(e.description())};
  }
  return out;
}

void merge_into(Node& base, Node overlay) {
  if (!base.is_table() || !overlay.is_table()) {
    base = std::move(overlay);
    return;
  }
  for (Member& m : overlay.members) {
    Member* existing = base.find_member(m.key);
    if (existing != nullptr && existing->value.is_table() && m.value.is_table()) {
      merge_into(existing->value, std::move(m.value));
    } else {
      base.set(std::move(m.key), std::move(m.key_where), std::move(m.value));
    }
  }
}

void relocate(Node& node, const SourceLocation& where) {
  node.where = where;
  for (Node& item : node.items) {
    relocate(item, where);
  }
  for (Member& m : node.members) {
    m.key_where = where;
    relocate(m.value, where);
  }
}

std::string canonical_form(const Node& node) {
  std::string out;
  append_canonical(node, out);
  return out;
}

std::string format_key(std::string_view key) {
  if (!key.empty() && std::all_of(key.begin(), key.end(), is_bare_key_char)) {
    return std::string(key);
  }
  std::string out = "\"";
  for (const char c : key) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  out += '"';
  return out;
}

std::string format_number(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}


}  // namespace journeysim::scenario
