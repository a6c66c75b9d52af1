// Threshold conditions: "<op> <value>[%] [@<level>%]", k6's operators.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <tuple>

#include "check/format.h"
#include "journeysim/check.h"

namespace journeysim {
namespace {

using check_detail::format_bound;
using check_detail::format_value;

constexpr double kZ90 = 1.6448536269514722;
constexpr double kZ99 = 2.5758293035489004;

struct OperatorSpelling {
  std::string_view text;
  Comparison op;
};

// Longest first, so "<=" is not read as "<" followed by "=".
constexpr OperatorSpelling kOperators[] = {
    {"<=", Comparison::LessEqual}, {">=", Comparison::GreaterEqual}, {"==", Comparison::Equal},
    {"!=", Comparison::NotEqual},  {"<", Comparison::Less},          {">", Comparison::Greater},
};

// Spellings people type by habit from other tools, and what they meant.
// Checked before the operators, as "<>" starts like "<".
constexpr OperatorSpelling kHabits[] = {
    {"=>", Comparison::GreaterEqual},
    {"=<", Comparison::LessEqual},
    {"<>", Comparison::NotEqual},
};

class ConditionParser {
 public:
  ConditionParser(std::string_view text, const SourceLocation& where)
      : text_(text), where_(where) {}

  Condition parse() {
    Condition c;
    c.where = where_;
    skip_blanks();
    if (at_end()) {
      fail("empty condition; write '<op> <value>', e.g. '>= 0.04' or '< 0.55 @95%'");
    }
    c.op = read_operator();
    const std::string op_text(comparison_symbol(c.op));
    skip_blanks();
    const std::string number = read_token();
    if (number.empty()) {
      fail("condition '" + std::string(text_) + "' has no value after '" + op_text + "'");
    }
    c.value = to_number(number);
    std::string normalised = op_text + " " + number;
    if (peek() == '%') {
      ++pos_;
      c.value /= 100.0;
      normalised += "%";
    }
    skip_blanks();
    if (peek() == '@') {
      ++pos_;
      c.confidence = read_level();
      normalised += " @" + std::to_string(c.confidence) + "%";
      skip_blanks();
    }
    if (!at_end()) {
      fail("unexpected '" + std::string(text_.substr(pos_)) + "' in condition '" +
           std::string(text_) + "'; expected '<op> <value>[%] [@95%]'");
    }
    c.text = normalised;
    return c;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw InputError(where_, message); }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_blanks() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
      ++pos_;
    }
  }

  Comparison read_operator() {
    const std::string_view rest = text_.substr(pos_);
    auto habit = [&](std::string_view spelling, Comparison meant) {
      fail("condition '" + std::string(text_) + "' uses '" + std::string(spelling) + "'; write '" +
           std::string(comparison_symbol(meant)) + "'");
    };
    for (const OperatorSpelling& o : kHabits) {
      if (rest.substr(0, o.text.size()) == o.text) {
        habit(o.text, o.op);
      }
    }
    for (const OperatorSpelling& o : kOperators) {
      if (rest.substr(0, o.text.size()) == o.text) {
        pos_ += o.text.size();
        return o.op;
      }
    }
    if (rest.substr(0, 1) == "=") {
      habit("=", Comparison::Equal);
    }
    fail("condition '" + std::string(text_) +
         "' must start with an operator (< <= > >= == !=), e.g. '>= 0.04'");
  }

