// Weighted paths of a path file.
#include "journeysim/path_set.h"

#include <unordered_map>

namespace journeysim {

double PathSet::customers() const {
  double sum = 0.0;
  for (const WeightedPath& p : paths) {
    sum += p.conversions + p.nulls;
  }
  return sum;
}

double PathSet::conversions() const {
  double sum = 0.0;
  for (const WeightedPath& p : paths) {
    sum += p.conversions;
  }
  return sum;
}

double PathSet::value() const {
  double sum = 0.0;
  for (const WeightedPath& p : paths) {
    sum += p.value;
  }
  return sum;
}

PathSet read_path_set(std::istream& in, const std::string& file, const PathLogColumns& columns,
                      BadRows& bad) {
  PathSet set;
  std::unordered_map<std::string, uint32_t> index;
  read_path_log(in, file, columns, bad, [&](const PathRow& row) {
    if (row.conversions + row.nulls <= 0.0) {
      return;
    }
    WeightedPath path;
    path.conversions = row.conversions;
    path.nulls = row.nulls;
    path.value = row.value;
    for (const std::string& step : row.steps) {
      const auto [it, added] = index.emplace(step, static_cast<uint32_t>(set.channels.size()));
      if (added) {
        set.channels.push_back(step);
      }
      path.steps.push_back(it->second);
    }
    set.paths.push_back(std::move(path));
  });
  return set;
}

}  // namespace journeysim
