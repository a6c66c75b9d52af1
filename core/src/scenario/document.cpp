#include "scenario/document.h"

#include <algorithm>
#include <utility>

namespace journeysim::scenario {
namespace {

auto member_less = [](const Member& m, std::string_view key) { return m.key < key; };

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

}  // namespace journeysim::scenario
