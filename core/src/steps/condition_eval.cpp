// Runs a compiled condition for one agent: a loop over a few instructions
// with one true/false register; no allocation, no strings.
#include <cmath>

#include "steps/condition.h"

namespace journeysim {
namespace {

double read(const NumberTerm& term, const AgentMemoryView& agent) {
  switch (term.source) {
    case NumberTerm::Source::Constant:
      return term.constant;
    case NumberTerm::Source::Messages:
      return static_cast<double>(agent.messages);
    case NumberTerm::Source::Spent:
      return agent.spent;
    case NumberTerm::Source::Satisfaction:
      return agent.satisfaction;
    case NumberTerm::Source::Attribute:
      return term.attribute < agent.attributes.size() ? agent.attributes[term.attribute] : kAttributeUnset;
  }
  return kAttributeUnset;
}

// IEEE comparisons: an unset attribute (NaN) fails all but !=.
bool compare(CompareOp op, double left, double right) {
  switch (op) {
    case CompareOp::Less:
      return left < right;
    case CompareOp::LessEqual:
      return left <= right;
    case CompareOp::Greater:
      return left > right;
    case CompareOp::GreaterEqual:
      return left >= right;
    case CompareOp::Equal:
      return left == right;
    case CompareOp::NotEqual:
      return left != right;
  }
  return false;
}

double attribute(const AgentMemoryView& agent, uint32_t index) {
  return index < agent.attributes.size() ? agent.attributes[index] : kAttributeUnset;
}

}  // namespace

bool evaluate_condition(const CompiledCondition& condition, const AgentMemoryView& agent) noexcept {
  using Op = ConditionInstruction::Op;
  const std::vector<ConditionInstruction>& code = condition.code;
  bool truth = false;
  size_t pc = 0;
  while (pc < code.size()) {
    const ConditionInstruction& in = code[pc];
    switch (in.op) {
      case Op::Persona:
        truth = agent.persona == in.index;
        break;
      case Op::Visited:
        truth = test_visited(agent.visited, in.index);
        break;
      case Op::Outcome: {
        const uint8_t event = in.index < agent.last_event.size() ? agent.last_event[in.index] : kNoEvent;
        truth = event < 64 && ((in.mask >> event) & 1U) != 0;
        break;
      }
      case Op::AttributeTrue:
        truth = attribute(agent, in.index) == 1.0;
        break;
      case Op::AttributeSet:
        truth = !std::isnan(attribute(agent, in.index));
        break;
      case Op::AttributeIs:
        truth = attribute(agent, in.index) == in.value;
        break;
      case Op::Compare:
        truth = compare(in.compare, read(in.left, agent), read(in.right, agent));
        break;
      case Op::Not:
        truth = !truth;
        break;
      case Op::JumpIfFalse:
        if (!truth) {
          pc = in.index;
          continue;
        }
        break;
      case Op::JumpIfTrue:
        if (truth) {
          pc = in.index;
          continue;
        }
        break;
    }
    ++pc;
  }
  return truth;
}

}  // namespace journeysim
