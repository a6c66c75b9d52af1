// journeysim: test a customer journey before it goes live.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli_common.h"
#include "command_line.h"
#include "execution.h"
#include "interrupt.h"
#include "journeysim/engine.h"
#include "mpi_runtime.h"
#include "plugin_isolation.h"
#include "results_stdout.h"

namespace {

// Every byte meant for stdout must have gone out: a full disk or a reader
// that closed the pipe is a failure (exit 2 with the reason), never exit 0.
// The stream's error flags are sticky, so a failure of any earlier write
// (std::cout or printf) is seen here too.
// Once a command runs, results go through results() (results_stdout.h) and
// fd 1 is stderr; before (help, a parse error), through stdio.
int checked_stdout(int code) {
  using namespace journeysim::cli;
  errno = 0;
  bool failed = false;
  if (stdout_reserved()) {
    failed = !results().flush() || results_error() != 0;
  } else {
    std::cout.flush();
    failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout;
  }
  if (!failed) {
    return code;
  }
  const int error = results_error() != 0 ? results_error() : errno;
  std::cerr << "journeysim: error: cannot write to stdout"
            << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
  return code == journeysim::cli::kOk ? journeysim::cli::kBadInput : code;
}

int run_command_line(int argc, char** argv) {
  using namespace journeysim::cli;
  // A reader that goes away (`journeysim run s | head -c1`) makes writes
  // fail with EPIPE, reported by checked_stdout, instead of killing us
  // silently with SIGPIPE (exit 141, which scripts often take for success).
  std::signal(SIGPIPE, SIG_IGN);
  remember_command_line(argc, argv);
  const ParsedCommandLine parsed = parse_command_line(argc, argv);
  if (!parsed.action) {
    // --help and --version exit 0; every other parse error is bad input.
    return parsed.parse_exit_code == 0 ? kOk : kBadInput;
  }
  install_interrupt_handlers();
  // From here on plugin code may run: stdout is kept for results, and a
  // plugin that crashes, exits or hangs is named (docs/reliability.md).
  isolate_from_plugins(parsed.plugin_timeout_seconds);
  try {
    const int code = parsed.action();
    // A signal after the last output was written: the new results are
    // complete, but the run was still asked to stop.
    if (interrupt_exit_code() != 0) {
      std::cerr << "journeysim: interrupted\n";
      return interrupt_exit_code();
    }
    return code;
  } catch (const journeysim::Interrupted&) {
    std::cerr << "journeysim: interrupted\n";
    return interrupt_exit_code() != 0 ? interrupt_exit_code() : kInterrupted;
  } catch (const journeysim::InputError& e) {
    print_errors(e);
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "journeysim: error: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Joins the MPI job when started by mpirun (a no-op otherwise). A rank
  // that fails ends the whole job (see Session::finish), so none is left
  // waiting for it.
  journeysim::cli::mpi::Session mpi_session(argc, argv);
  return mpi_session.finish(checked_stdout(run_command_line(argc, argv)));
}
