// The temporary files of outputs still being written, kept where a process
// that is about to die can find them: a plugin that crashes, calls exit or
// runs past its time limit ends journeysim with _exit from a signal handler
// or a watchdog, where nothing may allocate or unwind. Removing these files
// there leaves no half-written output behind (the next write to a target
// would also remove them: output_path.h's remove_stale_temporaries).
#pragma once

namespace journeysim {

/// Remembers `path` (copied) until release_temporary(returned slot). Returns
/// -1 when every slot is taken (then only the next write's clean-up removes
/// the file after a crash). Thread-safe.
int hold_temporary(const char* path) noexcept;

/// Forgets the temporary held in `slot` (-1 is ignored).
void release_temporary(int slot) noexcept;

/// Unlinks every held temporary. Async-signal-safe: only atomics and
/// unlink(2).
void remove_held_temporaries() noexcept;

}  // namespace journeysim
