// Small pictures the page reuses: one glyph per channel (defined once as an
// SVG <symbol>, drawn with <use>, so 60 touchpoints cost 60 short tags) and
// the persona colours.
#pragma once

#include <cstddef>
#include <string>

namespace journeysim::html {

/// The hidden <svg> holding every channel glyph; emitted once per page.
std::string glyph_definitions();

/// An inline icon for a channel; channels we have no picture for share a
/// neutral one (the channel's name is always written beside it).
std::string channel_icon(const std::string& channel, int size_px = 16);

/// Persona colours by persona index: distinct for colour-blind readers
/// (Tableau 10 without its red, which the page keeps for drop-offs).
const char* persona_colour(size_t index);

/// The colours the page gives meaning to.
inline constexpr const char* kDropColour = "#d64545";
inline constexpr const char* kExitColour = "#2f9e6b";
inline constexpr const char* kCutOffColour = "#9aa3af";
inline constexpr const char* kOverallColour = "#1f2a44";

}  // namespace journeysim::html
