// Tests of the `sms` channel against plugins/sms/README.md: the channel's
// name, defaults, coefficients and worked numbers, run through the tests
// every short-message channel passes (../common/short_message_channel_test.h).
#include <array>

namespace short_message_test {
constexpr const char* kChannel = "sms";
constexpr std::array<double, 4> kDefaults = {0.97, 0.10, 12.0, 0.005};
constexpr double kFatigueMessages = 5.0;   // README: M
constexpr double kActMeanHours = 0.25;     // README: mean time to act
constexpr double kWorkedDay = 0.0965162;   // README worked example, 12:00
constexpr double kWorkedNight = 0.0573335;  // sent at 22:00
constexpr double kWorkedTwentyMessages = 0.0543736;
}  // namespace short_message_test

#define SHORT_MESSAGE_SUITE SmsChannel
#include "../common/short_message_channel_test.h"
