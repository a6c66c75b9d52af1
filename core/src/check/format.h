// How check outputs print numbers: few digits for people, every digit for
// machines (the JSON keeps full doubles).
#pragma once

#include <string>

#include "journeysim/statistics.h"

namespace journeysim::check_detail {

/// A metric value for a person: 0.0490, 13.47, 1234.5, 3 (counts, whole
/// values), 2.5e-05 (tiny values keep three significant digits).
std::string format_value(double value);

/// A bound the user wrote (after "%" scaling): every digit it has, no
/// more: 0.005, 0.04, 14, -20.
std::string format_bound(double value);

/// "0.0490 [0.0481, 0.0500]", "12345" for counts, "n/a (no data)".
std::string format_observed(const Estimate& estimate, bool is_count);

/// A signed change: "+0.0003", "-0.0210".
std::string format_change(double change);

}  // namespace journeysim::check_detail
