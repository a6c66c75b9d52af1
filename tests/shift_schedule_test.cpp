// A resource's shifts (engine/shift_schedule.h) and a queue that follows
// them: who is at work when, and when a caller is first answered.
#include "engine/shift_schedule.h"

#include <gtest/gtest.h>

#include "engine/resource_queue.h"

namespace journeysim {
namespace {

// Weekdays 08:00-20:00 with two people, Saturday 09:00-13:00 with one; the
// journey starts Monday 2027-01-04 00:00 UTC, on UTC.
ShiftSchedule week() {
  Resource::Shift weekdays;
  weekdays.when.open_minute = 8 * 60;
  weekdays.when.close_minute = 20 * 60;
  weekdays.when.days = {true, true, true, true, true, false, false};
  weekdays.capacity = 2;
  Resource::Shift saturday;
  saturday.when.open_minute = 9 * 60;
  saturday.when.close_minute = 13 * 60;
  saturday.when.days = {false, false, false, false, false, true, false};
  saturday.capacity = 1;
  return ShiftSchedule({weekdays, saturday}, 2, kDefaultStartUtc, calendar::fixed_offset_zone(0));
}

constexpr double kDay = 24.0;

TEST(ShiftSchedule, AServerAtWorkIsAtWorkNow) {
  EXPECT_DOUBLE_EQ(week().next_on(0, 10.0), 10.0);  // Monday 10:00
  EXPECT_DOUBLE_EQ(week().next_on(1, 10.0), 10.0);
}

TEST(ShiftSchedule, BeforeTheShiftTheFirstAnswerIsAtItsStart) {
  EXPECT_DOUBLE_EQ(week().next_on(0, 7.5), 8.0);  // Monday 07:30 -> 08:00
}

TEST(ShiftSchedule, OnSaturdayOnlyTheFirstServerWorksAndTheSecondWaitsForMonday) {
  const double saturday_noon = 5 * kDay + 12.0;
  EXPECT_DOUBLE_EQ(week().next_on(0, saturday_noon), saturday_noon);
  EXPECT_DOUBLE_EQ(week().next_on(1, saturday_noon), 7 * kDay + 8.0);  // next Monday 08:00
  EXPECT_DOUBLE_EQ(week().next_on(0, 5 * kDay + 13.5), 7 * kDay + 8.0);
}

TEST(ShiftSchedule, AWeekHoldsTheShiftsServerHours) {
  // Added minute by minute: exact to rounding.
  EXPECT_NEAR(week().open_hours(0.0, 7 * kDay), 5 * 12 * 2 + 4 * 1, 1e-9);
}

TEST(ShiftSchedule, AQueueAnswersACallerAtSevenThirtyAtEight) {
  ResourceQueue queue(2, 0.0, 1.0, 0, std::make_shared<ShiftSchedule>(week()));
  EXPECT_DOUBLE_EQ(queue.wait_at(7.5), 0.5);
  queue.served(7.5, 0.5, 1.0);  // server 0 until 09:00
  EXPECT_DOUBLE_EQ(queue.wait_at(7.75), 0.25);  // server 1 at 08:00
  queue.served(7.75, 0.25, 1.0);
  EXPECT_DOUBLE_EQ(queue.wait_at(8.5), 0.5);  // both busy until 09:00
}

}  // namespace
}  // namespace journeysim
