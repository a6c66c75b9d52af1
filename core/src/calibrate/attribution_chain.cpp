// Exact removal effects: the absorbing Markov chain of a fixed journey,
// solved by Gaussian elimination.
#include <algorithm>
#include <cmath>

#include "journeysim/attribution.h"
#include "calibrate/attribution_internal.h"
#include "journeysim/event_trace.h"

namespace journeysim {
namespace {

// Dense solve of A x = b with partial pivoting. The chains solved here are
// absorbing (every customer leaves with probability 1), so I - Q is
// non-singular.
std::vector<double> solve(std::vector<double> a, std::vector<double> b, size_t n) {
  for (size_t col = 0; col < n; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < n; ++r) {
      if (std::abs(a[r * n + col]) > std::abs(a[pivot * n + col])) {
        pivot = r;
      }
    }
    if (pivot != col) {
      std::swap_ranges(a.begin() + static_cast<ptrdiff_t>(col * n),
                       a.begin() + static_cast<ptrdiff_t>(col * n + n),
                       a.begin() + static_cast<ptrdiff_t>(pivot * n));
      std::swap(b[col], b[pivot]);
    }
    const double p = a[col * n + col];
    if (p == 0.0) {
      continue;  // a state that cannot be left: nothing flows through it
    }
    for (size_t r = col + 1; r < n; ++r) {
      const double f = a[r * n + col] / p;
      if (f == 0.0) {
        continue;
      }
      for (size_t c = col; c < n; ++c) {
        a[r * n + c] -= f * a[col * n + c];
      }
      b[r] -= f * b[col];
    }
  }
  std::vector<double> x(n, 0.0);
  for (size_t r = n; r-- > 0;) {
    double s = b[r];
    for (size_t c = r + 1; c < n; ++c) {
      s -= a[r * n + c] * x[c];
    }
    x[r] = a[r * n + r] == 0.0 ? 0.0 : s / a[r * n + r];
  }
  return x;
}

constexpr size_t kMaxExactStates = 2000;

bool special(const std::string& name) {
  return name == kJourneyEndName || name == kConversionStepName;
}

}  // namespace

AttributionChain chain_from_fit(const FittedJourney& j) {
  AttributionChain chain;
  chain.customers = static_cast<double>(j.customers);
  for (const FittedTouchpoint& tp : j.touchpoints) {
    chain.group.push_back(special(tp.name) ? "" : tp.via);
    chain.entry.push_back(tp.entry);
    const double pass = 1.0 - tp.drop;
    chain.convert.push_back(tp.converts ? pass : 0.0);
    uint64_t total = 0;
    for (const FittedEdge& e : tp.next) {
      total += e.count;
    }
    chain.moves.emplace_back();
    for (const FittedEdge& e : tp.next) {
      // A fitted touchpoint's edges are taken by customers who passed it.
      chain.moves.back().push_back(
          {e.to, pass * static_cast<double>(e.count) / static_cast<double>(total), tp.converts});
    }
    chain.gain.push_back(pass * tp.value);
  }
  return chain;
}

std::pair<double, double> solve_chain(const AttributionChain& chain, const std::string& removed) {
  const size_t n = chain.entry.size();
  if (n > kMaxExactStates) {
    throw InputError(SourceLocation{}, "exact attribution solves up to " +
                                           std::to_string(kMaxExactStates) +
                                           " states (touchpoints and steps, per persona when a "
                                           "split reads it); this journey has " +
                                           std::to_string(n) + " (use --simulate)");
  }
  auto kept = [&](size_t t) { return removed.empty() || chain.group[t] != removed; };
  // x = P(convert | at t): x_t = convert_t + sum over the moves taken
  // without converting of Q_tu x_u.
  std::vector<double> a(n * n, 0.0), b(n, 0.0);
  for (size_t t = 0; t < n; ++t) {
    a[t * n + t] = 1.0;
    if (!kept(t)) {
      continue;
    }
    b[t] = chain.convert[t];
    for (const ChainMove& m : chain.moves[t]) {
      if (!m.after_converting) {
        a[t * n + m.to] -= m.probability;
      }
    }
  }
  const std::vector<double> x = solve(a, b, n);
  // v = expected visits: v_u = entry_u + sum_t v_t Q_tu (all moves).
  std::fill(a.begin(), a.end(), 0.0);
  for (size_t t = 0; t < n; ++t) {
    a[t * n + t] += 1.0;
    if (!kept(t)) {
      continue;
    }
    for (const ChainMove& m : chain.moves[t]) {
      a[m.to * n + t] -= m.probability;
    }
  }
  const std::vector<double> v = solve(a, chain.entry, n);
  double conversion = 0.0, value = 0.0;
  for (size_t t = 0; t < n; ++t) {
    conversion += chain.entry[t] * x[t];
    value += kept(t) ? v[t] * chain.gain[t] : 0.0;
    if (!chain.move_value.empty() && kept(t)) {
      // Value taken on a move: the visits to t times the move's probability.
      for (size_t m = 0; m < chain.moves[t].size(); ++m) {
        value += v[t] * chain.moves[t][m].probability * chain.move_value[t][m];
      }
    }
  }
  return {conversion, value};
}

namespace {

void normalise(Attribution& a) {
  double re = 0.0, vre = 0.0;
  for (const ChannelShare& c : a.channels) {
    re += std::max(0.0, c.removal_effect);
    vre += std::max(0.0, c.value_removal_effect);
  }
  const double conversions = a.conversion_rate * a.customers;
  const double value = a.value_per_customer * a.customers;
  for (ChannelShare& c : a.channels) {
    c.conversion_share = re > 0 ? std::max(0.0, c.removal_effect) / re : 0.0;
    c.value_share = vre > 0 ? std::max(0.0, c.value_removal_effect) / vre : 0.0;
    c.conversions = c.conversion_share * conversions;
    c.value = c.value_share * value;
  }
  std::stable_sort(a.channels.begin(), a.channels.end(),
                   [](const ChannelShare& x, const ChannelShare& y) {
                     return x.removal_effect > y.removal_effect;
                   });
}

}  // namespace

std::string touchpoint_group(const Touchpoint& tp) {
  const std::string& name = tp.name.empty() ? tp.id : tp.name;
  return special(name) ? "" : (tp.via.empty() ? tp.channel : tp.via);
}

std::vector<std::string> attribution_groups(const std::vector<std::string>& group) {
  std::vector<std::string> out;
  for (const std::string& g : group) {
    if (!g.empty() && std::find(out.begin(), out.end(), g) == out.end()) {
      out.push_back(g);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void finish_attribution(Attribution& a) { normalise(a); }

Attribution attribute_exact(const AttributionChain& chain) {
  Attribution a;
  a.method = "exact";
  a.customers = chain.customers;
  const auto [p, value] = solve_chain(chain);
  a.conversion_rate = p;
  a.value_per_customer = value;
  for (const std::string& g : attribution_groups(chain.group)) {
    const auto [p_without, value_without] = solve_chain(chain, g);
    ChannelShare c;
    c.channel = g;
    c.removal_effect = p > 0 ? 1.0 - p_without / p : 0.0;
    c.value_removal_effect = value > 0 ? 1.0 - value_without / value : 0.0;
    a.channels.push_back(c);
  }
  normalise(a);
  return a;
}

}  // namespace journeysim