  // A number: everything up to a blank, '%' or '@'.
  std::string read_token() {
    const size_t start = pos_;
    while (!at_end() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
           text_[pos_] != '%' && text_[pos_] != '@') {
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  double to_number(const std::string& token) const {
    // strtod would also take "nan", "inf" and hex; a bound is a plain decimal.
    const bool plain = token.find_first_not_of("0123456789.eE+-") == std::string::npos &&
                       token.find_first_of("0123456789") != std::string::npos;
    char* end = nullptr;
    const double value = plain ? std::strtod(token.c_str(), &end) : 0.0;
    if (!plain || end != token.c_str() + token.size() || !std::isfinite(value)) {
      fail("'" + token + "' is not a number in condition '" + std::string(text_) + "'");
    }
    return value;
  }

  int read_level() {
    const std::string level = read_token();
    if (peek() != '%') {
      fail("write the confidence level as a percentage, e.g. '@95%', in condition '" +
           std::string(text_) + "'");
    }
    ++pos_;
    if (level == "90" || level == "95" || level == "99") {
      return std::stoi(level);
    }
    fail("confidence level '@" + level + "%' in condition '" + std::string(text_) +
         "' is not supported; use @90%, @95% or @99%");
  }

  std::string_view text_;
  SourceLocation where_;
  size_t pos_ = 0;
};

bool compare(double observed, Comparison op, double bound) {
  switch (op) {
    case Comparison::Less:
      return observed < bound;
    case Comparison::LessEqual:
      return observed <= bound;
    case Comparison::Greater:
      return observed > bound;
    case Comparison::GreaterEqual:
      return observed >= bound;
    case Comparison::Equal:
      return observed == bound;
    case Comparison::NotEqual:
      return observed != bound;
  }
  return false;
}

// The interval [low, high] satisfies the condition as a whole.
bool interval_satisfies(double low, double high, Comparison op, double bound) {
  switch (op) {
    case Comparison::Less:
    case Comparison::LessEqual:
      return compare(high, op, bound);
    case Comparison::Greater:
    case Comparison::GreaterEqual:
      return compare(low, op, bound);
    case Comparison::Equal:
      return low <= bound && bound <= high;
    case Comparison::NotEqual:
      return bound < low || bound > high;
  }
  return false;
}

std::string interval_text(double low, double high) {
  return "[" + format_value(low) + ", " + format_value(high) + "]";
}

std::string interval_reason(const Condition& c, double low, double high, bool passed) {
  const std::string level = std::to_string(c.confidence) + "% interval " + interval_text(low, high);
  const std::string bound = format_bound(c.value);
  switch (c.op) {
    case Comparison::Equal:
      return "the " + level + (passed ? " contains " : " does not contain ") + bound;
    case Comparison::NotEqual:
      return "the " + level + (passed ? " excludes " : " does not exclude ") + bound;
    default: {
      const std::string op(comparison_symbol(c.op));
      return passed ? "the whole " + level + " is " + op + " " + bound
                    : "the " + level + " is not entirely " + op + " " + bound;
    }
  }
}

}  // namespace

std::string_view comparison_symbol(Comparison op) {
  switch (op) {
    case Comparison::Less:
      return "<";
    case Comparison::LessEqual:
      return "<=";
    case Comparison::Greater:
      return ">";
    case Comparison::GreaterEqual:
      return ">=";
    case Comparison::Equal:
      return "==";
    case Comparison::NotEqual:
      return "!=";
  }
  return "?";
}

Condition parse_condition(std::string_view text, const SourceLocation& where) {
  return ConditionParser(text, where).parse();
}

std::pair<double, double> interval_at(const Estimate& estimate, int confidence) {
  if (confidence == 95) {
    return {estimate.low, estimate.high};
  }
  const double z = confidence == 90 ? kZ90 : confidence == 99 ? kZ99 : kZ95;
  const double scale = z / kZ95;
  // Each side keeps its own width: Wilson and quantile intervals are not
  // symmetric around the estimate.
  return {estimate.value - (estimate.value - estimate.low) * scale,
          estimate.value + (estimate.high - estimate.value) * scale};
}

ConditionOutcome evaluate_condition(const std::string& metric, const Condition& condition,
                                    const MetricRow* row) {
  ConditionOutcome out;
  out.metric = metric;
  out.condition = condition;
  if (row == nullptr) {
    out.reason = "this run does not report '" + metric + "'";
    return out;
  }
  out.observed = row->estimate;
  out.is_count = row->is_count;
  // A count is observed even when it is zero; any other metric with n = 0
  // has no value. k6 let such thresholds pass silently (k6 #1346): here a
  // gate on nothing fails.
  if (!row->is_count && (!row->estimate.has_value() || row->estimate.n == 0)) {
    out.observed = Estimate{};
    out.reason =
        "no data: nobody was counted for this metric (n = 0), e.g. a touchpoint "
        "nobody reached; the condition cannot hold";
    return out;
  }
  const Estimate& e = row->estimate;
  const std::string op(comparison_symbol(condition.op));
  if (condition.confidence == 0 || row->is_count) {
    out.low = out.high = e.value;
    out.passed = compare(e.value, condition.op, condition.value);
    out.reason = std::string(row->is_count ? "the count " : "the point estimate ") +
                 format_value(e.value) + (out.passed ? " is " : " is not ") + op + " " +
                 format_bound(condition.value);
    return out;
  }
  std::tie(out.low, out.high) = interval_at(e, condition.confidence);
  out.passed = interval_satisfies(out.low, out.high, condition.op, condition.value);
  out.reason = interval_reason(condition, out.low, out.high, out.passed);
  return out;
}

std::vector<ConditionOutcome> evaluate_thresholds(const std::vector<ThresholdSpec>& thresholds,
                                                  const std::vector<MetricRow>& rows) {
  std::vector<ConditionOutcome> out;
  for (const ThresholdSpec& t : thresholds) {
    const MetricRow* row = nullptr;
    for (const MetricRow& r : rows) {
      if (r.path == t.metric) {
        row = &r;
        break;
      }
    }
    for (const Condition& c : t.conditions) {
      out.push_back(evaluate_condition(t.metric, c, row));
    }
  }
  return out;
}

}  // namespace journeysim
