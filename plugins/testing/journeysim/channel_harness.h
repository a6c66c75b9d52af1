/// @file channel_harness.h
/// Driving a channel plugin from a test the way the host does, without
/// loading it: configure a touchpoint through the descriptor, make personas
/// and agents with their uniforms from a fixed seed, call `interact`, look
/// at the outcomes. Every shipped channel's tests use it; an out-of-tree
/// author can too (it is installed beside the SDK).
///
/// It needs only the SDK and the standard library, not a test framework: a
/// failed call comes back as a status and message, or, from `Run`, as an
/// exception, which any framework reports as a failed test.
///
/// The test links the channel's own code (in this tree, the channel's object
/// library), so `Descriptor()` is the channel's entry point, called directly.
#pragma once

#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace journeysim::testing {

/// The descriptor of the channel linked into the test.
inline const js_channel_descriptor& Descriptor() {
  return *journeysim_channel_v1();
}

/// A uniform in [0, 1) from the top 53 bits of one draw of `rng`.
inline double Uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

/// A touchpoint of the channel configured through its descriptor, as the
/// host would: the parameter values in declaration order, one edge. It is
/// destroyed (if configure succeeded) with this object.
class Touchpoint {
 public:
  /// Configures `values` at touchpoint `touchpoint_id` of stage `stage`;
  /// `ok()` and `error()` say how that went.
  Touchpoint(std::vector<double> values, const char* touchpoint_id,
             const char* stage)
      : values_(std::move(values)) {
    view_.touchpoint_id = touchpoint_id;
    view_.stage = stage;
    view_.params = values_.data();
    view_.param_count = static_cast<uint32_t>(values_.size());
    view_.edge_count = 1;
    view_.edge_weights = &kWeight;
    status_ = Descriptor().configure(&view_, &instance_, error_.data());
  }
  /// The same with the values in any container of doubles (an array).
  template <class Values>
  Touchpoint(const Values& values, const char* touchpoint_id,
             const char* stage)
      : Touchpoint(std::vector<double>(std::begin(values), std::end(values)),
                   touchpoint_id, stage) {}
  Touchpoint(const Touchpoint&) = delete;
  Touchpoint& operator=(const Touchpoint&) = delete;
  ~Touchpoint() {
    if (status_ == JS_OK) {
      Descriptor().destroy(instance_);
    }
  }

  /// What `configure` returned.
  js_status status() const { return status_; }
  /// Whether `configure` succeeded.
  bool ok() const { return status_ == JS_OK; }
  /// The message `configure` wrote (empty when it wrote none).
  std::string error() const { return error_.data(); }
  /// The instance `configure` made, for calling the descriptor directly.
  void* instance() const { return instance_; }

  /// Calls `interact` on `batch`: the outcomes into `out` (resized to the
  /// batch), the message (if any) into `error`; returns the status.
  js_status Interact(const js_batch& batch, std::vector<js_outcome>* out,
                     std::string* error) const {
    out->assign(batch.agent_count, js_outcome{});
    std::array<char, JS_ERROR_CAPACITY> buffer{};
    const js_status status =
        Descriptor().interact(instance_, &batch, out->data(), buffer.data());
    *error = buffer.data();
    return status;
  }

  /// The outcomes of `batch`; throws std::runtime_error with the plugin's
  /// message if `interact` fails, so the test fails with it.
  std::vector<js_outcome> Run(const js_batch& batch) const {
    std::vector<js_outcome> out;
    std::string error;
    if (Interact(batch, &out, &error) != JS_OK) {
      throw std::runtime_error("interact failed: " + error);
    }
    return out;
  }

 private:
  static constexpr double kWeight = 1.0;
  std::vector<double> values_;
  js_config_view view_{};
  void* instance_ = nullptr;
  js_status status_ = JS_ERROR;
  std::array<char, JS_ERROR_CAPACITY> error_{};
};

/// Personas, agents and the uniforms the agents point at: what a batch
/// refers to, kept alive together. A copy's agents still point at the
/// original's uniforms, so keep the original alive while the copy is used.
struct Crowd {
  std::vector<js_persona_view> personas;  ///< indexed by agents' `persona`
  std::vector<js_agent_view> agents;      ///< their `uniforms` point below
  std::vector<double> uniforms;           ///< each agent's, one after another
  /// Each agent's wait in a queue (hours), as a touchpoint that uses a
  /// resource shows it; empty = no queue.
  std::vector<double> queue_waits;

  /// The batch of all agents, as the host would pass it.
  js_batch Batch() const {
    return {personas.data(), static_cast<uint32_t>(personas.size()),
            agents.data(), static_cast<uint32_t>(agents.size()),
            queue_waits.empty() ? nullptr : queue_waits.data()};
  }

