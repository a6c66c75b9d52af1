// A what-if comparison with common random numbers: store-launch against its
// guest-checkout variant, every agent through both versions with the same
// random streams, paired intervals per metric. Counters: agents/s (each
// through both versions). Checked: each version's conversions equal those
// of a plain run with the same seed (common random numbers change nothing
// about a version's own run), and the variant converts more.
#include <string>

#include "benchmark_support.h"
#include "journeysim/comparison.h"
#include "journeysim/run_report.h"

namespace journeysim::bench {
namespace {

class GuestCheckout : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    add_load_context();
    if (!variant_) {
      variant_ = std::make_unique<SimulationModel>(
          load_scenario(scenario_path("store-launch.guest-checkout")), catalog());
    }
  }

 protected:
  static inline std::unique_ptr<SimulationModel> variant_;
};

BENCHMARK_DEFINE_F(GuestCheckout, Compare)(benchmark::State& state) {
  const SimulationModel& base = example("store-launch");
  RunOptions options;
  options.agents = static_cast<uint64_t>(state.range(0));
  options.threads = static_cast<unsigned>(state.range(1));
  options.seed = 7;
  ComparisonReport report;
  for (auto _ : state) {
    report = compare_runs(base, {variant_.get()}, options);
  }
  RunOptions plain = options;
  plain.threads = 2;
  const uint64_t base_conversions = run_agents(base, plain).journey.converted;
  const uint64_t variant_conversions = run_agents(*variant_, plain).journey.converted;
  if (report.baseline.journey.converted != base_conversions ||
      report.variants.at(0).report.journey.converted != variant_conversions) {
    state.SkipWithError("a version's paired run differs from its plain run");
    return;
  }
  if (variant_conversions <= base_conversions) {
    state.SkipWithError("guest checkout should convert more than the baseline");
    return;
  }
  state.counters["agents/s"] = benchmark::Counter(
      static_cast<double>(options.agents) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.SetItemsProcessed(static_cast<int64_t>(options.agents * state.iterations()));
}
BENCHMARK_REGISTER_F(GuestCheckout, Compare)
    ->ArgNames({"agents", "threads"})
    ->Args({200'000, 1})
    ->Args({200'000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace journeysim::bench
