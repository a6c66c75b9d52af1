// Commands spread over the processes of an MPI job (mpirun -n N journeysim
// run|sweep|compare ...): every rank loads and checks the same inputs, runs
// its share of the agents, and rank 0 merges the tallies and reports. Alone
// (not started by mpirun, or built without MPI) these are the single-process
// steps.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>

#include "cli_common.h"
#include "journeysim/engine.h"
#include "journeysim/simulation_model.h"

namespace journeysim::cli {

/// Runs `load` on every rank and agrees on the outcome, so that no rank is
/// left waiting for one that failed. When any rank fails, rank 0 prints
/// every failing rank's diagnostics (a rank's that repeat rank 0's only
/// once) and every rank gets nullptr. Alone, errors are rethrown unchanged.
std::unique_ptr<SimulationModel> load_on_every_rank(
    const std::function<std::unique_ptr<SimulationModel>()>& load);

/// False (with a message naming the rank and what differs) unless every rank
/// has the same scenario, plugin versions, seed and agent count: a node with
/// another plugin build would otherwise change the results silently.
bool same_on_every_rank(const SimulationModel& model, const RunOptions& options);

/// Thrown on every rank once the ranks agreed to stop (what went wrong is
/// already printed): the command returns kBadInput.
class JobStopped : public std::runtime_error {
 public:
  JobStopped() : std::runtime_error("the MPI job stopped") {}
};

/// Where the ranks of a command that runs many models (sweep) agree that
/// each got its inputs ready, at the first run. A rank that fails before
/// that point joins the same agreement through fail(), so none waits alone.
class ReadyGate {
 public:
  /// At every run: the first time, waits for every rank and checks they run
  /// the same thing (same_on_every_rank); throws JobStopped when not.
  void pass(const SimulationModel& model, const RunOptions& options);
  /// This rank failed with `error` before passing: alone, rethrows it;
  /// otherwise tells the others, prints, and returns kBadInput. After the
  /// gate, rethrows too (a later failure ends the job, see mpi::Session).
  int fail(const std::exception_ptr& error);

 private:
  bool passed_ = false;
};

/// Runs `work(gate)`, a command whose ranks meet at `gate` once their inputs
/// are ready (compare, sweep). Under mpirun, a rank that fails before the
/// gate (bad input) meets the others there, so all stop together with exit
/// code 2.
template <class Work>
int run_behind_ready_gate(const Work& work) {
  ReadyGate gate;
  try {
    return work(gate);
  } catch (const JobStopped&) {
    return kBadInput;
  } catch (const std::exception&) {
    return gate.fail(std::current_exception());
  }
}

/// "journeysim: rank N failed: ..." and the end of the job (exit code 2;
/// 130/143 for Interrupted). Alone, rethrows: call it in a catch block.
[[noreturn]] void fail_rank(const std::exception& error);

/// Runs `work` (a comparison spread over the ranks); when it throws on one
/// rank, as run_and_reduce does: a message, then the whole job ends.
template <class Work>
auto compare_on_every_rank(const Work& work) -> decltype(work()) {
  try {
    return work();
  } catch (const std::exception& e) {
    fail_rank(e);
  }
}

/// This rank's agents of `options` (all of them when alone).
RunOptions this_rank_share(const RunOptions& options);

/// Runs this rank's `share`; rank 0 returns the merged tally of the whole
/// job, other ranks an empty one (shaped by empty_tally). A rank whose run fails prints
/// "journeysim: rank N failed: ..." and ends the whole job with exit code 2
/// (130/143 when interrupted), so no rank waits forever.
RunTally run_and_reduce(const SimulationModel& model, const RunOptions& share);

}  // namespace journeysim::cli
