// How a journeysim command protects itself from the plugins it loads: stdout
// reserved for results (results_stdout.h), and the plugin guard
// (journeysim/plugin_guard.h) with the CLI's exit codes, --plugin-timeout and
// the interrupt handlers' state.
#pragma once

namespace journeysim::cli {

/// --plugin-timeout when not given: a minute per call is far beyond any
/// honest batch (thousands of agents), and short enough for CI to notice.
inline constexpr double kDefaultPluginTimeoutSeconds = 60.0;

/// Called by main once the command line is parsed, before the command runs.
void isolate_from_plugins(double plugin_timeout_seconds);

}  // namespace journeysim::cli
