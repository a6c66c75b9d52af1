// The tokens of a split condition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journeysim::condition_detail {

enum class TokenKind : uint8_t {
  Name,    // persona, visited, and, or, not, ...
  Number,  // 3, 0.4, -2
  String,  // 'vip' or "vip"; `text` is what stands between the quotes
  LeftParen,
  RightParen,
  Comma,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  Equal,
  NotEqual,
  End,
};

struct Token {
  TokenKind kind = TokenKind::End;
  uint32_t offset = 0;    // byte offset of its first character in the text
  std::string_view text;  // its spelling (a string's contents, without quotes)
  double number = 0;
};

/// A problem at byte `offset` of the condition text.
struct SyntaxError {
  uint32_t offset = 0;
  std::string message;
};

struct Tokens {
  std::vector<Token> tokens;  // ends with an End token
  std::optional<SyntaxError> error;
};

/// The tokens of `text`, or the first thing that is not one. The tokens'
/// `text` points into `text`.
Tokens tokenize(std::string_view text);

/// How an error message names a token: 'visited', '3', ''vip'', 'the end'.
std::string describe(const Token& token);

}  // namespace journeysim::condition_detail
