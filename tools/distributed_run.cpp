// The steps of a distributed command (see distributed_run.h): agreeing on
// inputs, splitting the agents, reducing the tallies, failing as one job.
#include "distributed_run.h"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "interrupt.h"
#include "journeysim/distributed.h"
#include "journeysim/run_report.h"
#include "mpi_runtime.h"

namespace journeysim::cli {
namespace {

// TEST ONLY (tests/mpi_run_test.sh): JOURNEYSIM_TEST_FAIL_RANK=N makes rank
// N of a multi-process run exit(3) after running and before sending its
// tally, like a killed process; "N:throw" makes it throw instead, like a
// plugin failing on one node. Never set outside the tests; ignored alone.
void test_hook_fail_rank() {
  const char* hook = std::getenv("JOURNEYSIM_TEST_FAIL_RANK");
  if (hook == nullptr || mpi::size() == 1) {
    return;
  }
  const std::string value = hook;
  const std::string rank = std::to_string(mpi::rank());
  if (value == rank) {
    std::_Exit(3);
  }
  if (value == rank + ":throw") {
    throw std::runtime_error("test failure requested by JOURNEYSIM_TEST_FAIL_RANK");
  }
}

// "journeysim: " + line in one write, so other ranks' lines do not cut
// into it (all ranks share mpirun's stderr).
void say(const std::string& line) { std::cerr << "journeysim: " + line + "\n" << std::flush; }

void print_load_error(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const InputError& e) {
    print_errors(e);
  } catch (const std::exception& e) {
    std::cerr << "journeysim: error: " << e.what() << "\n";
  }
}

std::string rank_list(const std::vector<int>& flags) {
  std::string list;
  for (size_t r = 0; r < flags.size(); ++r) {
    if (flags[r] != 0) {
      list += (list.empty() ? "" : ", ") + std::to_string(r);
    }
  }
  return list;
}

// What every rank must agree on, one "what: value" line each.
std::vector<std::string> fingerprint(const SimulationModel& model, const RunOptions& options) {
  std::vector<std::string> lines = {
      "scenario hash: " + model.scenario().hash,
      "journeysim version: " + std::string(journeysim_version()),
      "engine version: " + std::string(engine_version()),
      "seed: " + std::to_string(options.seed),
      "agents: " + std::to_string(options.first_agent) + "+" + std::to_string(options.agents)};
  for (const ChannelPtr& channel : model.channels()) {
    if (channel) {
      lines.push_back("plugin " + channel->name() + ": " + channel->version());
    }
  }
  return lines;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    out += line + "\n";
  }
  return out;
}

// What print_load_error would print, as text (sent to rank 0).
std::string load_error_text(const std::exception_ptr& error) {
  std::ostringstream text;
  std::streambuf* const stderr_buffer = std::cerr.rdbuf(text.rdbuf());
  print_load_error(error);
  std::cerr.rdbuf(stderr_buffer);
  return text.str();
}

// Ends an agreed stop: rank 0 prints every rank's message (one process
// writing, so nothing is lost or interleaved when mpirun ends the job at
// the first non-zero exit), a message identical to rank 0's only once,
// then `summary`.
void stop_with(const std::string& message, const std::string& summary) {
  const std::vector<std::string> messages = mpi::gather_to_root(message);
  if (mpi::is_root()) {
    for (size_t r = 0; r < messages.size(); ++r) {
      if (messages[r].empty() || (r > 0 && messages[r] == messages[0])) {
        continue;
      }
      if (r > 0 && messages[r].rfind("journeysim: rank ", 0) != 0) {
        std::cerr << "journeysim: rank " << r << " could not load the inputs:\n";
      }
      std::cerr << messages[r];
    }
    std::cerr << "journeysim: " << summary << "\n" << std::flush;
  }
  mpi::Session::stop_together();
}

