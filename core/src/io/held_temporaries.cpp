#include "journeysim/held_temporaries.h"

#include <unistd.h>

#include <array>
#include <atomic>
#include <climits>
#include <cstring>

namespace journeysim {
namespace {

// Outputs written at once by one command: --out, --report, --events, a few
// baselines. A command writing more holds the first 64; the rest fall back to
// the stale-temporary clean-up of the next write.
constexpr int kSlots = 64;

enum State : int { kFree = 0, kFilling = 1, kHeld = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX] = {};
};
static_assert(std::atomic<int>::is_always_lock_free);

std::array<Slot, kSlots> g_slots;

}  // namespace

int hold_temporary(const char* path) noexcept {
  if (path == nullptr || std::strlen(path) >= PATH_MAX) {
    return -1;
  }
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (g_slots[i].state.compare_exchange_strong(expected, kFilling)) {
      std::strcpy(g_slots[i].path, path);
      // Published only once the path is whole: a handler never unlinks half
      // a name.
      g_slots[i].state.store(kHeld, std::memory_order_release);
      return i;
    }
  }
  return -1;
}

void release_temporary(int slot) noexcept {
  if (slot >= 0 && slot < kSlots) {
    g_slots[slot].state.store(kFree, std::memory_order_release);
  }
}

void remove_held_temporaries() noexcept {
  for (Slot& slot : g_slots) {
    if (slot.state.load(std::memory_order_acquire) == kHeld) {
      ::unlink(slot.path);
    }
  }
}

}  // namespace journeysim
