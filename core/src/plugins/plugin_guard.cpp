// The plugin guard (journeysim/plugin_guard.h): per-thread marks of the
// plugin call in flight, the handlers that read them when plugin code
// crashes or ends the process, and the watchdog that ends calls that do not
// return. Everything on the path to _exit is async-signal-safe: atomics,
// fixed buffers, write(2), unlink(2).
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "journeysim/held_temporaries.h"
#include "journeysim/plugin_guard.h"
#include "plugins/plugin_call.h"

namespace journeysim {

struct PluginCallSlot {
  std::atomic<bool> taken{false};
  std::atomic<const char*> who{nullptr};  // null: not inside plugin code
  std::atomic<const char*> callback{nullptr};
  std::atomic<uint64_t> serial{0};  // one more per call: tells calls apart
};

namespace {

using Clock = std::chrono::steady_clock;

// Threads that call plugins at once; a thread beyond them runs unwatched.
constexpr int kSlots = 1024;
std::array<PluginCallSlot, kSlots> g_slots;
std::atomic<int> g_slots_used{0};  // the watchdog looks at [0, used)

// Enough for the handler's few hundred bytes of frame, even after a plugin
// overflowed the thread's own stack.
constexpr size_t kAltStackBytes = 64 * 1024;

void on_thread_end_in_plugin_code(const PluginCallSlot& slot);

// A thread's slot, released (and its alternate signal stack with it) when
// the thread ends: the engine makes worker threads per run. A thread that
// ends while inside plugin code was ended by it: exit() destroys the calling
// thread's thread_locals before any atexit handler runs, and pthread_exit
// ends just the thread — either way, here is where it is seen.
struct SlotOwner {
  PluginCallSlot* slot = nullptr;
  void* alt_stack = nullptr;
  ~SlotOwner() {
    if (slot != nullptr && slot->who.load(std::memory_order_acquire) != nullptr) {
      on_thread_end_in_plugin_code(*slot);
    }
    if (alt_stack != nullptr) {
      stack_t off{};
      off.ss_flags = SS_DISABLE;
      ::sigaltstack(&off, nullptr);
      std::free(alt_stack);
    }
    if (slot != nullptr) {
      slot->who.store(nullptr, std::memory_order_release);
      slot->taken.store(false, std::memory_order_release);
    }
  }
};
// Plain pointers are read by the handlers; the owner only releases.
thread_local PluginCallSlot* t_slot = nullptr;
thread_local bool t_unwatched = false;
thread_local SlotOwner t_owner;

// A stack for the fatal-signal handler unless the thread has one (a
// sanitizer's, say): a plugin recursing without end must still be named.
void give_thread_an_alternate_stack() {
  stack_t current{};
  if (::sigaltstack(nullptr, &current) != 0 || (current.ss_flags & SS_DISABLE) == 0) {
    return;
  }
  void* memory = std::malloc(kAltStackBytes);
  stack_t stack{};
  stack.ss_sp = memory;
  stack.ss_size = kAltStackBytes;
  if (memory != nullptr && ::sigaltstack(&stack, nullptr) == 0) {
    t_owner.alt_stack = memory;
  } else {
    std::free(memory);
  }
}

PluginCallSlot* claim_slot() {
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (g_slots[i].taken.compare_exchange_strong(expected, true)) {
      int used = g_slots_used.load();
      while (used < i + 1 && !g_slots_used.compare_exchange_weak(used, i + 1)) {
      }
      t_owner.slot = &g_slots[i];
      give_thread_an_alternate_stack();
      return &g_slots[i];
    }
  }
  t_unwatched = true;
  return nullptr;
}

// ---- the options, readable from handlers and the watchdog

std::atomic<int64_t> g_timeout_ms{60000};
std::atomic<int> g_crash_code{3};
std::atomic<int> g_timeout_code{4};
std::atomic<int> g_report_fd{-1};
std::atomic<bool (*)()> g_interrupted{nullptr};
std::atomic<int (*)()> g_interrupt_code{nullptr};
static_assert(std::atomic<int64_t>::is_always_lock_free);
static_assert(std::atomic<const char*>::is_always_lock_free);
// "60 s", formatted at install: a handler does not format doubles.
char g_timeout_text[32] = "60 s";

// ---- one line on stderr, built without allocating

class Line {
 public:
  Line& operator<<(const char* text) {
    while (text != nullptr && *text != '\0' && size_ + 1 < sizeof buffer_) {
      buffer_[size_++] = *text++;
    }
    return *this;
  }
  Line& operator<<(int value) {
    char digits[16];
    int n = 0;
    unsigned v = value < 0 ? 0u - static_cast<unsigned>(value) : static_cast<unsigned>(value);
    do {
      digits[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0 && n < 15);
    if (value < 0) {
      *this << "-";
    }
    while (n > 0 && size_ + 1 < sizeof buffer_) {
      buffer_[size_++] = digits[--n];
    }
    return *this;
  }
  const char* text() const { return buffer_; }  // always terminated
  void write_to(int fd) const {
    size_t done = 0;
    while (done < size_) {
      const ssize_t n = ::write(fd, buffer_ + done, size_ - done);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return;
      }
      done += static_cast<size_t>(n);
    }
  }

