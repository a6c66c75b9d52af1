#include "plugin_isolation.h"

#include "cli_common.h"
#include "interrupt.h"
#include "journeysim/plugin_guard.h"
#include "results_stdout.h"

namespace journeysim::cli {

void isolate_from_plugins(double plugin_timeout_seconds) {
  reserve_stdout_for_results();
  PluginGuardOptions guard;
  guard.timeout_seconds = plugin_timeout_seconds;
  guard.crash_exit_code = kPluginCrashed;
  guard.timeout_exit_code = kPluginTimedOut;
  guard.interrupted = [] { return interrupt_exit_code() != 0; };
  guard.interrupt_exit_code = interrupt_exit_code;
  install_plugin_guard(guard);
}

}  // namespace journeysim::cli
