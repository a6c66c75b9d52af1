// Shapley-value attribution of weighted paths, in the coalition form used
// for channel attribution: a coalition S of channels is worth the
// conversions (or the value) of the paths whose set of channels lies within
// S. That game is a sum of unanimity games, one per distinct channel set T
// walked, weighted by the conversions c(T) of the paths with exactly that
// set (its Harsanyi dividends): v(S) = sum over T within S of c(T). The
// Shapley value of a unanimity game splits it equally among its members, so
// channel k gets phi_k = sum over the sets T holding k of c(T) / |T| — exact
// for any number of channels, in one pass over the paths.
#pragma once

#include <vector>

#include "journeysim/heuristic_attribution.h"
#include "journeysim/path_set.h"

namespace journeysim {

/// The Shapley value of every channel of `paths` (indexed as
/// paths.channels) for conversions and for value.
std::vector<Credit> attribute_shapley(const PathSet& paths);

}  // namespace journeysim