 private:
  char buffer_[4096] = {};
  size_t size_ = 0;
};

std::atomic<bool> g_ending{false};

// The one way out once plugin code took the process down: `what` (who and
// what happened) and `tail` on stderr, `what` alone to plugin-test's parent,
// no temporaries left, _exit(code).
[[noreturn]] void end_process(const Line& what, const char* tail, int code,
                              const char* first_line = nullptr) {
  if (first_line != nullptr) {
    Line first;
    first << first_line << "\n";
    first.write_to(STDERR_FILENO);
  }
  Line line = what;
  line << tail << "\n";
  line.write_to(STDERR_FILENO);
  if (const int fd = g_report_fd.load(); fd >= 0) {
    Line record;
    record << "fatal\t";
    record.write_to(fd);
    Line body = what;
    body << "\n";
    body.write_to(fd);
  }
  remove_held_temporaries();
  ::_exit(code);
}

// Only one thread reports; any other that gets here waits for the _exit.
void claim_the_ending() {
  if (g_ending.exchange(true)) {
    for (;;) {
      ::pause();
    }
  }
}

// "; journeysim stopped (exit 3) and left no output half-written", made
// when the codes are set: a handler does not format.
char g_crash_tail[96] = "";
char g_timeout_tail[96] = "";

void set_tail(char (&tail)[96], int code) {
  std::snprintf(tail, sizeof tail,
                "; journeysim stopped (exit %d) and left no output half-written", code);
}

// ---- crashes

constexpr std::array<int, 6> kFatalSignals = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};
struct sigaction g_previous[NSIG];
bool g_handlers_installed = false;

const char* signal_text(int signal) {
  switch (signal) {
    case SIGSEGV: return "SIGSEGV (invalid memory access)";
    case SIGBUS: return "SIGBUS (bus error: a bad or truncated memory mapping)";
    case SIGFPE: return "SIGFPE (arithmetic fault, such as an integer division by zero)";
    case SIGILL: return "SIGILL (illegal instruction)";
    case SIGABRT: return "SIGABRT (aborted: abort(), a failed assert or std::terminate)";
    case SIGTRAP: return "SIGTRAP (trap)";
    default: return "a fatal signal";
  }
}

extern "C" void on_fatal_signal(int signal, siginfo_t* info, void* /*context*/) {
  const char* who = t_slot != nullptr ? t_slot->who.load(std::memory_order_acquire) : nullptr;
  if (who == nullptr) {
    // Not inside plugin code: journeysim's own fault, left to whatever would
    // have handled it (the default: a core dump; a sanitizer's report).
    ::sigaction(signal, &g_previous[signal], nullptr);
    if (info == nullptr || info->si_code <= 0) {
      ::raise(signal);  // sent, not caused: send it again
    }
    return;  // a fault: the instruction faults again, under the old action
  }
  claim_the_ending();
  Line line;
  line << who << " crashed in " << t_slot->callback.load() << ": " << signal_text(signal);
  end_process(line, g_crash_tail, g_crash_code.load());
}

// ---- exit(), quick_exit() and pthread_exit() from plugin code

[[noreturn]] void report_end_in_plugin_code(const PluginCallSlot& slot) {
  claim_the_ending();
  Line line;
  line << slot.who.load() << " ended the process or its thread (exit, quick_exit or "
       << "pthread_exit) in " << slot.callback.load() << "; a plugin must return from its calls";
  end_process(line, g_crash_tail, g_crash_code.load());
}

void on_thread_end_in_plugin_code(const PluginCallSlot& slot) { report_end_in_plugin_code(slot); }

// quick_exit runs no thread_local destructors: its handlers see the mark.
extern "C" void on_process_exit() {
  if (t_slot != nullptr && t_slot->who.load(std::memory_order_acquire) != nullptr) {
    report_end_in_plugin_code(*t_slot);
  }
}

// ---- the watchdog

Clock::duration poll_period(int64_t timeout_ms) {
  const int64_t ms = timeout_ms > 0 ? std::clamp<int64_t>(timeout_ms / 10, 10, 100) : 100;
  return std::chrono::milliseconds(ms);
}

