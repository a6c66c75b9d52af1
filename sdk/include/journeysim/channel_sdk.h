/// @file channel_sdk.h
/// The journeysim channel plugin SDK: everything a channel author includes.
///
/// A channel plugin is a shared library exporting one C entry point,
/// `journeysim_channel_v1`, that returns a pointer to a static
/// `js_channel_descriptor`. The host reads the descriptor's API version and
/// size first and trusts nothing else in it until both check out.
///
/// The boundary is plain C data so that plugins depend on no C++ library ABI:
/// - parameters arrive already validated against the declared ranges and
///   resolved to plain numbers (booleans as 0/1), in declaration order;
/// - randomness arrives as uniforms drawn by the host from the agent's own
///   counter-based stream, so determinism and common random numbers hold by
///   construction;
/// - one call handles a batch of agents standing at the same touchpoint;
/// - errors come back as a status plus a message written into a buffer the
///   host owns. Nothing is thrown or allocated across the boundary.
///
/// API versions. Version 2 (this header) adds the events an interaction can
/// end in (`js_event`): the journey routes on them. Its descriptor is
/// version 1's, unchanged, with three fields appended, so the host reads a
/// version-1 plugin exactly as before and names its outcomes `continued`
/// (the success event) and `dropped` (every drop reason). `js_outcome` is
/// unchanged: a dropped agent's event is its reason's event, a continuing
/// agent's is a success event (see `js_outcome::reason`).
///
/// The entry point keeps its name in every API version. Its `_v1` names the
/// entry protocol — a function returning a descriptor that starts with
/// `api_version` and `struct_size` — not the API version, which lives in
/// the descriptor (as LLVM's `llvmGetPassPluginInfo` does). So one symbol
/// serves both generations, the host needs no second lookup, and an older
/// journeysim given a version-2 plugin says "wrong API version: plugin has
/// 2" instead of "not a journeysim channel".
#pragma once

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The API version this header describes. Bumped on any incompatible change.
#define JS_CHANNEL_API_VERSION 3u

/// API version 2: events, before `js_batch::queue_wait_hours`. Its plugins
/// load unchanged: the descriptor is the same, and they never read the
/// field version 3 appended to the batch.
#define JS_CHANNEL_API_VERSION_2 2u

/// The first API version: outcomes are continue or drop, no event table.
/// Its plugins still load; a descriptor with this `api_version` has
/// `struct_size` JS_CHANNEL_DESCRIPTOR_V1_SIZE and ends before `events`.
#define JS_CHANNEL_API_VERSION_1 1u

/// The exported entry point's name; see `js_channel_entry_fn`.
#define JS_CHANNEL_ENTRY_NAME "journeysim_channel_v1"

/// Most uniforms a channel may ask for per interaction.
#define JS_MAX_UNIFORMS 16u

/// Most events a channel may declare.
#define JS_MAX_EVENTS 32u

/// Size of the host-owned buffer a plugin may write an error message into.
#define JS_ERROR_CAPACITY 512u

/// `js_outcome::next` value: the host picks the next edge by the touchpoint's
/// edge weights (or ends the journey normally at an exit touchpoint).
#define JS_NEXT_BY_WEIGHT (-1)
/// `js_outcome::next` value: the customer drops here; `reason` says why.
#define JS_NEXT_DROP (-2)

/// Result of every call a plugin implements.
typedef enum js_status { JS_OK = 0, JS_ERROR = 1 } js_status;

/// Type of a declared parameter.
typedef enum js_param_type {
  JS_PARAM_NUMBER = 0,  ///< any finite real within [min, max]
  JS_PARAM_INTEGER = 1, ///< a whole number within [min, max]
  JS_PARAM_BOOLEAN = 2  ///< true or false, delivered as 1.0 or 0.0
} js_param_type;

/// One parameter a channel accepts in a touchpoint's `params` table.
typedef struct js_param_spec {
  const char* name;          ///< key in the scenario file, e.g. "form_fields"
  js_param_type type;        ///< how the value is checked
  double default_value;      ///< used when the scenario does not set it
  double min_value;          ///< inclusive lower bound (ignored for booleans)
  double max_value;          ///< inclusive upper bound (ignored for booleans)
  const char* description;   ///< one line for `journeysim plugins`
} js_param_spec;

