// Reads a compiled time zone file (TZif, RFC 8536) as the OS keeps them in
// /usr/share/zoneinfo: the list of transitions with the offset after each,
// and the POSIX TZ footer that continues them (versions 2 and later; a
// version 1 file has no footer and keeps its last offset).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/posix_tz.h"
#include "journeysim/calendar.h"

namespace journeysim::calendar {

struct TzifZone {
  std::vector<UtcSeconds> transitions;  // ascending
  std::vector<int32_t> offset_after;    // east of UTC, one per transition
  int32_t initial_offset = 0;           // before the first transition
  std::optional<PosixTz> footer;        // after the last transition

  /// The offset east of UTC in force at `utc`.
  int32_t offset_at(UtcSeconds utc) const;
};

/// The zone in `bytes`; on a malformed file, nullopt and `error` says why.
std::optional<TzifZone> parse_tzif(std::string_view bytes, std::string& error);

}  // namespace journeysim::calendar
