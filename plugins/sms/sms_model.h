// The `sms` channel: a text message with a call to act. Its equations are the
// short-message model (plugins/common/short_message_model.h), stated in
// README.md beside this file; this header holds what is particular to a text.
#pragma once

#include "../common/short_message_model.h"

namespace journeysim::channels::sms {

using namespace journeysim::channels::short_message;

// A text is read within minutes; opting out (reply STOP) doubles its hazard
// after 5 earlier messages.
constexpr Coefficients kSms = {/*fatigue_messages=*/5.0,
                               /*act_delay_hours=*/0.25};

inline Send MakeSms(const double* p) { return MakeSend(kSms, p); }

}  // namespace journeysim::channels::sms
