#include "scenario/parse_document.h"

#include <algorithm>
#include <sstream>

#include <toml++/toml.h>

#include "scenario/nesting_scan.h"
#include "scenario/non_ascii_guard.h"
#include "util/text.h"

static_assert(TOML_EXCEPTIONS, "the loader reports TOML++ parse errors by exception");

namespace journeysim::scenario {
namespace {

// Real documents nest a handful of levels. TOML++ bounds brackets at 256
// but not dotted keys, and overflows the stack on a key with some 50,000
// segments; the limit keeps our own recursive walks shallow as well.
constexpr size_t kMaxNesting = 100;

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

// Where in `text` byte `offset` lies, as editors count (columns in code
// points, both 1-based).
SourceLocation location_at(std::string_view text, size_t offset, const std::string& file) {
  uint32_t line = 1;
  uint32_t column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if (!util::is_utf8_continuation(text[i])) {
      ++column;
    }
  }
  return SourceLocation{file, line, column};
}

}  // namespace

ParsedDocument parse_document(std::string_view text, const std::string& file) {
  ParsedDocument out;
  const NestingScan nesting = scan_nesting(text, kMaxNesting);
  if (nesting.too_deep != std::string_view::npos) {
    out.error = Diagnostic{location_at(text, nesting.too_deep, file),
                           "values nested more than " + std::to_string(kMaxNesting) +
                               " levels deep; a scenario needs only a few"};
    return out;
  }
  const GuardedText guarded = guard_non_ascii(text);
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

}  // namespace journeysim::scenario
