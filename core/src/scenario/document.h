// The loader's own copy of a TOML document. TOML++ drops source locations
// when a node is copied (by design, see tomlplusplus issue #49), yet merging
// `extends` chains and applying overrides must move values between documents
// while keeping where each one was written. So each file is parsed with
// TOML++ once and converted into this small tree, which merges, serialises
// and is validated without losing a location.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "journeysim/diagnostics.h"

namespace journeysim::scenario {

struct Member;

struct Node {
  enum class Type { Table, Array, String, Integer, Float, Boolean, Date, Time, DateTime };

  Type type = Type::Table;
  std::string text;             // String; Date/Time/DateTime in TOML form
  int64_t integer = 0;          // Integer
  double number = 0.0;          // Float
  bool boolean = false;         // Boolean
  std::vector<Node> items;      // Array
  std::vector<Member> members;  // Table, sorted by key
  SourceLocation where;

  bool is_table() const { return type == Type::Table; }
  bool is_array() const { return type == Type::Array; }
  bool is_number() const { return type == Type::Integer || type == Type::Float; }

  /// Member value with this key, or nullptr (tables only).
  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  const Member* find_member(std::string_view key) const;
  Member* find_member(std::string_view key);
  /// Inserts (keeping keys sorted) or replaces the member `key`.
  Member& set(std::string key, SourceLocation key_where, Node value);
  /// Removes member `key` if present.
  void erase(std::string_view key);
};

struct Member {
  std::string key;
  SourceLocation key_where;
  Node value;
};

/// "table", "array", "string", "integer", "float", "boolean", "date", ...
const char* type_name(Node::Type type);

/// Deep merge, as `extends` and overrides define it: tables merge key by key
/// (recursively); arrays and scalars in `overlay` replace those in `base`.
/// Values keep their own locations.
void merge_into(Node& base, Node overlay);

/// Sets every location in `node` (keys included) to `where`.
void relocate(Node& node, const SourceLocation& where);

}  // namespace journeysim::scenario
