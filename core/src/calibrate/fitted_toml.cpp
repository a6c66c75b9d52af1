// A fitted journey written as a scenario file: every number in shortest
// round-trip form, every name escaped, the observed gap quantiles beside
// the edges they were fitted from.
#include <charconv>
#include <cstdio>

#include "journeysim/calibrate.h"

namespace journeysim {
namespace {

std::string number(double v) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  std::string out(buffer, ec == std::errc() ? end : buffer);
  if (out.find_first_of(".en") == std::string::npos) {
    out += ".0";
  }
  return out;
}

// Length of the well-formed UTF-8 sequence at `k` (Unicode table 3-7: no
// overlongs, no surrogates, nothing past U+10FFFF), or 0.
size_t utf8_length(const std::string& text, size_t k) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[k + i]); };
  const unsigned char c = byte(0);
  size_t len = 0;
  unsigned char low = 0x80, high = 0xbf;  // range of the second byte
  if (c >= 0xc2 && c <= 0xdf) {
    len = 2;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    low = c == 0xe0 ? 0xa0 : 0x80;
    high = c == 0xed ? 0x9f : 0xbf;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    low = c == 0xf0 ? 0x90 : 0x80;
    high = c == 0xf4 ? 0x8f : 0xbf;
  }
  if (len == 0 || k + len > text.size() || byte(1) < low || byte(1) > high) {
    return 0;
  }
  for (size_t i = 2; i < len; ++i) {
    if ((byte(i) & 0xc0) != 0x80) {
      return 0;
    }
  }
  return len;
}

// A TOML basic string. Invalid UTF-8 bytes become U+FFFD so the file
// always parses.
std::string quoted(const std::string& text) {
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
      const size_t len = utf8_length(text, k);
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

}  // namespace

std::string render_fitted_toml(const FittedJourney& j) {
  std::string out;
  out += "# Fitted by `journeysim calibrate` from " + j.source + ": " +
         std::to_string(j.events) + " events of " + std::to_string(j.customers) +
         " customers (" + std::to_string(j.bad_rows) + " bad rows left out).\n";
  out += "# Every touchpoint uses the built-in `fixed` channel: `next` weights are the\n"
         "# observed transition counts, `drop` the share of visits that ended the\n"
         "# journey there, `hours` the shortest observed gap after it and each edge's\n"
         "# `delay_hours` the mean gap beyond that (exponential). See docs/calibrate.md.\n\n";
  out += "[journey]\n";
  out += "name = " + quoted(j.name) + "\n";
  out += "purpose = " + quoted("How well does a first-order chain fitted to " + j.source +
                               " reproduce it?") + "\n";
  out += "horizon_days = " + number(j.horizon_days) + "\n";
  out += "agents = " + std::to_string(j.agents) + "\n";
  out += "seed = 1\n";
  out += "max_steps = " + std::to_string(j.max_steps) + "\n";
  out += "stages = [\"journey\"]\n";
  out += "conversion = \"conversion\"\n\n";
  out += "[stages.journey]\ndescription = \"all observed touchpoints\"\n\n";
  for (const auto& [id, share] : j.personas) {
    out += "[personas." + quoted(id) + "]\nshare = " + number(share) + "\n\n";
  }
  for (const FittedTouchpoint& tp : j.touchpoints) {
    out += "[touchpoints." + quoted(tp.id) + "]\n";
    out += "name = " + quoted(tp.name) + "\n";
    if (!tp.via.empty()) {
      out += "via = " + quoted(tp.via) + "\n";
    }
    out += "stage = \"journey\"\nchannel = \"fixed\"\n";
    if (tp.entry > 0) {
      out += "entry = " + number(tp.entry) + "\n";
    }
    if (tp.converts) {
      out += "milestone = \"conversion\"\n";
    }
    if (tp.exit) {
      out += "exit = true\n";
    }
    out += "params = { drop = " + number(tp.drop) + ", hours = " + number(tp.hours) +
           ", value = " + number(tp.value) + " }";
    out += "  # " + std::to_string(tp.visits) + " visits\n";
    if (!tp.next.empty()) {
      out += "next = [\n";
      for (const FittedEdge& e : tp.next) {
        // Counts are exact integers up to 2^53, TOML's safe range here.
        out += "  { to = " + quoted(j.touchpoints[e.to].id) + ", weight = " +
               (e.count <= (uint64_t{1} << 53) ? std::to_string(e.count)
                                                : number(static_cast<double>(e.count)));
        if (e.delay_hours > 0) {
          out += ", delay_hours = " + number(e.delay_hours);
        }
        out += " },";
        if (e.p50 > 0 || e.p90 > 0) {
          char buffer[160];
          std::snprintf(buffer, sizeof buffer, "  # gap hours p10 %.3g, p50 %.3g, p90 %.3g",
                        e.p10, e.p50, e.p90);
          out += buffer;
        }
        out += "\n";
      }
      out += "]\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace journeysim
