// journeysim: test a customer journey before it goes live.
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "execution.h"
#include "interrupt.h"
#include "journeysim/engine.h"
#include "journeysim/run_report.h"
#include "mpi_runtime.h"

namespace {

int run_command_line(int argc, char** argv) {
  using namespace journeysim::cli;
  remember_command_line(argc, argv);
  CLI::App app{"journeysim — simulate customer journeys through channel plugins"};
  app.set_version_flag("--version,-V", journeysim::journeysim_version());
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok; 1 a threshold or regression failed; 2 bad input (scenario, "
      "options, plugin); 130/143 interrupted (SIGINT/SIGTERM).\n"
      "Run `journeysim <command> --help` for a command's options.");
  std::function<int()> action;
  add_run_command(app, action);
  add_validate_command(app, action);
  add_plugins_command(app, action);
  add_compare_command(app, action);
  add_sweep_command(app, action);
  add_plugin_test_command(app, action);
  add_check_command(app, action);
  add_calibrate_command(app, action);
  add_validate_fit_command(app, action);
  add_attribute_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every other parse error is bad input.
    const int code = app.exit(e);
    return code == 0 ? kOk : kBadInput;
  }
  install_interrupt_handlers();
  try {
    const int code = action();
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
