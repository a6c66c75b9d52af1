// A wait racing the customer's own return (`race = [{ rate_per_day = 0.05,
// to = "shop" }]`): each entry is a Poisson clock, and whichever comes first,
// a return or the end of the wait, decides where the customer goes next.
//
// Competing exponential clocks with rates r_i (per day) run as one clock of
// rate R = sum r_i: the first return comes at T = -ln(1 - u_return) / R,
// and, if it comes first, it is entry i with probability r_i / R, chosen by
// u_which. So a race takes two uniforms however many entries it has, and for
// a wait of w hours P(a return first) = 1 - exp(-R w) exactly.
#pragma once

#include <cstdint>
#include <span>

#include "journeysim/diagnostics.h"
#include "steps/duration.h"

namespace journeysim {

struct RaceOutcome {
  bool returned = false;  // a return came before the wait ran out
  uint32_t race = 0;      // which entry returned, when one did
  double hours = 0;       // time spent in the wait: T if returned, else the wait
};

/// Which comes first for a wait of `wait_hours` (a draw of the wait, e.g.
/// sample_wait_hours) and returns at `rates_per_day`. `u_return`, `u_which`
/// are uniforms in [0, 1). A return at exactly the wait's end loses. Rates of
/// zero never win; with no positive rate the wait always does.
RaceOutcome race_wait(double wait_hours, std::span<const double> rates_per_day, double u_return,
                      double u_which) noexcept;

/// P(a return comes first) for a wait drawn from `wait`: exact for fixed
/// (1 - exp(-R w)), exponential (R m / (1 + R m)) and uniform waits; for a
/// lognormal wait, Simpson's rule over the normal's z in [-12, 12] (error
/// below 1e-10). For the engine's exact-chain tests and for reports.
double race_return_probability(const WaitDuration& wait, std::span<const double> rates_per_day) noexcept;

/// A race entry's rate_per_day, checked: zero or more (zero switches a return
/// off in a variant) and finite. Throws InputError at `where`.
double check_race_rate(double rate_per_day, const SourceLocation& where);

}  // namespace journeysim
