// Renderings of a RunReport. Each is deterministic for a fixed seed: no
// timestamps, no thread counts, no absolute paths beyond what was given —
// unless the report carries its Execution (--manifest-execution).
#pragma once

#include <string>
#include <vector>

#include "journeysim/check.h"
#include "journeysim/comparison.h"
#include "journeysim/run_report.h"
#include "journeysim/scenario.h"
#include "journeysim/tally.h"

namespace journeysim {

/// The JSON document (schema "journeysim.run/3", see docs/json-schema.md).
std::string render_json(const RunReport& report);
/// One row per metric: path,scope,id,metric,value,ci95_low,ci95_high,n;
/// then the manifest as `# key: value` comment lines.
std::string render_csv(const RunReport& report);
/// The run over calendar time (RunReport::series), one row per bin:
/// hours,arrivals,conversions,messages, then <resource>_queue_length and
/// <resource>_utilization for each resource; just the header for a run
/// without a series. No comment lines, so any CSV reader takes it.
std::string render_series_csv(const RunReport& report);
/// The journey map for a terminal.
std::string render_table(const RunReport& report);

/// A compact summary for a pull-request comment: headline metrics with
/// intervals, friction hot spots, touchpoints, and the Mermaid map.
std::string render_markdown(const RunReport& report);
/// The journey as a Mermaid `journey` diagram: stages as sections,
/// touchpoints as tasks scored 1-5 by mermaid_score of their mean
/// satisfaction, personas that reached them as actors.
std::string render_mermaid(const RunReport& report);
/// 1 + round(4 s), clamped to 1..5: the CSAT mapping of satisfaction s.
int mermaid_score(double satisfaction);

/// The journey map as one self-contained HTML page: scenario and personas,
/// headline metrics (time to convert as a distribution), the map (stages,
/// touchpoints, actions, emotion curve, pain points, opportunities), the
/// funnel overall and per persona, and the flow. Inline CSS and SVG, no
/// scripts, nothing fetched; every user-provided string escaped.
std::string render_html(const RunReport& report, const Scenario& scenario);

/// A comparison as one page, built from the same pieces: each variant's
/// verdict, the headline metrics side by side with every difference and its
/// interval, the changes that matter (interval excludes zero) marked better
/// or worse, the funnel and time to convert of every version, then the
/// baseline's journey map and funnel. `baseline` is the baseline's scenario.
std::string render_comparison_html(const ComparisonReport& report, const Scenario& baseline);

/// One checked scenario's run, for render_check_html; both null when the
/// run itself failed.
struct CheckedRun {
  const RunReport* report = nullptr;
  const Scenario* scenario = nullptr;
};

/// A check as one page: the verdict, each threshold and regression check
/// with pass or fail, then each checked scenario's run report. `runs` is
/// parallel to `report.scenarios`.
std::string render_check_html(const CheckReport& report, const std::vector<CheckedRun>& runs);

}  // namespace journeysim