  /// A batch of agent `i` alone (with every persona): batch boundaries must
  /// not change an agent's outcome.
  js_batch Alone(size_t i) const {
    return {personas.data(), static_cast<uint32_t>(personas.size()), &agents[i],
            1, queue_waits.empty() ? nullptr : &queue_waits[i]};
  }
};

/// Repeats the personas of `crowd` `copies` times and moves agent i to copy
/// i % copies: the same customers, with persona indices past a channel's
/// per-batch cache (64 personas) once there are enough copies. In place, so
/// the agents keep pointing at the crowd's own uniforms.
inline void SpreadOverCopies(Crowd* crowd, uint32_t copies) {
  const std::vector<js_persona_view> originals = crowd->personas;
  const auto count = static_cast<uint32_t>(originals.size());
  crowd->personas.clear();
  for (uint32_t k = 0; k < count * copies; ++k) {
    crowd->personas.push_back(originals[k % count]);
  }
  for (size_t i = 0; i < crowd->agents.size(); ++i) {
    crowd->agents[i].persona += count * static_cast<uint32_t>(i % copies);
  }
}

/// A persona's traits, each in the middle of its scale unless set: the input
/// of a test's reference model, turned into what the plugin sees by View().
struct PersonaTraits {
  double patience = 0.5;             ///< js_persona_view::patience
  double price_sensitivity = 0.5;    ///< js_persona_view::price_sensitivity
  double tech_savvy = 0.5;           ///< js_persona_view::tech_savvy
  double channel_affinity = 0.5;     ///< js_persona_view::channel_affinity
  double best_other_affinity = 0.5;  ///< js_persona_view::best_other_affinity

  /// The persona as the plugin sees it, with id `id`.
  js_persona_view View(const char* id) const {
    return {id,         patience,         price_sensitivity,
            tech_savvy, channel_affinity, best_other_affinity};
  }
  /// The traits of a persona the plugin sees.
  static PersonaTraits Of(const js_persona_view& v) {
    return {v.patience, v.price_sensitivity, v.tech_savvy, v.channel_affinity,
            v.best_other_affinity};
  }
};

/// The part of an agent's state most models read: earlier visits and
/// satisfaction (in the middle unless set).
struct AgentState {
  uint32_t visits = 0;        ///< js_agent_view::visits
  double satisfaction = 0.5;  ///< js_agent_view::satisfaction

  /// The agent as the plugin sees it, in persona 0, everything else zero.
  js_agent_view View() const {
    js_agent_view a{};
    a.visits = visits;
    a.satisfaction = satisfaction;
    return a;
  }
};

/// A persona with every trait drawn from `rng`, in declaration order.
inline js_persona_view DrawPersona(const char* id, std::mt19937_64& rng) {
  // Braced initialisation evaluates left to right: the order is fixed.
  return {id,           Uniform(rng), Uniform(rng),
          Uniform(rng), Uniform(rng), Uniform(rng)};
}

/// `n` agents of one persona, all in `state` (its persona index is set to
/// 0), each with the channel's uniforms drawn in turn from a generator
/// seeded with `seed`.
inline Crowd SameAgents(size_t n, const js_persona_view& persona,
                        const js_agent_view& state, uint64_t seed) {
  const uint32_t k = Descriptor().uniforms_per_interaction;
  Crowd crowd;
  crowd.personas = {persona};
  crowd.uniforms.resize(n * k);
  std::mt19937_64 rng(seed);
  for (double& u : crowd.uniforms) {
    u = Uniform(rng);
  }
  crowd.agents.assign(n, state);
  for (size_t i = 0; i < n; ++i) {
    crowd.agents[i].persona = 0;
    crowd.agents[i].uniforms = crowd.uniforms.data() + i * k;
  }
  return crowd;
}

/// Whether some agents' uniforms sit at the ends of [0, 1).
enum class UniformEnds {
  kNone,              ///< every uniform drawn
  kEverySeventhAgent  ///< agents 0, 7, 14... get 0 and 1 - 2^-53 in turn
};

/// `n` agents of `personas`: first their uniforms, then their states from
/// `draw_state(i, rng, personas.size())` (which picks the persona too), all
/// drawn from `rng` in that order, so a seed fixes the whole crowd.
template <class DrawState>
Crowd MixedCrowd(std::vector<js_persona_view> personas, size_t n,
                 std::mt19937_64& rng, UniformEnds ends,
                 DrawState&& draw_state) {
  const uint32_t k = Descriptor().uniforms_per_interaction;
  Crowd crowd;
  crowd.personas = std::move(personas);
  crowd.uniforms.resize(n * k);
  for (size_t i = 0; i < crowd.uniforms.size(); ++i) {
    const bool end =
        ends == UniformEnds::kEverySeventhAgent && (i / k) % 7 == 0;
    crowd.uniforms[i] =
        end ? ((i % 2 == 0) ? 0.0 : 1.0 - 0x1.0p-53) : Uniform(rng);
  }
  crowd.agents.resize(n);
  for (size_t i = 0; i < n; ++i) {
    crowd.agents[i] = draw_state(i, rng, crowd.personas.size());
    crowd.agents[i].uniforms = crowd.uniforms.data() + i * k;
  }
  return crowd;
}

