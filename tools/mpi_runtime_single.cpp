// mpi_runtime.h for builds without MPI: always one process.
#include <cstdlib>

#include "mpi_runtime.h"

namespace journeysim::cli::mpi {

Session::Session(int& /*argc*/, char**& /*argv*/) {}
Session::~Session() = default;
int Session::finish(int exit_code) { return exit_code; }
void Session::stop_together() {}

int rank() { return 0; }
int size() { return 1; }

std::vector<int> all_gather(int flag) { return {flag}; }
std::vector<std::string> gather_to_root(const std::string& bytes) { return {bytes}; }
std::string broadcast_from_root(const std::string& bytes) { return bytes; }

void abort_job(int code) { std::exit(code); }

}  // namespace journeysim::cli::mpi
