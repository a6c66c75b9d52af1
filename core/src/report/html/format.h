// Text for the HTML report: escaping every user-provided string, and the
// number formats the page shows. All output is locale-independent so a fixed
// seed gives the same bytes everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "journeysim/statistics.h"

namespace journeysim::html {

/// printf into a std::string.
std::string strf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

/// Escapes & < > " ' so the text is safe both as element content and inside
/// a quoted attribute value (util::escape_html, by the name the page uses).
std::string escape(std::string_view text);

/// The shortest decimal text that reads back as exactly `value`: what
/// data-value attributes hold, so a test can compare it with the JSON output.
std::string exact(double value);

/// 12,345
std::string grouped(uint64_t n);
/// 12.3% from a share in [0, 1].
std::string percent(double share, int decimals = 1);
/// As percent(), but "<0.1%" for a small non-zero share (never a false 0.0%).
std::string share_text(double share);
/// 54,996.99 (no currency: scenarios do not name one).
std::string money(double amount);
/// An SVG coordinate: one decimal, no trailing ".0".
std::string coord(double value);

/// At most `max_chars` characters, ending in an ellipsis when cut; never
/// splits a multi-byte character.
std::string shorten(std::string_view text, size_t max_chars);

/// How an estimate reads.
enum class Unit { Percent, Days, Plain, Signed, Money };

/// "4.21%", "2.40 d", "5.31", "+12.4", "n/a" when the estimate has no value.
std::string value_text(const Estimate& e, Unit unit);
/// "95% CI 4.12 – 4.30%", "" when there is no value.
std::string interval_text(const Estimate& e, Unit unit);
/// How the metric at `path` reads: shares in percent, time to convert in
/// days, NPS signed, revenue as money, anything else plain.
Unit metric_unit(std::string_view path);
/// A change of an estimate in `unit`: "+1.23 pp" for shares, "+0.42 d",
/// "-3.1"; decimals chosen from the interval so both read alike.
std::string difference_text(const Estimate& d, Unit unit);
/// "95% CI +0.80 – +1.66 pp", "" when there is no value.
std::string difference_interval(const Estimate& d, Unit unit);

/// data-value/-low/-high/-n attributes (leading space included); empty
/// values when the estimate is undefined.
std::string data_attributes(const Estimate& e);

}  // namespace journeysim::html
