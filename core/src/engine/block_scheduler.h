// Spreads numbered blocks of work over worker threads. Which worker takes
// which block varies from run to run, so callers must combine per-block
// results in an order-free way (integer tallies do).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

namespace journeysim {

/// Worker threads for `blocks` blocks when `requested` were asked for
/// (0 = one per core); never more than there are blocks, at least one.
unsigned worker_count(unsigned requested, uint64_t blocks);

/// Calls work(worker, block) for every block in [0, blocks), each exactly
/// once, on `workers` threads. Stops early when `cancel` becomes true (then
/// throws Interrupted) or when a block throws (then rethrows the exception
/// of the lowest-numbered failing block, so the message does not depend on
/// thread timing).
void for_each_block(uint64_t blocks, unsigned workers,
                    const std::function<void(unsigned worker, uint64_t block)>& work,
                    const std::atomic<bool>* cancel = nullptr);

}  // namespace journeysim
