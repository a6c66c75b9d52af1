// From syntax tree to program: every name looked up in the context, every
// comparison type-checked, `and`/`or` turned into forward jumps.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "steps/condition.h"
#include "steps/condition_parser.h"
#include "util/text.h"

namespace journeysim {
namespace {

using condition_detail::kNoNode;
using condition_detail::SyntaxError;
using condition_detail::SyntaxNode;
using condition_detail::SyntaxTree;
using Instruction = ConditionInstruction;
using Kind = SyntaxNode::Kind;

const std::vector<std::string> kNumberNames = {"messages", "spent", "satisfaction"};
const std::vector<std::string> kFunctions = {"visited", "outcome", "opened", "clicked", "attribute"};

// Bits of an Outcome mask: event e is bit event_code(e), so bit 0 ("no
// event yet") is never set and codes up to 63 fit.
constexpr uint32_t kMaxNamedEvent = 62;

// Long lists are cut: a message is read on one line.
std::string list_names(const std::vector<std::string>& names) {
  constexpr size_t kShown = 12;
  std::vector<std::string> shown(names.begin(),
                                 names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), kShown)));
  std::string out = util::join(shown, ", ");
  if (names.size() > kShown) {
    out += ", ... (" + std::to_string(names.size()) + " in all)";
  }
  return out;
}

std::optional<uint32_t> find(const std::vector<std::string>& names, std::string_view name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) {
    return std::nullopt;
  }
  return static_cast<uint32_t>(it - names.begin());
}

// What a value in a comparison (or standing alone) turned out to be.
struct Operand {
  enum class Kind : uint8_t {
    Invalid,    // an error was reported already
    Condition,  // true/false: a test, or a sub-condition to compile in place
    Number,     // a constant, messages, spent, satisfaction, a number attribute
    Persona,
    Outcome,    // outcome(touchpoint); `index` is the node
    Attribute,  // attribute(name) of type Bool or Text; `index` is the attribute
    Text,       // a quoted string
  };
  Kind kind = Kind::Invalid;
  std::optional<Instruction> test;  // Condition: a single test, or none for a sub-condition
  NumberTerm number;
  uint32_t index = 0;
  uint32_t node = kNoNode;  // the syntax node
  std::string spelling;     // how messages name it
};

class Compiler {
 public:
  Compiler(const SyntaxTree& tree, const ConditionContext& context)
      : tree_(tree), context_(context) {
    for (const ConditionNode& node : context.nodes) {
      node_ids_.push_back(node.id);
      if (!node.events.empty()) {
        touchpoint_ids_.push_back(node.id);
      }
    }
    for (const ConditionAttribute& attribute : context.attributes) {
      attribute_names_.push_back(attribute.name);
    }
  }

  void run() { emit_condition(tree_.root); }

  CompiledCondition take_condition() { return std::move(out_); }
  std::vector<SyntaxError> take_errors() { return std::move(errors_); }

 private:
  const SyntaxNode& at(uint32_t node) const { return tree_.nodes[node]; }

  void error(uint32_t offset, std::string message) {
    errors_.push_back(SyntaxError{offset, std::move(message)});
  }

  void emit(const Instruction& instruction) { out_.code.push_back(instruction); }

  void emit_not() {
    Instruction flip;
    flip.op = Instruction::Op::Not;
    emit(flip);
  }

  // Code that leaves the node's truth in the register.
  void emit_condition(uint32_t node) {
    const SyntaxNode& n = at(node);
    switch (n.kind) {
      case Kind::Or:
      case Kind::And: {
        emit_condition(n.left);
        const size_t jump = out_.code.size();
        Instruction skip;
        skip.op = n.kind == Kind::And ? Instruction::Op::JumpIfFalse : Instruction::Op::JumpIfTrue;
        emit(skip);
        emit_condition(n.right);
        out_.code[jump].index = static_cast<uint32_t>(out_.code.size());
        return;
      }
      case Kind::Not:
        emit_condition(n.left);
        emit_not();
        return;
      case Kind::Compare:
        emit_comparison(n);
        return;
      default:
        emit_alone(classify(node));
    }
  }

