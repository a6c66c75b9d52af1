// journeysim: test a customer journey before it goes live.
#include <iostream>

#include "cli_common.h"
#include "command_line.h"
#include "execution.h"
#include "interrupt.h"
#include "journeysim/engine.h"
#include "mpi_runtime.h"

namespace {

int run_command_line(int argc, char** argv) {
  using namespace journeysim::cli;
  remember_command_line(argc, argv);
  const ParsedCommandLine parsed = parse_command_line(argc, argv);
  if (!parsed.action) {
    // --help and --version exit 0; every other parse error is bad input.
    return parsed.parse_exit_code == 0 ? kOk : kBadInput;
  }
  install_interrupt_handlers();
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
  return mpi_session.finish(run_command_line(argc, argv));
}
