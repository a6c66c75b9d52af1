// The sections of the HTML report, each a fragment of the page with its own
// id (tests and readers find them by it). render_html puts them in order.
#pragma once

#include <string>

#include "report/html/report_view.h"

namespace journeysim::html {

/// Scenario name, purpose and run identity (the page's banner).
std::string render_banner(const ReportView& view);
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
/// Every opportunity, largest impact first.
std::string render_opportunities(const ReportView& view);
/// Every touchpoint's numbers, with each persona's drop rate.
std::string render_touchpoint_details(const ReportView& view);

/// The page around the sections: head, inline style, glyphs, footer.
std::string render_page(const ReportView& view, const std::string& body);

}  // namespace journeysim::html