  // A value standing where true/false is needed.
  void emit_alone(const Operand& value) {
    switch (value.kind) {
      case Operand::Kind::Invalid:
        return;
      case Operand::Kind::Condition:
        if (value.test) {
          emit(*value.test);
        } else {
          emit_condition(value.node);
        }
        return;
      case Operand::Kind::Attribute: {
        // A true/false attribute counts when true; any other when set.
        Instruction test;
        test.op = context_.attributes[value.index].type == AttributeType::Bool
                      ? Instruction::Op::AttributeTrue
                      : Instruction::Op::AttributeSet;
        test.index = value.index;
        out_.reads |= kReadsAttributes;
        emit(test);
        return;
      }
      case Operand::Kind::Number:
        if (value.number.source == NumberTerm::Source::Attribute) {
          Instruction test;
          test.op = Instruction::Op::AttributeSet;
          test.index = value.number.attribute;
          emit(test);
          return;
        }
        [[fallthrough]];
      default:
        error(at(value.node).offset,
              value.spelling + " is " + type_name(value) + ", not true or false: compare it (" +
                  example(value) + ")");
    }
  }

  std::string type_name(const Operand& value) const {
    switch (value.kind) {
      case Operand::Kind::Number:
        return "a number";
      case Operand::Kind::Attribute:
        return context_.attributes[value.index].type == AttributeType::Bool ? "true or false" : "text";
      case Operand::Kind::Condition:
        return "true or false";
      default:
        return "text";
    }
  }

  static std::string example(const Operand& value) {
    switch (value.kind) {
      case Operand::Kind::Number:
        return "e.g. " + value.spelling + " >= 1";
      case Operand::Kind::Outcome:
        return "e.g. " + value.spelling + " == '<event>'";
      case Operand::Kind::Persona:
        return "e.g. persona == '<persona id>'";
      default:
        return "e.g. " + value.spelling + " == '<value>'";
    }
  }

  bool is_true_false(const Operand& value) const {
    return value.kind == Operand::Kind::Condition ||
           (value.kind == Operand::Kind::Attribute &&
            context_.attributes[value.index].type == AttributeType::Bool);
  }

  bool is_named_text(const Operand& value) const {
    return value.kind == Operand::Kind::Persona || value.kind == Operand::Kind::Outcome ||
           (value.kind == Operand::Kind::Attribute &&
            context_.attributes[value.index].type == AttributeType::Text);
  }

  void emit_comparison(const SyntaxNode& compare) {
    const Operand left = classify(compare.left);
    const Operand right = classify(compare.right);
    if (left.kind == Operand::Kind::Invalid || right.kind == Operand::Kind::Invalid) {
      return;
    }
    const uint32_t offset = compare.operator_offset;
    for (const Operand* side : {&left, &right}) {
      if (is_true_false(*side)) {
        error(offset, side->spelling + " is already true or false: use it alone, or with 'not'");
        return;
      }
    }
    if (left.kind == Operand::Kind::Number && right.kind == Operand::Kind::Number) {
      if (left.number.source == NumberTerm::Source::Constant &&
          right.number.source == NumberTerm::Source::Constant) {
        error(offset, "compares two numbers (" + left.spelling + ", " + right.spelling +
                          "): nothing about the customer is tested");
        return;
      }
      Instruction test;
      test.op = Instruction::Op::Compare;
      test.compare = compare.compare;
      test.left = left.number;
      test.right = right.number;
      emit(test);
      return;
    }
    const bool text_left = left.kind == Operand::Kind::Text;
    const Operand& named = text_left ? right : left;
    const Operand& literal = text_left ? left : right;
    if (literal.kind != Operand::Kind::Text || !is_named_text(named)) {
      if (left.kind == Operand::Kind::Text && right.kind == Operand::Kind::Text) {
        error(offset, "compares two quoted texts: nothing about the customer is tested");
      } else if (is_named_text(left) && is_named_text(right)) {
        error(offset, "cannot compare " + left.spelling + " with " + right.spelling +
                          ": compare each with a quoted value");
      } else {
        error(offset, "cannot compare " + left.spelling + " (" + type_name(left) + ") with " +
                          right.spelling + " (" + type_name(right) + ")");
      }
      return;
    }
    if (compare.compare != CompareOp::Equal && compare.compare != CompareOp::NotEqual) {
      error(offset, named.spelling + " is text: it compares only with == and !=");
      return;
    }
    const std::optional<Instruction> test = text_test(named, literal);
    if (!test) {
      return;
    }
    emit(*test);
    if (compare.compare == CompareOp::NotEqual) {
      emit_not();
    }
  }

