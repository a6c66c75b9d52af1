// Every outcome crossing the plugin boundary is checked by the host before
// the engine or the conformance checks use it: a bad value is an error
// naming plugin and touchpoint, never a silent clamp.
#pragma once

#include <cmath>
#include <sstream>

#include "journeysim/simulation_model.h"

namespace journeysim {

[[noreturn]] inline void reject_outcome(const ModelTouchpoint& tp,
                                        const char* field, double value,
                                        const char* rule) {
  std::ostringstream out;
  out << "returned " << field << " = " << value << " (" << rule << ")";
  tp.channel->fail(out.str());
}

/// The most messages (or referrals) one interaction may report.
inline constexpr uint32_t kMaxCountPerInteraction = 1000;

inline void check_outcome(const js_outcome& o, const ModelTouchpoint& tp) {
  // Written as !(in range) so that NaN fails every test.
  if (!(o.p_continue >= 0.0 && o.p_continue <= 1.0)) {
    reject_outcome(tp, "p_continue", o.p_continue, "must be a probability in [0, 1]");
  }
  if (!(o.hours >= 0.0 && std::isfinite(o.hours))) {
    reject_outcome(tp, "hours", o.hours, "must be finite and >= 0");
  }
  if (!(o.effort >= 0.0 && std::isfinite(o.effort))) {
    reject_outcome(tp, "effort", o.effort, "must be finite and >= 0");
  }
  if (!(o.emotion >= -1.0 && o.emotion <= 1.0)) {
    reject_outcome(tp, "emotion", o.emotion, "must be in [-1, 1]");
  }
  if (!(o.money >= 0.0 && std::isfinite(o.money))) {
    reject_outcome(tp, "money", o.money, "must be finite and >= 0");
  }
  // A customer's counts add every visit's: a plugin's 4e9 messages in one
  // visit would wrap the agent's 32-bit count into a small wrong number.
  if (o.messages > kMaxCountPerInteraction) {
    reject_outcome(tp, "messages", o.messages, "at most 1000 in one interaction");
  }
  if (o.referrals > kMaxCountPerInteraction) {
    reject_outcome(tp, "referrals", o.referrals, "at most 1000 in one interaction");
  }
  if (o.next == JS_NEXT_DROP) {
    if (o.reason >= tp.reason_count) {
      reject_outcome(tp, "reason", o.reason,
                     "must index one of the channel's declared drop reasons");
    }
    return;
  }
  if (o.next != JS_NEXT_BY_WEIGHT &&
      (o.next < 0 || static_cast<size_t>(o.next) >= tp.edge_targets.size())) {
    reject_outcome(tp, "next", o.next,
                   "must be an edge index below the touchpoint's edge count, "
                   "JS_NEXT_BY_WEIGHT or JS_NEXT_DROP");
  }
  // API version 2: a continuing agent's reason says which success event.
  if (o.reason >= tp.success_reason_limit) {
    reject_outcome(tp, "reason", o.reason,
                   "a continuing agent's reason must index one of the channel's "
                   "success events (0 when it has one)");
  }
}

}  // namespace journeysim
