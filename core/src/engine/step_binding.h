// Binding the parts of a journey that are not channels: each touchpoint's
// `on` routes checked against its channel's events, and every step turned
// into a ModelStep (durations in hours, conditions compiled against the
// journey's names, attributes typed across all `update` steps).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/model_steps.h"
#include "journeysim/diagnostics.h"
#include "journeysim/scenario.h"
#include "journeysim/simulation_model.h"
#include "steps/duration.h"

namespace journeysim {

/// The key of a node's random stream: a hash of its id (FNV-1a), so adding
/// a node never shifts the draws of another.
uint32_t node_stream_key(const std::string& id);

/// Cumulative normalised weights (last = 1 exactly).
std::vector<double> cumulative_weights(const std::vector<double>& weights);

/// A duration as written (`for`, `service`, `patience`) in hours, as drawn
/// by sample_wait_hours. Throws InputError at a bad duration.
WaitDuration wait_duration(const WaitTime& w);

/// Sets m.event_targets from tp.on (m bound to its channel). Appends a
/// diagnostic at the event's key for each event the channel does not have,
/// listing the channel's events (nearest suggested).
void bind_event_routes(const Touchpoint& tp, ModelTouchpoint& m,
                       std::vector<Diagnostic>& problems);

/// Every step of `scenario`, its touchpoints already bound (`touchpoints`).
/// Appends a diagnostic per problem: a bad duration, a condition that does
/// not compile, an attribute set to different types.
std::shared_ptr<const ModelSteps> bind_steps(const Scenario& scenario,
                                             const std::vector<ModelTouchpoint>& touchpoints,
                                             std::vector<Diagnostic>& problems);

}  // namespace journeysim
