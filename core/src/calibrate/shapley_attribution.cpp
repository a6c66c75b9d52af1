// Shapley value by the Harsanyi dividends of the path game (see the
// header): each path's conversions and value split equally among the
// distinct channels it touches, however often it touches them.
#include "journeysim/shapley_attribution.h"

#include <algorithm>

namespace journeysim {

std::vector<Credit> attribute_shapley(const PathSet& paths) {
  std::vector<Credit> credit(paths.channels.size());
  std::vector<uint32_t> members;
  for (const WeightedPath& p : paths.paths) {
    members = p.steps;
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    const double size = static_cast<double>(members.size());
    for (const uint32_t k : members) {
      credit[k].conversions += p.conversions / size;
      credit[k].value += p.value / size;
    }
  }
  return credit;
}

}  // namespace journeysim
