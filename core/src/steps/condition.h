// Split conditions: a small typed language, compiled once at load against the
// journey's names and evaluated for every customer arriving at a split.
//
//   condition  := or
//   or         := and ('or' and)*
//   and        := not ('and' not)*
//   not        := 'not' not | comparison
//   comparison := value (('<' | '<=' | '>' | '>=' | '==' | '!=') value)?
//   value      := number | string | name | name '(' arguments ')' | '(' or ')'
//
// Names: persona (text), messages, spent, satisfaction (numbers). Functions,
// each taking one quoted id: visited(node), opened(touchpoint),
// clicked(touchpoint) (true/false); outcome(touchpoint) (text: the last event
// there); attribute(name) (the type `update` steps give it).
//
// Compiling resolves every name to an index and checks types, so evaluation
// compares integers and doubles only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "journeysim/diagnostics.h"
#include "steps/agent_memory.h"

namespace journeysim {

/// A node of the journey graph as conditions see it.
struct ConditionNode {
  std::string id;
  /// The channel's events, in the order `last_event` codes them; empty for
  /// steps (which have no outcome).
  std::vector<std::string> events;
};

enum class AttributeType : uint8_t { Bool, Number, Text };

/// An attribute some `update` step sets.
struct ConditionAttribute {
  std::string name;
  AttributeType type = AttributeType::Bool;
  /// Text attributes: every value an update step sets; a value is stored as
  /// its index here (AgentMemoryView::attributes).
  std::vector<std::string> values;
};

/// The names a condition may use; indices are positions in these vectors and
/// are what AgentMemoryView carries. Filled by whoever binds the journey.
struct ConditionContext {
  std::vector<std::string> personas;
  std::vector<ConditionNode> nodes;  // touchpoints and steps
  std::vector<ConditionAttribute> attributes;
};

enum class CompareOp : uint8_t { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };

/// A number a comparison reads.
struct NumberTerm {
  enum class Source : uint8_t { Constant, Messages, Spent, Satisfaction, Attribute };
  Source source = Source::Constant;
  uint32_t attribute = 0;
  double constant = 0;
};

/// One step of a compiled condition. The program keeps one true/false
/// register: tests set it, Not flips it, jumps skip what `and`/`or` need not
/// evaluate. Jumps go forward only.
struct ConditionInstruction {
  enum class Op : uint8_t {
    Persona,        // register = persona == index
    Visited,        // register = node `index` visited
    Outcome,        // register = bit (last event code at node `index`) of mask
    AttributeTrue,  // register = attribute `index` == 1
    AttributeSet,   // register = attribute `index` is set
    AttributeIs,    // register = attribute `index` == value
    Compare,        // register = left <compare> right
    Not,
    JumpIfFalse,    // to `index`
    JumpIfTrue,     // to `index`
  };
  Op op = Op::Not;
  CompareOp compare = CompareOp::Equal;
  uint32_t index = 0;
  uint64_t mask = 0;
  double value = 0;
  NumberTerm left, right;
};

/// What a condition reads of an agent, so the engine can keep only that.
enum ConditionReads : uint32_t {
  kReadsPersona = 1U << 0,
  kReadsVisited = 1U << 1,
  kReadsOutcomes = 1U << 2,
  kReadsMessages = 1U << 3,
  kReadsSpent = 1U << 4,
  kReadsSatisfaction = 1U << 5,
  kReadsAttributes = 1U << 6,
};

struct CompiledCondition {
  std::vector<ConditionInstruction> code;
  uint32_t reads = 0;  // ConditionReads bits
};

/// A problem in a condition's text. `column` is 1-based and counts characters
/// (code points) of the condition text, not of the file.
struct ConditionError {
  uint32_t column = 0;
  std::string message;
};

/// A compiled condition, or every problem found (`errors` not empty; a syntax
/// error stops at the first, name and type errors are all reported).
struct ConditionCompilation {
  CompiledCondition condition;
  std::vector<ConditionError> errors;
};

ConditionCompilation compile_condition(std::string_view text, const ConditionContext& context);

/// compile_condition for the loader: throws InputError with one diagnostic
/// per problem, at `text_start` (where the condition's first character stands
/// in the file) moved right by the error's column.
CompiledCondition compile_condition_at(std::string_view text, const ConditionContext& context,
                                       const SourceLocation& text_start);

/// True when `agent` meets the condition. No allocation, no string compare.
bool evaluate_condition(const CompiledCondition& condition, const AgentMemoryView& agent) noexcept;

}  // namespace journeysim
