// The attribution page (attribute --format html): every model side by side,
// conversions then value, each number with its bootstrap interval and, for
// conversions, its tier in that model's ranking; then the removal effects.
// The same page frame as run reports: no script, nothing fetched.
#include "journeysim/attribution.h"
#include "report/html/format.h"
#include "report/html/sections.h"

namespace journeysim {
namespace html {
namespace {

std::string bounds(const Interval& ci, int decimals) {
  return "<br><span class=\"ci\">" + strf("%.*f \u2013 %.*f", decimals, ci.low, decimals, ci.high) +
         "</span>";
}

// A cell: the number, its tier (conversions only) and its interval.
std::string cell(const std::string& model, double value, const Interval* ci,
                 const std::string& tier, int decimals) {
  std::string out = "<td class=\"num\" data-model=\"" + escape(model) + "\" data-value=\"" +
                    exact(value) + "\"" +
                    (ci != nullptr ? " data-low=\"" + exact(ci->low) + "\" data-high=\"" +
                                         exact(ci->high) + "\""
                                   : std::string()) +
                    (tier.empty() ? std::string() : " data-tier=\"" + tier + "\"") + ">" +
                    strf("%.*f", decimals, value);
  if (!tier.empty()) {
    out += " <sup class=\"tier\">" + tier + "</sup>";
  }
  return out + (ci != nullptr ? bounds(*ci, decimals) : std::string()) + "</td>";
}

// Conversions (`value` false) or value of every model, one column each.
std::string by_model(const Attribution& a, bool value) {
  const bool bootstrap = a.bootstrap_replicates > 0;
  const std::vector<std::vector<std::string>> tiers = channel_tiers(a);
  const char* id = value ? "value-by-model" : "conversions-by-model";
  std::string out = std::string("<section id=\"") + id + "\"><h2>" +
                    (value ? "Value" : "Conversions") + " by model</h2><p class=\"lede\">";
  out += value ? "The value each model credits to each channel."
               : "The conversions each model credits to each channel. The Markov model shares "
                 "them by removal effect; the Shapley value is that of the game in which a set "
                 "of channels is worth the conversions of the paths that touch only channels "
                 "of the set.";
  if (bootstrap && !value) {
    out += " The letter is the channel's tier in that model's ranking: a new tier starts where "
           "the 95% interval of the step down from the channel ranked above excludes zero, so "
           "channels that share a letter are not told apart by the data.";
  }
  if (bootstrap) {
    out += " Below each number, its 95% interval.";
  }
  out += "</p><div class=\"table-wrap\"><table class=\"data attribution\"><thead><tr>"
         "<th>Channel</th><th class=\"num\">markov</th>";
  for (const CreditModel& m : a.models) {
    out += "<th class=\"num\">" + escape(m.title) + "</th>";
  }
  out += "</tr></thead><tbody>";
  const int decimals = 1;
  for (size_t c = 0; c < a.channels.size(); ++c) {
    const ChannelShare& s = a.channels[c];
    out += "<tr data-channel=\"" + escape(s.channel) + "\"><th>" + escape(s.channel) + "</th>";
    for (size_t m = 0; m <= a.models.size(); ++m) {
      const double v = m == 0 ? (value ? s.value : s.conversions)
                              : (value ? s.credit[m - 1].value : s.credit[m - 1].conversions);
      const CreditInterval* ci =
          !bootstrap ? nullptr : m == 0 ? &s.markov_ci : &s.credit_ci[m - 1];
      const Interval* bound = ci == nullptr ? nullptr : value ? &ci->value : &ci->conversions;
      const std::string tier = bootstrap && !value ? tiers[m][c] : "";
      out += cell(m == 0 ? "markov" : a.models[m - 1].name, v, bound, tier, decimals);
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div></section>";
}

std::string removal_effects(const Attribution& a) {
  const bool bootstrap = a.bootstrap_replicates > 0;
  std::string out =
      "<section id=\"removal-effects\"><h2>Removal effects</h2><p class=\"lede\">How much of "
      "the conversions (and of the value) is lost when a channel's touchpoints are removed; "
      "the Markov model shares the conversions and the value in these proportions.</p>"
      "<div class=\"table-wrap\"><table class=\"data attribution\"><thead><tr><th>Channel</th>"
      "<th class=\"num\">Removal effect</th><th class=\"num\">Conversion share</th>"
      "<th class=\"num\">Value removal effect</th><th class=\"num\">Value share</th>"
      "</tr></thead><tbody>";
  for (const ChannelShare& s : a.channels) {
    out += "<tr data-channel=\"" + escape(s.channel) + "\"><th>" + escape(s.channel) + "</th>";
    out += cell("removal_effect", s.removal_effect, bootstrap ? &s.removal_effect_ci : nullptr,
                "", 4);
    out += "<td class=\"num\">" + percent(s.conversion_share) + "</td>";
    out += cell("value_removal_effect", s.value_removal_effect,
                bootstrap ? &s.value_removal_effect_ci : nullptr, "", 4);
    out += "<td class=\"num\">" + percent(s.value_share) + "</td></tr>";
  }
  return out + "</tbody></table></div></section>";
}

}  // namespace
}  // namespace html

std::string render_attribution_html(const Attribution& a) {
  using namespace html;
  std::string meta = "<span><b>" + strf("%.6g", a.customers) + "</b> customers</span>";
  meta += "<span>conversion rate <b>" + percent(a.conversion_rate, 2) + "</b></span>";
  meta += "<span>value per customer <b>" + strf("%.4g", a.value_per_customer) + "</b></span>";
  meta += "<span>" + escape(a.method == "exact" ? "exact, absorbing Markov chain"
                                                : "simulation, common random numbers") +
          "</span>";
  if (a.value_rule == "last_channel") {
    meta += "<span>a conversion is worth its last channel's mean value</span>";
  }
  if (a.bootstrap_replicates > 0) {
    meta += "<span>intervals: 95%, <b>" + std::to_string(a.bootstrap_replicates) +
            "</b> bootstrap replicates, seed <b>" + std::to_string(a.seed) + "</b></span>";
  }
  std::string body = render_banner(
      Banner{"Channel attribution \u00b7 journeysim", a.journey, "", meta, ""});
  body += render_nav({{"conversions-by-model", "Conversions"},
                      {"value-by-model", "Value"},
                      {"removal-effects", "Removal effects"}});
  body += "<main>" + by_model(a, false) + by_model(a, true) + removal_effects(a) + "</main>";
  return render_page(
      {"journeysim.attribute", a.journey + " \u2014 attribution",
       " data-replicates=\"" + std::to_string(a.bootstrap_replicates) + "\"",
       {},
       nullptr,
       a.bootstrap_replicates > 0
           ? "Same paths, seed and replicates: same numbers, same page."
           : "Same input: same numbers, same page."},
      body);
}

}  // namespace journeysim