  // named == 'literal', with the literal looked up where `named` takes values.
  std::optional<Instruction> text_test(const Operand& named, const Operand& literal) {
    const std::string_view value = at(literal.node).text;
    const uint32_t offset = at(literal.node).offset;
    Instruction test;
    test.index = named.index;
    if (named.kind == Operand::Kind::Persona) {
      const std::optional<uint32_t> persona = find(context_.personas, value);
      if (!persona) {
        error(offset, "unknown persona '" + std::string(value) + "'" +
                          did_you_mean(std::string(value), context_.personas) +
                          "; personas: " + list_names(context_.personas));
        return std::nullopt;
      }
      test.op = Instruction::Op::Persona;
      test.index = *persona;
      out_.reads |= kReadsPersona;
      return test;
    }
    if (named.kind == Operand::Kind::Outcome) {
      const std::vector<std::string>& events = context_.nodes[named.index].events;
      const std::optional<uint32_t> event = find(events, value);
      if (!event) {
        error(offset, "'" + std::string(value) + "' is not an event of touchpoint '" +
                          context_.nodes[named.index].id + "'" +
                          did_you_mean(std::string(value), events) + "; its events: " +
                          list_names(events));
        return std::nullopt;
      }
      if (!event_fits(*event, offset)) {
        return std::nullopt;
      }
      test.op = Instruction::Op::Outcome;
      test.mask = uint64_t{1} << event_code(*event);
      out_.reads |= kReadsOutcomes;
      return test;
    }
    const ConditionAttribute& attribute = context_.attributes[named.index];
    const std::optional<uint32_t> code = find(attribute.values, value);
    if (!code) {
      error(offset, "no update step sets attribute '" + attribute.name + "' to '" + std::string(value) +
                        "'" + did_you_mean(std::string(value), attribute.values) +
                        "; values set: " + list_names(attribute.values));
      return std::nullopt;
    }
    test.op = Instruction::Op::AttributeIs;
    test.value = static_cast<double>(*code);
    out_.reads |= kReadsAttributes;
    return test;
  }

  bool event_fits(uint32_t event, uint32_t offset) {
    if (event <= kMaxNamedEvent) {
      return true;
    }
    error(offset, "conditions can name a channel's first " + std::to_string(kMaxNamedEvent + 1) +
                      " events only");
    return false;
  }

  Operand classify(uint32_t node) {
    const SyntaxNode& n = at(node);
    Operand value;
    value.node = node;
    switch (n.kind) {
      case Kind::Number:
        value.kind = Operand::Kind::Number;
        value.number.constant = n.number;
        value.spelling = std::string(n.text);
        return value;
      case Kind::String:
        value.kind = Operand::Kind::Text;
        value.spelling = "'" + std::string(n.text) + "'";
        return value;
      case Kind::Name:
        return classify_name(n, value);
      case Kind::Call:
        return classify_call(n, value);
      default:
        value.kind = Operand::Kind::Condition;
        value.spelling = "a condition";
        return value;
    }
  }

