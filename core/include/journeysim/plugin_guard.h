// What happens when plugin code takes the process down instead of returning:
// it crashes (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP), ends the
// process (exit, quick_exit), or does not return within a time limit. The
// host marks each thread while it is inside plugin code (which plugin, which
// touchpoint, which callback); once the guard is installed, such an event
// prints one line naming them on stderr, removes the temporaries of outputs
// not yet committed (held_temporaries.h) and ends the process with a
// documented exit code. docs/reliability.md, "Plugins that take the process
// down", lists what was tried.
#pragma once

namespace journeysim {

struct PluginGuardOptions {
  /// Longest a single plugin call (configure, interact, destroy, loading)
  /// may take, in seconds; 0 = no limit.
  double timeout_seconds = 60.0;
  /// Exit code after a crash or an exit inside plugin code.
  int crash_exit_code = 3;
  /// Exit code after a call ran past timeout_seconds.
  int timeout_exit_code = 4;
  /// When set: true once the user asked the process to stop (SIGINT,
  /// SIGTERM), with the exit code that asks for. A plugin call still in
  /// progress kInterruptGraceSeconds after that ends the process with it,
  /// so a plugin that never returns cannot keep a signalled run alive.
  bool (*interrupted)() = nullptr;
  int (*interrupt_exit_code)() = nullptr;
  /// When >= 0, also write "fatal\t<message>\n" here (plugin-test's child
  /// process reports to its parent this way).
  int report_fd = -1;
};

/// How long a plugin call may go on after a SIGINT/SIGTERM before the process
/// ends without waiting for it.
inline constexpr double kInterruptGraceSeconds = 2.0;

/// Installs the signal handlers and the exit hook, and starts the watchdog
/// thread (in this process: a forked child calls it again). Calling it again
/// replaces the options.
void install_plugin_guard(const PluginGuardOptions& options);

}  // namespace journeysim
