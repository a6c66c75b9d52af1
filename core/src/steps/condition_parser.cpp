// Recursive descent, one function per precedence level: comparison binds
// tighter than `not`, `not` than `and`, `and` than `or`.
#include "steps/condition_parser.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

namespace journeysim::condition_detail {
namespace {

// Deeper than any condition a person writes, shallow enough that the
// recursion here and in the compiler cannot exhaust the stack.
constexpr uint32_t kMaxDepth = 64;

std::optional<CompareOp> compare_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::Less:
      return CompareOp::Less;
    case TokenKind::LessEqual:
      return CompareOp::LessEqual;
    case TokenKind::Greater:
      return CompareOp::Greater;
    case TokenKind::GreaterEqual:
      return CompareOp::GreaterEqual;
    case TokenKind::Equal:
      return CompareOp::Equal;
    case TokenKind::NotEqual:
      return CompareOp::NotEqual;
    default:
      return std::nullopt;
  }
}

bool is_keyword(const Token& token, std::string_view word) {
  return token.kind == TokenKind::Name && token.text == word;
}

bool is_any_keyword(const Token& token) {
  return is_keyword(token, "and") || is_keyword(token, "or") || is_keyword(token, "not");
}

std::string lower_case(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "AND" after a complete condition: a keyword in the wrong case, not garbage.
bool is_upper_case_keyword(const Token& token) {
  if (token.kind != TokenKind::Name) {
    return false;
  }
  const std::string lower = lower_case(token.text);
  return lower != token.text && (lower == "and" || lower == "or" || lower == "not");
}

// Thrown to unwind the descent at the first error; caught in parse_condition.
struct Stop {
  SyntaxError error;
};

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  SyntaxTree run() {
    if (peek().kind == TokenKind::End) {
      fail(peek(), "empty condition: write one, e.g. persona == 'vip'");
    }
    tree_.root = parse_or();
    if (peek().kind != TokenKind::End) {
      if (is_upper_case_keyword(peek())) {
        fail(peek(), "write '" + lower_case(peek().text) + "' in lower case");
      }
      if (compare_op(peek().kind)) {
        fail(peek(), "comparisons do not chain: join them with 'and' (spent > 10 and spent < 50)");
      }
      fail(peek(), "unexpected " + describe(peek()) +
                       " after a complete condition: join conditions with 'and' or 'or'");
    }
    return std::move(tree_);
  }

 private:
  const Token& peek() const { return tokens_[at_]; }
  const Token& take() { return tokens_[at_++]; }

  [[noreturn]] static void fail(const Token& at, std::string message) {
    throw Stop{SyntaxError{at.offset, std::move(message)}};
  }

  uint32_t add(SyntaxNode node) {
    tree_.nodes.push_back(std::move(node));
    return static_cast<uint32_t>(tree_.nodes.size() - 1);
  }

  uint32_t binary(SyntaxNode::Kind kind, const Token& op, uint32_t left, uint32_t right) {
    SyntaxNode node;
    node.kind = kind;
    node.offset = tree_.nodes[left].offset;
    node.operator_offset = op.offset;
    node.left = left;
    node.right = right;
    return add(std::move(node));
  }

  void enter(const Token& at) {
    if (++depth_ > kMaxDepth) {
      fail(at, "condition nested more than " + std::to_string(kMaxDepth) + " deep");
    }
  }

  uint32_t parse_or() {
    uint32_t left = parse_and();
    while (is_keyword(peek(), "or")) {
      const Token& word = take();
      left = binary(SyntaxNode::Kind::Or, word, left, parse_and());
    }
    return left;
  }

  uint32_t parse_and() {
    uint32_t left = parse_not();
    while (is_keyword(peek(), "and")) {
      const Token& word = take();
      left = binary(SyntaxNode::Kind::And, word, left, parse_not());
    }
    return left;
  }

  uint32_t parse_not() {
    if (!is_keyword(peek(), "not")) {
      return parse_comparison();
    }
    const Token& word = take();
    enter(word);
    SyntaxNode node;
    node.kind = SyntaxNode::Kind::Not;
    node.offset = word.offset;
    node.left = parse_not();
    --depth_;
    return add(std::move(node));
  }

  uint32_t parse_comparison() {
    const uint32_t left = parse_value();
    const std::optional<CompareOp> op = compare_op(peek().kind);
    if (!op) {
      return left;
    }
    const Token& symbol = take();
    const uint32_t right = parse_value();
    const uint32_t node = binary(SyntaxNode::Kind::Compare, symbol, left, right);
    tree_.nodes[node].compare = *op;
    return node;
  }

  uint32_t parse_value() {
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::Number: {
        take();
        SyntaxNode node;
        node.kind = SyntaxNode::Kind::Number;
        node.offset = token.offset;
        node.text = token.text;
        node.number = token.number;
        return add(std::move(node));
      }
      case TokenKind::String: {
        take();
        SyntaxNode node;
        node.kind = SyntaxNode::Kind::String;
        node.offset = token.offset;
        node.text = token.text;
        return add(std::move(node));
      }
      case TokenKind::LeftParen:
        return parse_parenthesised();
      case TokenKind::Name:
        if (is_upper_case_keyword(token)) {
          fail(token, "write '" + lower_case(token.text) + "' in lower case");
        }
        if (is_any_keyword(token)) {
          fail(token, "expected a condition before '" + std::string(token.text) + "'");
        }
        return parse_name();
      case TokenKind::End:
        fail(token, "the condition ends too early: expected a value");
      default:
        fail(token, "expected a value, found " + describe(token));
    }
  }

  uint32_t parse_parenthesised() {
    const Token& open = take();
    enter(open);
    const uint32_t inner = parse_or();
    if (peek().kind != TokenKind::RightParen) {
      fail(peek().kind == TokenKind::End ? open : peek(),
           peek().kind == TokenKind::End ? "unclosed '(': add ')'"
                                         : "expected ')', found " + describe(peek()));
    }
    take();
    --depth_;
    return inner;
  }

  uint32_t parse_name() {
    const Token& name = take();
    SyntaxNode node;
    node.kind = SyntaxNode::Kind::Name;
    node.offset = name.offset;
    node.text = name.text;
    if (peek().kind != TokenKind::LeftParen) {
      return add(std::move(node));
    }
    const Token& open = take();
    enter(open);
    node.kind = SyntaxNode::Kind::Call;
    if (peek().kind != TokenKind::RightParen) {
      node.arguments.push_back(parse_or());
      while (peek().kind == TokenKind::Comma) {
        take();
        node.arguments.push_back(parse_or());
      }
    }
    if (peek().kind != TokenKind::RightParen) {
      fail(peek().kind == TokenKind::End ? open : peek(),
           peek().kind == TokenKind::End ? "unclosed '(' of " + std::string(name.text) + "(: add ')'"
                                         : "expected ')' or ',', found " + describe(peek()));
    }
    take();
    --depth_;
    return add(std::move(node));
  }

  std::vector<Token> tokens_;
  size_t at_ = 0;
  uint32_t depth_ = 0;
  SyntaxTree tree_;
};

}  // namespace

std::variant<SyntaxTree, SyntaxError> parse_condition(std::string_view text) {
  Tokens tokens = tokenize(text);
  if (tokens.error) {
    return std::move(*tokens.error);
  }
  try {
    return Parser(std::move(tokens.tokens)).run();
  } catch (Stop& stop) {
    return std::move(stop.error);
  }
}

}  // namespace journeysim::condition_detail
