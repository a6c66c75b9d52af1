// Start-up cost: reading and checking a scenario (TOML parse, `extends`,
// schema, graph checks) and binding it to its plugins (parameter checks,
// one `configure` per touchpoint), on generated journeys of 50, 500 and
// 2,000 touchpoints. Plugin discovery (dlopen of every library) is timed
// on its own. Each load is checked: the model has every touchpoint and
// persona it was given.
#include <string>

#include "benchmark_support.h"
#include "build_paths.h"

namespace journeysim::bench {
namespace {

class GeneratedJourney : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State& state) override {
    add_load_context();
    touchpoints_ = static_cast<int>(state.range(0));
    personas_ = static_cast<int>(state.range(1));
    text_ = generated_scenario(touchpoints_, personas_);
    catalog();  // plugins are discovered once per process, not per load
  }

 protected:
  int touchpoints_ = 0;
  int personas_ = 0;
  std::string text_;
};

// Load + validate + bind to the plugins: what `journeysim validate` and the
// start of every run do once the plugins are found.
BENCHMARK_DEFINE_F(GeneratedJourney, LoadAndValidate)(benchmark::State& state) {
  size_t touchpoints = 0;
  size_t personas = 0;
  for (auto _ : state) {
    const SimulationModel model(load_scenario_text(text_, "generated.toml", "."), catalog());
    touchpoints = model.touchpoints().size();
    personas = model.scenario().personas.size();
    benchmark::DoNotOptimize(touchpoints);
  }
  if (touchpoints != static_cast<size_t>(touchpoints_) ||
      personas != static_cast<size_t>(personas_)) {
    state.SkipWithError("the model lost touchpoints or personas");
    return;
  }
  state.counters["touchpoints"] = static_cast<double>(touchpoints);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * touchpoints_);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text_.size()));
}
BENCHMARK_REGISTER_F(GeneratedJourney, LoadAndValidate)
    ->ArgNames({"touchpoints", "personas"})
    ->Args({50, 5})
    ->Args({500, 20})
    ->Args({2000, 20})
    ->Unit(benchmark::kMillisecond);

// Finding and loading the plugin libraries (Boost.DLL, descriptor checks).
void BM_DiscoverPlugins(benchmark::State& state) {
  add_load_context();
  size_t channels = 0;
  for (auto _ : state) {
    const PluginCatalog found = PluginCatalog::discover({journeysim::testing::plugin_dir()});
    channels = found.channels().size();
  }
  if (channels < 6) {  // five shipped plugins and the built-in `fixed`
    state.SkipWithError("not every shipped plugin was found");
  }
  state.counters["channels"] = static_cast<double>(channels);
}
BENCHMARK(BM_DiscoverPlugins)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace journeysim::bench
