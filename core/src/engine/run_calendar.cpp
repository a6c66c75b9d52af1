#include "engine/run_calendar.h"

#include <algorithm>
#include <cmath>

namespace journeysim {
namespace {

bool spreads(const ArrivalPattern& a) {
  return a.kind != ArrivalPattern::Kind::AtStart || !a.bursts.empty();
}

TimeZonePtr zone_or_utc(const TimeZonePtr& zone) {
  return zone ? zone : calendar::fixed_offset_zone(0);
}

}  // namespace

RunCalendar::RunCalendar(const SimulationModel& model, uint64_t first_agent, uint64_t population)
    : on_(model.has_calendar()),
      first_agent_(first_agent),
      start_(model.scenario().journey.start),
      journey_zone_(zone_or_utc(model.scenario().journey.zone)) {
  const Scenario& s = model.scenario();
  if (on_ && spreads(s.arrivals)) {
    schedule_.emplace(s.arrivals, std::max<uint64_t>(population, 1), start_, *journey_zone_);
  }
  for (const Persona& p : s.personas) {
    zones_.push_back(p.zone ? p.zone : journey_zone_);
  }
  if (on_) {
    const double span = (schedule_ ? schedule_->span_hours() : 0.0) + model.horizon_hours();
    const double bins = std::ceil(span / model.series_bin_hours());
    bins_ = SeriesBins(model.series_bin_hours(), static_cast<uint32_t>(std::clamp(bins, 1.0, 1e6)));
  }
}

}  // namespace journeysim
