#include "interrupt.h"

#include <csignal>

#include "journeysim/engine.h"
#include "journeysim/held_temporaries.h"

namespace journeysim::cli {
namespace {

// Only lock-free atomics and sig_atomic_t are touched from the handler.
static_assert(std::atomic<bool>::is_always_lock_free);
std::atomic<bool> g_cancel{false};
std::atomic<bool> g_watched{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_signal(int signal) {
  if (!g_watched.load() || g_signal != 0) {
    // Nothing watches the flag yet, or the user asked twice: end now, the
    // way the signal would have without a handler, leaving no temporary of
    // an output in progress behind.
    remove_held_temporaries();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return;
  }
  g_signal = signal;
  g_cancel.store(true);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and waits in progress carry on
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<bool>* cancel_flag() {
  g_watched.store(true);
  return &g_cancel;
}

void throw_if_interrupted() {
  if (g_cancel.load()) {
    throw Interrupted();
  }
}

int interrupt_exit_code() { return g_signal == 0 ? 0 : 128 + g_signal; }

}  // namespace journeysim::cli
