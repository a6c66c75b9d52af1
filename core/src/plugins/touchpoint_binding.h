// Binding one touchpoint of a scenario to its channel: the plugin found in
// the catalog, the touchpoint's params checked against what the channel
// declares, and a configured instance. The host owns this because every
// rule it applies is the plugin contract's; the simulation model only
// gathers the results.
#pragma once

#include <vector>

#include "journeysim/diagnostics.h"
#include "journeysim/plugin_host.h"
#include "journeysim/scenario.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

/// Sets m.events and m.success_reason_limit from `channel`, which m must
/// keep alive (through m.channel).
void bind_events(const Channel& channel, ModelTouchpoint& m);

/// Binds `tp` (of `scenario`) to its channel: sets m.params, m.personas,
/// m.uniforms, m.reason_count, the events (bind_events) and m.channel, configured with m's edge
/// weights (already set). Returns the channel, or null after appending to
/// `problems` a diagnostic for each unknown channel, unknown param, param
/// of the wrong type or out of range, or param the plugin rejects.
ChannelPtr bind_touchpoint(const Scenario& scenario, const Touchpoint& tp,
                           const PluginCatalog& catalog, ModelTouchpoint& m,
                           std::vector<Diagnostic>& problems);

}  // namespace journeysim