/// One reason a customer can drop at this channel's touchpoints.
typedef struct js_drop_reason {
  const char* code;        ///< stable identifier, e.g. "too_many_fields"
  const char* label;       ///< short human text, e.g. "too many form fields"
  const char* suggestion;  ///< the opportunity it points at, e.g. "cut fields"
} js_drop_reason;

/// `js_event::flags` bit: the event is a success. An agent ending in it
/// continues along the touchpoint's `next` edges (by weight, or the edge
/// `js_outcome::next` names); the journey may also route it with `on`.
#define JS_EVENT_SUCCESS 1u

/// One event an interaction at this channel's touchpoints can end in
/// (API version 2), e.g. `clicked` or `not_opened` for an email. Scenarios
/// route customers by its name (`on = { not_opened = "wait_2d" }`).
/// An event that is not a success event and is not routed ends the journey
/// as a drop, with the agent's drop reason.
typedef struct js_event {
  const char* name;   ///< lowercase identifier [a-z][a-z0-9_]*, unique
  const char* label;  ///< short human text, e.g. "opened, did not click"
  uint32_t flags;     ///< JS_EVENT_SUCCESS or 0; other bits must be 0
} js_event;

/// What a channel sees of the touchpoint it is configured for.
typedef struct js_config_view {
  const char* touchpoint_id;   ///< e.g. "checkout"
  const char* stage;           ///< e.g. "purchase"
  const double* params;        ///< resolved values, one per declared param
  uint32_t param_count;        ///< equals the descriptor's param_count
  uint32_t edge_count;         ///< number of `next` edges (0 at an exit)
  const double* edge_weights;  ///< normalised weights, summing to 1
} js_config_view;

/// What a channel sees of a persona; all traits are in [0, 1].
typedef struct js_persona_view {
  const char* id;               ///< persona id from the scenario
  double patience;              ///< tolerance for waiting and effort
  double price_sensitivity;     ///< reaction to prices and surprise costs
  double tech_savvy;            ///< ease with forms, apps and payments
  double channel_affinity;      ///< how much they follow this touchpoint's channel
  double best_other_affinity;   ///< their highest affinity for any other channel
} js_persona_view;

/// One agent standing at the touchpoint, as the plugin sees it.
typedef struct js_agent_view {
  uint32_t persona;         ///< index into the batch's `personas`
  uint32_t visits;          ///< earlier visits of this agent to this touchpoint
  uint32_t messages;        ///< messages received so far (for fatigue)
  uint32_t steps;           ///< touchpoints passed so far
  double hours;             ///< time since the agent arrived
  double effort;            ///< effort accumulated so far
  double satisfaction;      ///< current satisfaction in [0, 1]
  double spent;             ///< money spent so far
  const double* uniforms;   ///< `uniforms_per_interaction` values in [0, 1)
} js_agent_view;

/// A batch of agents at one touchpoint.
typedef struct js_batch {
  const js_persona_view* personas;  ///< indexed by js_agent_view::persona
  uint32_t persona_count;
  const js_agent_view* agents;
  uint32_t agent_count;
  /// API version 3: at a touchpoint whose customers queue for a resource
  /// (`uses`), how long each agent of the batch waited in the queue, in
  /// hours (parallel to `agents`); NULL where there is no queue. The host
  /// adds the wait to the interaction's time itself: a channel reports only
  /// its own time, except for a customer who gives up (its `gave_up`
  /// event), whose time is how long they held on. A plugin of an earlier
  /// version never reads this field.
  const double* queue_wait_hours;
} js_batch;

/// What happened to one agent at the touchpoint.
/// The host checks every field; a bad value is an error naming the plugin
/// and the touchpoint, never a silent clamp.
typedef struct js_outcome {
  int32_t next;        ///< edge index, JS_NEXT_BY_WEIGHT or JS_NEXT_DROP
  /// Says which event the interaction ended in. When dropped: the index into
  /// the descriptor's reasons, and the event is `reason_events[reason]`.
  /// When continuing (API version 2): which success event, counted among
  /// the success events in declaration order — 0 for the first, and so
  /// always 0 for a channel with one success event. A channel with a second
  /// success event (say `clicked` and `replied`) declares both and sets 1
  /// for `replied`; no new field is needed. Version-1 hosts and plugins
  /// ignore it for continuing agents.
  uint32_t reason;
  double p_continue;   ///< the model's probability of not dropping, in [0, 1]
  double hours;        ///< time taken here, >= 0
  double effort;       ///< effort spent here, >= 0 (1 = one simple action)
  double emotion;      ///< change of satisfaction, in [-1, 1]
  double money;        ///< revenue taken here, >= 0
  uint32_t messages;   ///< messages sent to the agent here (at most 1000)
  uint32_t referrals;  ///< new customers this agent referred here (at most 1000)
} js_outcome;

