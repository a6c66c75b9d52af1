// A channel's events: checking a version-2 plugin's table before anything
// routes on it, and reading either version's into ChannelEvents.
#include "journeysim/channel_events.h"

#include <algorithm>
#include <cstring>

#include "journeysim/plugin_host.h"

namespace journeysim {
namespace {

constexpr size_t kMaxEventName = 64;

bool is_event_name(const char* name) {
  if (name == nullptr || !(*name >= 'a' && *name <= 'z') ||
      std::strlen(name) > kMaxEventName) {
    return false;
  }
  for (const char* c = name; *c != '\0'; ++c) {
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_')) {
      return false;
    }
  }
  return true;
}

// Throws for the first problem found, naming the channel and the entry.
class EventTableCheck {
 public:
  EventTableCheck(const js_channel_descriptor& d, const std::string& origin)
      : d_(d), origin_(origin), channel_("channel '" + std::string(d.name) + "': ") {}

  void run() const {
    if (d_.event_count == 0 || d_.events == nullptr) {
      refuse("API version 2 needs an event table (events and event_count); "
             "declare at least one success event");
    }
    if (d_.event_count > JS_MAX_EVENTS) {
      refuse("declares " + std::to_string(d_.event_count) + " events; at most " +
             std::to_string(JS_MAX_EVENTS) + " are allowed");
    }
    bool any_success = false;
    for (uint32_t e = 0; e < d_.event_count; ++e) {
      check_event(e);
      any_success = any_success || (d_.events[e].flags & JS_EVENT_SUCCESS) != 0;
    }
    if (!any_success) {
      refuse("no success event: flag the event that continues along `next` "
             "with JS_EVENT_SUCCESS");
    }
    if (d_.reason_count > 0 && d_.reason_events == nullptr) {
      refuse("declares drop reasons but no reason_events table (each reason's event)");
    }
    std::vector<bool> reached(d_.event_count, false);
    for (uint32_t r = 0; r < d_.reason_count; ++r) {
      reached[check_reason(r)] = true;
    }
    for (uint32_t e = 0; e < d_.event_count; ++e) {
      if (!reached[e] && (d_.events[e].flags & JS_EVENT_SUCCESS) == 0) {
        refuse("event '" + std::string(d_.events[e].name) +
               "' is not a success event and no drop reason belongs to it, so it "
               "can never happen");
      }
    }
  }

 private:
  [[noreturn]] void refuse(const std::string& why) const {
    throw PluginError(SourceLocation{origin_, 0, 0}, channel_ + why);
  }

  void check_event(uint32_t e) const {
    const js_event& event = d_.events[e];
    const std::string where = "event #" + std::to_string(e);
    if (event.name == nullptr || *event.name == '\0') {
      refuse(where + " has no name");
    }
    const std::string name = "event '" + std::string(event.name) + "'";
    if (!is_event_name(event.name)) {
      refuse(name + ": names are lowercase identifiers (a-z first, then a-z, 0-9 "
                    "or '_'; at most " + std::to_string(kMaxEventName) + ")");
    }
    if (event.label == nullptr || *event.label == '\0') {
      refuse(name + " has no label");
    }
    if ((event.flags & ~JS_EVENT_SUCCESS) != 0) {
      refuse(name + " has unknown flags " + std::to_string(event.flags) +
             " (only JS_EVENT_SUCCESS is defined)");
    }
    for (uint32_t f = 0; f < e; ++f) {
      if (std::strcmp(d_.events[f].name, event.name) == 0) {
        refuse(name + " declared twice (#" + std::to_string(f) + " and #" +
               std::to_string(e) + ")");
      }
    }
  }

  uint32_t check_reason(uint32_t r) const {
    const uint32_t e = d_.reason_events[r];
    const std::string reason = "drop reason '" + std::string(d_.reasons[r].code) + "'";
    if (e >= d_.event_count) {
      refuse(reason + " belongs to event #" + std::to_string(e) + ", but only " +
             std::to_string(d_.event_count) + " events are declared");
    }
    if ((d_.events[e].flags & JS_EVENT_SUCCESS) != 0) {
      refuse(reason + " belongs to '" + std::string(d_.events[e].name) +
             "', a success event; a drop must end in an event that is not a success");
    }
    return e;
  }

  const js_channel_descriptor& d_;
  const std::string& origin_;
  std::string channel_;
};

}  // namespace

void check_events(const js_channel_descriptor& descriptor, const std::string& origin) {
  EventTableCheck(descriptor, origin).run();
}

ChannelEvents ChannelEvents::of(const js_channel_descriptor& d) {
  ChannelEvents events;
  if (d.api_version == JS_CHANNEL_API_VERSION_1) {
    events.names_ = {kV1SuccessEvent, kV1DropEvent};
    events.labels_ = {"continued", "dropped"};
    events.success_events_ = {0};
    events.reason_events_.assign(d.reason_count, 1);
    events.reason_selects_success_ = false;
    return events;
  }
  for (uint32_t e = 0; e < d.event_count; ++e) {
    events.names_.emplace_back(d.events[e].name);
    events.labels_.emplace_back(d.events[e].label);
    if ((d.events[e].flags & JS_EVENT_SUCCESS) != 0) {
      events.success_events_.push_back(e);
    }
  }
  events.reason_events_.assign(d.reason_events, d.reason_events + d.reason_count);
  return events;
}

bool ChannelEvents::is_success(uint32_t e) const {
  return std::find(success_events_.begin(), success_events_.end(), e) !=
         success_events_.end();
}

std::optional<uint32_t> ChannelEvents::find(const std::string& name) const {
  const auto it = std::find(names_.begin(), names_.end(), name);
  if (it == names_.end()) {
    return std::nullopt;
  }
  return static_cast<uint32_t>(it - names_.begin());
}

}  // namespace journeysim
