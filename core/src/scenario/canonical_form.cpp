#include "scenario/canonical_form.h"

#include <algorithm>
#include <charconv>

#include "scenario/toml_tokens.h"

namespace journeysim::scenario {
namespace {

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

}  // namespace

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
