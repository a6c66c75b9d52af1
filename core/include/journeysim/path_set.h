// The rows of an aggregated path file held in memory as weighted paths, for
// the models that work on paths as written (the removal-effect chain of the
// paths, the heuristic models). A path file is already aggregated, so it is
// held whole; counts may be fractional.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "journeysim/event_log.h"

namespace journeysim {

struct WeightedPath {
  std::vector<uint32_t> steps;  // indices into PathSet::channels, as written
  double conversions = 0.0, nulls = 0.0;
  double value = 0.0;  // total conversion value of the path's conversions
};

struct PathSet {
  std::vector<std::string> channels;  // in order of first appearance
  std::vector<WeightedPath> paths;    // rows with conversions + nulls > 0, in file order
  double customers() const;
  double conversions() const;
  double value() const;
};

/// Reads a path file (see read_path_log) into a PathSet; rows whose counts
/// are both 0 are left out (no customer walked them).
PathSet read_path_set(std::istream& in, const std::string& file, const PathLogColumns& columns,
                      BadRows& bad);

}  // namespace journeysim
