// The engine against the hand-fused reference loop (fused_store_launch.h):
// the same customers of the store-launch funnel (kStoreLaunchFunnel) with
// the same random numbers, once through the generic engine and the
// Boost.DLL-loaded plugins, once through one plain loop with the formulas in
// line. Both are timed in the same benchmark, alternately, so a change in the
// machine's load hits both; the `engine/fused` counter is the ratio of their
// times. Each run is checked against the other: the same conversions, CSAT
// answers and funnel counts at every touchpoint, or the benchmark reports an
// error.
#include <chrono>
#include <cmath>
#include <string>

#include "benchmark_support.h"
#include "fused_store_launch.h"

namespace journeysim::bench {
namespace {

constexpr uint64_t kSeed = 7;

// Empty when the fused loop reproduces the engine's run, else what differs.
std::string mismatch(const SimulationModel& model, const RunTally& engine,
                     const FusedTally& fused) {
  if (engine.journey.converted != fused.conversions) {
    return "conversions differ: engine " + std::to_string(engine.journey.converted) +
           ", fused " + std::to_string(fused.conversions);
  }
  if (engine.journey.satisfied != fused.satisfied || engine.journey.surveyed != fused.surveyed ||
      engine.journey.promoters != fused.promoters) {
    return "survey answers differ";
  }
  for (size_t t = 0; t < engine.touchpoints.size(); ++t) {
    const TouchpointTally& e = engine.touchpoints[t];
    if (e.arrivals != fused.arrivals[t] || e.dropped != fused.dropped[t] ||
        e.exits != fused.exits[t] || e.cut_off != fused.cut_off[t]) {
      return "funnel counts differ at touchpoint '" + model.scenario().touchpoints[t].id + "'";
    }
  }
  const double revenue = engine.journey.revenue.sum();
  if (std::fabs(revenue - fused.revenue) > 1e-6 * std::max(1.0, std::fabs(revenue))) {
    return "revenue differs";
  }
  return {};
}

class StoreLaunch : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    add_load_context();
    model_ = &example(kStoreLaunchFunnel);
    if (!fused_) {
      fused_ = std::make_unique<FusedStoreLaunch>(*model_);
    }
  }

 protected:
  const SimulationModel* model_ = nullptr;
  static inline std::unique_ptr<FusedStoreLaunch> fused_;
};

// The fused loop alone (for profiles: it is the floor the engine is held to).
BENCHMARK_DEFINE_F(StoreLaunch, FusedLoop)(benchmark::State& state) {
  const auto agents = static_cast<uint64_t>(state.range(0));
  FusedTally tally;
  for (auto _ : state) {
    tally = fused_->run(kSeed, 0, agents);
    benchmark::DoNotOptimize(tally.conversions);
  }
  RunOptions options;
  options.agents = agents;
  options.seed = kSeed;
  if (const std::string problem = mismatch(*model_, run_agents(*model_, options), tally);
      !problem.empty()) {
    state.SkipWithError(problem.c_str());
    return;
  }
  const auto runs = static_cast<double>(state.iterations());
  state.counters["agents/s"] =
      benchmark::Counter(static_cast<double>(agents) * runs, benchmark::Counter::kIsRate);
  state.counters["interactions/s"] = benchmark::Counter(
      static_cast<double>(tally.interactions()) * runs, benchmark::Counter::kIsRate);
  state.SetItemsProcessed(static_cast<int64_t>(tally.interactions() * state.iterations()));
}
BENCHMARK_REGISTER_F(StoreLaunch, FusedLoop)->Arg(200'000)->Unit(benchmark::kMillisecond);

// Engine and fused loop alternately; the iteration time is the engine's.
BENCHMARK_DEFINE_F(StoreLaunch, EngineVsFused)(benchmark::State& state) {
  RunOptions options;
  options.agents = static_cast<uint64_t>(state.range(0));
  options.seed = kSeed;
  options.threads = 1;
  using Clock = std::chrono::steady_clock;
  double engine_seconds = 0.0;
  double fused_seconds = 0.0;
  std::string problem;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    const FusedTally fused = fused_->run(kSeed, 0, options.agents);
    const auto t1 = Clock::now();
    const RunTally engine = run_agents(*model_, options);
    const auto t2 = Clock::now();
    const double seconds = std::chrono::duration<double>(t2 - t1).count();
    engine_seconds += seconds;
    fused_seconds += std::chrono::duration<double>(t1 - t0).count();
    state.SetIterationTime(seconds);
    if (problem.empty()) {
      problem = mismatch(*model_, engine, fused);
    }
  }
  if (!problem.empty()) {
    state.SkipWithError(problem.c_str());
    return;
  }
  state.counters["engine/fused"] = engine_seconds / fused_seconds;
  state.counters["fused_ns/agent"] =
      1e9 * fused_seconds / (static_cast<double>(options.agents) * state.iterations());
  state.counters["engine_ns/agent"] =
      1e9 * engine_seconds / (static_cast<double>(options.agents) * state.iterations());
}
BENCHMARK_REGISTER_F(StoreLaunch, EngineVsFused)
    ->Arg(200'000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace journeysim::bench
