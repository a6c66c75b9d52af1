#include "util/text.h"

#include <cstdio>

namespace journeysim::util {
namespace {

std::string_view trim_if(std::string_view text, bool (*strip)(char)) {
  while (!text.empty() && strip(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && strip(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string pad_to(const std::string& text, size_t used, size_t width) {
  return used >= width ? text + " " : text + std::string(width - used, ' ');
}

// The entity for a character markup gives a meaning to, or nullptr. HTML
// and XML differ only in how they spell the apostrophe.
const char* markup_entity(char c, const char* apostrophe) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return apostrophe;
    default:
      return nullptr;
  }
}

constexpr const char* kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string_view trim_blanks(std::string_view text) {
  return trim_if(text, [](char c) { return c == ' ' || c == '\t'; });
}

std::string_view trim_whitespace(std::string_view text) {
  return trim_if(text, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) {
      out += separator;
    }
    out += item;
  }
  return out;
}

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (const char c : text) {
    n += is_utf8_continuation(c) ? 0 : 1;
  }
  return n;
}

size_t invalid_utf8_at(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    const size_t length = decode_utf8(text, at).length;
    if (length == 0) {
      return at;
    }
    at += length;
  }
  return std::string_view::npos;
}

Utf8Char decode_utf8(std::string_view text, size_t at) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) {
    return {lead, 1};
  }
  size_t length = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return {};
  }
  if (at + length > text.size()) {
    return {};
  }
  for (size_t k = 1; k < length; ++k) {
    if (!is_utf8_continuation(text[at + k])) {
      return {};
    }
    cp = (cp << 6) | (byte(at + k) & 0x3F);
  }
  const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {};
  }
  return {cp, length};
}

size_t utf8_length_by_lead_byte(std::string_view text, size_t at) {
  const unsigned char lead = static_cast<unsigned char>(text[at]);
  const size_t n = lead < 0x80           ? 1
                   : (lead >> 5) == 0x6  ? 2
                   : (lead >> 4) == 0xE  ? 3
                   : (lead >> 3) == 0x1E ? 4
                                         : 0;
  if (n == 0 || at + n > text.size()) {
    return 0;
  }
  for (size_t k = 1; k < n; ++k) {
    if (!is_utf8_continuation(text[at + k])) {
      return 0;
    }
  }
  return n;
}

std::string pad_columns(const std::string& text, size_t width) {
  return pad_to(text, utf8_length(text), width);
}

std::string pad_bytes(const std::string& text, size_t width) {
  return pad_to(text, text.size(), width);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (const char* entity = markup_entity(c, "&#39;")) {
      out += entity;
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_xml(std::string_view text, XmlPlace place) {
  const bool attribute = place == XmlPlace::Attribute;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_length_by_lead_byte(text, i);
    if (n != 1) {
      // A multi-byte character as it is; a broken one replaced.
      out += n == 0 ? std::string_view(kReplacementCharacter) : text.substr(i, n);
      i += n == 0 ? 1 : n;
      continue;
    }
    const char c = text[i++];
    if (const char* entity = markup_entity(c, "&apos;")) {
      out += entity;
    } else if (c == '\n') {
      out += attribute ? "&#10;" : "\n";
    } else if (c == '\t') {
      out += attribute ? "&#9;" : "\t";
    } else if (c == '\r') {
      out += "&#13;";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += kReplacementCharacter;
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char code[8];
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    // C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8.
    if (b == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      std::snprintf(code, sizeof code, "\\u%04X", static_cast<unsigned char>(text[i + 1]));
      out += code;
      ++i;
    } else if ((b < 0x20 && b != '\n') || b == 0x7F) {
      std::snprintf(code, sizeof code, "\\u%04X", b);
      out += code;
    } else {
      out += static_cast<char>(b);
    }
  }
  return out;
}

}  // namespace journeysim::util
