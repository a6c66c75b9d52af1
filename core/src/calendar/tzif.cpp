#include "calendar/tzif.h"

#include <algorithm>

namespace journeysim::calendar {
namespace {

constexpr size_t kHeaderSize = 44;

struct Counts {
  uint32_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

uint32_t be32(std::string_view b, size_t at) {
  uint32_t v = 0;
  for (size_t k = 0; k < 4; ++k) {
    v = (v << 8) | static_cast<unsigned char>(b[at + k]);
  }
  return v;
}

int64_t be64(std::string_view b, size_t at) {
  uint64_t v = 0;
  for (size_t k = 0; k < 8; ++k) {
    v = (v << 8) | static_cast<unsigned char>(b[at + k]);
  }
  return static_cast<int64_t>(v);
}

bool read_header(std::string_view b, size_t at, Counts& c, char& version) {
  if (b.size() < at + kHeaderSize || b.substr(at, 4) != "TZif") {
    return false;
  }
  version = b[at + 4];
  c.isut = be32(b, at + 20);
  c.isstd = be32(b, at + 24);
  c.leap = be32(b, at + 28);
  c.time = be32(b, at + 32);
  c.type = be32(b, at + 36);
  c.chars = be32(b, at + 40);
  return true;
}

// Bytes of the data block after a header, with `time_size`-byte times.
uint64_t block_size(const Counts& c, uint64_t time_size) {
  return uint64_t{c.time} * time_size + c.time + uint64_t{c.type} * 6 + c.chars +
         uint64_t{c.leap} * (time_size + 4) + c.isstd + c.isut;
}

}  // namespace

int32_t TzifZone::offset_at(UtcSeconds utc) const {
  if (transitions.empty() || utc < transitions.front()) {
    return transitions.empty() && footer ? footer->offset_at(utc) : initial_offset;
  }
  if (utc >= transitions.back() && footer) {
    return footer->offset_at(utc);
  }
  const auto after = std::upper_bound(transitions.begin(), transitions.end(), utc);
  return offset_after[static_cast<size_t>(after - transitions.begin()) - 1];
}

std::optional<TzifZone> parse_tzif(std::string_view b, std::string& error) {
  Counts v1;
  char version = 0;
  if (!read_header(b, 0, v1, version)) {
    error = "not a TZif file";
    return std::nullopt;
  }
  const bool v2 = version >= '2';
  size_t at = kHeaderSize;
  Counts c = v1;
  if (v2) {  // skip the 32-bit block; the 64-bit one follows with its own header
    at += block_size(v1, 4);
    if (!read_header(b, at, c, version)) {
      error = "truncated TZif file (no second header)";
      return std::nullopt;
    }
    at += kHeaderSize;
  }
  const uint64_t time_size = v2 ? 8 : 4;
  if (c.type == 0 || c.chars == 0 || b.size() < at + block_size(c, time_size)) {
    error = "truncated or empty TZif data";
    return std::nullopt;
  }
  TzifZone zone;
  const size_t types_at = at + c.time * time_size + c.time;
  std::vector<int32_t> type_offset(c.type);
  for (uint32_t k = 0; k < c.type; ++k) {
    type_offset[k] = static_cast<int32_t>(be32(b, types_at + 6 * k));
  }
  zone.transitions.reserve(c.time);
  zone.offset_after.reserve(c.time);
  for (uint32_t k = 0; k < c.time; ++k) {
    const int64_t when = v2 ? be64(b, at + 8 * k) : static_cast<int32_t>(be32(b, at + 4 * k));
    const auto type = static_cast<unsigned char>(b[at + c.time * time_size + k]);
    if (type >= c.type || (!zone.transitions.empty() && when <= zone.transitions.back())) {
      error = "bad transition in TZif data";
      return std::nullopt;
    }
    zone.transitions.push_back(when);
    zone.offset_after.push_back(type_offset[type]);
  }
  // RFC 8536: local time type 0 applies before the first transition.
  zone.initial_offset = type_offset[0];
  if (v2) {
    const size_t footer_at = at + block_size(c, time_size);
    if (footer_at >= b.size() || b[footer_at] != '\n') {
      error = "TZif footer missing";
      return std::nullopt;
    }
    const size_t end = b.find('\n', footer_at + 1);
    if (end == std::string_view::npos) {
      error = "TZif footer not terminated";
      return std::nullopt;
    }
    const std::string_view rule = b.substr(footer_at + 1, end - footer_at - 1);
    if (!rule.empty()) {
      zone.footer = parse_posix_tz(rule);
      if (!zone.footer) {
        error = "TZif footer '" + std::string(rule) + "' is not a POSIX TZ rule";
        return std::nullopt;
      }
    }
  }
  return zone;
}

}  // namespace journeysim::calendar
