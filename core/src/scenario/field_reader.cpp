#include "scenario/field_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scenario/canonical_form.h"
#include "util/text.h"

namespace journeysim::scenario {
namespace {

constexpr size_t kMaxSuggestedProblems = 100;
// Integers beyond 2^53 do not survive the trip through ParamValue::number.
constexpr int64_t kMaxExactInteger = int64_t{1} << 53;

}  // namespace

std::string child(const std::string& path, std::string_view key) {
  return path.empty() ? format_key(key) : path + "." + format_key(key);
}

std::string element(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string table_label(const std::string& path) { return "[" + path + "]"; }

std::string quoted_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  quoted.reserve(items.size());
  for (const std::string& item : items) {
    quoted.push_back("'" + item + "'");
  }
  return util::join(quoted, ", ");
}

void FieldReader::error(const SourceLocation& where, std::string message) {
  problems_.push_back(Diagnostic{where, std::move(message)});
}

// A typo suggestion costs an edit distance per known name; past the first
// problems a file is not a draft with typos, so stop paying for them.
void FieldReader::errors_from(const InputError& thrown, const std::string& path) {
  for (const Diagnostic& d : thrown.diagnostics()) {
    error(d.where, path + ": " + d.message);
  }
}

std::string FieldReader::suggest(const std::string& name,
                                 const std::vector<std::string>& known) const {
  return problems_.size() < kMaxSuggestedProblems ? did_you_mean(name, known) : "";
}

void FieldReader::type_error(const Node& node, const std::string& path,
                             const std::string& expected) {
  std::string got = type_name(node.type);
  if (node.type == Node::Type::Float) {
    got += " " + format_number(node.number);
  }
  error(node.where, path + ": expected " + expected + ", got " + got);
}

bool FieldReader::expect_table(const Node& node, const std::string& path) {
  if (!node.is_table()) {
    type_error(node, path, "table");
    return false;
  }
  return true;
}

bool FieldReader::expect_id(const Member& m, const std::string& section) {
  for (size_t i = 0; i < m.key.size(); ++i) {
    const auto c = static_cast<unsigned char>(m.key[i]);
    if (c < 0x20 || c == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      std::string shown;
      for (const char k : m.key) {
        const auto b = static_cast<unsigned char>(k);
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04X", b);
        shown += (b < 0x20 || b == 0x7F) ? std::string(escaped) : std::string(1, k);
      }
      error(m.key_where, section + " id '" + shown + "' holds the control character " + code +
                             ": ids are shown in every report; use letters, digits, '_' or '-'");
      return false;
    }
  }
  return true;
}

// Unknown keys are errors: a misspelt key silently ignored is a default
// silently used.
void FieldReader::check_keys(const Node& table, const std::string& label,
                             const std::vector<std::string>& allowed) {
  for (const Member& m : table.members) {
    if (std::find(allowed.begin(), allowed.end(), m.key) == allowed.end()) {
      unknown_key(m, label, allowed);
    }
  }
}

void FieldReader::unknown_key(const Member& m, const std::string& label,
                              const std::vector<std::string>& allowed) {
  std::string message = label.empty() ? "unknown top-level key '" + m.key + "'"
                                      : "unknown key '" + m.key + "' in " + label;
  const std::string hint = suggest(m.key, allowed);
  message += hint.empty() ? "; valid keys: " + util::join(allowed, ", ") : hint;
  error(m.key_where, std::move(message));
}

const Node* FieldReader::required(const Node& table, std::string_view key,
                                  const std::string& path) {
  const Node* node = table.find(key);
  if (node == nullptr) {
    error(table.where, "missing required key '" + std::string(key) + "' in " + table_label(path));
  }
  return node;
}

const Node* FieldReader::required_in_item(const Node& item, std::string_view key,
                                          const std::string& item_path) {
  const Node* node = item.find(key);
  if (node == nullptr) {
    error(item.where, "missing required key '" + std::string(key) + "' in " + item_path);
  }
  return node;
}

std::optional<std::string> FieldReader::string(const Node& node, const std::string& path) {
  if (node.type != Node::Type::String) {
    type_error(node, path, "string");
    return std::nullopt;
  }
  return node.text;
}

std::optional<std::string> FieldReader::non_empty_string(const Node& node,
                                                         const std::string& path) {
  std::optional<std::string> s = string(node, path);
  if (s && s->empty()) {
    error(node.where, path + " must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<double> FieldReader::number(const Node& node, const std::string& path) {
  if (node.type == Node::Type::Integer) {
    return static_cast<double>(node.integer);
  }
  if (node.type != Node::Type::Float) {
    type_error(node, path, "number");
    return std::nullopt;
  }
  if (!std::isfinite(node.number)) {
    error(node.where, path + ": expected a finite number, got " + format_number(node.number));
    return std::nullopt;
  }
  return node.number;
}

std::optional<double> FieldReader::positive(const Node& node, const std::string& path) {
  std::optional<double> v = number(node, path);
  if (v && *v <= 0.0) {
    error(node.where, path + " must be positive, got " + format_number(*v));
    return std::nullopt;
  }
  return v;
}

std::optional<double> FieldReader::number_in(const Node& node, const std::string& path, double lo,
                                             double hi, bool open_low) {
  std::optional<double> v = number(node, path);
  if (v && ((open_low ? *v <= lo : *v < lo) || *v > hi)) {
    error(node.where, path + " must be in " + (open_low ? "(" : "[") + format_number(lo) + ", " +
                          format_number(hi) + "], got " + format_number(*v));
    return std::nullopt;
  }
  return v;
}

std::optional<int64_t> FieldReader::integer_in(const Node& node, const std::string& path,
                                               int64_t lo, int64_t hi) {
  if (node.type != Node::Type::Integer) {
    type_error(node, path, "integer");
    return std::nullopt;
  }
  if (node.integer < lo || node.integer > hi) {
    error(node.where, path + " must be between " + std::to_string(lo) + " and " +
                          std::to_string(hi) + ", got " + std::to_string(node.integer));
    return std::nullopt;
  }
  return node.integer;
}

std::optional<bool> FieldReader::boolean(const Node& node, const std::string& path) {
  if (node.type != Node::Type::Boolean) {
    type_error(node, path, "boolean");
    return std::nullopt;
  }
  return node.boolean;
}

std::optional<std::vector<std::string>> FieldReader::strings(const Node& node,
                                                             const std::string& path) {
  if (!node.is_array()) {
    type_error(node, path, "array of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (size_t i = 0; i < node.items.size(); ++i) {
    std::optional<std::string> s = string(node.items[i], element(path, i));
    if (s) {
      out.push_back(std::move(*s));
    } else {
      ok = false;
    }
  }
  return ok ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<std::string> FieldReader::one_of(const Node& node, const std::string& path,
                                              const std::string& noun,
                                              const std::vector<std::string>& choices) {
  std::optional<std::string> s = string(node, path);
  if (s && std::find(choices.begin(), choices.end(), *s) == choices.end()) {
    error(node.where, path + ": unknown " + noun + " '" + *s + "'" + suggest(*s, choices) + "; " +
                          noun + "s: " + util::join(choices, ", "));
    return std::nullopt;
  }
  return s;
}

std::optional<ParamValue> FieldReader::scalar(const Node& node, const std::string& path) {
  ParamValue value;
  value.where = node.where;
  switch (node.type) {
    case Node::Type::Integer:
      if (node.integer > kMaxExactInteger || node.integer < -kMaxExactInteger) {
        error(node.where,
              path + ": integer " + std::to_string(node.integer) + " is too large (limit 2^53)");
        return std::nullopt;
      }
      value.kind = ParamValue::Kind::Integer;
      value.number = static_cast<double>(node.integer);
      return value;
    case Node::Type::Float:
      if (!std::isfinite(node.number)) {
        error(node.where, path + ": expected a finite number, got " + format_number(node.number));
        return std::nullopt;
      }
      value.kind = ParamValue::Kind::Number;
      value.number = node.number;
      return value;
    case Node::Type::Boolean:
      value.kind = ParamValue::Kind::Boolean;
      value.number = node.boolean ? 1.0 : 0.0;
      return value;
    case Node::Type::String:
      value.kind = ParamValue::Kind::String;
      value.text = node.text;
      return value;
    default:
      type_error(node, path, "number, integer, boolean or string");
      return std::nullopt;
  }
}

}  // namespace journeysim::scenario
