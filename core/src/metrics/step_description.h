// A step in words, for every report that shows steps: what a wait waits
// for, a split's branches with their conditions as written, an experiment's
// arms with their weights, what an update sets, why an exit ends the
// journey — and each route with the label its edge is drawn with.
#pragma once

#include <string>
#include <vector>

#include "journeysim/run_report.h"
#include "journeysim/scenario.h"

namespace journeysim {

struct StepDescription {
  std::string text;                // "2d → reminder, or returns on their own at 5 %/day → shop"
  std::vector<StepRoute> routes;   // next edges, branches, arms, then races
  std::string lead;  // waits: the duration; updates: "sets coupon = true"
};

StepDescription describe_step(const Step& step);

/// A wait's duration as written: "2d", "lognormal median 4h, p90 12h",
/// "exponential mean 6h".
std::string wait_duration_text(const WaitTime& wait);

}  // namespace journeysim
