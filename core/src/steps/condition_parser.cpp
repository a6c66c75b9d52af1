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

struct ComparisonToken {
  TokenKind token;
  CompareOp op;
};
constexpr ComparisonToken kComparisons[] = {
    {TokenKind::Less, CompareOp::Less},       {TokenKind::LessEqual, CompareOp::LessEqual},
    {TokenKind::Greater, CompareOp::Greater}, {TokenKind::GreaterEqual, CompareOp::GreaterEqual},
    {TokenKind::Equal, CompareOp::Equal},     {TokenKind::NotEqual, CompareOp::NotEqual},
};

std::optional<CompareOp> compare_op(TokenKind kind) {
  for (const ComparisonToken& c : kComparisons) {
    if (c.token == kind) {
      return c.op;
    }
  }
  return std::nullopt;
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

  uint32_t parse_or() { return parse_joined("or", SyntaxNode::Kind::Or, &Parser::parse_and); }

  uint32_t parse_and() { return parse_joined("and", SyntaxNode::Kind::And, &Parser::parse_not); }

  // operand (word operand)*, grouped from the left.
  uint32_t parse_joined(std::string_view word, SyntaxNode::Kind kind, uint32_t (Parser::*operand)()) {
    uint32_t left = (this->*operand)();
    while (is_keyword(peek(), word)) {
      const Token& joiner = take();
      left = binary(kind, joiner, left, (this->*operand)());
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

  // A node that is one token: a number, a string, a name.
  static SyntaxNode leaf(SyntaxNode::Kind kind, const Token& token) {
    SyntaxNode node;
    node.kind = kind;
    node.offset = token.offset;
    node.text = token.text;
    node.number = token.number;
    return node;
  }

  uint32_t parse_value() {
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::Number:
        return add(leaf(SyntaxNode::Kind::Number, take()));
      case TokenKind::String:
        return add(leaf(SyntaxNode::Kind::String, take()));
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
    SyntaxNode node = leaf(SyntaxNode::Kind::Name, name);
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
