// The bytes a distributed run sends between processes (journeysim/
// distributed.h): tallies survive encoding exactly, corrupt buffers are
// refused, and rank shares merged back give the single-process bytes —
// the whole MPI path except the transport, which tests/mpi_run_test.sh
// covers under mpirun.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "journeysim/distributed.h"
#include "journeysim/report_writers.h"
#include "journeysim/run_report.h"
#include "journeysim/scenario_loader.h"
#include "build_paths.h"

namespace journeysim {
namespace {

SimulationModel store_model() {
  return SimulationModel(load_scenario(journeysim::testing::source_dir() + "/scenarios/store-launch.toml"),
                         PluginCatalog::discover({journeysim::testing::plugin_dir()}));
}

RunOptions options_for(uint64_t agents, uint64_t seed) {
  RunOptions options;
  options.agents = agents;
  options.seed = seed;
  options.threads = 2;
  return options;
}

// What `mpirun -n size journeysim run` computes, minus the transport: each
// rank's share, encoded, decoded on rank 0 and merged.
RunTally merged_over_ranks(const SimulationModel& model, const RunOptions& options, int size) {
  RunTally total = empty_tally(model);
  for (int rank = 0; rank < size; ++rank) {
    const RunOptions share = rank_share(options, rank, size);
    total.merge(decode_tally(encode_tally(run_agents(model, share))));
  }
  return total;
}

TEST(TallyCodec, RoundTripGivesTheSameBytesAndTheSameReport) {
  const SimulationModel model = store_model();
  const RunOptions options = options_for(5'000, 7);
  const RunTally tally = run_agents(model, options);
  const std::string bytes = encode_tally(tally);
  const RunTally decoded = decode_tally(bytes);
  EXPECT_EQ(bytes, encode_tally(decoded));
  EXPECT_EQ(render_json(summarize(model, tally, options)),
            render_json(summarize(model, decoded, options)));
}

TEST(TallyCodec, UnsettledSumsAndListedDurationsSurvive) {
  RunTally tally;
  tally.journey.effort.add(1.25);
  tally.journey.effort.add(-3.5e7);
  tally.journey.effort.settle();
  tally.journey.effort.add(0.1);  // left pending on purpose
  for (double hours : {0.0, 0.5, 17.0, 400.0, 9.0e9}) {
    tally.journey.time_to_convert.add(hours);
  }
  tally.journey.milestones = {3, 0, 18446744073709551615ULL};
  tally.stages.resize(2);
  tally.stages[1].satisfaction.add(-0.75);
  const RunTally decoded = decode_tally(encode_tally(tally));
  EXPECT_EQ(decoded.journey.effort.count(), 3u);
  EXPECT_EQ(decoded.journey.effort.sum(), tally.journey.effort.sum());
  EXPECT_EQ(decoded.journey.effort.variance(), tally.journey.effort.variance());
  EXPECT_EQ(decoded.journey.milestones, tally.journey.milestones);
  EXPECT_EQ(decoded.stages[1].satisfaction.mean(), -0.75);
  ASSERT_EQ(decoded.journey.time_to_convert.count(), 5u);
  for (uint64_t k = 1; k <= 5; ++k) {
    EXPECT_EQ(decoded.journey.time_to_convert.value_at_rank(k),
              tally.journey.time_to_convert.value_at_rank(k));
  }
  EXPECT_EQ(encode_tally(decoded), encode_tally(tally));
}

TEST(TallyCodec, NegativeAndHugeFixedPointSumsSurvive) {
  RunTally tally;
  // 1000 squares of 1e10 total 5e22, near the top of the exact range.
  for (int i = 0; i < 1000; ++i) {
    tally.journey.revenue.add(i % 2 == 0 ? -1.0e10 : 3.0e9);
    tally.journey.revenue.settle();
  }
  const RunTally decoded = decode_tally(encode_tally(tally));
  EXPECT_EQ(decoded.journey.revenue.sum(), tally.journey.revenue.sum());
  EXPECT_LT(decoded.journey.revenue.sum(), 0.0);
  EXPECT_EQ(decoded.journey.revenue.variance(), tally.journey.revenue.variance());
}

TEST(TallyCodec, StepsAndExperimentArmsSurviveAndMergeOverRanks) {
  const SimulationModel model(
      load_scenario(journeysim::testing::test_data_dir() + "/loader/steps_acceptance.toml"),
      PluginCatalog());
  const RunOptions options = options_for(3'000, 5);
  const RunTally tally = run_agents(model, options);
  ASSERT_EQ(tally.steps.size(), 3u);
  const RunTally decoded = decode_tally(encode_tally(tally));
  ASSERT_EQ(decoded.steps.size(), tally.steps.size());
  for (size_t s = 0; s < tally.steps.size(); ++s) {
    EXPECT_EQ(decoded.steps[s].arrivals, tally.steps[s].arrivals) << s;
    EXPECT_EQ(decoded.steps[s].hours.sum(), tally.steps[s].hours.sum()) << s;
    EXPECT_EQ(decoded.steps[s].arm_converted, tally.steps[s].arm_converted) << s;
    EXPECT_EQ(decoded.steps[s].arm_pairs, tally.steps[s].arm_pairs) << s;
  }
  const std::string json = render_json(summarize(model, tally, options));
  EXPECT_NE(json.find("\"experiments\""), std::string::npos);
  for (int ranks : {2, 3}) {
    EXPECT_EQ(render_json(summarize(model, merged_over_ranks(model, options, ranks), options)),
              json)
        << ranks;
  }
}

TEST(FixedSum, RefusesTotalsBeyondTheExactRangeInsteadOfWrapping) {
  // (8e12)^2 in units of 2^-40 is 7.0e37; three of them pass 2^127 = 1.7e38.
  FixedSum sum;
  for (int i = 0; i < 2; ++i) {
    sum.add(8.0e12);
    EXPECT_NO_THROW(sum.settle());
  }
  sum.add(8.0e12);
  EXPECT_THROW(sum.settle(), std::overflow_error);
  FixedSum too_large;
  too_large.add(1.0e20);
  EXPECT_THROW(too_large.settle(), std::overflow_error);
}

TEST(TallyCodec, RefusesCorruptBuffers) {
  const SimulationModel model = store_model();
  const std::string bytes = encode_tally(run_agents(model, options_for(300, 1)));
  EXPECT_THROW(decode_tally(""), TallyCodecError);
  EXPECT_THROW(decode_tally("XXXX" + bytes.substr(4)), TallyCodecError);
  EXPECT_THROW(decode_tally(bytes + "x"), TallyCodecError);
  std::string newer = bytes;
  newer[4] = static_cast<char>(kTallyCodecVersion + 1);  // a later version
  EXPECT_THROW(decode_tally(newer), TallyCodecError);
  // Every truncation fails cleanly (none reads past the end).
  for (size_t n = 0; n < bytes.size(); n += 7) {
    EXPECT_THROW(decode_tally(std::string_view(bytes).substr(0, n)), TallyCodecError) << n;
  }
  // A length far beyond the buffer is refused before anything is allocated.
  // (after the magic and version come the journey's 13 counts, then the
  // length of its milestones)
  std::string huge = bytes.substr(0, 8 + 13 * 8);
  huge += std::string(8, '\xff');
  EXPECT_THROW(decode_tally(huge), TallyCodecError);
}

TEST(RankShare, CutsAtMultiplesOf64AndCoversEveryAgentOnce) {
  for (const uint64_t first : {uint64_t{0}, uint64_t{128}, uint64_t{100}}) {
    for (const uint64_t agents : {0ULL, 1ULL, 63ULL, 64ULL, 65ULL, 1'000ULL, 10'001ULL}) {
      for (int size = 1; size <= 5; ++size) {
        RunOptions options = options_for(agents, 3);
        options.first_agent = first;
        uint64_t next = first;
        uint64_t smallest = agents, largest = 0;
        for (int rank = 0; rank < size; ++rank) {
          const RunOptions share = rank_share(options, rank, size);
          if (share.agents == 0) {
            smallest = 0;
            continue;
          }
          EXPECT_EQ(share.first_agent, next) << first << " " << agents << " " << size;
          if (share.first_agent != first) {
            EXPECT_EQ(share.first_agent % 64, 0u);
          }
          next = share.first_agent + share.agents;
          smallest = std::min(smallest, share.agents);
          largest = std::max(largest, share.agents);
          EXPECT_EQ(share.seed, options.seed);
          EXPECT_EQ(share.threads, options.threads);
        }
        EXPECT_EQ(next, first + agents);
        if (first % 64 == 0 && agents >= 64 * static_cast<uint64_t>(size)) {
          EXPECT_LE(largest - smallest, 64u + 63u);  // one chunk, plus a partial last one
        }
      }
    }
  }
  EXPECT_THROW(rank_share(options_for(10, 1), 2, 2), std::invalid_argument);
}

TEST(RankShare, HugeRunsSplitWithoutOverflow) {
  RunOptions options = options_for(uint64_t{1} << 62, 1);
  const RunOptions last = rank_share(options, 999, 1000);
  EXPECT_EQ(last.first_agent + last.agents, uint64_t{1} << 62);
  EXPECT_EQ(last.first_agent % 64, 0u);
}

// The in-process equivalent of mpirun -n 1..4: byte-identical JSON, also for
// 3 ranks on a count that neither 3 nor 64 divides.
TEST(RankShare, MergedRankTalliesGiveTheSingleProcessJson) {
  const SimulationModel model = store_model();
  const RunOptions options = options_for(10'001, 7);
  const RunTally whole = run_agents(model, options);
  const std::string single = render_json(summarize(model, whole, options));
  for (int size : {2, 3, 4}) {
    const RunTally merged = merged_over_ranks(model, options, size);
    EXPECT_EQ(single, render_json(summarize(model, merged, options))) << size << " ranks";
    // Quantiles come from the merged histogram, not averages of ranks'.
    const RunReport a = summarize(model, whole, options);
    const RunReport b = summarize(model, merged, options);
    EXPECT_EQ(a.journey.time_to_convert_median_days.value,
              b.journey.time_to_convert_median_days.value);
    EXPECT_EQ(a.journey.time_to_convert_p90_days.value, b.journey.time_to_convert_p90_days.value);
    EXPECT_EQ(a.journey.time_to_convert_p90_days.low, b.journey.time_to_convert_p90_days.low);
    EXPECT_EQ(a.journey.time_to_convert_p90_days.high, b.journey.time_to_convert_p90_days.high);
  }
}

}  // namespace
}  // namespace journeysim
