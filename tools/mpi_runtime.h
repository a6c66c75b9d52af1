// The MPI layer of the command line: the only code that talks to MPI
// (mpi_runtime.cpp), with a single-process stand-in when journeysim is
// built without MPI (mpi_runtime_single.cpp). The engine never sees it.
#pragma once

#include <string>
#include <vector>

namespace journeysim::cli::mpi {

/// Initialises MPI when this process was started by mpirun/mpiexec and
/// finalises it on destruction; otherwise does nothing, and the process is
/// rank 0 of 1 (so a plain `journeysim run` never touches MPI).
class Session {
 public:
  Session(int& argc, char**& argv);
  ~Session();
  /// Returns `exit_code`. When it is not 0 and other processes share the
  /// job, ends the whole job with it (MPI_Abort) instead: they may be
  /// waiting for this one in a collective call and would wait forever, and
  /// MPI_Finalize itself waits for every process.
  int finish(int exit_code);
  /// Every rank has agreed to stop with the same exit code, and rank 0 has
  /// said why: finish() then finalises normally instead of aborting, and
  /// only rank 0 exits non-zero.
  static void stop_together();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
};

/// This process's rank and the number of processes (0 and 1 when alone).
int rank();
int size();
inline bool is_root() { return rank() == 0; }

/// Collective: every rank's flag, indexed by rank.
std::vector<int> all_gather(int flag);

/// Collective: rank 0 gets every rank's bytes (its own included), indexed
/// by rank; other ranks get an empty vector.
std::vector<std::string> gather_to_root(const std::string& bytes);

/// Collective: every rank gets rank 0's bytes.
std::string broadcast_from_root(const std::string& bytes);

/// Ends every process of the job with `code` (exits when alone).
[[noreturn]] void abort_job(int code);

}  // namespace journeysim::cli::mpi
