// A wait step's own keys: how long it waits (`for`), the customer's own
// return racing it (`race`) and the window it waits for (`window`). Used by
// read_steps.
#pragma once

#include <optional>
#include <string>

#include "journeysim/scenario.h"
#include "scenario/document.h"
#include "scenario/field_reader.h"

namespace journeysim::scenario {

/// A duration ("2d") or a distribution table at `path`: a wait's `for`, a
/// resource's `service`, a touchpoint's `patience`.
void read_wait_time(FieldReader& in, const Node& node, const std::string& path, WaitTime& wait);

/// `for` (required) and `race` (optional) of the wait step at `path`.
/// The duration string `node` at `path` ("2d"): its hours, with `out` set
/// to its text and location; nullopt after reporting a bad one, or zero
/// unless `zero_allowed`. The parser is the binder's (steps/duration.h), so
/// the loader refuses exactly what could not be turned into hours.
std::optional<double> read_duration(FieldReader& in, const Node& node, const std::string& path,
                                    DurationText& out, bool zero_allowed = false);

/// `for` (required), `race` and `window` (optional) of the wait step at `path`.
void read_wait(FieldReader& in, const Node& table, const std::string& path, Step& step);

}  // namespace journeysim::scenario