  Operand classify_name(const SyntaxNode& n, Operand value) {
    const std::string name(n.text);
    value.spelling = name;
    if (name == "persona") {
      value.kind = Operand::Kind::Persona;
      return value;
    }
    static const NumberTerm::Source kSources[] = {NumberTerm::Source::Messages, NumberTerm::Source::Spent,
                                                  NumberTerm::Source::Satisfaction};
    static const uint32_t kReads[] = {kReadsMessages, kReadsSpent, kReadsSatisfaction};
    if (const std::optional<uint32_t> number = find(kNumberNames, name)) {
      value.kind = Operand::Kind::Number;
      value.number.source = kSources[*number];
      out_.reads |= kReads[*number];
      return value;
    }
    if (find(kFunctions, name)) {
      error(n.offset, name + " takes one quoted id: " + name + "('<id>')");
      return value;
    }
    if (name == "true" || name == "false") {
      error(n.offset, "there is no '" + name + "': write the condition itself, or 'not' before it");
    } else {
      std::vector<std::string> names = kNumberNames;
      names.push_back("persona");
      names.insert(names.end(), kFunctions.begin(), kFunctions.end());
      error(n.offset, "unknown name '" + name + "'" + did_you_mean(name, names) +
                          "; names: persona, messages, spent, satisfaction, and the functions " +
                          list_names(kFunctions));
    }
    return value;
  }

  // The one quoted id a function takes, or nothing (and an error).
  std::optional<std::string> id_argument(const SyntaxNode& call, const std::string& what) {
    const std::string name(call.text);
    if (call.arguments.size() != 1) {
      error(call.offset, name + "() takes one quoted " + what + ", got " +
                             std::to_string(call.arguments.size()) + " arguments");
      return std::nullopt;
    }
    const SyntaxNode& argument = at(call.arguments.front());
    if (argument.kind == Kind::String) {
      return std::string(argument.text);
    }
    const std::string shown = argument.kind == Kind::Name ? std::string(argument.text) : "<" + what + ">";
    error(argument.offset, name + "() takes a quoted " + what + ": " + name + "('" + shown + "')");
    return std::nullopt;
  }

  Operand classify_call(const SyntaxNode& n, Operand value) {
    const std::string name(n.text);
    if (!find(kFunctions, name)) {
      if (name == "persona" || find(kNumberNames, name)) {
        error(n.offset, "'" + name + "' is not a function: write it without parentheses");
      } else {
        error(n.offset, "unknown function '" + name + "'" + did_you_mean(name, kFunctions) +
                            "; functions: " + list_names(kFunctions));
      }
      return value;
    }
    const bool is_attribute = name == "attribute";
    const std::optional<std::string> id =
        id_argument(n, is_attribute ? "attribute name" : name == "visited" ? "node id" : "touchpoint id");
    if (!id) {
      return value;
    }
    value.spelling = name + "('" + *id + "')";
    const uint32_t offset = at(n.arguments.front()).offset;
    if (is_attribute) {
      return attribute(*id, offset, std::move(value));
    }
    const std::optional<uint32_t> node = find(node_ids_, *id);
    if (name == "visited") {
      if (!node) {
        error(offset, "unknown node '" + *id + "'" + did_you_mean(*id, node_ids_));
        return value;
      }
      Instruction test;
      test.op = Instruction::Op::Visited;
      test.index = *node;
      out_.reads |= kReadsVisited;
      value.kind = Operand::Kind::Condition;
      value.test = test;
      return value;
    }
    if (!node) {
      error(offset, "unknown touchpoint '" + *id + "'" + did_you_mean(*id, touchpoint_ids_));
      return value;
    }
    if (context_.nodes[*node].events.empty()) {
      error(offset, "'" + *id + "' is a step: it has no outcome events (only touchpoints do)");
      return value;
    }
    value.index = *node;
    if (name == "outcome") {
      value.kind = Operand::Kind::Outcome;
      return value;
    }
    return event_test(name, *node, offset, std::move(value));
  }

