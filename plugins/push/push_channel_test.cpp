// Tests of the `push` channel against plugins/push/README.md: the channel's
// name, defaults, coefficients and worked numbers, run through the tests
// every short-message channel passes (../common/short_message_channel_test.h).
#include <array>

namespace short_message_test {
constexpr const char* kChannel = "push";
constexpr std::array<double, 4> kDefaults = {0.80, 0.05, 12.0, 0.01};
constexpr double kFatigueMessages = 10.0;  // README: M
constexpr double kActMeanHours = 0.5;      // README: mean time to act
constexpr double kWorkedDay = 0.0396020;   // README worked example, 12:00
constexpr double kWorkedNight = 0.0232907;  // sent at 22:00
constexpr double kWorkedTwentyMessages = 0.0217954;
}  // namespace short_message_test

#define SHORT_MESSAGE_SUITE PushChannel
#include "../common/short_message_channel_test.h"