/// The descriptor a plugin exports; must outlive the library's use.
/// Fields up to `interact` are API version 1's layout, frozen; version 2
/// appends the event table after them.
typedef struct js_channel_descriptor {
  uint32_t api_version;      ///< JS_CHANNEL_API_VERSION (or _VERSION_1)
  /// sizeof(js_channel_descriptor) for version 2,
  /// JS_CHANNEL_DESCRIPTOR_V1_SIZE for version 1
  uint32_t struct_size;
  const char* name;          ///< channel name used in scenarios, e.g. "email"
  const char* version;       ///< the plugin's own version, e.g. "1.0.0"
  const char* description;   ///< one line for `journeysim plugins`
  const js_param_spec* params;
  uint32_t param_count;
  const js_drop_reason* reasons;
  uint32_t reason_count;
  uint32_t uniforms_per_interaction;  ///< <= JS_MAX_UNIFORMS

  /// Validates one touchpoint's parameters (ranges are already checked by the
  /// host) and creates the state used for it. On failure writes a message of
  /// at most JS_ERROR_CAPACITY bytes (NUL included) into `error`.
  js_status (*configure)(const js_config_view* config, void** instance,
                         char* error);
  /// Releases what `configure` created.
  void (*destroy)(void* instance);
  /// Decides what each agent of the batch does; writes `batch->agent_count`
  /// outcomes to `out`. May be called on the same instance from several
  /// threads at once: it must not change the instance's state (everything
  /// random comes in the agents' uniforms).
  ///
  /// Every callback must return: the host names a plugin that crashes,
  /// aborts or calls exit inside one and stops the run with exit code 3, and
  /// one that runs past --plugin-timeout (60 s by default) with exit 4.
  /// Nothing may be written to stdout (in a run it goes to stderr;
  /// plugin-test fails it). The README's "Writing a channel plugin" lists
  /// what the host guarantees and what it cannot catch.
  js_status (*interact)(void* instance, const js_batch* batch,
                        js_outcome* out, char* error);

  /* API version 2: read only when api_version is 2 and struct_size says the
     fields are there. */

  /// The events an interaction can end in: at least one success event, at
  /// most JS_MAX_EVENTS in all, names unique.
  const js_event* events;
  /// Entries of `events`.
  uint32_t event_count;
  /// One entry per drop reason: reason r belongs to event
  /// `reason_events[r]`, which must not be a success event. Several reasons
  /// may share an event (a checkout's eight reasons are all `abandoned`);
  /// every event that is not a success needs at least one reason, or it
  /// could never happen.
  const uint32_t* reason_events;
} js_channel_descriptor;

/// The size of an API version 1 descriptor: everything before `events`.
#define JS_CHANNEL_DESCRIPTOR_V1_SIZE offsetof(js_channel_descriptor, events)

/// Signature of the exported entry point.
typedef const js_channel_descriptor* (*js_channel_entry_fn)(void);

/// The entry point every channel library exports (define it with
/// JOURNEYSIM_DECLARE_CHANNEL). Returns a descriptor with static lifetime.
#if defined(_WIN32)
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
const js_channel_descriptor* journeysim_channel_v1(void);

#ifdef __cplusplus
}  // extern "C"
#endif

/// Exports the entry point returning `descriptor` (a static object).
#ifdef __cplusplus
#define JS_EXTERN_C extern "C"
#else
#define JS_EXTERN_C
#endif
#if defined(_WIN32)
#define JS_CHANNEL_EXPORT JS_EXTERN_C __declspec(dllexport)
#else
#define JS_CHANNEL_EXPORT JS_EXTERN_C __attribute__((visibility("default")))
#endif

#define JOURNEYSIM_DECLARE_CHANNEL(descriptor)                          \
  JS_CHANNEL_EXPORT const js_channel_descriptor* journeysim_channel_v1( \
      void) {                                                           \
    return &(descriptor);                                               \
  }

#ifdef __cplusplus
#include <array>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <exception>

/// Small helpers for channel authors writing C++. Header-only and inline, so
/// a plugin still depends on nothing but the SDK's headers. The boundary
/// itself (configure, destroy, interact and the descriptor) is written once
/// in journeysim/channel_boundary.h.
namespace journeysim::sdk {

/// Clamps to [0, 1].
inline double clamp01(double x) { return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x); }

