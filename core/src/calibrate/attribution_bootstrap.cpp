// The bootstrap of attribute --paths (see the header for the resampling).
#include "journeysim/attribution_bootstrap.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "calibrate/poisson_draw.h"
#include "engine/block_scheduler.h"

namespace journeysim {
namespace {

// Keys of a row's two draws.
constexpr uint32_t kConvertingDraw = 0;
constexpr uint32_t kOtherDraw = 1;

// What a replicate records per channel: the removal effects, the Markov
// model's conversions and value, then each model's conversions and value.
constexpr size_t kRemovalEffect = 0, kValueRemovalEffect = 1, kMarkovConversions = 2,
                 kMarkovValue = 3, kFirstModel = 4;

size_t quantities(const Attribution& a) { return kFirstModel + 2 * a.models.size(); }

// One replicate's numbers, channel by channel in the order of `a`.
void record(const Attribution& point, const Attribution& replicate,
            const std::unordered_map<std::string, size_t>& position, double* out) {
  const size_t q = quantities(point);
  for (const ChannelShare& c : replicate.channels) {
    double* row = out + position.at(c.channel) * q;
    row[kRemovalEffect] = c.removal_effect;
    row[kValueRemovalEffect] = c.value_removal_effect;
    row[kMarkovConversions] = c.conversions;
    row[kMarkovValue] = c.value;
    for (size_t m = 0; m < c.credit.size(); ++m) {
      row[kFirstModel + 2 * m] = c.credit[m].conversions;
      row[kFirstModel + 2 * m + 1] = c.credit[m].value;
    }
  }
}

// The ranking of one model (its conversions at `quantity`) by the point
// estimate, with each step's bootstrap interval.
ModelRanking rank(const Attribution& a, const std::string& model, size_t quantity,
                  const std::vector<double>& samples, uint32_t replicates) {
  const size_t q = quantities(a), per_replicate = a.channels.size() * q;
  auto point = [&](size_t c) {
    return quantity == kMarkovConversions ? a.channels[c].conversions
                                          : a.channels[c].credit[(quantity - kFirstModel) / 2]
                                                .conversions;
  };
  std::vector<size_t> order(a.channels.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return point(x) > point(y); });
  ModelRanking ranking{model, {}};
  std::vector<double> differences(replicates);
  for (size_t k = 0; k + 1 < order.size(); ++k) {
    const size_t hi = order[k], lo = order[k + 1];
    for (uint32_t r = 0; r < replicates; ++r) {
      const double* s = samples.data() + r * per_replicate;
      differences[r] = s[hi * q + quantity] - s[lo * q + quantity];
    }
    RankStep step{a.channels[hi].channel, a.channels[lo].channel, point(hi) - point(lo), {}};
    step.ci = {percentile(differences, 0.025), percentile(differences, 0.975)};
    ranking.steps.push_back(step);
  }
  return ranking;
}

}  // namespace

PathSet resample_paths(const PathSet& paths, uint64_t seed, uint32_t replicate) {
  const RandomStream random(seed);
  PathSet out;
  out.channels = paths.channels;
  for (size_t row = 0; row < paths.paths.size(); ++row) {
    const WeightedPath& p = paths.paths[row];
    UniformSequence converting(random, row, replicate, kConvertingDraw);
    UniformSequence other(random, row, replicate, kOtherDraw);
    WeightedPath drawn;
    drawn.conversions = poisson_draw(p.conversions, converting);
    drawn.nulls = poisson_draw(p.nulls, other);
    if (drawn.conversions + drawn.nulls <= 0.0) {
      continue;
    }
    // The value is the converting customers'; a row that values customers
    // without conversions scales with all of them.
    drawn.value = p.conversions > 0.0
                      ? p.value * (drawn.conversions / p.conversions)
                      : p.value * (drawn.nulls / p.nulls);
    drawn.steps = p.steps;
    out.paths.push_back(std::move(drawn));
  }
  return out;
}

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) {
    return 0.0;
  }
  std::sort(values.begin(), values.end());
  const double at = p * static_cast<double>(values.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(at));
  const size_t above = std::min(below + 1, values.size() - 1);
  const double t = at - static_cast<double>(below);
  return values[below] + t * (values[above] - values[below]);
}

void add_bootstrap(Attribution& a, const PathSet& paths, const std::string& file,
                   const PathModels& models, const BootstrapOptions& options) {
  const uint32_t replicates = options.replicates;
  if (replicates == 0) {
    return;
  }
  std::unordered_map<std::string, size_t> position;
  for (size_t c = 0; c < a.channels.size(); ++c) {
    position.emplace(a.channels[c].channel, c);
  }
  const size_t q = quantities(a), per_replicate = a.channels.size() * q;
  // Each replicate writes its own slice: no order between threads matters.
  std::vector<double> samples(static_cast<size_t>(replicates) * per_replicate, 0.0);
  for_each_block(
      replicates, worker_count(options.threads, replicates),
      [&](unsigned, uint64_t r) {
        const PathSet drawn = resample_paths(paths, options.seed, static_cast<uint32_t>(r));
        if (drawn.conversions() > 0.0) {
          record(a, attribute_paths(drawn, file, models), position,
                 samples.data() + r * per_replicate);
        }
      },
      options.cancel);
  a.bootstrap_replicates = replicates;
  a.seed = options.seed;
  std::vector<double> values(replicates);
  auto interval = [&](size_t channel, size_t quantity) {
    for (uint32_t r = 0; r < replicates; ++r) {
      values[r] = samples[r * per_replicate + channel * q + quantity];
    }
    return Interval{percentile(values, 0.025), percentile(values, 0.975)};
  };
  for (size_t c = 0; c < a.channels.size(); ++c) {
    ChannelShare& share = a.channels[c];
    share.removal_effect_ci = interval(c, kRemovalEffect);
    share.value_removal_effect_ci = interval(c, kValueRemovalEffect);
    share.markov_ci = {interval(c, kMarkovConversions), interval(c, kMarkovValue)};
    share.credit_ci.clear();
    for (size_t m = 0; m < a.models.size(); ++m) {
      share.credit_ci.push_back(
          {interval(c, kFirstModel + 2 * m), interval(c, kFirstModel + 2 * m + 1)});
    }
  }
  a.rankings.clear();
  a.rankings.push_back(rank(a, "markov", kMarkovConversions, samples, replicates));
  for (size_t m = 0; m < a.models.size(); ++m) {
    a.rankings.push_back(rank(a, a.models[m].name, kFirstModel + 2 * m, samples, replicates));
  }
}

}  // namespace journeysim
