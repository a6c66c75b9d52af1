/// @file channel_boundary.h
/// The plugin boundary of a channel written in C++, written once: the three
/// callbacks and the descriptor that every channel would otherwise repeat.
///
/// A channel file then holds its parameter, reason and event tables and
/// names its model's functions:
///
/// ```cpp
/// constexpr js_event kEvents[] = {
///     {"purchased", "paid", JS_EVENT_SUCCESS},
///     {"abandoned", "left the checkout", 0}};
/// constexpr uint32_t kReasonEvents[] = {1, 1, 1};  // one per reason
/// constexpr journeysim::sdk::ChannelFacts kFacts = journeysim::sdk::facts(
///     "checkout", "1.1.0", "a checkout: steps, fields, payment", kParams,
///     kReasons, kEvents, kReasonEvents, kUniforms);
/// constexpr js_channel_descriptor kDescriptor =
///     journeysim::sdk::describe<kFacts, MakeTouchpoint, TermsFor, Decide,
///                               CheckCombinations>();
/// JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
/// ```
///
/// where, for the touchpoint type T the model makes and the per-persona
/// terms type P it works out:
/// - `T MakeTouchpoint(const double* params)` builds a touchpoint's state from
///   its resolved parameters, once, at configure; it is read-only after;
/// - `P TermsFor(const T&, const js_persona_view&)` works out what depends on
///   the persona alone, once per persona of a batch;
/// - `js_outcome Decide(const T&, const P&, const js_agent_view&)` decides one
///   agent; a Decide with a fourth parameter `const double* queue_wait_hours`
///   also sees the agent's wait in a resource's queue (null: no queue);
/// - `bool CheckCombinations(const js_config_view&, char* error)` (optional)
///   rejects, with a message, combinations of in-range parameters that
///   describe nothing real;
/// - `facts` without the event tables describes an API version 1 channel
///   (continue or drop; the host names them `continued` and `dropped`), so
///   a channel written before events keeps building unchanged;
/// - the last, optional, argument says how much of the declared domains the
///   channel checks again (`recheck_domains`, the default, or
///   `recheck_count_only`).
///
/// The boundary stays plain C: every callback is noexcept, turns exceptions
/// into JS_ERROR with a message in the host's buffer (`guarded`), and hands
/// the host nothing it must free. The touchpoint made at `configure` lives
/// in the plugin and is freed by the plugin's `destroy`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "journeysim/channel_params.h"
#include "journeysim/channel_sdk.h"

namespace journeysim::sdk {

/// What a channel's descriptor says besides its callbacks.
struct ChannelFacts {
  const char* name;               ///< channel name in scenarios, e.g. "email"
  const char* version;            ///< the plugin's own version, e.g. "1.0.0"
  const char* description;        ///< one line for `journeysim plugins`
  const js_param_spec* params;    ///< declared parameters, in order
  uint32_t param_count;           ///< entries of `params`
  const js_drop_reason* reasons;  ///< indexed by js_outcome::reason
  uint32_t reason_count;          ///< entries of `reasons`
  uint32_t uniforms_per_interaction;  ///< at most JS_MAX_UNIFORMS
  const js_event* events = nullptr;   ///< null: an API version 1 channel
  uint32_t event_count = 0;           ///< entries of `events`
  const uint32_t* reason_events = nullptr;  ///< each reason's event
};

/// The facts of an API version 1 channel (no event table), with the table
/// sizes taken from the tables themselves.
template <size_t kParamCount, size_t kReasonCount>
constexpr ChannelFacts facts(const char* name, const char* version,
                             const char* description,
                             const js_param_spec (&params)[kParamCount],
                             const js_drop_reason (&reasons)[kReasonCount],
                             uint32_t uniforms_per_interaction) noexcept {
  return {name,
          version,
          description,
          params,
          static_cast<uint32_t>(kParamCount),
          reasons,
          static_cast<uint32_t>(kReasonCount),
          uniforms_per_interaction,
          nullptr,
          0,
          nullptr};
}

/// The facts of an API version 2 channel: as above, plus the events its
/// interactions end in and, for each drop reason, the index of its event
/// (the array's size must be the reason table's: the compiler checks it).
template <size_t kParamCount, size_t kReasonCount, size_t kEventCount>
constexpr ChannelFacts facts(const char* name, const char* version,
                             const char* description,
                             const js_param_spec (&params)[kParamCount],
                             const js_drop_reason (&reasons)[kReasonCount],
                             const js_event (&events)[kEventCount],
                             const uint32_t (&reason_events)[kReasonCount],
                             uint32_t uniforms_per_interaction) noexcept {
  ChannelFacts with_events = facts(name, version, description, params, reasons,
                                   uniforms_per_interaction);
  with_events.events = events;
  with_events.event_count = static_cast<uint32_t>(kEventCount);
  with_events.reason_events = reason_events;
  return with_events;
}

/// The `CheckCombinations` of a channel whose every in-range combination of
/// parameters is a real setting.
inline bool no_combination_rules(const js_config_view& /*config*/,
                                 char* /*error*/) noexcept {
  return true;
}

/// The parameter check of a channel that checks every value against its
/// declared domain again (check_params): cheap, and it keeps the plugin
/// honest when a test or another host drives it.
inline bool recheck_domains(const ChannelFacts& facts,
                            const js_config_view& config,
                            char* error) noexcept {
  return check_params(facts.name, facts.params, facts.param_count, config,
                      error);
}

/// The parameter check of a channel that checks only the count its model
/// reads and leaves the declared domains to the host, so that a test may
/// drive its model beyond them.
inline bool recheck_count_only(const ChannelFacts& facts,
                               const js_config_view& config,
                               char* error) noexcept {
  return check_param_count(facts.name, facts.param_count, config, error);
}

/// The three callbacks of the channel `kFacts` describes, from its model's
/// functions (see the file comment).
template <const ChannelFacts& kFacts, auto kMakeTouchpoint, auto kTermsFor,
          auto kDecide, auto kCheckCombinations = &no_combination_rules,
          auto kCheckParams = &recheck_domains>
class ChannelBoundary {
 public:
  /// The state made for one touchpoint; shared read-only by every batch.
  using Touchpoint =
      std::invoke_result_t<decltype(kMakeTouchpoint), const double*>;
  /// What the model works out once per persona of a batch.
  using Terms = std::invoke_result_t<decltype(kTermsFor), const Touchpoint&,
                                     const js_persona_view&>;

