// Engine throughput end to end: the example journeys with their real plugins
// loaded through Boost.DLL, on 1 and 2 threads. Counters: agents/s and
// touchpoint interactions/s (items). Every timed run is checked against a
// one-thread reference run: the same agents, conversions and interactions,
// whatever the thread count, or the benchmark reports an error.
#include <atomic>
#include <map>
#include <string>

#include "../tools/progress_bar.h"
#include "benchmark_support.h"

namespace journeysim::bench {
namespace {

struct Reference {
  uint64_t converted = 0;
  uint64_t interactions = 0;
};

// The one-thread run every timed run must reproduce.
const Reference& reference(const std::string& name, uint64_t agents) {
  static std::map<std::pair<std::string, uint64_t>, Reference> cache;
  auto [it, fresh] = cache.try_emplace({name, agents});
  if (fresh) {
    RunOptions options;
    options.agents = agents;
    const RunTally tally = run_agents(example(name), options);
    it->second = {tally.journey.converted, interactions(tally)};
  }
  return it->second;
}

class Journey : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override { add_load_context(); }

  // Runs `name` with state.range(0) agents on state.range(1) threads;
  // `progress` wraps each run as `journeysim run --progress` does.
  void run(benchmark::State& state, const std::string& name, bool progress = false) {
    const SimulationModel& model = example(name);
    RunOptions options;
    options.agents = static_cast<uint64_t>(state.range(0));
    options.threads = static_cast<unsigned>(state.range(1));
    const Reference& expected = reference(name, options.agents);
    std::atomic<uint64_t> done{0};
    if (progress) {
      options.progress = &done;
    }
    uint64_t total = 0;
    for (auto _ : state) {
      RunTally tally;
      done = 0;
      cli::with_progress(options.agents, done, progress,
                         [&] { tally = run_agents(model, options); });
      const uint64_t n = interactions(tally);
      if (tally.journey.agents != options.agents || tally.journey.converted != expected.converted ||
          n != expected.interactions) {
        state.SkipWithError("the run differs from the one-thread reference run");
        return;
      }
      total += n;
    }
    const auto runs = static_cast<double>(state.iterations());
    state.counters["agents/s"] = benchmark::Counter(
        static_cast<double>(options.agents) * runs, benchmark::Counter::kIsRate);
    state.counters["interactions/s"] =
        benchmark::Counter(static_cast<double>(total), benchmark::Counter::kIsRate);
    state.counters["interactions/agent"] =
        static_cast<double>(total) / (static_cast<double>(options.agents) * runs);
    state.SetItemsProcessed(static_cast<int64_t>(total));
  }
};

BENCHMARK_DEFINE_F(Journey, StoreLaunch)(benchmark::State& state) { run(state, kStoreLaunchFunnel); }
// Today's scenarios/store-launch.toml: the funnel with its cart-abandonment
// flow (a split, a wait racing a return, one more email).
BENCHMARK_DEFINE_F(Journey, StoreLaunchCartFlow)(benchmark::State& state) {
  run(state, "store-launch");
}
BENCHMARK_DEFINE_F(Journey, LeadGen)(benchmark::State& state) { run(state, "b2b-lead-gen"); }
BENCHMARK_DEFINE_F(Journey, Subscription)(benchmark::State& state) {
  run(state, "subscription-retention");
}
// As `journeysim run --progress`: the engine publishes finished agents and a
// second thread redraws the bar on stderr every 200 ms.
BENCHMARK_DEFINE_F(Journey, StoreLaunchWithProgressBar)(benchmark::State& state) {
  run(state, kStoreLaunchFunnel, true);
}

BENCHMARK_REGISTER_F(Journey, StoreLaunch)
    ->ArgNames({"agents", "threads"})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_REGISTER_F(Journey, StoreLaunchCartFlow)
    ->ArgNames({"agents", "threads"})
    ->Args({1'000'000, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_REGISTER_F(Journey, StoreLaunchWithProgressBar)
    ->ArgNames({"agents", "threads"})
    ->Args({1'000'000, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_REGISTER_F(Journey, LeadGen)
    ->ArgNames({"agents", "threads"})
    ->Args({200'000, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_REGISTER_F(Journey, Subscription)
    ->ArgNames({"agents", "threads"})
    ->Args({200'000, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace journeysim::bench
