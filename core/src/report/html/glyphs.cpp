#include "report/html/glyphs.h"

#include <array>
#include <string_view>

#include "report/html/format.h"

namespace journeysim::html {
namespace {

struct Glyph {
  std::string_view channel;
  std::string_view body;  // SVG in a 24 x 24 box, stroked in currentColor
};

// Drawn for this report (simple strokes, no third-party icon set), so the
// page needs no licence notice and no font.
constexpr std::array<Glyph, 14> kGlyphs = {{
    {"email",
     R"(<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3.5 6.5l8.5 6.5 8.5-6.5"/>)"},
    {"social",
     R"(<circle cx="9" cy="8" r="3.2"/><path d="M3 20c0-3.6 2.7-6 6-6s6 2.4 6 6"/><circle cx="17.5" cy="9" r="2.4"/><path d="M16 14.3c2.8-.4 5 1.7 5 4.7"/>)"},
    {"web",
     R"(<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.6 2.6 3.8 5.6 3.8 9s-1.2 6.4-3.8 9M12 3C9.4 5.6 8.2 8.6 8.2 12s1.2 6.4 3.8 9"/>)"},
    {"checkout",
     R"(<path d="M2.5 3.5h3l2.4 11.2a1.6 1.6 0 0 0 1.6 1.3h8.3a1.6 1.6 0 0 0 1.6-1.2l1.8-7.3H6.3"/><circle cx="9.5" cy="20" r="1.4"/><circle cx="17.5" cy="20" r="1.4"/>)"},
    {"support",
     R"(<path d="M4.5 14v-2.5a7.5 7.5 0 0 1 15 0V14"/><rect x="3" y="13.5" width="4" height="6" rx="1.2"/><rect x="17" y="13.5" width="4" height="6" rx="1.2"/><path d="M19 19.5c0 1.2-1.6 2-4 2h-2"/>)"},
    {"phone",
     R"(<path d="M6 3.5h3l1.6 4.3-2.1 1.4a10.5 10.5 0 0 0 6.3 6.3l1.4-2.1 4.3 1.6v3a2 2 0 0 1-2.2 2A15.8 15.8 0 0 1 4 5.7a2 2 0 0 1 2-2.2z"/>)"},
    {"store",
     R"(<path d="M3.5 9.5l1.8-5h13.4l1.8 5M4.5 9.5V20h15V9.5M3.5 9.5h17M10 20v-5.5h4V20"/>)"},
    {"sms",
     R"(<rect x="6.5" y="2.5" width="11" height="19" rx="2"/><path d="M9.5 8h5M9.5 11h3.5M11 18.5h2"/>)"},
    {"search", R"(<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5l5 5"/>)"},
    {"ads", R"(<path d="M3.5 10v4h3.5l8 5V5l-8 5z"/><path d="M18 9a4 4 0 0 1 0 6"/>)"},
    {"chat", R"(<path d="M4 4.5h16v11.5H10l-6 4.5z"/><path d="M8 9h8M8 12h5"/>)"},
    {"app",
     R"(<rect x="4" y="4" width="7" height="7" rx="1.6"/><rect x="13" y="4" width="7" height="7" rx="1.6"/><rect x="4" y="13" width="7" height="7" rx="1.6"/><rect x="13" y="13" width="7" height="7" rx="1.6"/>)"},
    {"push", R"(<path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.8 1.8H4.2z"/><path d="M10 21h4"/>)"},
    {"other", R"(<circle cx="12" cy="12" r="8"/><circle cx="12" cy="12" r="2.6"/>)"},
}};

// Plugins named differently for the same kind of place.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kAliases = {{
    {"mail", "email"},
    {"newsletter", "email"},
    {"call", "phone"},
    {"sales_call", "phone"},
    {"shop", "store"},
    {"ad", "ads"},
    {"inbox", "chat"},
}};

std::string_view glyph_for(const std::string& channel) {
  for (const Glyph& g : kGlyphs) {
    if (g.channel == channel) {
      return g.channel;
    }
  }
  for (const auto& [alias, glyph] : kAliases) {
    if (alias == channel) {
      return glyph;
    }
  }
  return "other";
}

}  // namespace

std::string glyph_definitions() {
  std::string out =
      "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>";
  for (const Glyph& g : kGlyphs) {
    out += "<symbol id=\"ch-";
    out += g.channel;
    out +=
        "\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.8\" "
        "stroke-linecap=\"round\" stroke-linejoin=\"round\">";
    out += g.body;
    out += "</symbol>";
  }
  out += "</defs></svg>";
  return out;
}

std::string channel_icon(const std::string& channel, int size_px) {
  return strf("<svg class=\"ch-icon\" width=\"%d\" height=\"%d\" aria-hidden=\"true\">", size_px,
              size_px) +
         "<use href=\"#ch-" + std::string(glyph_for(channel)) + "\"/></svg>";
}

const char* persona_colour(size_t index) {
  static constexpr const char* kPalette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
                                             "#edc948", "#9c755f", "#ff9da7", "#bab0ac", "#86bcb6"};
  return kPalette[index % (sizeof kPalette / sizeof kPalette[0])];
}

}  // namespace journeysim::html
