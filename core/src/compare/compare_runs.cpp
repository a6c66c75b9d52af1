// Paired runs. Agents are cut into clusters of consecutive indices; each
// cluster runs through the baseline and through every variant with the same
// random streams. Per cluster and metric, the totals of both versions feed
// PairedMoments, whose delta-method intervals then rest on ~hundreds of
// independent cluster pairs. Everything summed is integer, so the result is
// the same whatever the thread count.
#include <algorithm>
#include <cmath>
#include <map>

#include "compare/metric_components.h"
#include "compare/paired_moments.h"
#include "compare/verdict.h"
#include "engine/block_runner.h"
#include "engine/block_scheduler.h"
#include "engine/coupled_pass.h"
#include "engine/run_calendar.h"
#include "journeysim/comparison.h"
#include "journeysim/distributed.h"

namespace journeysim {
namespace {

// At least ~200 clusters when the run allows, so the variance of each
// difference is estimated from many independent pairs. A multiple of
// kSettleAgents, so each version's totals equal those of a plain run.
uint32_t cluster_size(uint64_t agents, uint32_t max_steps) {
  const uint64_t wanted = agents / 200 / kSettleAgents * kSettleAgents;
  return static_cast<uint32_t>(
      std::clamp<uint64_t>(wanted, kSettleAgents, block_size(max_steps)));
}

// For one variant: metric index in the baseline -> index in the variant.
std::vector<std::pair<size_t, size_t>> match_paths(const std::vector<MetricShape>& base,
                                                   const std::vector<MetricShape>& variant) {
  std::map<std::string, size_t> where;
  for (size_t i = 0; i < variant.size(); ++i) {
    where.emplace(variant[i].path, i);
  }
  std::vector<std::pair<size_t, size_t>> matched;
  for (size_t i = 0; i < base.size(); ++i) {
    if (auto it = where.find(base[i].path); it != where.end()) {
      matched.emplace_back(i, it->second);
    }
  }
  return matched;
}

// Per worker: each version's total tally and each variant's moments.
struct WorkerState {
  std::vector<std::unique_ptr<BlockRunner>> runners;  // baseline, then variants
  std::vector<RunTally> totals;
  std::vector<std::vector<PairedMoments>> moments;  // [variant][matched metric]
  std::vector<RunTally> cluster;
  std::vector<Components> components;
};

// The half-width below which a metric's interval says nothing: a duration
// quantile (`..._days`) is read off a histogram of whole minutes (exact
// below 1,024 minutes, within 0.1 % above), so both order statistics of its
// interval may fall in one bucket and give it zero width; a one-minute
// move must not then be called significant.
double resolution(const std::string& path, double value) {
  constexpr double kMinuteInDays = 1.0 / (24 * 60);
  const std::string suffix = "_days";
  if (path.size() < suffix.size() ||
      path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return 0.0;
  }
  return std::max(kMinuteInDays, 0.001 * std::abs(value));
}

Estimate independent_difference(const Estimate& b, const Estimate& v, const std::string& path) {
  if (!b.has_value() || !v.has_value()) {
    return {};
  }
  const double hb = std::max((b.high - b.low) / 2, resolution(path, b.value));
  const double hv = std::max((v.high - v.low) / 2, resolution(path, v.value));
  const double d = v.value - b.value;
  const double half = std::sqrt(hb * hb + hv * hv);
  return {d, d - half, d + half, std::min(b.n, v.n), true};
}

// Journey-level metrics, then touchpoints, stages and personas: the order a
// reader drills down in.
int scope_rank(const std::string& path) {
  if (path.rfind("touchpoints.", 0) == 0) {
    return 1;
  }
  if (path.rfind("stages.", 0) == 0) {
    return 2;
  }
  if (path.rfind("personas.", 0) == 0) {
    return 3;
  }
  return 0;
}

// Significant changes first; within a scope the most clearly changed lead:
// metrics have different units, so "biggest" is measured in standard errors.
void order_changes(std::vector<MetricChange>& changes) {
  const auto strength = [](const MetricChange& c) {
    const Estimate& d = c.difference;
    if (!d.has_value()) {
      return -1.0;
    }
    const double se = (d.high - d.low) / (2 * kZ95);
    return se > 0 ? std::abs(d.value) / se : (d.value != 0 ? 1e300 : 0.0);
  };
  std::stable_sort(changes.begin(), changes.end(), [&](const MetricChange& a, const MetricChange& b) {
    if (a.significant != b.significant) {
      return a.significant;
    }
    if (scope_rank(a.path) != scope_rank(b.path)) {
      return scope_rank(a.path) < scope_rank(b.path);
    }
    return strength(a) > strength(b);
  });
}

// Every part's totals and moments, merged into part 0's (exact: integers).
// False on the other parts.
bool gather_parts(const ComparePart& part, const std::vector<const SimulationModel*>& models,
                  std::vector<RunTally>& totals, std::vector<std::vector<PairedMoments>>& moments) {
  distributed::ByteWriter out;
  for (const RunTally& t : totals) {
    const std::string bytes = encode_tally(t);
    out.u64(bytes.size());
    out.raw(bytes);
  }
  for (const auto& per_variant : moments) {
    for (const PairedMoments& m : per_variant) {
      m.encode(out);
    }
  }
  const std::vector<std::string> parts = part.gather(out.take());
  if (parts.empty()) {
    return false;
  }
  for (size_t m = 0; m < models.size(); ++m) {
    totals[m] = empty_tally(*models[m]);
  }
  for (auto& per_variant : moments) {
    std::fill(per_variant.begin(), per_variant.end(), PairedMoments{});
  }
  for (const std::string& bytes : parts) {
    distributed::ByteReader in(bytes);
    for (RunTally& t : totals) {
      const size_t n = in.length(1);
      t.merge(decode_tally(in.raw(n)));
    }
    for (auto& per_variant : moments) {
      for (PairedMoments& m : per_variant) {
        PairedMoments theirs;
        theirs.decode(in);
        m.merge(theirs);
      }
    }
    if (!in.done()) {
      throw TallyCodecError("trailing bytes after a comparison part");
    }
  }
  return true;
}

}  // namespace

ComparisonReport compare_runs(const SimulationModel& baseline,
                              const std::vector<const SimulationModel*>& variants,
                              const RunOptions& options, const ComparePart& part) {
  std::vector<const SimulationModel*> models{&baseline};
  models.insert(models.end(), variants.begin(), variants.end());
  uint32_t max_steps = 0;
  for (const SimulationModel* m : models) {
    max_steps = std::max(max_steps, m->scenario().journey.max_steps);
  }
  const AlignedPieces pieces{options.first_agent, options.agents,
                             cluster_size(options.agents, max_steps)};
  // This part's slice of the clusters (all of them in one process).
  const auto wide_clusters = static_cast<distributed::uint128>(pieces.pieces());
  const auto first_cluster = static_cast<uint64_t>(
      wide_clusters * static_cast<unsigned>(part.part) / static_cast<unsigned>(part.parts));
  const uint64_t clusters =
      static_cast<uint64_t>(wide_clusters * static_cast<unsigned>(part.part + 1) /
                            static_cast<unsigned>(part.parts)) -
      first_cluster;
  const unsigned workers = worker_count(options.threads, clusters);

  std::vector<std::vector<MetricShape>> shapes;
  for (const SimulationModel* m : models) {
    shapes.push_back(metric_shapes(*m));
  }
  std::vector<std::vector<std::pair<size_t, size_t>>> matches;
  for (size_t v = 1; v < models.size(); ++v) {
    matches.push_back(match_paths(shapes[0], shapes[v]));
  }

  // Journeys with queues: each model's coupled pass over every compared
  // agent, replayed by its clusters (engine/coupled_pass.h).
  std::vector<std::shared_ptr<const CoupledPass>> coupled(models.size());
  std::vector<std::unique_ptr<RunCalendar>> calendars;
  for (size_t m = 0; m < models.size(); ++m) {
    calendars.push_back(
        std::make_unique<RunCalendar>(*models[m], options.first_agent, options.agents));
    if (models[m]->coupled()) {
      coupled[m] = run_coupled_pass(*models[m], options.seed, *calendars[m], options.first_agent,
                                    options.agents);
    }
  }
  std::vector<WorkerState> state(workers);
  for (WorkerState& w : state) {
    for (const SimulationModel* m : models) {
      w.runners.push_back(std::make_unique<BlockRunner>(*m, options.seed));
      w.runners.back()->set_calendar(calendars[w.runners.size() - 1].get());
      if (const auto& pass = coupled[w.runners.size() - 1]) {
        w.runners.back()->set_queue_fates(&pass->fates);
      }
      w.runners.back()->set_progress(m == &baseline ? options.progress : nullptr);
      w.totals.push_back(empty_tally(*m));
      w.cluster.push_back(empty_tally(*m));
    }
    w.components.resize(models.size());
    for (const auto& matched : matches) {
      w.moments.emplace_back(matched.size());
    }
  }
  for_each_block(
      clusters, workers,
      [&](unsigned worker, uint64_t c) {
        WorkerState& w = state[worker];
        const auto [first, count] = pieces.piece(first_cluster + c);
        for (size_t m = 0; m < models.size(); ++m) {
          w.cluster[m] = empty_tally(*models[m]);
          w.runners[m]->run(first, count, w.cluster[m]);
          metric_components(*models[m], w.cluster[m], w.components[m]);
          w.totals[m].merge(w.cluster[m]);
        }
        const Components& b = w.components[0];
        for (size_t v = 0; v < matches.size(); ++v) {
          const Components& cv = w.components[v + 1];
          for (size_t k = 0; k < matches[v].size(); ++k) {
            const auto [ib, iv] = matches[v][k];
            w.moments[v][k].add(b.x[ib], b.y[ib], cv.x[iv], cv.y[iv]);
          }
        }
      },
      options.cancel);
  for (WorkerState& w : state) {
    w.runners.front()->flush_progress();
  }

  // Merge the workers (integer sums: order-free).
  WorkerState& total = state[0];
  for (size_t w = 1; w < state.size(); ++w) {
    for (size_t m = 0; m < models.size(); ++m) {
      total.totals[m].merge(state[w].totals[m]);
    }
    for (size_t v = 0; v < matches.size(); ++v) {
      for (size_t k = 0; k < matches[v].size(); ++k) {
        total.moments[v][k].merge(state[w].moments[v][k]);
      }
    }
  }

  if (part.part == 0) {
    for (size_t m = 0; m < models.size(); ++m) {
      if (coupled[m]) {
        total.totals[m].resources = coupled[m]->resources;
      }
    }
  }
  if (part.parts > 1 && !gather_parts(part, models, total.totals, total.moments)) {
    return {};  // part 0 reports
  }

  ComparisonReport report;
  report.baseline = summarize(baseline, total.totals[0], options);
  const std::vector<MetricRow> base_rows = metric_rows(report.baseline);
  for (size_t v = 0; v < variants.size(); ++v) {
    VariantComparison vc;
    vc.report = summarize(*variants[v], total.totals[v + 1], options);
    const std::vector<MetricRow> rows = metric_rows(vc.report);
    std::map<std::string, size_t> in_variant;
    for (size_t i = 0; i < rows.size(); ++i) {
      in_variant.emplace(rows[i].path, i);
    }
    std::map<size_t, size_t> moment_of;  // baseline metric index -> matched slot
    for (size_t k = 0; k < matches[v].size(); ++k) {
      moment_of.emplace(matches[v][k].first, k);
    }
    for (size_t i = 0; i < base_rows.size(); ++i) {
      MetricChange change;
      change.path = base_rows[i].path;
      change.better = base_rows[i].better;
      change.is_count = base_rows[i].is_count;
      change.baseline = base_rows[i].estimate;
      auto it = in_variant.find(change.path);
      if (it != in_variant.end()) {
        change.variant = rows[it->second].estimate;
        const PairedMoments& pm = total.moments[v][moment_of.at(i)];
        switch (shapes[0][i].form) {
          case MetricForm::Ratio:
            change.difference = pm.ratio_difference();
            break;
          case MetricForm::Total:
            change.difference = pm.total_difference();
            break;
          case MetricForm::Quantile:
            change.difference =
                independent_difference(change.baseline, change.variant, change.path);
            change.paired = false;
            break;
        }
        // A metric with no data on either side has no difference to report.
        if (!change.baseline.has_value() || !change.variant.has_value()) {
          change.difference = {};
        }
      }
      const Estimate& d = change.difference;
      // Measured once per run with no interval (a queue's utilisation, its
      // p90 wait): the difference is shown, but nothing says it is more
      // than noise, so it is never called significant.
      const bool points = !change.paired && change.baseline.low == change.baseline.high &&
                          change.variant.low == change.variant.high;
      change.significant = d.has_value() && !points && (d.low > 0 || d.high < 0);
      vc.changes.push_back(change);
    }
    // Metrics only the variant has (a touchpoint or persona it added).
    std::map<std::string, bool> in_base;
    for (const MetricRow& r : base_rows) {
      in_base.emplace(r.path, true);
    }
    for (const MetricRow& r : rows) {
      if (!in_base.count(r.path)) {
        MetricChange change;
        change.path = r.path;
        change.better = r.better;
        change.is_count = r.is_count;
        change.variant = r.estimate;
        vc.changes.push_back(change);
      }
    }
    vc.verdict = verdict_lines(vc.changes, report.baseline);
    vc.friction_moves = friction_moves(vc.changes);
    order_changes(vc.changes);
    report.variants.push_back(std::move(vc));
  }
  return report;
}

}  // namespace journeysim
