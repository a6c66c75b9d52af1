// The calendar's checks that need more than one section: arrivals need the
// journey's start, zone and agent count (do the weights leave any hour to
// arrive in?), and a frequency cap's channels must be ones touchpoints use.
#include <set>

#include "calendar/arrival_schedule.h"
#include "calendar/time_zone.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

void check_arrivals(FieldReader& in, const Scenario& scenario) {
  const ArrivalPattern& arrivals = scenario.arrivals;
  if (scenario.journey.zone == nullptr ||
      (arrivals.kind == ArrivalPattern::Kind::AtStart && arrivals.bursts.empty()) ||
      (arrivals.kind == ArrivalPattern::Kind::Steady && !(arrivals.over_days > 0.0)) ||
      (arrivals.kind == ArrivalPattern::Kind::Poisson && !(arrivals.per_hour > 0.0))) {
    return;  // nothing to check, or already reported
  }
  try {
    const calendar::ArrivalSchedule schedule(arrivals, scenario.journey.agents,
                                             scenario.journey.start, *scenario.journey.zone);
  } catch (const InputError& error) {
    for (const Diagnostic& d : error.diagnostics()) {
      in.error(d.where, d.message);
    }
  }
}

void check_cap_channels(FieldReader& in, const Scenario& scenario) {
  std::set<std::string> used;
  for (const Touchpoint& tp : scenario.touchpoints) {
    used.insert(tp.channel);
    if (!tp.via.empty()) {
      used.insert(tp.via);
    }
  }
  const std::vector<std::string> names(used.begin(), used.end());
  for (const FrequencyCap& cap : scenario.policies.frequency_caps) {
    for (size_t i = 0; i < cap.channels.size(); ++i) {
      if (used.count(cap.channels[i]) == 0) {
        const std::string hint = in.suggest(cap.channels[i], names);
        in.error(cap.channel_wheres[i],
                 "policies.frequency_cap: no touchpoint uses channel '" + cap.channels[i] + "'" +
                     (hint.empty() ? "; channels used: " + quoted_list(names) : hint));
      }
    }
  }
}

}  // namespace

void resolve_calendar(FieldReader& in, Scenario& scenario) {
  check_arrivals(in, scenario);
  check_cap_channels(in, scenario);
}

}  // namespace journeysim::scenario
