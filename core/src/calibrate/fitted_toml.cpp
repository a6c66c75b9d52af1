// A fitted journey written as a scenario file: every number in shortest
// round-trip form, every name escaped, the observed gap quantiles beside
// the edges they were fitted from.
#include <charconv>
#include <cstdio>

#include "journeysim/calibrate.h"
#include "journeysim/toml_text.h"

namespace journeysim {
namespace {

std::string number(double v) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  std::string out(buffer, ec == std::errc() ? end : buffer);
  if (out.find_first_of(".en") == std::string::npos) {
    out += ".0";
  }
  return out;
}

}  // namespace

std::string render_fitted_toml(const FittedJourney& j) {
  std::string out;
  out += "# Fitted by `journeysim calibrate` from " + j.source + ": " +
         std::to_string(j.events) + " events of " + std::to_string(j.customers) +
         " customers (" + std::to_string(j.bad_rows) + " bad rows left out).\n";
  out += "# Every touchpoint uses the built-in `fixed` channel: `next` weights are the\n"
         "# observed transition counts, `drop` the share of visits that ended the\n"
         "# journey there, `hours` the shortest observed gap after it and each edge's\n"
         "# `delay_hours` the mean gap beyond that (exponential). See docs/calibrate.md.\n\n";
  out += "[journey]\n";
  out += "name = " + toml_basic_string(j.name) + "\n";
  out += "purpose = " + toml_basic_string("How well does a first-order chain fitted to " + j.source +
                               " reproduce it?") + "\n";
  out += "horizon_days = " + number(j.horizon_days) + "\n";
  out += "agents = " + std::to_string(j.agents) + "\n";
  out += "seed = 1\n";
  out += "max_steps = " + std::to_string(j.max_steps) + "\n";
  out += "stages = [\"journey\"]\n";
  out += "conversion = \"conversion\"\n\n";
  out += "[stages.journey]\ndescription = \"all observed touchpoints\"\n\n";
  for (const auto& [id, share] : j.personas) {
    out += "[personas." + toml_basic_string(id) + "]\nshare = " + number(share) + "\n\n";
  }
  for (const FittedTouchpoint& tp : j.touchpoints) {
    out += "[touchpoints." + toml_basic_string(tp.id) + "]\n";
    out += "name = " + toml_basic_string(tp.name) + "\n";
    if (!tp.via.empty()) {
      out += "via = " + toml_basic_string(tp.via) + "\n";
    }
    out += "stage = \"journey\"\nchannel = \"fixed\"\n";
    if (tp.entry > 0) {
      out += "entry = " + number(tp.entry) + "\n";
    }
    if (tp.converts) {
      out += "milestone = \"conversion\"\n";
    }
    if (tp.exit) {
      out += "exit = true\n";
    }
    out += "params = { drop = " + number(tp.drop) + ", hours = " + number(tp.hours) +
           ", value = " + number(tp.value) + " }";
    out += "  # " + std::to_string(tp.visits) + " visits\n";
    if (!tp.next.empty()) {
      out += "next = [\n";
      for (const FittedEdge& e : tp.next) {
        // Counts are exact integers up to 2^53, TOML's safe range here.
        out += "  { to = " + toml_basic_string(j.touchpoints[e.to].id) + ", weight = " +
               (e.count <= (uint64_t{1} << 53) ? std::to_string(e.count)
                                                : number(static_cast<double>(e.count)));
        if (e.delay_hours > 0) {
          out += ", delay_hours = " + number(e.delay_hours);
        }
        out += " },";
        if (e.p50 > 0 || e.p90 > 0) {
          char buffer[160];
          std::snprintf(buffer, sizeof buffer, "  # gap hours p10 %.3g, p50 %.3g, p90 %.3g",
                        e.p10, e.p50, e.p90);
          out += buffer;
        }
        out += "\n";
      }
      out += "]\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace journeysim