  /// js_channel_descriptor::configure: checks the parameters (kCheckParams),
  /// then the model's cross-parameter rules, then makes the touchpoint.
  static js_status configure(const js_config_view* config, void** instance,
                             char* error) noexcept {
    return guarded(error, [&]() -> js_status {
      if (config == nullptr || instance == nullptr) {
        write_errorf(error, "%s: configure called without config or instance",
                     kFacts.name);
        return JS_ERROR;
      }
      if (!kCheckParams(kFacts, *config, error) ||
          !kCheckCombinations(*config, error)) {
        return JS_ERROR;
      }
      *instance = new Touchpoint(kMakeTouchpoint(config->params));
      return JS_OK;
    });
  }

  /// js_channel_descriptor::destroy: frees what `configure` made.
  static void destroy(void* instance) noexcept {
    delete static_cast<Touchpoint*>(instance);
  }

  /// js_channel_descriptor::interact: checks the batch, then decides each
  /// agent with its persona's terms, worked out at the persona's first agent.
  static js_status interact(void* instance, const js_batch* batch,
                            js_outcome* out, char* error) noexcept {
    return guarded(error, [&]() -> js_status {
      if (instance == nullptr || batch == nullptr || out == nullptr) {
        write_errorf(error,
                     "%s: interact called without instance, batch or output",
                     kFacts.name);
        return JS_ERROR;
      }
      if (batch->agent_count > 0 &&
          (batch->agents == nullptr || batch->personas == nullptr)) {
        write_errorf(error,
                     "%s: batch has agents but no agent or persona array",
                     kFacts.name);
        return JS_ERROR;
      }
      // Read-only: the host may call this concurrently for one touchpoint,
      // so the persona cache lives on this call's stack.
      const Touchpoint& touchpoint = *static_cast<const Touchpoint*>(instance);
      PersonaTermsCache<Terms> terms;
      for (uint32_t i = 0; i < batch->agent_count; ++i) {
        const js_agent_view& agent = batch->agents[i];
        const uint32_t k = agent.persona;
        if (k >= batch->persona_count || agent.uniforms == nullptr) {
          write_errorf(error,
                       "%s: agent %u of the batch has persona index %u (batch "
                       "has %u personas) or no uniforms",
                       kFacts.name, static_cast<unsigned>(i),
                       static_cast<unsigned>(k),
                       static_cast<unsigned>(batch->persona_count));
          return JS_ERROR;
        }
        const Terms& persona_terms = terms.get(
            k, [&] { return kTermsFor(touchpoint, batch->personas[k]); });
        // A Decide that takes a fourth argument sees the agent's wait in a
        // queue (API 3; null where the touchpoint has none).
        if constexpr (std::is_invocable_v<decltype(kDecide), const Touchpoint&,
                                          const Terms&, const js_agent_view&,
                                          const double*>) {
          out[i] = kDecide(touchpoint, persona_terms, agent,
                           batch->queue_wait_hours == nullptr
                               ? nullptr
                               : &batch->queue_wait_hours[i]);
        } else {
          out[i] = kDecide(touchpoint, persona_terms, agent);
        }
      }
      return JS_OK;
    });
  }
};

/// The descriptor of the channel `kFacts` describes, with the callbacks of
/// ChannelBoundary: API version 2 when the facts carry events, else
/// version 1 (with the version-1 size, so a host reads it as such). Give it
/// static storage and export it with JOURNEYSIM_DECLARE_CHANNEL.
template <const ChannelFacts& kFacts, auto kMakeTouchpoint, auto kTermsFor,
          auto kDecide, auto kCheckCombinations = &no_combination_rules,
          auto kCheckParams = &recheck_domains>
constexpr js_channel_descriptor describe() noexcept {
  using Boundary = ChannelBoundary<kFacts, kMakeTouchpoint, kTermsFor, kDecide,
                                   kCheckCombinations, kCheckParams>;
  const bool has_events = kFacts.events != nullptr;
  return {has_events ? JS_CHANNEL_API_VERSION : JS_CHANNEL_API_VERSION_1,
          static_cast<uint32_t>(has_events ? sizeof(js_channel_descriptor)
                                           : JS_CHANNEL_DESCRIPTOR_V1_SIZE),
          kFacts.name,
          kFacts.version,
          kFacts.description,
          kFacts.params,
          kFacts.param_count,
          kFacts.reasons,
          kFacts.reason_count,
          kFacts.uniforms_per_interaction,
          &Boundary::configure,
          &Boundary::destroy,
          &Boundary::interact,
          kFacts.events,
          kFacts.event_count,
          kFacts.reason_events};
}

}  // namespace journeysim::sdk
