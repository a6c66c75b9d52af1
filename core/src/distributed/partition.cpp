// rank_share: which agents each process of a distributed run simulates.
#include <stdexcept>
#include <string>

#include "engine/block_runner.h"
#include "journeysim/distributed.h"

namespace journeysim {
namespace {

// chunks * rank needs more than 64 bits near the top of the agent range.
__extension__ typedef unsigned __int128 Wide;

}  // namespace

RunOptions rank_share(const RunOptions& options, int rank, int size) {
  if (size < 1 || rank < 0 || rank >= size) {
    throw std::invalid_argument("rank_share: rank " + std::to_string(rank) + " of " +
                                std::to_string(size));
  }
  // Whole 64-agent chunks of the global index range, split evenly; the last
  // chunk may be partial (it ends where the run ends).
  const AlignedPieces chunks{options.first_agent, options.agents, kSettleAgents};
  const auto n = static_cast<Wide>(chunks.pieces());
  const auto from = static_cast<uint64_t>(n * static_cast<unsigned>(rank) /
                                          static_cast<unsigned>(size));
  const auto to = static_cast<uint64_t>(n * static_cast<unsigned>(rank + 1) /
                                        static_cast<unsigned>(size));
  RunOptions share = options;
  if (options.population == 0) {
    share.population_first = options.first_agent;
    share.population = options.agents;
  }
  share.agents = 0;
  if (from < to) {
    share.first_agent = chunks.piece(from).first;
    const auto [last_first, last_count] = chunks.piece(to - 1);
    share.agents = last_first + last_count - share.first_agent;
  }
  return share;
}

}  // namespace journeysim
