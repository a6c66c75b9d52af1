// Engine throughput on the example journeys with their real plugins loaded
// through Boost.DLL. Counters: agents/s and touchpoint interactions/s.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "journeysim/engine.h"
#include "journeysim/scenario_loader.h"

namespace journeysim {
namespace {

const SimulationModel& model_of(const std::string& name) {
  static std::map<std::string, std::unique_ptr<SimulationModel>> models;
  auto& slot = models[name];
  if (!slot) {
    static const PluginCatalog catalog = PluginCatalog::discover({JOURNEYSIM_BUILD_PLUGIN_DIR});
    slot = std::make_unique<SimulationModel>(
        load_scenario(JOURNEYSIM_SOURCE_DIR "/scenarios/" + name + ".toml"), catalog);
  }
  return *slot;
}

void run_journey(benchmark::State& state, const std::string& name) {
  const SimulationModel& model = model_of(name);
  RunOptions options;
  options.agents = static_cast<uint64_t>(state.range(0));
  options.threads = static_cast<unsigned>(state.range(1));
  uint64_t interactions = 0;
  for (auto _ : state) {
    const RunTally tally = run_agents(model, options);
    if (tally.journey.agents != options.agents) {
      state.SkipWithError("not every agent finished");
      return;
    }
    for (const TouchpointTally& t : tally.touchpoints) {
      interactions += t.arrivals;
    }
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["agents/s"] = benchmark::Counter(
      static_cast<double>(options.agents) * iterations, benchmark::Counter::kIsRate);
  state.counters["interactions/s"] =
      benchmark::Counter(static_cast<double>(interactions), benchmark::Counter::kIsRate);
  state.SetItemsProcessed(static_cast<int64_t>(interactions));
}

void BM_StoreLaunch(benchmark::State& state) { run_journey(state, "store-launch"); }
void BM_LeadGen(benchmark::State& state) { run_journey(state, "b2b-lead-gen"); }
void BM_Subscription(benchmark::State& state) { run_journey(state, "subscription-retention"); }

BENCHMARK(BM_StoreLaunch)->Args({200'000, 1})->Args({200'000, 2})->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LeadGen)->Args({200'000, 1})->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Subscription)->Args({200'000, 1})->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace journeysim
