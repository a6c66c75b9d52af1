// The events a channel's interactions end in, as the host sees them for
// either plugin API version: a version-2 plugin's own table, checked; a
// version-1 plugin's continue/drop named `continued` and `dropped`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "journeysim/channel_sdk.h"

namespace journeysim {

/// A channel's events and how an outcome picks one.
class ChannelEvents {
 public:
  /// The events of a descriptor that passed check_events (any API version).
  static ChannelEvents of(const js_channel_descriptor& descriptor);

  /// Names in declaration order, e.g. {"clicked", "opened", ...}.
  const std::vector<std::string>& names() const { return names_; }
  /// Human labels, parallel to names().
  const std::vector<std::string>& labels() const { return labels_; }
  uint32_t size() const { return static_cast<uint32_t>(names_.size()); }
  /// True when event `e` continues along `next`.
  bool is_success(uint32_t e) const;
  /// The success events' indices, in declaration order.
  const std::vector<uint32_t>& success_events() const { return success_events_; }
  /// The event drop reason `r` belongs to.
  uint32_t reason_event(uint32_t r) const { return reason_events_[r]; }
  /// Index of the event called `name`, if the channel has one.
  std::optional<uint32_t> find(const std::string& name) const;

  /// The event an outcome the host has checked (check_outcome) ended in:
  /// a drop's reason's event, or the success event its `reason` selects
  /// (always the first for a version-1 plugin, which may leave `reason`
  /// set when continuing).
  uint32_t event_of(const js_outcome& o) const {
    if (o.next == JS_NEXT_DROP) {
      return reason_events_[o.reason];
    }
    return success_events_[reason_selects_success_ ? o.reason : 0];
  }

  /// False for a version-1 plugin: its continuing `reason` means nothing.
  bool reason_selects_success() const { return reason_selects_success_; }

 private:
  std::vector<std::string> names_;
  std::vector<std::string> labels_;
  std::vector<uint32_t> success_events_;
  std::vector<uint32_t> reason_events_;
  bool reason_selects_success_ = true;
};

/// The names a version-1 plugin's outcomes get.
inline constexpr const char* kV1SuccessEvent = "continued";
inline constexpr const char* kV1DropEvent = "dropped";

/// Checks a version-2 descriptor's event table (the caller has checked its
/// version, size and reasons): 1..JS_MAX_EVENTS events; names non-empty,
/// unique, lowercase identifiers; labels present; flags known; at least one
/// success event; a reason_events entry per reason, each naming an existing
/// event that is not a success; every other event reachable by a reason.
/// Throws PluginError at `origin` saying what is wrong.
void check_events(const js_channel_descriptor& descriptor, const std::string& origin);

}  // namespace journeysim
