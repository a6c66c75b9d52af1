// mpi_runtime.h on MPI. Only the main thread calls MPI (the engine's worker
// threads never do), so MPI_THREAD_FUNNELED is all that is asked for.
#include <mpi.h>

#include <climits>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "mpi_runtime.h"
#include "results_stdout.h"

namespace journeysim::cli::mpi {
namespace {

bool g_initialized = false;
bool g_stop_together = false;
int g_rank = 0;
int g_size = 1;

// Set by the launchers of OpenMPI (and PMIx), MPICH/Hydra and Slurm: a
// process started any other way is alone and skips MPI_Init, which as a
// "singleton" would be slow and might print warnings.
bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"}) {
    if (std::getenv(name) != nullptr) {
      return true;
    }
  }
  return false;
}

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) {
    throw std::runtime_error(std::string("MPI failure in ") + what);
  }
}

int checked_count(size_t n) {
  if (n > static_cast<size_t>(INT_MAX)) {
    throw std::runtime_error("message of " + std::to_string(n) + " bytes is too large for MPI");
  }
  return static_cast<int>(n);
}

}  // namespace

Session::Session(int& argc, char**& argv) {
  if (!launched_by_mpi()) {
    return;
  }
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  g_initialized = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
  // Errors come back as codes (turned into exceptions, then MPI_Abort)
  // rather than ending the process silently.
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
}

Session::~Session() {
  if (g_initialized) {
    MPI_Finalize();
  }
}

int Session::finish(int exit_code) {
  if (exit_code != 0 && g_initialized && g_size > 1) {
    if (!g_stop_together) {
      abort_job(exit_code);
    }
    // Rank 0 printed why and gives the job its exit code; the others leave
    // quietly, so mpirun does not end the job while rank 0 still writes.
    return g_rank == 0 ? exit_code : 0;
  }
  return exit_code;
}

void Session::stop_together() { g_stop_together = true; }

int rank() { return g_rank; }
int size() { return g_size; }

std::vector<int> all_gather(int flag) {
  std::vector<int> flags(static_cast<size_t>(g_size), flag);
  if (g_size > 1) {
    check(MPI_Allgather(&flag, 1, MPI_INT, flags.data(), 1, MPI_INT, MPI_COMM_WORLD),
          "MPI_Allgather");
  }
  return flags;
}

std::vector<std::string> gather_to_root(const std::string& bytes) {
  if (g_size == 1) {
    return {bytes};
  }
  int mine = checked_count(bytes.size());
  std::vector<int> sizes(static_cast<size_t>(g_size));
  check(MPI_Gather(&mine, 1, MPI_INT, sizes.data(), 1, MPI_INT, 0, MPI_COMM_WORLD), "MPI_Gather");
  std::vector<int> offsets(static_cast<size_t>(g_size));
  std::string all;
  if (g_rank == 0) {
    size_t total = 0;
    for (size_t r = 0; r < sizes.size(); ++r) {
      offsets[r] = checked_count(total);
      total += static_cast<size_t>(sizes[r]);
    }
    all.resize(static_cast<size_t>(checked_count(total)));
  }
  check(MPI_Gatherv(bytes.data(), mine, MPI_BYTE, all.data(), sizes.data(), offsets.data(),
                    MPI_BYTE, 0, MPI_COMM_WORLD),
        "MPI_Gatherv");
  std::vector<std::string> parts;
  if (g_rank == 0) {
    for (size_t r = 0; r < sizes.size(); ++r) {
      parts.push_back(all.substr(static_cast<size_t>(offsets[r]), static_cast<size_t>(sizes[r])));
    }
  }
  return parts;
}

std::string broadcast_from_root(const std::string& bytes) {
  if (g_size == 1) {
    return bytes;
  }
  int n = checked_count(bytes.size());
  check(MPI_Bcast(&n, 1, MPI_INT, 0, MPI_COMM_WORLD), "MPI_Bcast");
  std::string out = g_rank == 0 ? bytes : std::string(static_cast<size_t>(n), '\0');
  check(MPI_Bcast(out.data(), n, MPI_BYTE, 0, MPI_COMM_WORLD), "MPI_Bcast");
  return out;
}

void abort_job(int code) {
  results() << std::flush;
  std::cerr << std::flush;
  if (g_initialized && g_size > 1) {
    MPI_Abort(MPI_COMM_WORLD, code);
  }
  std::exit(code);
}

}  // namespace journeysim::cli::mpi
