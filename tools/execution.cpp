#include "execution.h"

#include <string>
#include <vector>

#include "mpi_runtime.h"

namespace journeysim::cli {
namespace {

// The one command line of the process, like /proc/self/cmdline.
std::vector<std::string>& command_line() {
  static std::vector<std::string> arguments;
  return arguments;
}

}  // namespace

void remember_command_line(int argc, char** argv) { command_line().assign(argv, argv + argc); }

std::optional<Execution> execution_facts(const RunControl& control) {
  if (!control.manifest_execution) {
    return std::nullopt;
  }
  return Execution{resolve_threads(control.threads), mpi::size(), command_line()};
}

}  // namespace journeysim::cli