/// Messages received, drawn in [0, 50).
inline uint32_t DrawFewMessages(std::mt19937_64& rng) {
  return static_cast<uint32_t>(rng() % 50);
}

/// Agent `i`'s state over wide ranges, drawn in the order persona,
/// messages (by `draw_messages(rng)`), visits [0, 5), steps [0, 20), hours
/// [0, 1000), effort [0, 50), satisfaction, spent [0, 500); every fifth
/// agent's satisfaction is at an end instead (0 or 1 in turn).
template <class DrawMessages = uint32_t (*)(std::mt19937_64&)>
js_agent_view DrawAgentWithEnds(size_t i, std::mt19937_64& rng,
                                size_t persona_count,
                                DrawMessages draw_messages = &DrawFewMessages) {
  js_agent_view a{};
  a.persona = static_cast<uint32_t>(rng() % persona_count);
  a.messages = draw_messages(rng);
  a.visits = static_cast<uint32_t>(rng() % 5);
  a.steps = static_cast<uint32_t>(rng() % 20);
  a.hours = Uniform(rng) * 1000.0;
  a.effort = Uniform(rng) * 50.0;
  a.satisfaction = (i % 5 == 0) ? static_cast<double>(i % 2) : Uniform(rng);
  a.spent = Uniform(rng) * 500.0;
  return a;
}

/// An agent's state drawn in field order: persona, visits [0, 3), messages
/// [0, 20), steps [0, 10), hours [0, 100), effort [0, 20), satisfaction,
/// spent [0, 500).
inline js_agent_view DrawAgent(size_t /*i*/, std::mt19937_64& rng,
                               size_t persona_count) {
  // Braced initialisation evaluates left to right: the order is fixed.
  return {static_cast<uint32_t>(rng() % persona_count),
          static_cast<uint32_t>(rng() % 3),
          static_cast<uint32_t>(rng() % 20),
          static_cast<uint32_t>(rng() % 10),
          100.0 * Uniform(rng),
          20.0 * Uniform(rng),
          Uniform(rng),
          500.0 * Uniform(rng),
          nullptr};
}

/// `n` agents of `persona_count` personas (named "random"), with every
/// trait, every uniform and every agent state (DrawAgent) drawn from a
/// generator seeded with `seed`.
inline Crowd RandomCrowd(size_t n, uint64_t seed, int persona_count = 8) {
  std::mt19937_64 rng(seed);
  std::vector<js_persona_view> personas;
  for (int k = 0; k < persona_count; ++k) {
    personas.push_back(DrawPersona("random", rng));
  }
  return MixedCrowd(std::move(personas), n, rng, UniformEnds::kNone, DrawAgent);
}

/// The share of outcomes that did not drop.
inline double ContinueRate(const std::vector<js_outcome>& out) {
  double n = 0;
  for (const js_outcome& o : out) {
    n += o.next != JS_NEXT_DROP ? 1.0 : 0.0;
  }
  return n / static_cast<double>(out.size());
}

/// Four standard errors of a rate `p` observed over `n` trials: the
/// tolerance of every statistical check in the channel tests.
inline double FourStandardErrors(double p, double n) {
  return 4.0 * std::sqrt(p * (1.0 - p) / n);
}

/// For checks met one after another (check k, once reached, loses the agent
/// with probability q[k]; all are passed with probability p): the share of
/// the drops each check takes, P(reach k) q[k] / (1 - p).
template <size_t N>
std::array<double, N> FunnelShares(const std::array<double, N>& q, double p) {
  std::array<double, N> shares{};
  double reach = 1.0;
  for (size_t k = 0; k < N; ++k) {
    shares[k] = reach * q[k] / (1.0 - p);
    reach *= 1.0 - q[k];
  }
  return shares;
}

/// `values` with entry `index` set to `value`: one parameter changed.
template <class Values, class Index>
Values With(Values values, Index index, double value) {
  values[static_cast<size_t>(index)] = value;
  return values;
}

/// Whether two outcomes agree in every field, exactly.
inline bool SameOutcome(const js_outcome& a, const js_outcome& b) {
  return a.next == b.next && a.reason == b.reason &&
         a.p_continue == b.p_continue && a.hours == b.hours &&
         a.effort == b.effort && a.emotion == b.emotion && a.money == b.money &&
         a.messages == b.messages && a.referrals == b.referrals;
}

}  // namespace journeysim::testing
