// Renderings of a RunReport. Each is deterministic for a fixed seed: no
// timestamps, no thread counts, no absolute paths beyond what was given.
#pragma once

#include <string>

#include "journeysim/run_report.h"
#include "journeysim/scenario.h"
#include "journeysim/tally.h"

namespace journeysim {

/// The JSON document (schema "journeysim.run/1", see docs/json-schema.md).
std::string render_json(const RunReport& report);
/// One row per metric: path,scope,id,metric,value,ci95_low,ci95_high,n.
std::string render_csv(const RunReport& report);
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

/// What the HTML report may show beyond the run itself. Every part is
/// optional and drawn only when given, so `compare` and `check` add their
/// sections here (as further members) without changing the call.
struct HtmlReportParts {
  /// Converters' time to convert (RunTally::journey.time_to_convert): adds
  /// its distribution to the headline metrics; without it the page shows
  /// the median, p90 and mean only.
  const DurationHistogram* time_to_convert = nullptr;
};

/// The journey map as one self-contained HTML page: scenario and personas,
/// headline metrics, the map (stages, touchpoints, actions, emotion curve,
/// pain points, opportunities), the funnel and the flow. Inline CSS and SVG,
/// no scripts, nothing fetched; every user-provided string escaped.
std::string render_html(const RunReport& report, const Scenario& scenario,
                        const HtmlReportParts& parts = {});

}  // namespace journeysim
