// The `push` channel: a push notification from the business's app. Its
// equations are the short-message model
// (plugins/common/short_message_model.h), stated in README.md beside this
// file; this header holds what is particular to a notification.
#pragma once

#include "../common/short_message_model.h"

namespace journeysim::channels::push {

using namespace journeysim::channels::short_message;

// Notifications pile up and are acted on later than a text; turning them off
// doubles its hazard after 10 earlier messages (they are expected more often).
constexpr Coefficients kPush = {/*fatigue_messages=*/10.0,
                                /*act_delay_hours=*/0.5};

inline Send MakePush(const double* p) { return MakeSend(kPush, p); }

}  // namespace journeysim::channels::push