// Every rank says whether it failed (`error`); true when none did. When
// some did, rank 0 prints their diagnostics and every rank gets false.
bool all_ranks_ready(const std::exception_ptr& error) {
  const std::vector<int> failed = mpi::all_gather(error ? 1 : 0);
  if (rank_list(failed).empty()) {
    return true;
  }
  stop_with(error ? load_error_text(error) : std::string(),
            "rank(s) " + rank_list(failed) + " could not load the inputs; nothing ran");
  return false;
}

}  // namespace

std::unique_ptr<SimulationModel> load_on_every_rank(
    const std::function<std::unique_ptr<SimulationModel>()>& load) {
  std::unique_ptr<SimulationModel> model;
  std::exception_ptr error;
  try {
    model = load();
  } catch (const std::exception&) {
    error = std::current_exception();
  }
  if (mpi::size() == 1) {
    if (error) {
      std::rethrow_exception(error);
    }
    return model;
  }
  return all_ranks_ready(error) ? std::move(model) : nullptr;
}

void ReadyGate::pass(const SimulationModel& model, const RunOptions& options) {
  if (passed_ || mpi::size() == 1) {
    return;
  }
  passed_ = true;
  if (!all_ranks_ready(nullptr) || !same_on_every_rank(model, options)) {
    throw JobStopped();
  }
}

int ReadyGate::fail(const std::exception_ptr& error) {
  if (passed_ || mpi::size() == 1) {
    std::rethrow_exception(error);
  }
  passed_ = true;
  all_ranks_ready(error);
  return kBadInput;
}

bool same_on_every_rank(const SimulationModel& model, const RunOptions& options) {
  if (mpi::size() == 1) {
    return true;
  }
  const std::vector<std::string> mine = fingerprint(model, options);
  const std::string root = mpi::broadcast_from_root(join(mine));
  const bool same = root == join(mine);
  std::string message;
  if (!same) {
    std::istringstream root_lines(root);
    std::string line;
    std::string what = "a plugin (rank 0 has more)";
    for (const std::string& own : mine) {
      line.clear();
      if (!std::getline(root_lines, line) || line != own) {
        what = own + " (rank 0: " + (line.empty() ? "none" : line) + ")";
        break;
      }
    }
    message = "journeysim: rank " + std::to_string(mpi::rank()) + " differs from rank 0: " +
              what + "\n";
  }
  const std::vector<int> differ = mpi::all_gather(same ? 0 : 1);
  if (rank_list(differ).empty()) {
    return true;
  }
  stop_with(message, "rank(s) " + rank_list(differ) +
                         " have other inputs than rank 0 (scenario, plugins or options); "
                         "nothing ran");
  return false;
}

RunOptions this_rank_share(const RunOptions& options) {
  return rank_share(options, mpi::rank(), mpi::size());
}

void fail_rank(const std::exception& error) {
  if (mpi::size() == 1) {
    throw;
  }
  if (dynamic_cast<const Interrupted*>(&error) != nullptr) {
    say("rank " + std::to_string(mpi::rank()) + " interrupted");
    mpi::abort_job(interrupt_exit_code() != 0 ? interrupt_exit_code() : kInterrupted);
  }
  say("rank " + std::to_string(mpi::rank()) + " failed: " + error.what());
  mpi::abort_job(kBadInput);
}

RunTally run_and_reduce(const SimulationModel& model, const RunOptions& share) {
  if (mpi::size() == 1) {
    return run_agents(model, share);
  }
  std::string bytes;
  try {
    const RunTally mine = run_agents(model, share);
    test_hook_fail_rank();
    bytes = encode_tally(mine);
  } catch (const std::exception& e) {
    fail_rank(e);
  }
  std::vector<std::string> parts;
  try {
    parts = mpi::gather_to_root(bytes);
    if (!mpi::is_root()) {
      return empty_tally(model);  // shaped: callers may still summarize it
    }
    // Integer sums and histogram counts: the order of merging is free.
    RunTally total = empty_tally(model);
    for (const std::string& part : parts) {
      total.merge(decode_tally(part));
    }
    return total;
  } catch (const std::exception& e) {
    fail_rank(e);
  }
}

}  // namespace journeysim::cli
