#include "steps/condition_lexer.h"

#include <charconv>
#include <cmath>
#include <utility>

namespace journeysim::condition_detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool starts_name(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool continues_name(char c) { return starts_name(c) || is_digit(c); }

struct Spelling {
  std::string_view text;
  TokenKind kind;
};

// Longest first, so "<=" is not read as "<" then "=".
constexpr Spelling kOperators[] = {
    {"<=", TokenKind::LessEqual}, {">=", TokenKind::GreaterEqual}, {"==", TokenKind::Equal},
    {"!=", TokenKind::NotEqual},  {"<", TokenKind::Less},          {">", TokenKind::Greater},
    {"(", TokenKind::LeftParen},  {")", TokenKind::RightParen},    {",", TokenKind::Comma},
};

// What people type by habit from other languages, and what to write here.
// Checked before the operators, as "<>" starts like "<".
struct Habit {
  std::string_view typed;
  std::string_view instead;
};
constexpr Habit kHabits[] = {
    {"&&", "and"}, {"||", "or"}, {"<>", "!="}, {"=>", ">="}, {"=<", "<="},
    {"!", "not"},  {"=", "=="},  {"&", "and"}, {"|", "or"},
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Tokens run() {
    Tokens out;
    while (true) {
      skip_blanks();
      if (at_ >= text_.size()) {
        out.tokens.push_back(Token{TokenKind::End, offset(), {}, 0});
        return out;
      }
      std::optional<Token> token = next();
      if (!token) {
        out.error = std::move(error_);
        return out;
      }
      out.tokens.push_back(*token);
    }
  }

 private:
  uint32_t offset() const { return static_cast<uint32_t>(at_); }

  void skip_blanks() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' ||
                                  text_[at_] == '\r')) {
      ++at_;
    }
  }

  std::optional<Token> fail(size_t where, std::string message) {
    error_ = SyntaxError{static_cast<uint32_t>(where), std::move(message)};
    return std::nullopt;
  }

  std::optional<Token> next() {
    const char c = text_[at_];
    if (starts_name(c)) {
      return name();
    }
    if (is_digit(c) || (c == '-' && at_ + 1 < text_.size() && is_digit(text_[at_ + 1]))) {
      return number();
    }
    if (c == '.' && at_ + 1 < text_.size() && is_digit(text_[at_ + 1])) {
      return fail(at_, "write a number with a digit before its point (0.5, not .5)");
    }
    if (c == '\'' || c == '"') {
      return string(c);
    }
    for (const Spelling& s : kOperators) {
      if (text_.substr(at_, s.text.size()) == s.text && !is_habit_at(at_, s.text)) {
        const Token token{s.kind, offset(), text_.substr(at_, s.text.size()), 0};
        at_ += s.text.size();
        return token;
      }
    }
    for (const Habit& h : kHabits) {
      if (text_.substr(at_, h.typed.size()) == h.typed) {
        return fail(at_, "write '" + std::string(h.instead) + "' instead of '" +
                             std::string(h.typed) + "'");
      }
    }
    return fail(at_, "unexpected character '" + std::string(character_at(at_)) +
                         "' (names are unquoted, ids are quoted: visited('shop'))");
  }

  // "<>" would otherwise read as "<" and then ">".
  bool is_habit_at(size_t where, std::string_view operator_text) const {
    for (const Habit& h : kHabits) {
      if (h.typed.size() > operator_text.size() && text_.substr(where, h.typed.size()) == h.typed) {
        return true;
      }
    }
    return false;
  }

  // The whole UTF-8 character at `where`, for messages.
  std::string_view character_at(size_t where) const {
    size_t end = where + 1;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) {
      ++end;
    }
    return text_.substr(where, end - where);
  }

  std::optional<Token> name() {
    const size_t start = at_;
    while (at_ < text_.size() && continues_name(text_[at_])) {
      ++at_;
    }
    return Token{TokenKind::Name, static_cast<uint32_t>(start), text_.substr(start, at_ - start), 0};
  }

  std::optional<Token> number() {
    const size_t start = at_;
    if (text_[at_] == '-') {
      ++at_;
    }
    while (at_ < text_.size() && is_digit(text_[at_])) {
      ++at_;
    }
    if (at_ < text_.size() && text_[at_] == '.') {
      ++at_;
      if (at_ >= text_.size() || !is_digit(text_[at_])) {
        return fail(start, "write a digit after the point of '" +
                               std::string(text_.substr(start, at_ - start)) + "'");
      }
      while (at_ < text_.size() && is_digit(text_[at_])) {
        ++at_;
      }
    }
    if (at_ < text_.size() && (continues_name(text_[at_]) || text_[at_] == '.')) {
      size_t end = at_;
      while (end < text_.size() && (continues_name(text_[end]) || text_[end] == '.')) {
        ++end;
      }
      return fail(start, "'" + std::string(text_.substr(start, end - start)) +
                             "' is not a number (numbers are plain: 3, 0.4, 50)");
    }
    const std::string_view spelling = text_.substr(start, at_ - start);
    double value = 0;
    const auto [end, error] = std::from_chars(spelling.data(), spelling.data() + spelling.size(), value);
    if (error != std::errc() || end != spelling.data() + spelling.size() || !std::isfinite(value)) {
      return fail(start, "'" + std::string(spelling) + "' is too large a number");
    }
    return Token{TokenKind::Number, static_cast<uint32_t>(start), spelling, value};
  }

  std::optional<Token> string(char quote) {
    const size_t start = at_;
    const size_t close = text_.find(quote, start + 1);
    if (close == std::string_view::npos) {
      return fail(start, std::string("unterminated string: add the closing ") + quote);
    }
    at_ = close + 1;
    return Token{TokenKind::String, static_cast<uint32_t>(start),
                 text_.substr(start + 1, close - start - 1), 0};
  }

  std::string_view text_;
  size_t at_ = 0;
  std::optional<SyntaxError> error_;
};

}  // namespace

Tokens tokenize(std::string_view text) { return Lexer(text).run(); }

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End:
      return "the end of the condition";
    case TokenKind::String:
      return "the text '" + std::string(token.text) + "'";
    default:
      return "'" + std::string(token.text) + "'";
  }
}

}  // namespace journeysim::condition_detail
