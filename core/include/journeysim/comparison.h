// What-if comparisons: a baseline and its variants run on the same agents
// (agent i meets every version with the same random numbers), and every
// metric's change is estimated from the paired runs.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "journeysim/run_report.h"

namespace journeysim {

/// One metric's change from baseline to variant.
struct MetricChange {
  std::string path;
  Better better = Better::Neither;
  bool is_count = false;
  Estimate baseline, variant;  // each run's own estimate (missing if absent)
  /// variant - baseline with its 95% interval; `has_value()` is false when
  /// either side has no data or the metric exists in one version only.
  Estimate difference;
  /// True when the interval comes from the paired runs; false for quantiles,
  /// whose interval combines the two runs' own intervals as if independent.
  bool paired = true;
  /// The interval excludes zero.
  bool significant = false;
};

struct VariantComparison {
  RunReport report;                   // the variant's own run
  std::vector<MetricChange> changes;  // biggest changes first
  std::vector<std::string> verdict;   // one line each, for a product manager
  std::vector<std::string> friction_moves;  // where drops went up or down
};

struct ComparisonReport {
  RunReport baseline;
  std::vector<VariantComparison> variants;
  /// How the comparison was executed, when asked for (--manifest-execution).
  std::optional<Execution> execution;
};

/// A comparison spread over the processes of an MPI job: this process runs
/// slice `part` of `parts` of the clusters of agents; `gather` sends its
/// totals and moments (as bytes) and returns every part's, by part, on part
/// 0 (empty elsewhere). Everything merged is integer: the same report.
struct ComparePart {
  int part = 0;
  int parts = 1;
  std::function<std::vector<std::string>(const std::string&)> gather;
};

/// Runs `baseline` and each variant over the same agents (common random
/// numbers) and estimates every metric's change with paired intervals.
/// `options.agents` and `options.seed` apply to all versions. Spread over
/// parts, only part 0 gets the report (the others an empty one).
ComparisonReport compare_runs(const SimulationModel& baseline,
                              const std::vector<const SimulationModel*>& variants,
                              const RunOptions& options, const ComparePart& part = {});

/// The comparison's renderings (schema "journeysim.compare/2" for JSON;
/// CSV rows followed by each version's manifest as `# key: value` lines).
std::string render_comparison_table(const ComparisonReport& report);
std::string render_comparison_json(const ComparisonReport& report);
std::string render_comparison_csv(const ComparisonReport& report);
/// A pull-request comment: per variant its verdict, where friction moved
/// and a table of the changes that matter, then the manifests as a footer.
std::string render_comparison_markdown(const ComparisonReport& report);

}  // namespace journeysim
