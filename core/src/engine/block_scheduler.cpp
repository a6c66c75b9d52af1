#include "engine/block_scheduler.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "journeysim/engine.h"

namespace journeysim {

unsigned resolve_threads(unsigned requested) {
  return requested == 0 ? std::max(1u, std::thread::hardware_concurrency()) : requested;
}

unsigned worker_count(unsigned requested, uint64_t blocks) {
  const unsigned wanted = resolve_threads(requested);
  return static_cast<unsigned>(std::max<uint64_t>(1, std::min<uint64_t>(wanted, blocks)));
}

void for_each_block(uint64_t blocks, unsigned workers,
                    const std::function<void(unsigned worker, uint64_t block)>& work,
                    const std::atomic<bool>* cancel) {
  std::atomic<uint64_t> next_block{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::exception_ptr error;
  uint64_t error_block = UINT64_MAX;

  auto worker = [&](unsigned w) {
    while (!failed.load(std::memory_order_relaxed)) {
      if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
        failed = true;
        break;
      }
      const uint64_t b = next_block.fetch_add(1);
      if (b >= blocks) {
        break;
      }
      try {
        work(w, b);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (b < error_block) {
          error_block = b;
          error = std::current_exception();
        }
        failed = true;
      }
    }
  };
  if (workers <= 1) {
    worker(0);
  } else {
    std::vector<std::jthread> pool;
    for (unsigned w = 0; w < workers; ++w) {
      pool.emplace_back(worker, w);
    }
  }
  if (error) {
    std::rethrow_exception(error);
  }
  if (cancel != nullptr && cancel->load()) {
    throw Interrupted();
  }
}

}  // namespace journeysim
