// What a process of a distributed run needs from the core: its share of the
// agents and its tally as bytes. No MPI here: the transport lives in the
// command line (tools/mpi_runtime.*), so the core builds without it.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "journeysim/engine.h"
#include "journeysim/tally.h"

namespace journeysim {

/// Agents [first, first + count) of `options` that process `rank` of `size`
/// runs. Shares are cut at multiples of kSettleAgents (64) in global agent
/// index, so the merged tallies are the bytes a single process would count;
/// the 64-agent chunks are split as evenly as they go (shares differ by at
/// most one chunk). Every other option is kept.
RunOptions rank_share(const RunOptions& options, int rank, int size);

/// A malformed or incompatible encoded tally.
class TallyCodecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Version of the byte format below; decode refuses any other.
inline constexpr uint32_t kTallyCodecVersion = 6;  // 4: experiments' arm_pairs; 5: lost here, rerouted drops; 6: resources

/// The whole tally as bytes: a magic and version, then every field in a fixed
/// order, integers little-endian, 128-bit sums as two 64-bit halves (low
/// first), vectors prefixed by their length. decode(encode(t)) merges,
/// summarizes and re-encodes exactly as t does.
std::string encode_tally(const RunTally& tally);
/// Throws TallyCodecError on a wrong magic or version, a truncated or
/// overlong buffer, or a length that cannot fit in what remains.
RunTally decode_tally(std::string_view bytes);

}  // namespace journeysim
