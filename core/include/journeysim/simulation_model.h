// A scenario bound to its channels: every parameter resolved to a number,
// every touchpoint configured, every weight normalised. Built once, then
// shared read-only by all worker threads.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "journeysim/plugin_host.h"
#include "journeysim/scenario.h"

namespace journeysim {

struct ModelSteps;   // engine/model_steps.h: internal to the core
struct ModelQueues;  // engine/model_queues.h: likewise

/// An event of a touchpoint that its `on` table does not route.
inline constexpr uint32_t kNoRoute = UINT32_MAX;

/// One touchpoint, ready to run.
inline constexpr uint32_t kNoResource = UINT32_MAX;

struct ModelTouchpoint {
  uint32_t stage = 0;
  uint32_t stream_key = 0;          // hash of the id: keys the random stream
  ChannelInstancePtr channel;       // configured plugin instance
  uint32_t uniforms = 0;            // per interaction, from the descriptor
  uint32_t reason_count = 0;        // the channel's declared reasons
  // Above a continuing outcome's largest valid `reason`: the channel's
  // success-event count (API 2); unbounded for a version-1 plugin, whose
  // continuing `reason` means nothing.
  uint32_t success_reason_limit = std::numeric_limits<uint32_t>::max();
  // The channel's events; points into the Channel that `channel` keeps
  // alive. Null only in a ModelTouchpoint not bound to a channel.
  const ChannelEvents* events = nullptr;
  std::vector<double> params;       // resolved, in declaration order
  std::vector<uint32_t> edge_targets;
  std::vector<double> edge_weights;  // normalised
  std::vector<double> edge_cdf;      // cumulative, last = 1
  std::vector<double> edge_delay_hours;  // mean gap before each target
  bool has_delays = false;               // any edge_delay_hours > 0
  // By event: the node its `on` entry routes to, or kNoRoute. Empty when
  // the touchpoint has no `on` (routing is then model 1's, unchanged).
  std::vector<uint32_t> event_targets;
  bool exit = false;
  int milestone = -1;               // index into SimulationModel::milestones
  bool converts = false;            // its milestone is the conversion
  std::vector<js_persona_view> personas;  // as this channel sees each persona
  // A queue (`uses`): the resource's index, or kNoResource (its details
  // are in SimulationModel::queues()).
  uint32_t resource = kNoResource;
  // The [policies] frequency caps that count this touchpoint's messages
  // (indices into Scenario::policies.frequency_caps), and where its `on`
  // routes the host's `capped` event (kNoRoute: carry on to `next`).
  std::vector<uint32_t> caps;
  uint32_t capped_target = kNoRoute;

  /// The channel's event names, in declaration order (routing keys of `on`).
  const std::vector<std::string>& event_names() const { return events->names(); }
  /// The event a checked outcome (check_outcome) ended in: an index into
  /// event_names(). Dropped: its reason's event; continuing: a success event.
  uint32_t event_of(const js_outcome& o) const { return events->event_of(o); }
};

/// Reasons the engine itself ends a journey, listed after a channel's own.
enum class Cutoff : uint32_t { Horizon = 0, StepLimit = 1 };
inline constexpr uint32_t kCutoffCount = 2;
/// After the cutoffs, a reason no channel gives and no drop has: the
/// journey ended at an exit touchpoint without converting ("lost here").
inline constexpr uint32_t kEndedReason = kCutoffCount;

class SimulationModel {
 public:
  /// Binds `scenario` to the catalog's channels. Throws InputError listing
  /// unknown channels (nearest suggested), unknown or out-of-range params,
  /// params of the wrong type, and params a plugin rejects.
  SimulationModel(Scenario scenario, const PluginCatalog& catalog);

  const Scenario& scenario() const { return scenario_; }
  const std::vector<ModelTouchpoint>& touchpoints() const { return touchpoints_; }
  /// The steps, by step index (node index - touchpoint count).
  const ModelSteps& steps() const { return *steps_; }
  bool has_steps() const { return !scenario_.steps.empty(); }
  /// The resources and the touchpoints' queues for them.
  const ModelQueues& queues() const { return *queues_; }
  /// Agents share a queue somewhere: the run needs one global order.
  bool coupled() const { return !scenario_.resources.empty(); }
  /// The journey uses calendar time (queues, arrivals over time, send
  /// windows, frequency caps, a start of its own): its reports carry a time
  /// series and its event logs timestamps.
  bool has_calendar() const;
  /// The time series' bins: an hour each when the horizon is 14 days or
  /// less, else a day (how many depends on the run: engine/run_calendar.h).
  double series_bin_hours() const;
  const std::vector<std::string>& milestones() const { return milestones_; }
  /// Cumulative persona shares (normalised), by persona index.
  const std::vector<double>& persona_cdf() const { return persona_cdf_; }
  /// Entry touchpoints and their cumulative shares.
  const std::vector<uint32_t>& entry_touchpoints() const { return entries_; }
  const std::vector<double>& entry_cdf() const { return entry_cdf_; }
  double horizon_hours() const { return scenario_.journey.horizon_days * 24.0; }
  /// The distinct channels in use, sorted by name.
  const std::vector<ChannelPtr>& channels() const { return channels_; }
  /// Reason codes of touchpoint `t`: the channel's, then the cutoffs, then
  /// kEndedReason's ("ended"). Labels and suggestions are in the same order.
  std::vector<std::string> reason_codes(uint32_t t) const;
  std::vector<std::string> reason_labels(uint32_t t) const;
  std::vector<std::string> reason_suggestions(uint32_t t) const;

 private:
  Scenario scenario_;
  std::vector<ModelTouchpoint> touchpoints_;
  std::vector<std::string> milestones_;
  std::vector<double> persona_cdf_;
  std::vector<uint32_t> entries_;
  std::vector<double> entry_cdf_;
  std::vector<ChannelPtr> channels_;
  std::shared_ptr<const ModelSteps> steps_;
  std::shared_ptr<const ModelQueues> queues_;
};
using SimulationModelPtr = std::shared_ptr<const SimulationModel>;

/// The value of a persona trait the model does not know: a channel the
/// persona's `channels` table does not list.
inline constexpr double kDefaultChannelAffinity = 0.5;

}  // namespace journeysim
