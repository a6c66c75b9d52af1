// SIGINT and SIGTERM: a run stops between blocks, writes nothing and exits
// 130 (SIGINT) or 143 (SIGTERM) with "journeysim: interrupted" — so an --out
// file holds the old results or the new ones, never half of either.
#pragma once

#include <atomic>

namespace journeysim::cli {

/// Exit code of an interrupted run: 128 + SIGINT (SIGTERM gives 143).
inline constexpr int kInterrupted = 130;

/// Installs the handlers (once, at start-up). Until a command asks for
/// cancel_flag(), a signal ends the process as it would by default: there
/// is nothing to clean up yet, and nothing would notice a flag.
void install_interrupt_handlers();

/// The flag to hand to RunOptions::cancel. From the first call on, the first
/// signal sets it (the engine stops at its next block and throws
/// Interrupted); a second signal ends the process at once.
const std::atomic<bool>* cancel_flag();

/// Throws Interrupted when a signal has arrived: called before writing any
/// output, so a signal during reporting also leaves the old file alone.
void throw_if_interrupted();

/// 128 + the number of the signal that arrived (130, 143), or 0.
int interrupt_exit_code();

}  // namespace journeysim::cli
