// Small text helpers that readers, reports and checks used to carry their own
// copies of. Where the copies differed in a way an output can show (which
// blanks a trim strips, whether padding counts bytes or characters, how
// strictly UTF-8 is judged), each behaviour has its own name here, so no
// output changes by being shared.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace journeysim::util {

/// `text` without leading and trailing spaces and tabs (CSV fields and
/// command-line options: a stray '\r' there is data, not padding).
std::string_view trim_blanks(std::string_view text);

/// `text` without leading and trailing spaces, tabs, '\r' and '\n'.
std::string_view trim_whitespace(std::string_view text);

/// `items` with `separator` between them. The separator is written only once
/// some text has been: leading empty items leave no trace ("", "a" -> "a"),
/// as the error messages listing CSV headers have always read.
std::string join(const std::vector<std::string>& items, std::string_view separator);

/// True for a UTF-8 continuation byte (10xxxxxx): one that starts no
/// character.
inline bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Number of characters (code points) of UTF-8 text: the bytes that are
/// not continuation bytes. Broken sequences still count one per lead byte.
size_t utf8_length(std::string_view text);

/// A decoded UTF-8 character; length 0 when the bytes at that position are
/// not a well-formed sequence.
struct Utf8Char {
  char32_t code_point = 0;
  size_t length = 0;
};

/// The well-formed UTF-8 character at byte `at` (Unicode table 3-7: no
/// overlong forms, no surrogates, nothing past U+10FFFF); ASCII is a
/// character of length 1. Requires at < text.size().
Utf8Char decode_utf8(std::string_view text, size_t at);

/// The byte offset of the first byte of `text` that starts no well-formed
/// UTF-8 character (decode_utf8), or std::string_view::npos when all do.
size_t invalid_utf8_at(std::string_view text);

/// The length of the sequence at byte `at` judged by its lead byte alone
/// (0xxxxxxx 1, 110xxxxx 2, 1110xxxx 3, 11110xxx 4) when that many
/// continuation bytes follow, else 0. Laxer than decode_utf8: overlong
/// forms, surrogates and code points up to U+1FFFFF pass. JUnit XML has
/// always let those through, and its bytes must not change. Requires
/// at < text.size().
size_t utf8_length_by_lead_byte(std::string_view text, size_t at);

/// `text` followed by spaces up to `width` characters (UTF-8 code points),
/// or by one space when it is already that wide: table columns stay apart.
std::string pad_columns(const std::string& text, size_t width);

/// As pad_columns, but counting bytes: the sweep table's columns, whose
/// contents have always been measured that way.
std::string pad_bytes(const std::string& text, size_t width);

/// Escapes & < > " ' (the apostrophe as &#39;) so the text is safe both as
/// HTML element content and inside a quoted attribute value.
std::string escape_html(std::string_view text);

/// Text for a terminal: control characters other than the line break (C0,
/// DEL and C1, which can drive a terminal: move the cursor, retitle the
/// window, hide text) are shown as \u001B and the like, so a name in a
/// scenario can never take over the screen it is printed on.
std::string escape_controls(std::string_view text);

/// Where escaped XML text goes: attribute values also escape '\n' and '\t',
/// which an XML parser would otherwise normalise to spaces.
enum class XmlPlace { Text, Attribute };

/// Escapes & < > " ' (the apostrophe as &apos;) and '\r' for XML 1.0.
/// Characters XML 1.0 cannot carry (other control characters, broken UTF-8
/// by utf8_length_by_lead_byte) become U+FFFD rather than making the file
/// unreadable.
std::string escape_xml(std::string_view text, XmlPlace place);

}  // namespace journeysim::util
