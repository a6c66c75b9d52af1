// Traces of runs: blocks put back in agent order, and written as CSV.
#include "journeysim/event_trace.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "calendar/civil_time.h"
#include "calendar/time_zone.h"
#include "journeysim/event_log.h"
#include "journeysim/simulation_model.h"
#include "metrics/step_description.h"

namespace journeysim {

OrderedTrace::OrderedTrace(uint64_t first_agent,
                           std::function<void(const std::vector<TraceEvent>&)> consume)
    : next_(first_agent), consume_(std::move(consume)) {}

void OrderedTrace::block(uint64_t first_agent, uint32_t count, std::vector<TraceEvent>& events) {
  std::lock_guard lock(mutex_);
  if (first_agent != next_) {
    waiting_[first_agent] = {count, std::move(events)};
    events.clear();
    return;
  }
  consume_(events);
  next_ += count;
  for (auto it = waiting_.begin(); it != waiting_.end() && it->first == next_;
       it = waiting_.erase(it)) {
    consume_(it->second.second);
    next_ += it->second.first;
  }
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

CsvEventWriter::CsvEventWriter(std::ostream& out, const SimulationModel& model)
    : out_(out), model_(model) {
  const Scenario& s = model.scenario();
  for (const Touchpoint& tp : s.touchpoints) {
    const std::string& name = tp.name.empty() ? tp.id : tp.name;
    touchpoint_.push_back(csv_field(name));
    channel_.push_back(csv_field(tp.via.empty() ? tp.channel : tp.via));
    skip_.push_back(name == kJourneyEndName ? 1 : 0);
  }
  for (const Step& step : s.steps) {
    touchpoint_.push_back(csv_field(step.name.empty() ? step.id : step.name));
    channel_.push_back(step_kind_name(step.kind));
    skip_.push_back(0);
    routes_.emplace_back();
    const StepDescription described = describe_step(step);
    leads_.push_back(described.lead);
    for (const StepRoute& route : described.routes) {
      routes_.back().emplace_back(route.label, route.to);
    }
  }
  steps_ = !s.steps.empty();
  calendar_ = model.has_calendar();
  for (const Persona& p : s.personas) {
    persona_.push_back(csv_field(p.id));
  }
}

// On a journey with a calendar: the instant on the journey's calendar, in
// the customer's own zone ("2027-03-01T09:00:00+07:00"), so a send window's
// hours can be read off it.
std::string CsvEventWriter::calendar_time(const TraceEvent& e) const {
  const Scenario& s = model_.scenario();
  // To the nearest second: a customer held for a window opening at 09:00
  // arrives a hair before it in floating point, not at 08:59:59.
  const UtcSeconds at =
      s.journey.start + static_cast<UtcSeconds>(std::llround((e.arrived + e.hours) * 3600.0));
  const TimeZonePtr& own = s.personas[e.persona].zone;
  const TimeZonePtr& zone = own ? own : s.journey.zone;
  return calendar::format_timestamp(at, zone ? zone->offset_seconds_at(at) : 0);
}

void CsvEventWriter::header() {
  out_ << "customer_id,timestamp,touchpoint,channel,persona,revenue,converted"
       << (steps_ ? ",step\n" : "\n");
}

std::string CsvEventWriter::step_detail(const TraceEvent& e) const {
  const Scenario& s = model_.scenario();
  const size_t index = e.touchpoint - s.touchpoints.size();
  const Step& step = s.steps[index];
  const auto& routes = routes_[index];
  char hours[48];
  std::snprintf(hours, sizeof hours, "%.4gh", e.waited);
  if (step.kind == Step::Kind::Exit) {
    return step.reason.empty() ? "exit" : "exit: " + step.reason;
  }
  if (e.dropped != 0) {
    return step.kind == Step::Kind::Wait ? std::string("cut off after ") + hours : "cut off";
  }
  if (e.route >= routes.size()) {
    return "";
  }
  const auto& [label, to] = routes[e.route];
  switch (step.kind) {
    case Step::Kind::Wait:
      return (e.route < step.next.size() ? "waited " : "returned on their own after ") +
             std::string(hours) + " → " + to;
    case Step::Kind::Experiment:
      return "arm " + step.arms[e.route].name + " → " + to;
    case Step::Kind::Update:
      return leads_[index] + " → " + to;
    case Step::Kind::Split:
    case Step::Kind::Exit:
      break;
  }
  return label + " → " + to;
}

void CsvEventWriter::write(const std::vector<TraceEvent>& events) {
  buffer_.clear();
  char number[64];
  for (const TraceEvent& e : events) {
    if (skip_[e.touchpoint] != 0) {
      continue;
    }
    buffer_ += 'c';
    buffer_ += std::to_string(e.agent);
    buffer_ += ',';
    buffer_ += calendar_ ? calendar_time(e)
                         : format_timestamp(kTraceEpochSeconds + e.hours * 3600.0);
    buffer_ += ',';
    buffer_ += touchpoint_[e.touchpoint];
    buffer_ += ',';
    buffer_ += channel_[e.touchpoint];
    buffer_ += ',';
    buffer_ += persona_[e.persona];
    buffer_ += ',';
    const auto [end, ec] = std::to_chars(number, number + sizeof number, e.money);
    buffer_.append(number, ec == std::errc() ? end : number);
    buffer_ += e.converted != 0 ? ",1" : ",0";
    if (steps_) {
      buffer_ += ',';
      if (e.touchpoint >= skip_.size() - routes_.size()) {
        buffer_ += csv_field(step_detail(e));
      }
    }
    buffer_ += '\n';
    ++rows_;
  }
  out_ << buffer_;
}

}  // namespace journeysim
