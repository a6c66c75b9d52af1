// A wait step's own keys: how long it waits (`for`) and the customer's own
// return racing it (`race`). Used by read_steps.
#pragma once

#include <string>

#include "journeysim/scenario.h"
#include "scenario/document.h"
#include "scenario/field_reader.h"

namespace journeysim::scenario {

/// A duration ("2d") or a distribution table at `path`: a wait's `for`, a
/// resource's `service`, a touchpoint's `patience`.
void read_wait_time(FieldReader& in, const Node& node, const std::string& path, WaitTime& wait);

/// `for` (required) and `race` (optional) of the wait step at `path`.
void read_wait(FieldReader& in, const Node& table, const std::string& path, Step& step);

}  // namespace journeysim::scenario
