// The sections of the HTML report, each a fragment of the page with its own
// id (tests and readers find them by it). render_html puts them in order.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "manifest/manifest_text.h"
#include "report/html/report_view.h"

namespace journeysim::html {

/// The top of a page: what it is (eyebrow), its title, the question it
/// answers and a line of facts. Text is escaped here; `meta_html` is markup.
struct Banner {
  std::string eyebrow, title, purpose;
  std::string meta_html;
  std::string tone;  // extra class: "" | "passed" | "failed"
};
std::string render_banner(const Banner& banner);
/// Scenario name, purpose and run identity (the page's banner).
std::string render_banner(const ReportView& view);
/// The run's facts for a banner: customers, seed, horizon, conversion, hash.
std::string run_meta(const RunReport& report);

/// The sticky bar of links to sections: (element id, label), in order.
std::string render_nav(const std::vector<std::pair<std::string, std::string>>& links);
/// The links to render_run_sections' sections.
std::vector<std::pair<std::string, std::string>> run_section_links(const ReportView& view);
/// A run's report below its banner: personas, headline metrics, the map,
/// the funnel, the flow, opportunities and touchpoint details.
std::string render_run_sections(const ReportView& view);
/// One card per persona: share, who they are, goals, pain points, channels.
std::string render_personas(const ReportView& view);
/// Conversion, time to convert, CSAT, CES, NPS, revenue, with intervals;
/// the same by persona.
std::string render_headline(const ReportView& view);
/// Stages as columns; rows for touchpoints, actions, emotion, pain points
/// and opportunities.
std::string render_journey_map(const ReportView& view);
/// Customers remaining stage by stage, overall and per persona.
std::string render_funnel(const ReportView& view);
/// Where customers went from each touchpoint (Sankey-style).
std::string render_flow(const ReportView& view);
/// The styles of steps' cards, flow nodes and routes, for a page whose run
/// has steps; "" otherwise (a page without steps keeps its bytes).
std::string step_style(const ReportView& view);
/// Journey model 2's steps of stage `stage` (by index) as compact cards for
/// the journey map: kind, what the step does, arrivals. A step without a
/// stage shows in the stage of the touchpoint it hangs from.
std::string step_cards(const ReportView& view, size_t stage);
/// Every step (what it does, arrivals, waits' time) and every experiment
/// (arms, paired effects, A/B sample sizes); "" for a journey without steps.
std::string render_steps(const ReportView& view);
/// The styles of queue badges and time-series charts, for a page whose run
/// has resources or a series; "" otherwise (the page keeps its bytes). They
/// come with the journey map, which every page showing a run has.
std::string calendar_style(const ReportView& view);
/// A small badge for the journey map's card of `touchpoint` when its
/// customers queue for a resource: mean wait and the share who gave up.
std::string queue_badge(const ReportView& view, const std::string& touchpoint);
/// Every resource's queue: servers, customers, utilisation, who waited and
/// how long (mean with its interval, p90), who gave up, where it is used;
/// "" for a journey without resources.
std::string render_queues(const ReportView& view);
/// The run over calendar time as charts: arrivals, conversions, messages,
/// and each queue's length and utilisation; "" without a series.
std::string render_series(const ReportView& view);
/// Every opportunity, largest impact first.
std::string render_opportunities(const ReportView& view);
/// Every touchpoint's numbers, with each persona's drop rate.
std::string render_touchpoint_details(const ReportView& view);

/// The folded manifest section: a table per manifest, and the execution
/// facts when given.
std::string render_manifest(const std::vector<manifest_detail::NamedManifest>& manifests,
                            const Execution* execution);

/// What the page around the sections needs to know.
struct PageFrame {
  const char* kind;         // data-report: journeysim.run | .compare | .check
  std::string title;        // the <title>, plain text
  std::string body_data;    // further attributes of <body>, markup
  /// What produced the page: the manifest section shows them all; the
  /// footer names the first one's versions and every channel.
  std::vector<manifest_detail::NamedManifest> manifests;
  const Execution* execution = nullptr;
  std::string footer_note;  // plain text after them
};
/// The page around the sections: head, inline style, glyphs, the manifest,
/// footer.
std::string render_page(const PageFrame& frame, const std::string& body);

}  // namespace journeysim::html
