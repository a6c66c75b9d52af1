// The calendar's values that several tables share: a time zone (journey and
// persona `timezone`), the journey's `start`, and a send window (`window` on
// a touchpoint or a wait step). Each is checked by the same code the engine
// runs (core/src/calendar), so the loader refuses what could not be used.
#pragma once

#include <optional>
#include <string>

#include "journeysim/scenario.h"
#include "scenario/document.h"
#include "scenario/field_reader.h"

namespace journeysim::scenario {

/// The zone `node` names ("Europe/Berlin", "+07:00"), or nullptr after
/// reporting an unknown one (with the nearest name).
TimeZonePtr read_time_zone(FieldReader& in, const Node& node, const std::string& path);

/// journey.start: an offset date-time, a local date-time or a date (local:
/// on the clock of `zone` when given, else UTC). Sets start, its offset and
/// where it was written.
void read_start(FieldReader& in, const Node& node, const std::string& path, const TimeZonePtr& zone,
                Journey& journey);

/// `window = { hours = "09:00-18:00", days = [...] }` at `path`.
std::optional<SendWindow> read_window(FieldReader& in, const Node& node, const std::string& path);

}  // namespace journeysim::scenario
