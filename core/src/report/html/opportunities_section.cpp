// Every friction hot spot the run found, largest share of customers first,
// with what to try there (the channel plugin's own suggestion, or a persona
// met on a channel it barely follows).
#include <algorithm>

#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"

namespace journeysim::html {

std::string render_opportunities(const ReportView& view) {
  const auto& opportunities = view.report.opportunities;
  std::string out =
      "<section id=\"" + view.id("opportunities") + "\"><h2>Opportunities</h2><p class=\"lede\">Where friction "
      "concentrates and what to try, ordered by the share of all customers affected.</p>";
  if (opportunities.empty()) {
    return out +
           "<p class=\"none\">No touchpoint lost 1% of customers to one reason, and no "
           "persona was met on a channel it avoids.</p></section>";
  }
  double largest = 0;
  for (const Opportunity& o : opportunities) {
    largest = std::max(largest, o.impact);
  }
  out += "<ol class=\"opp-list\">";
  for (const Opportunity& o : opportunities) {
    const int t = view.touchpoint_index(o.touchpoint);
    const std::string channel =
        t >= 0 ? view.report.touchpoints[static_cast<size_t>(t)].channel : std::string();
    out += "<li class=\"opp-item\" data-touchpoint=\"" + escape(o.touchpoint) + "\">";
    out += "<div class=\"opp-impact\"><b>" + share_text(o.impact) +
           "</b><span>of customers</span><div class=\"impact-bar\"><i style=\"width:" +
           coord(largest > 0 ? 100 * o.impact / largest : 0) + "%\"></i></div></div>";
    out += "<div class=\"opp-body\"><div class=\"opp-where\">" + channel_icon(channel, 14) + "<b>" +
           escape(view.touchpoint_name(o.touchpoint)) + "</b>";
    const int p = view.persona_index(o.persona);
    if (p >= 0) {
      out += std::string("<span class=\"chip\" style=\"--pc:") +
             persona_colour(static_cast<size_t>(p)) + "\"><i></i>" + escape(o.persona) + "</span>";
    } else {
      out += "<span class=\"chip overall\"><i></i>everyone</span>";
    }
    out += "</div><div class=\"opp-suggestion\">" + escape(o.suggestion) +
           "</div><div class=\"opp-problem\">" + escape(o.problem) + "</div></div></li>";
  }
  return out + "</ol></section>";
}

}  // namespace journeysim::html
