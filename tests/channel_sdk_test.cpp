// The C++ helpers of the plugin SDK (journeysim/channel_sdk.h,
// channel_params.h, channel_boundary.h) that the shipped channels share and
// third-party authors may use.
#include "journeysim/channel_sdk.h"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "journeysim/channel_boundary.h"
#include "journeysim/channel_params.h"

namespace {

using journeysim::sdk::check_params;
using journeysim::sdk::failed_check;
using journeysim::sdk::PersonaTermsCache;

TEST(StandardNormal, IsTheCosineHalfOfThePair) {
  // One Box-Muller serves the plugins and the engine's survey noise.
  for (const double u1 : {0.0, 0.1, 0.5, 0.999}) {
    for (const double u2 : {0.0, 0.3, 0.75}) {
      EXPECT_EQ(journeysim::sdk::standard_normal(u1, u2),
                journeysim::sdk::standard_normal_pair(u1, u2).first);
    }
  }
}

TEST(StandardNormal, PairHalvesAreUncorrelatedStandardNormals) {
  // On a midpoint grid of (u1, u2): means 0, variances 1, covariance 0.
  constexpr int kSide = 400;
  double m1 = 0, m2 = 0, v1 = 0, v2 = 0, c = 0;
  for (int i = 0; i < kSide; ++i) {
    for (int j = 0; j < kSide; ++j) {
      const auto z = journeysim::sdk::standard_normal_pair((i + 0.5) / kSide, (j + 0.5) / kSide);
      m1 += z.first;
      m2 += z.second;
      v1 += z.first * z.first;
      v2 += z.second * z.second;
      c += z.first * z.second;
    }
  }
  const double n = double{kSide} * kSide;
  EXPECT_NEAR(m1 / n, 0.0, 1e-9);
  EXPECT_NEAR(m2 / n, 0.0, 1e-9);
  EXPECT_NEAR(v1 / n, 1.0, 0.01);
  EXPECT_NEAR(v2 / n, 1.0, 0.01);
  EXPECT_NEAR(c / n, 0.0, 1e-9);
}

TEST(PersonaTermsCache, WorksOutEachPersonasTermsOnceAndReusesThem) {
  PersonaTermsCache<double, 8> cache;
  int made = 0;
  const auto make = [&](double value) {
    return [&made, value] {
      ++made;
      return value;
    };
  };
  EXPECT_EQ(cache.get(3, make(0.25)), 0.25);
  EXPECT_EQ(cache.get(5, make(0.75)), 0.75);
  EXPECT_EQ(cache.get(3, make(99.0)), 0.25);  // cached: make is not called
  EXPECT_EQ(made, 2);
}

TEST(PersonaTermsCache, PersonasBeyondTheCacheAreWorkedOutEveryTime) {
  PersonaTermsCache<double, 4> cache;
  int made = 0;
  const auto make = [&] {
    ++made;
    return 0.5;
  };
  EXPECT_EQ(cache.get(4, make), 0.5);
  EXPECT_EQ(cache.get(4, make), 0.5);
  EXPECT_EQ(made, 2);
}

TEST(PersonaTermsCache, SixtyFourPersonasFitTheDefault) {
  PersonaTermsCache<uint32_t> cache;
  for (uint32_t p = 0; p < 64; ++p) {
    EXPECT_EQ(cache.get(p, [p] { return p * 10; }), p * 10);
  }
  for (uint32_t p = 0; p < 64; ++p) {
    EXPECT_EQ(cache.get(p, [] { return 0u; }), p * 10);
  }
}

// Three checks in a row losing 50%, 0% and 50% of those who reach them:
// p(continue) = 0.25, drops 0.5 at check 0 and 0.25 at check 2, so a
// dropping agent failed check 0 with probability 2/3 and check 2 with 1/3.
TEST(FailedCheck, SplitsTheDropsInProportionToEachChecksShare) {
  const std::array<double, 3> q = {0.5, 0.0, 0.5};
  const double failures = 0.75;  // 1 - p(continue)
  EXPECT_EQ(failed_check(q, 0.0 * failures, 7), 0u);
  EXPECT_EQ(failed_check(q, 0.66 * failures, 7), 0u);
  EXPECT_EQ(failed_check(q, 0.67 * failures, 7), 2u);
  EXPECT_EQ(failed_check(q, 0.999 * failures, 7), 2u);
}

TEST(FailedCheck, NeverNamesACheckThatCannotFail) {
  const std::array<double, 3> q = {0.0, 0.4, 0.0};
  for (double u : {0.0, 0.3, 0.6, 0.999999}) {
    EXPECT_EQ(failed_check(q, u * 0.4, 9), 1u) << u;
  }
}

TEST(FailedCheck, RoundingPastTheEndFallsBackToTheLastLiveCheck) {
  const std::array<double, 3> q = {0.2, 0.3, 0.0};
  EXPECT_EQ(failed_check(q, 1.0, 9), 1u);
}

TEST(FailedCheck, WithNoLiveCheckGivesTheFallback) {
  const std::array<double, 2> q = {0.0, 0.0};
  EXPECT_EQ(failed_check(q, 0.0, 9), 9u);
}

// --- check_params: the re-check of resolved parameters. ---------------------

constexpr js_param_spec kToyParams[] = {
    {"rate", JS_PARAM_NUMBER, 0.5, 0.0, 1.0, "a share"},
    {"steps", JS_PARAM_INTEGER, 3.0, 1.0, 9.0, "a count"},
    {"fast", JS_PARAM_BOOLEAN, 0.0, 0.0, 1.0, "a switch"},
};

std::string CheckToy(std::vector<double> values) {
  js_config_view config{};
  config.touchpoint_id = "tp";
  config.params = values.data();
  config.param_count = static_cast<uint32_t>(values.size());
  std::array<char, JS_ERROR_CAPACITY> error{};
  return check_params("toy", kToyParams, 3, config, error.data())
             ? "ok"
             : std::string(error.data());
}

TEST(CheckParams, AcceptsEveryValueInItsDeclaredDomain) {
  EXPECT_EQ(CheckToy({0.0, 1.0, 0.0}), "ok");
  EXPECT_EQ(CheckToy({1.0, 9.0, 1.0}), "ok");
}

TEST(CheckParams, NamesTheChannelTouchpointAndParameterOfARefusal) {
  EXPECT_EQ(CheckToy({0.5, 3.0}),
            "toy touchpoint 'tp': expected 3 parameters, got 2");
  EXPECT_EQ(
      CheckToy({1.5, 3.0, 0.0}),
      "toy touchpoint 'tp': parameter 'rate' = 1.5 must be a number in [0, 1]");
  EXPECT_EQ(CheckToy({0.5, 2.5, 0.0}),
            "toy touchpoint 'tp': parameter 'steps' = 2.5 must be a whole "
            "number in [1, 9]");
  EXPECT_EQ(
      CheckToy({0.5, 3.0, 0.5}),
      "toy touchpoint 'tp': parameter 'fast' = 0.5 must be a boolean (0 or 1)");
}

// --- ChannelBoundary: a toy model behind the SDK's callbacks. ---------------

struct Toy {
  double rate;
};
Toy MakeToy(const double* params) { return {params[0]}; }

int terms_made = 0;  // how often ToyTerms ran, across one test
double ToyTerms(const Toy& toy, const js_persona_view& persona) {
  ++terms_made;
  return toy.rate * persona.channel_affinity;
}

js_outcome DecideToy(const Toy&, const double& p, const js_agent_view& agent) {
  if (agent.visits > 100) {
    throw std::runtime_error("too many visits");
  }
  js_outcome o{};
  o.next = agent.uniforms[0] < p ? JS_NEXT_BY_WEIGHT : JS_NEXT_DROP;
  o.p_continue = p;
  return o;
}

bool NoFastToy(const js_config_view& config, char* error) {
  if (config.params[2] != 0.0) {
    journeysim::sdk::write_errorf(error,
                                  "toy touchpoint '%s': fast is not built",
                                  journeysim::sdk::touchpoint_name(config));
    return false;
  }
  return true;
}

constexpr js_drop_reason kToyReasons[] = {{"no", "said no", "ask nicely"}};
constexpr journeysim::sdk::ChannelFacts kToyFacts =
    journeysim::sdk::facts("toy", "0.1.0", "a toy", kToyParams, kToyReasons, 1);
constexpr js_channel_descriptor kToy =
    journeysim::sdk::describe<kToyFacts, MakeToy, ToyTerms, DecideToy,
                              NoFastToy>();

// A configured toy touchpoint, destroyed with the test.
struct ToyTouchpoint {
  explicit ToyTouchpoint(std::vector<double> v) : values(std::move(v)) {
    config.touchpoint_id = "tp";
    config.params = values.data();
    config.param_count = static_cast<uint32_t>(values.size());
    status = kToy.configure(&config, &instance, error.data());
  }
  ~ToyTouchpoint() {
    if (status == JS_OK) {
      kToy.destroy(instance);
    }
  }
  std::vector<double> values;
  js_config_view config{};
  void* instance = nullptr;
  std::array<char, JS_ERROR_CAPACITY> error{};
  js_status status = JS_ERROR;
};

TEST(ChannelBoundary, DescribesTheChannelFromItsFacts) {
  EXPECT_STREQ(kToy.name, "toy");
  EXPECT_STREQ(kToy.name, "toy");
  EXPECT_STREQ(kToy.version, "0.1.0");
  EXPECT_EQ(kToy.params, kToyParams);
  EXPECT_EQ(kToy.param_count, 3u);
  EXPECT_EQ(kToy.reason_count, 1u);
  EXPECT_EQ(kToy.uniforms_per_interaction, 1u);
}

TEST(ChannelBoundary, FactsWithoutEventsDescribeAnApiVersionOneChannel) {
  EXPECT_EQ(kToy.api_version, JS_CHANNEL_API_VERSION_1);
  EXPECT_EQ(kToy.struct_size, JS_CHANNEL_DESCRIPTOR_V1_SIZE);
}

constexpr js_event kToyEvents[] = {{"accepted", "said yes", JS_EVENT_SUCCESS},
                                   {"refused", "said no", 0}};
constexpr uint32_t kToyReasonEvents[] = {1};
constexpr journeysim::sdk::ChannelFacts kToyV2Facts = journeysim::sdk::facts(
    "toy", "0.2.0", "a toy", kToyParams, kToyReasons, kToyEvents, kToyReasonEvents, 1);
constexpr js_channel_descriptor kToyV2 =
    journeysim::sdk::describe<kToyV2Facts, MakeToy, ToyTerms, DecideToy, NoFastToy>();

// A Decide that takes a fourth parameter: records the queue wait it saw.
double probe_seen = -1.0;
js_outcome ProbeDecide(const Toy&, const double&, const js_agent_view&, const double* wait) {
  probe_seen = wait == nullptr ? -2.0 : *wait;
  js_outcome o{};
  o.next = JS_NEXT_BY_WEIGHT;
  o.p_continue = 1.0;
  return o;
}
constexpr js_channel_descriptor kProbe =
    journeysim::sdk::describe<kToyV2Facts, MakeToy, ToyTerms, ProbeDecide, NoFastToy>();

// API 3: a Decide with a fourth parameter sees the queue's wait; null
// where the touchpoint has no queue.
TEST(ChannelBoundary, ADecideWithAFourthParameterSeesTheQueueWait) {
  js_persona_view persona{};
  double u = 0.5;
  js_agent_view agent{};
  agent.uniforms = &u;
  double wait = 0.25;
  void* instance = nullptr;
  char error[JS_ERROR_CAPACITY] = {};
  const double params[] = {0.5, 3.0, 0.0};
  js_config_view config{};
  config.touchpoint_id = "tp";
  config.params = params;
  config.param_count = 3;
  ASSERT_EQ(kProbe.configure(&config, &instance, error), JS_OK) << error;
  js_outcome out{};
  js_batch batch{&persona, 1, &agent, 1, &wait};
  ASSERT_EQ(kProbe.interact(instance, &batch, &out, error), JS_OK) << error;
  EXPECT_EQ(probe_seen, 0.25);
  batch.queue_wait_hours = nullptr;
  ASSERT_EQ(kProbe.interact(instance, &batch, &out, error), JS_OK) << error;
  EXPECT_EQ(probe_seen, -2.0);
  kProbe.destroy(instance);
}

TEST(ChannelBoundary, FactsWithEventsDescribeAnApiVersionTwoChannel) {
  EXPECT_EQ(kToyV2.api_version, JS_CHANNEL_API_VERSION);
  EXPECT_EQ(kToyV2.struct_size, sizeof(js_channel_descriptor));
  EXPECT_EQ(kToyV2.events, kToyEvents);
  EXPECT_EQ(kToyV2.event_count, 2u);
  EXPECT_EQ(kToyV2.reason_events, kToyReasonEvents);
}

TEST(ChannelSdk, VersionTwoAppendsToVersionOnesLayout) {
  // Every version-1 field keeps its offset: a version-1 plugin's descriptor
  // is exactly the first JS_CHANNEL_DESCRIPTOR_V1_SIZE bytes of version 2's.
  EXPECT_EQ(offsetof(js_channel_descriptor, interact) + sizeof(void*),
            JS_CHANNEL_DESCRIPTOR_V1_SIZE);
  EXPECT_GT(sizeof(js_channel_descriptor), JS_CHANNEL_DESCRIPTOR_V1_SIZE);
}

TEST(ChannelBoundary, ConfigureChecksDomainsThenCombinations) {
  EXPECT_EQ(ToyTouchpoint({0.5, 3.0, 0.0}).status, JS_OK);
  ToyTouchpoint out_of_range({2.0, 3.0, 0.0});
  EXPECT_EQ(out_of_range.status, JS_ERROR);
  EXPECT_NE(std::string(out_of_range.error.data()).find("'rate'"),
            std::string::npos);
  ToyTouchpoint fast({0.5, 3.0, 1.0});
  EXPECT_EQ(fast.status, JS_ERROR);
  EXPECT_STREQ(fast.error.data(), "toy touchpoint 'tp': fast is not built");
  std::array<char, JS_ERROR_CAPACITY> error{};
  void* instance = nullptr;
  EXPECT_EQ(kToy.configure(nullptr, &instance, error.data()), JS_ERROR);
  EXPECT_STREQ(error.data(),
               "toy: configure called without config or instance");
}

TEST(ChannelBoundary, InteractWorksOutEachPersonasTermsOnceABatch) {
  ToyTouchpoint tp({0.5, 3.0, 0.0});
  ASSERT_EQ(tp.status, JS_OK);
  js_persona_view personas[2] = {};
  personas[0].channel_affinity = 1.0;
  personas[1].channel_affinity = 0.5;
  const double u[1] = {0.3};
  js_agent_view agents[4] = {};
  for (uint32_t i = 0; i < 4; ++i) {
    agents[i].persona = i % 2;
    agents[i].uniforms = u;
  }
  const js_batch batch{personas, 2, agents, 4, nullptr};
  js_outcome out[4] = {};
  terms_made = 0;
  ASSERT_EQ(kToy.interact(tp.instance, &batch, out, nullptr), JS_OK);
  EXPECT_EQ(terms_made, 2);
  EXPECT_EQ(out[0].p_continue, 0.5);
  EXPECT_EQ(out[0].next, JS_NEXT_BY_WEIGHT);
  EXPECT_EQ(out[1].p_continue, 0.25);
  EXPECT_EQ(out[1].next, JS_NEXT_DROP);
}

TEST(ChannelBoundary, InteractRefusesABadBatchAndCatchesTheModelsExceptions) {
  ToyTouchpoint tp({0.5, 3.0, 0.0});
  ASSERT_EQ(tp.status, JS_OK);
  js_persona_view persona{};
  const double u[1] = {0.3};
  js_agent_view agent{};
  agent.uniforms = u;
  js_outcome out{};
  std::array<char, JS_ERROR_CAPACITY> error{};

  agent.persona = 1;
  js_batch batch{&persona, 1, &agent, 1, nullptr};
  EXPECT_EQ(kToy.interact(tp.instance, &batch, &out, error.data()), JS_ERROR);
  EXPECT_NE(std::string(error.data()).find("persona index 1"),
            std::string::npos);

  agent.persona = 0;
  EXPECT_EQ(kToy.interact(tp.instance, &batch, nullptr, error.data()),
            JS_ERROR);
  EXPECT_STREQ(error.data(),
               "toy: interact called without instance, batch or output");

  agent.visits = 101;
  EXPECT_EQ(kToy.interact(tp.instance, &batch, &out, error.data()), JS_ERROR);
  EXPECT_STREQ(error.data(), "too many visits");
}

}  // namespace
