#include "report/html/format.h"

#include "compare/verdict.h"
#include "util/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace journeysim::html {
namespace {

// Decimals for an estimate, chosen from its value so that the value and
// both ends of its interval read alike (0.0042 [0.0038, 0.0046], not 0.00).
int decimals_for(double v, Unit unit) {
  const double a = std::fabs(unit == Unit::Percent ? 100 * v : v);
  if (unit == Unit::Signed) {
    return 1;
  }
  if (a == 0 || a >= 10) {
    return unit == Unit::Percent || unit == Unit::Money ? 2 : 1;
  }
  if (a >= 0.1) {
    return 2;
  }
  return a >= 0.01 ? 3 : 4;
}

std::string bare_number(double v, Unit unit, int decimals) {
  switch (unit) {
    case Unit::Percent:
      return strf("%.*f", decimals, 100 * v);
    case Unit::Signed:
      return strf("%+.*f", decimals, v);
    case Unit::Money:
      return money(v);
    case Unit::Days:
    case Unit::Plain:
      return strf("%.*f", decimals, v);
  }
  return "";
}

const char* suffix(Unit unit) {
  switch (unit) {
    case Unit::Percent:
      return "%";
    case Unit::Days:
      return " d";
    default:
      return "";
  }
}

}  // namespace

std::string strf(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  va_list copy;
  va_copy(copy, args);
  const int size = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  std::string out(size > 0 ? static_cast<size_t>(size) : 0, '\0');
  if (size > 0) {
    std::vsnprintf(out.data(), out.size() + 1, fmt, args);
  }
  va_end(args);
  return out;
}

std::string escape(std::string_view text) { return util::escape_html(text); }

std::string exact(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string grouped(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string percent(double share, int decimals) { return strf("%.*f%%", decimals, 100 * share); }

std::string share_text(double share) {
  if (share > 0 && share < 0.001) {
    return "<0.1%";
  }
  return percent(share);
}

std::string money(double amount) {
  const double cents = std::round(std::fabs(amount) * 100);
  const auto whole = static_cast<uint64_t>(cents / 100);
  return std::string(amount < 0 && cents > 0 ? "-" : "") + grouped(whole) +
         strf(".%02d", static_cast<int>(cents - static_cast<double>(whole) * 100));
}

std::string coord(double value) {
  // Rounded to a tenth of a pixel; "-0" would be a needless byte difference.
  const double rounded = std::round(value * 10) / 10;
  if (rounded == 0) {
    return "0";
  }
  if (rounded == std::trunc(rounded)) {
    return strf("%.0f", rounded);
  }
  return strf("%.1f", rounded);
}

std::string shorten(std::string_view text, size_t max_chars) {
  if (util::utf8_length(text) <= max_chars) {
    return std::string(text);
  }
  const size_t keep = max_chars > 0 ? max_chars - 1 : 0;
  size_t chars = 0, end = 0;
  while (end < text.size()) {
    if (!util::is_utf8_continuation(text[end])) {
      if (chars == keep) {
        break;
      }
      ++chars;
    }
    ++end;
  }
  return std::string(text.substr(0, end)) + "\u2026";
}

std::string value_text(const Estimate& e, Unit unit) {
  if (!e.has_value()) {
    return "n/a";
  }
  return bare_number(e.value, unit, decimals_for(e.value, unit)) + suffix(unit);
}

std::string interval_text(const Estimate& e, Unit unit) {
  if (!e.has_value()) {
    return "";
  }
  const int decimals = decimals_for(e.value, unit);
  return "95% CI " + bare_number(e.low, unit, decimals) + " \u2013 " +
         bare_number(e.high, unit, decimals) + suffix(unit);
}

Unit metric_unit(std::string_view path) {
  const std::string p(path);
  const auto ends_with = [&](std::string_view tail) {
    return p.size() >= tail.size() && p.compare(p.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (is_share(p)) {
    return Unit::Percent;
  }
  if (p.find("time_to_convert.") != std::string::npos) {
    return Unit::Days;
  }
  if (p == "nps" || ends_with(".nps")) {
    return Unit::Signed;
  }
  if (ends_with("revenue_per_agent") || ends_with(".revenue")) {
    return Unit::Money;
  }
  return Unit::Plain;
}

namespace {

// Enough decimals for two significant digits of the interval's half-width.
int difference_decimals(const Estimate& d, double scale) {
  const double half = scale * (d.high - d.low) / 2;
  if (!(half > 0) || !std::isfinite(half)) {
    return 2;
  }
  return std::clamp(1 - static_cast<int>(std::floor(std::log10(half))), 0, 5);
}

std::string signed_in(double v, Unit unit, int decimals) {
  const double scale = unit == Unit::Percent ? 100 : 1;
  const double shown = scale * v;
  // "-0.00" would claim a direction the rounding hid.
  const double rounded = std::round(shown * std::pow(10, decimals));
  return strf("%+.*f", decimals, rounded == 0 ? 0.0 : shown);
}

const char* difference_suffix(Unit unit) {
  switch (unit) {
    case Unit::Percent:
      return " pp";
    case Unit::Days:
      return " d";
    default:
      return "";
  }
}

}  // namespace

std::string difference_text(const Estimate& d, Unit unit) {
  if (!d.has_value()) {
    return "n/a";
  }
  const int decimals = difference_decimals(d, unit == Unit::Percent ? 100 : 1);
  return signed_in(d.value, unit, decimals) + difference_suffix(unit);
}

std::string difference_interval(const Estimate& d, Unit unit) {
  if (!d.has_value()) {
    return "";
  }
  const int decimals = difference_decimals(d, unit == Unit::Percent ? 100 : 1);
  return "95% CI " + signed_in(d.low, unit, decimals) + " \u2013 " +
         signed_in(d.high, unit, decimals) + difference_suffix(unit);
}

std::string data_attributes(const Estimate& e) {
  if (!e.has_value()) {
    return " data-value=\"\" data-n=\"0\"";
  }
  return " data-value=\"" + exact(e.value) + "\" data-low=\"" + exact(e.low) + "\" data-high=\"" +
         exact(e.high) + "\" data-n=\"" + std::to_string(e.n) + "\"";
}

}  // namespace journeysim::html
