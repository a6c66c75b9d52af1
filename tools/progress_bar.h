// A progress line on stderr for long runs: agents done, rate, time left.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

namespace journeysim::cli {

/// Runs `work` on a worker thread while redrawing a progress line from
/// `done` every 200 ms; rethrows whatever `work` throws.
void with_progress(uint64_t total, std::atomic<uint64_t>& done, bool enabled,
                   const std::function<void()>& work);

}  // namespace journeysim::cli