  // opened(): the customer opened, whether or not they also clicked;
  // clicked(): they clicked.
  Operand event_test(const std::string& name, uint32_t node, uint32_t offset, Operand value) {
    const std::vector<std::string>& events = context_.nodes[node].events;
    const std::optional<uint32_t> event = find(events, name);
    if (!event) {
      error(offset, "touchpoint '" + context_.nodes[node].id + "' has no '" + name +
                        "' event; its events: " + list_names(events));
      return value;
    }
    Instruction test;
    test.op = Instruction::Op::Outcome;
    test.index = node;
    for (const std::string& counted : name == "opened" ? std::vector<std::string>{"opened", "clicked"}
                                                       : std::vector<std::string>{"clicked"}) {
      if (const std::optional<uint32_t> e = find(events, counted)) {
        if (!event_fits(*e, offset)) {
          return value;
        }
        test.mask |= uint64_t{1} << event_code(*e);
      }
    }
    out_.reads |= kReadsOutcomes;
    value.kind = Operand::Kind::Condition;
    value.test = test;
    return value;
  }

  Operand attribute(const std::string& id, uint32_t offset, Operand value) {
    const std::optional<uint32_t> index = find(attribute_names_, id);
    if (!index) {
      error(offset, "unknown attribute '" + id + "'" + did_you_mean(id, attribute_names_) +
                        (attribute_names_.empty() ? "; no update step sets any attribute"
                                                  : "; update steps set: " + list_names(attribute_names_)));
      return value;
    }
    value.index = *index;
    if (context_.attributes[*index].type == AttributeType::Number) {
      value.kind = Operand::Kind::Number;
      value.number.source = NumberTerm::Source::Attribute;
      value.number.attribute = *index;
      out_.reads |= kReadsAttributes;
      return value;
    }
    value.kind = Operand::Kind::Attribute;
    return value;
  }

  const SyntaxTree& tree_;
  const ConditionContext& context_;
  std::vector<std::string> node_ids_, touchpoint_ids_, attribute_names_;
  CompiledCondition out_;
  std::vector<SyntaxError> errors_;
};

ConditionError at_column(std::string_view text, const SyntaxError& error) {
  const size_t column = util::utf8_length(text.substr(0, error.offset)) + 1;
  return ConditionError{static_cast<uint32_t>(column), error.message};
}

}  // namespace

ConditionCompilation compile_condition(std::string_view text, const ConditionContext& context) {
  ConditionCompilation out;
  std::variant<SyntaxTree, SyntaxError> parsed = condition_detail::parse_condition(text);
  if (const SyntaxError* error = std::get_if<SyntaxError>(&parsed)) {
    out.errors.push_back(at_column(text, *error));
    return out;
  }
  Compiler compiler(std::get<SyntaxTree>(parsed), context);
  compiler.run();
  for (const SyntaxError& error : compiler.take_errors()) {
    out.errors.push_back(at_column(text, error));
  }
  if (out.errors.empty()) {
    out.condition = compiler.take_condition();
  }
  return out;
}

CompiledCondition compile_condition_at(std::string_view text, const ConditionContext& context,
                                       const SourceLocation& text_start) {
  ConditionCompilation compiled = compile_condition(text, context);
  if (compiled.errors.empty()) {
    return std::move(compiled.condition);
  }
  std::vector<Diagnostic> diagnostics;
  for (ConditionError& error : compiled.errors) {
    SourceLocation where = text_start;
    if (where.column != 0) {
      where.column += error.column - 1;
    }
    diagnostics.push_back(Diagnostic{std::move(where), "in condition: " + std::move(error.message)});
  }
  throw InputError(std::move(diagnostics));
}

}  // namespace journeysim
