// A customer's time zone: an IANA name ("Europe/Berlin"), read from the
// OS time zone database (/usr/share/zoneinfo, Debian's tzdata), or a fixed
// offset ("+07:00", "-05:30", "UTC", "Z"). Immutable once made, so one zone
// serves every thread; find_time_zone keeps one per name.
//
// Results depend on the tzdata installed (a country may change its rules);
// tzdb_version() names it so a run's manifest can record it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "calendar/tzif.h"
#include "journeysim/calendar.h"
#include "journeysim/diagnostics.h"

namespace journeysim::calendar {

class TimeZone {
 public:
  /// A zone that is always `offset_seconds` east of UTC, called `name`.
  TimeZone(std::string name, int32_t offset_seconds);
  /// A zone from the database, called `name`.
  TimeZone(std::string name, TzifZone zone);

  /// The offset east of UTC in force at `utc`, daylight saving included.
  int32_t offset_seconds_at(UtcSeconds utc) const;
  /// The zone as written ("Europe/Berlin", "+07:00").
  const std::string& name() const { return name_; }
  /// The instant whose local clock reads `local_seconds` (seconds since
  /// 1970-01-01 on the local calendar). A clock time that happens twice (the
  /// hour after daylight saving ends) is its first instant; one that never
  /// happens (the hour skipped when it starts) is moved on by the gap, as a
  /// clock left on the old time would show it ("02:30" becomes 03:30).
  UtcSeconds utc_of_local(int64_t local_seconds) const;

 private:
  std::string name_;
  std::variant<int32_t, TzifZone> rule_;
};

/// The zone `text` names: "UTC", "Z", "+07:00", "-05:30" (hours up to 18),
/// or an IANA name. Cached per text and thread-safe. Throws InputError at
/// `where` for an unknown name (with the nearest known name when one is
/// close) or a database file that cannot be read.
TimeZonePtr find_time_zone(std::string_view text, const SourceLocation& where);

/// A zone that is always `offset_seconds` east of UTC, named "+07:00".
TimeZonePtr fixed_offset_zone(int32_t offset_seconds);

/// The directory zones are read from: $TZDIR when set, else
/// /usr/share/zoneinfo.
std::string zone_directory();

/// The database's version ("2025b", from tzdata.zi), or "" when unknown.
std::string tzdb_version();

}  // namespace journeysim::calendar
