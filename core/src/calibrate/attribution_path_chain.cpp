// The first-order chain of weighted paths: each channel a state, plus the
// "(conversion)" step after the last channel of converting paths. It is the
// chain of the journey `calibrate` fits to the same file (same states in
// the same order, same arithmetic), built without whole-customer counts so
// that fractional counts are attributed too.
#include <algorithm>
#include <map>

#include "journeysim/attribution.h"
#include "journeysim/path_set.h"

namespace journeysim {

AttributionChain chain_from_paths(const PathSet& paths, const std::string& file,
                                  PathValueRule rule) {
  const double customers = paths.customers();
  if (customers <= 0.0) {
    throw InputError(SourceLocation{file, 0, 0}, "no usable paths: nothing to attribute");
  }
  // The conversion step comes after the channels seen up to the first
  // converting path, as the fit numbers it.
  size_t seen = 0;
  size_t conversion = paths.channels.size();
  for (const WeightedPath& p : paths.paths) {
    for (const uint32_t s : p.steps) {
      seen = std::max<size_t>(seen, s + 1);
    }
    if (p.conversions > 0.0) {
      conversion = seen;
      break;
    }
  }
  if (paths.conversions() <= 0.0) {
    throw InputError(SourceLocation{file, 0, 0},
                     "no path converts: every total_conversions is 0, nothing to attribute");
  }
  const size_t n = paths.channels.size() + 1;
  auto state = [&](uint32_t channel) {
    return static_cast<uint32_t>(channel < conversion ? channel : channel + 1);
  };
  std::vector<double> visits(n, 0.0), entries(n, 0.0), null_ends(n, 0.0);
  std::map<std::pair<uint32_t, uint32_t>, double> moves;  // ordered as the fit's
  double value = 0.0;
  std::vector<double> value_after(n, 0.0);  // value of the conversions after each state
  for (const WeightedPath& p : paths.paths) {
    const double walkers = p.conversions + p.nulls;
    entries[state(p.steps.front())] += walkers;
    for (size_t k = 0; k < p.steps.size(); ++k) {
      visits[state(p.steps[k])] += walkers;
      if (k > 0) {
        moves[{state(p.steps[k - 1]), state(p.steps[k])}] += walkers;
      }
    }
    null_ends[state(p.steps.back())] += p.nulls;
    if (p.conversions > 0.0) {
      moves[{state(p.steps.back()), static_cast<uint32_t>(conversion)}] += p.conversions;
      visits[conversion] += p.conversions;
    }
    value += p.value;
    value_after[state(p.steps.back())] += p.value;
  }
  AttributionChain chain;
  chain.customers = customers;
  for (size_t t = 0; t < n; ++t) {
    const bool is_conversion = t == conversion;
    chain.group.push_back(is_conversion ? ""
                                        : paths.channels[t < conversion ? t : t - 1]);
    chain.entry.push_back(entries[t] / customers);
    double onward = 0.0;
    for (auto it = moves.lower_bound({static_cast<uint32_t>(t), 0});
         it != moves.end() && it->first.first == t; ++it) {
      onward += it->second;
    }
    // A customer who ends at a channel without converting drops there,
    // except at a channel that never leads on (there everyone leaves).
    const double dropped = is_conversion || onward == 0.0 ? 0.0 : null_ends[t];
    const double pass = 1.0 - dropped / visits[t];
    chain.convert.push_back(is_conversion ? pass : 0.0);
    chain.moves.emplace_back();
    if (rule == PathValueRule::LastChannel) {
      chain.move_value.emplace_back();
    }
    for (auto it = moves.lower_bound({static_cast<uint32_t>(t), 0});
         it != moves.end() && it->first.first == t; ++it) {
      chain.moves.back().push_back({it->first.second, pass * it->second / onward, false});
      if (rule == PathValueRule::LastChannel) {
        // A conversion from t is worth t's mean value per conversion.
        chain.move_value.back().push_back(
            it->first.second == conversion ? value_after[t] / it->second : 0.0);
      }
    }
    chain.gain.push_back(is_conversion && rule == PathValueRule::ConversionShare
                             ? pass * (value / visits[t])
                             : 0.0);
  }
  return chain;
}

}  // namespace journeysim