/// The logistic function 1 / (1 + e^-x).
inline double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

/// The log-odds of p (p in (0, 1)).
inline double logit(double p) { return std::log(p / (1.0 - p)); }

/// An exponential variate with the given mean from one uniform in [0, 1).
inline double exponential(double u, double mean) {
  return -mean * std::log1p(-u);
}

/// Two independent standard normal variates from two uniforms in [0, 1):
/// both halves of one Box-Muller draw. log1p(-u1) keeps u1 = 0 finite. The
/// engine's survey noise uses this too, so journeysim has one normal draw.
struct NormalPair {
  double first, second;  // the cosine half, then the sine half
};
inline NormalPair standard_normal_pair(double u1, double u2) {
  const double r = std::sqrt(-2.0 * std::log1p(-u1));
  const double angle = 6.283185307179586 * u2;
  return {r * std::cos(angle), r * std::sin(angle)};
}

/// A standard normal variate from two uniforms in [0, 1): the first (cosine)
/// half of standard_normal_pair.
inline double standard_normal(double u1, double u2) {
  return standard_normal_pair(u1, u2).first;
}

/// Writes a message into the host's error buffer (truncated to fit).
inline void write_error(char* error, const char* message) {
  if (error != nullptr) {
    std::snprintf(error, JS_ERROR_CAPACITY, "%s", message);
  }
}

/// Writes a printf-style message into the host's error buffer (truncated to
/// fit), for messages that name the offending values.
[[gnu::format(printf, 2, 3)]] inline void write_errorf(char* error,
                                                      const char* format,
                                                      ...) noexcept {
  if (error == nullptr) {
    return;
  }
  va_list args;
  va_start(args, format);
  std::vsnprintf(error, JS_ERROR_CAPACITY, format, args);
  va_end(args);
}

/// Runs `body` (returning js_status) and turns any exception into JS_ERROR
/// with its message, so nothing is thrown across the plugin boundary.
template <class Body>
js_status guarded(char* error, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    write_error(error, e.what());
  } catch (...) {
    write_error(error, "unknown exception");
  }
  return JS_ERROR;
}

/// Terms a model works out once per persona rather than per agent (logs of
/// affinities, thresholds...): the first agent of a persona in the batch
/// computes them, the others reuse them. Keep it on the stack of one
/// `interact` call, since the host may call `interact` concurrently. The
/// first `Cached` personas are kept; beyond them terms are computed per
/// agent (the same numbers, more work).
template <class Terms, uint32_t Cached = 64>
class PersonaTermsCache {
  static_assert(Cached <= 64, "one bit per cached persona");

 public:
  /// The terms of `persona`, from `make()` the first time it is asked for.
  template <class Make>
  const Terms& get(uint32_t persona, Make&& make) {
    if (persona >= Cached) {
      uncached_ = make();
      return uncached_;
    }
    const uint64_t bit = uint64_t{1} << persona;
    if ((ready_ & bit) == 0) {
      terms_[persona] = make();
      ready_ |= bit;
    }
    return terms_[persona];
  }

 private:
  // Left uninitialised on purpose: filling every entry would cost more than
  // a small batch does; `ready_` says which entries hold terms.
  std::array<Terms, Cached> terms_;
  uint64_t ready_ = 0;
  Terms uncached_;
};

/// For a touchpoint whose checks come one after another (check k, once
/// reached, loses the agent with probability q[k]): which check a dropping
/// agent failed. Check k takes the share P(reach k) q[k] / (1 - p) of the
/// drops, so `target` = u * (1 - p), u uniform in [0, 1), is walked through
/// the cumulative drop probabilities. A check with q[k] = 0 is never
/// chosen; rounding at the far end falls back to the last live check, or to
/// `none_live` when no check can fail.
template <size_t N>
uint32_t failed_check(const std::array<double, N>& q, double target, uint32_t none_live) {
  double reach = 1.0;
  double cumulative = 0.0;
  uint32_t last = none_live;
  for (uint32_t k = 0; k < N; ++k) {
    const double d = reach * q[k];
    if (d > 0.0) {
      cumulative += d;
      last = k;
      if (target < cumulative) {
        return k;
      }
    }
    reach *= 1.0 - q[k];
  }
  return last;
}

}  // namespace journeysim::sdk
#endif
