// Cost of one touchpoint interaction in each shipped channel plugin: the
// plugin's batch call through the host (Boost.DLL-loaded code behind the
// fenced ChannelInstance::interact), on a batch of 1,024 agents standing at
// a real touchpoint of an example journey, with their uniforms drawn from
// their own streams. Items = interactions.
#include <cmath>
#include <string>
#include <vector>

#include "benchmark_support.h"
#include "plugins/outcome_check.h"
#include "journeysim/random_stream.h"

namespace journeysim::bench {
namespace {

constexpr uint32_t kBatch = 1024;

class PluginBatch : public benchmark::Fixture {
 public:
  // Agents of mixed personas, partway through a journey, at `touchpoint`.
  void prepare(const std::string& scenario, const std::string& touchpoint) {
    add_load_context();
    model_ = &example(scenario);
    const auto& tps = model_->scenario().touchpoints;
    for (size_t t = 0; t < tps.size(); ++t) {
      if (tps[t].id == touchpoint) {
        tp_ = &model_->touchpoints()[t];
      }
    }
    const RandomStream stream(11);
    uniforms_.assign(size_t{kBatch} * JS_MAX_UNIFORMS, 0.0);
    views_.resize(kBatch);
    outcomes_.resize(kBatch);
    const auto personas = static_cast<uint32_t>(tp_->personas.size());
    for (uint32_t i = 0; i < kBatch; ++i) {
      double* u = &uniforms_[size_t{i} * JS_MAX_UNIFORMS];
      stream.fill(i, tp_->stream_key, 0, tp_->uniforms, u);
      views_[i] = js_agent_view{i % personas, i % 3 == 0 ? 1u : 0u, i % 4, 1 + i % 5,
                                5.0 + i % 48, 2.0 + i % 7, 0.4 + 0.5 * (i % 11) / 10.0,
                                i % 2 == 0 ? 0.0 : 59.0, u};
    }
    batch_ = js_batch{tp_->personas.data(), personas, views_.data(), kBatch, nullptr};
  }

  void run(benchmark::State& state) {
    if (tp_ == nullptr) {
      state.SkipWithError("touchpoint not found in the example journey");
      return;
    }
    for (auto _ : state) {
      tp_->channel->interact(batch_, outcomes_.data());
      benchmark::DoNotOptimize(outcomes_.data());
      benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kBatch);
    // What was timed must be right: every outcome passes the host's checks,
    // and the share who continued matches the model's own p_continue.
    double p_sum = 0.0;
    double continued = 0.0;
    try {
      for (const js_outcome& o : outcomes_) {
        check_outcome(o, *tp_);
        p_sum += o.p_continue;
        continued += o.next == JS_NEXT_DROP ? 0.0 : 1.0;
      }
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
      return;
    }
    const double p = p_sum / kBatch;
    const double se = std::sqrt(std::max(p * (1 - p), 1e-4) / kBatch);
    if (std::fabs(continued / kBatch - p) > 5 * se) {
      state.SkipWithError("the agents who continued do not match the model's p_continue");
    }
    state.counters["p_continue"] = p;
  }

 protected:
  const SimulationModel* model_ = nullptr;
  const ModelTouchpoint* tp_ = nullptr;
  std::vector<double> uniforms_;
  std::vector<js_agent_view> views_;
  std::vector<js_outcome> outcomes_;
  js_batch batch_{};
};

#define JOURNEYSIM_PLUGIN_BENCHMARK(name, scenario, touchpoint) \
  BENCHMARK_F(PluginBatch, name)(benchmark::State & state) {    \
    prepare(scenario, touchpoint);                              \
    run(state);                                                 \
  }

JOURNEYSIM_PLUGIN_BENCHMARK(SocialPost, "store-launch", "fb_page")
JOURNEYSIM_PLUGIN_BENCHMARK(SocialConversation, "store-launch", "inbox")
JOURNEYSIM_PLUGIN_BENCHMARK(WebProductPage, "store-launch", "product_page")
JOURNEYSIM_PLUGIN_BENCHMARK(WebLeadForm, "b2b-lead-gen", "landing_page")
JOURNEYSIM_PLUGIN_BENCHMARK(Checkout, "store-launch", "checkout")
JOURNEYSIM_PLUGIN_BENCHMARK(Email, "store-launch", "thank_you")
JOURNEYSIM_PLUGIN_BENCHMARK(SupportCall, "subscription-retention", "delivery_support")

}  // namespace
}  // namespace journeysim::bench