// What the watchdog knows of each slot's call: its serial, and when the
// watchdog first saw it in flight.
struct Sighting {
  bool in_flight = false;
  uint64_t serial = 0;
  Clock::time_point since;
};

[[noreturn]] void watch() {
  std::vector<Sighting> seen(kSlots);
  bool stop_asked = false;
  Clock::time_point asked_at;
  for (;;) {
    const int64_t timeout_ms = g_timeout_ms.load();
    std::this_thread::sleep_for(poll_period(timeout_ms));
    const Clock::time_point now = Clock::now();
    bool (*interrupted)() = g_interrupted.load();
    if (!stop_asked && interrupted != nullptr && interrupted()) {
      stop_asked = true;
      asked_at = now;
    }
    const int used = g_slots_used.load();
    for (int i = 0; i < used; ++i) {
      const PluginCallSlot& slot = g_slots[i];
      const uint64_t serial = slot.serial.load(std::memory_order_acquire);
      const char* who = slot.who.load(std::memory_order_acquire);
      Sighting& s = seen[static_cast<size_t>(i)];
      if (who == nullptr) {
        s.in_flight = false;
        continue;
      }
      if (!s.in_flight || s.serial != serial) {
        s = Sighting{true, serial, now};
        continue;
      }
      const auto running = now - s.since;
      if (timeout_ms > 0 && running >= std::chrono::milliseconds(timeout_ms)) {
        claim_the_ending();
        Line line;
        line << who << " did not return from " << slot.callback.load() << " within "
             << g_timeout_text << " (--plugin-timeout)";
        end_process(line, g_timeout_tail, g_timeout_code.load());
      }
      const auto grace = std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(kInterruptGraceSeconds));
      if (stop_asked && now - std::max(s.since, asked_at) >= grace) {
        claim_the_ending();
        int (*exit_code)() = g_interrupt_code.load();
        const int code = exit_code != nullptr ? exit_code() : 130;
        Line line;
        line << who << " had not returned from " << slot.callback.load() << " "
             << static_cast<int>(kInterruptGraceSeconds) << " s after the interrupt";
        Line tail;
        tail << "; journeysim stopped (exit " << code
             << ") without waiting for it and left no output half-written";
        end_process(line, tail.text(), code, "journeysim: interrupted");
      }
    }
  }
}

pid_t g_watchdog_pid = 0;  // the process whose watchdog runs (fork copies this)

}  // namespace

PluginCall::PluginCall(const char* who, const char* callback) noexcept : slot_(t_slot) {
  if (slot_ == nullptr) {
    if (t_unwatched) {
      return;
    }
    slot_ = t_slot = claim_slot();
    if (slot_ == nullptr) {
      return;
    }
  }
  outer_who_ = slot_->who.load(std::memory_order_relaxed);
  outer_callback_ = slot_->callback.load(std::memory_order_relaxed);
  slot_->callback.store(callback, std::memory_order_relaxed);
  slot_->serial.store(slot_->serial.load(std::memory_order_relaxed) + 1,
                      std::memory_order_relaxed);
  slot_->who.store(who, std::memory_order_release);
}

PluginCall::~PluginCall() {
  if (slot_ != nullptr) {
    slot_->callback.store(outer_callback_, std::memory_order_relaxed);
    slot_->who.store(outer_who_, std::memory_order_release);
  }
}

void install_plugin_guard(const PluginGuardOptions& options) {
  const double seconds = std::isfinite(options.timeout_seconds) && options.timeout_seconds > 0
                             ? options.timeout_seconds : 0.0;
  g_timeout_ms.store(static_cast<int64_t>(std::ceil(seconds * 1000.0)));
  std::snprintf(g_timeout_text, sizeof g_timeout_text, "%g s", seconds);
  g_crash_code.store(options.crash_exit_code);
  g_timeout_code.store(options.timeout_exit_code);
  set_tail(g_crash_tail, options.crash_exit_code);
  set_tail(g_timeout_tail, options.timeout_exit_code);
  g_report_fd.store(options.report_fd);
  g_interrupted.store(options.interrupted);
  g_interrupt_code.store(options.interrupt_exit_code);
  if (!g_handlers_installed) {
    g_handlers_installed = true;
    struct sigaction action {};
    action.sa_sigaction = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    for (const int signal : kFatalSignals) {
      ::sigaction(signal, &action, &g_previous[signal]);
    }
    std::atexit(on_process_exit);
    std::at_quick_exit(on_process_exit);
  }
  if (g_watchdog_pid != ::getpid()) {
    g_watchdog_pid = ::getpid();
    std::thread(watch).detach();
  }
}

}  // namespace journeysim
