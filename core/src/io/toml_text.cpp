// toml_basic_string: a name written into a generated TOML file.
#include "journeysim/toml_text.h"

#include <cstdio>

#include "util/text.h"

namespace journeysim {

std::string toml_basic_string(std::string_view text) {
  std::string out = "\"";
  for (size_t k = 0; k < text.size();) {
    const auto c = static_cast<unsigned char>(text[k]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++k;
    } else if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
      ++k;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++k;
    } else {
      const size_t len = util::decode_utf8(text, k).length;
      if (len > 0) {
        out.append(text, k, len);
        k += len;
      } else {
        out += "\\ufffd";
        ++k;
      }
    }
  }
  return out + "\"";
}

}  // namespace journeysim
