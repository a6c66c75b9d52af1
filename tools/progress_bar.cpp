#include "progress_bar.h"

#include <cstdio>
#include <exception>
#include <future>

namespace journeysim::cli {
namespace {

void draw(uint64_t done, uint64_t total, double seconds) {
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int width = 30;
  const int filled = static_cast<int>(fraction * width);
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
  std::fprintf(stderr, "\r[%.*s%*s] %5.1f%%  %llu/%llu agents  %.3g agents/s  %.0f s left ",
               filled, "##############################", width - filled, "", 100 * fraction,
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total),
               rate, left);
  std::fflush(stderr);
}

}  // namespace

void with_progress(uint64_t total, std::atomic<uint64_t>& done, bool enabled,
                   const std::function<void()>& work) {
  if (!enabled) {
    work();
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  auto result = std::async(std::launch::async, work);
  while (result.wait_for(std::chrono::milliseconds(200)) != std::future_status::ready) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    draw(done.load(std::memory_order_relaxed), total, elapsed.count());
  }
  std::fprintf(stderr, "\r%*s\r", 100, "");
  result.get();
}

}  // namespace journeysim::cli
