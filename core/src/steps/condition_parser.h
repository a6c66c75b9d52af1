// A split condition's syntax tree: what the text says, before any name in it
// is looked up.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

#include "steps/condition.h"
#include "steps/condition_lexer.h"

namespace journeysim::condition_detail {

inline constexpr uint32_t kNoNode = UINT32_MAX;

struct SyntaxNode {
  enum class Kind : uint8_t { Or, And, Not, Compare, Name, Call, Number, String };
  Kind kind = Kind::Name;
  uint32_t offset = 0;       // where its text starts
  uint32_t operator_offset = 0;  // Or, And, Compare: where the operator stands
  uint32_t left = kNoNode;   // Or, And, Compare; Not's operand
  uint32_t right = kNoNode;  // Or, And, Compare
  CompareOp compare = CompareOp::Equal;
  std::string_view text;     // Name and Call: the name; String: its contents
  double number = 0;
  std::vector<uint32_t> arguments;  // Call
};

struct SyntaxTree {
  std::vector<SyntaxNode> nodes;
  uint32_t root = kNoNode;
};

/// The tree of `text` or its first syntax error. Nodes' text points into
/// `text`.
std::variant<SyntaxTree, SyntaxError> parse_condition(std::string_view text);

}  // namespace journeysim::condition_detail
