// A run's results as users read them: every metric an Estimate, with the
// scenario's identity. Built once from the tallies; every output format
// (table, JSON, CSV, later HTML and Markdown) renders this, and the flat
// metric rows give every metric one stable path that thresholds and
// comparisons use.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "journeysim/engine.h"
#include "journeysim/manifest.h"
#include "journeysim/statistics.h"

namespace journeysim {

struct JourneyMetrics {
  uint64_t agents = 0, converted = 0, exited = 0, dropped = 0, horizon = 0, step_limit = 0;
  Estimate conversion_rate, bounce_rate, cart_abandonment_rate, repeat_rate;
  Estimate time_to_convert_median_days, time_to_convert_p90_days, time_to_convert_mean_days;
  Estimate csat, ces, nps;
  Estimate revenue_per_agent, referrals_per_agent, messages_per_agent, effort_per_agent;
  Estimate path_length, satisfaction;
  std::vector<std::pair<std::string, Estimate>> milestones;  // name -> reach rate
};

struct ReasonShare {
  std::string code, label, suggestion;
  uint64_t count = 0;
};

struct TouchpointReport {
  /// Calendar (only where they apply, so other reports keep their bytes):
  /// messages a frequency cap skipped here, and the mean wait for the send
  /// window over every arrival.
  std::optional<uint64_t> capped;
  std::optional<Estimate> window_wait_hours;
  std::string id, name, stage, channel, milestone;
  std::vector<std::string> actions;
  bool exit = false;
  uint64_t arrivals = 0, agents = 0, continued = 0, dropped = 0, cut_off = 0, exits = 0;
  uint64_t rerouted = 0;  // of `dropped`, those `on` routed on (not lost)
  Estimate drop_rate, effort, emotion, satisfaction, hours, model_continue;
  double revenue = 0.0;
  std::vector<ReasonShare> reasons;                           // most frequent first
  std::vector<std::pair<std::string, uint64_t>> flows;        // next touchpoint -> count
  /// Journeys that ended here without converting ("lost here"), of the
  /// agents who came, and why (most frequent first).
  uint64_t lost = 0;
  Estimate lost_rate;
  std::vector<ReasonShare> lost_reasons;
};

/// Where a step leads, as a reader needs it: the node and what takes a
/// customer there ("persona == 'vip'", "otherwise", "A 50 %", "2d",
/// "returns on their own at 5 %/day").
struct StepRoute {
  std::string to;     // node id
  std::string label;
};

/// A step that is not a channel (journey model 2).
struct StepReport {
  std::string id, kind;
  std::string name;   // display name (the id when the scenario gives none)
  std::string stage;  // "" when the step has none
  /// What the step does, in words: a wait's duration and race, a split's
  /// branches with their conditions as written, an experiment's arms, an
  /// update's attributes, an exit's reason.
  std::string description;
  std::vector<StepRoute> routes;  // in the order the scenario gives them
  std::string duration;  // waits: as written ("2d", "lognormal median 4h, p90 12h")
  /// The touchpoint the step hangs from: the node that first leads here
  /// (touchpoints' `next` and `on` in scenario order, then steps'), followed
  /// back through steps. Where a diagram in one line puts it.
  std::string after;
  uint64_t arrivals = 0, agents = 0, cut_off = 0, exits = 0;
  uint64_t returned = 0;        // waits: the customer's own return came first
  std::optional<double> mean_hours;  // waits: mean time waited
  Estimate waited;              // waits: the same mean, with its interval (hours)
};

/// One arm of an experiment: customers assigned to it and how many converted.
struct ArmReport {
  std::string name;
  uint64_t agents = 0, arrivals = 0, converted = 0;
  Estimate conversion_rate;  // converted / agents
};

/// An arm against the experiment's first arm, counterfactually: every
/// customer who reached the experiment walked through both arms on the same
/// random numbers, so the difference is paired.
struct ArmEffect {
  std::string arm;
  Estimate conversion_rate;  // this arm's conversion minus the first arm's
  /// Customers per arm a real two-sided A/B test at 5 % with 80 % power
  /// would need to detect this difference; none when there is none.
  std::optional<uint64_t> sample_size_per_arm;
};

struct ExperimentReport {
  std::string id;
  std::vector<ArmReport> arms;
  std::vector<ArmEffect> effects;  // arms after the first, in order
};

struct StageReport {
  std::string id, owner;
  uint64_t reached = 0, dropped = 0, converted = 0;
  Estimate reach_rate, drop_rate, conversion_rate, satisfaction;
};

struct PersonaTouchpoint {
  std::string touchpoint;
  uint64_t arrivals = 0, dropped = 0;
  Estimate drop_rate;
  std::string top_reason;  // label, "" when nobody dropped
  std::vector<ReasonShare> reasons;  // this persona's, most frequent first
  /// This persona's "lost here" (see TouchpointReport): of its agents who came.
  uint64_t agents = 0, lost = 0;
  Estimate lost_rate;
  std::vector<ReasonShare> lost_reasons;
};

struct PersonaReport {
  std::string id;
  double share = 0.0;
  JourneyMetrics metrics;
  std::vector<Estimate> stage_satisfaction;  // by stage index
  std::vector<StageReport> stages;           // by stage index, this persona's agents
  std::vector<PersonaTouchpoint> touchpoints;
};

/// A friction hot spot and what to try there.
struct Opportunity {
  std::string touchpoint;
  std::string persona;  // "" = everyone
  std::string problem;
  std::string suggestion;
  double impact = 0.0;  // share of all agents affected
};

/// A resource's queue over the run (engine/coupled_pass.h). Minutes, since
/// queues are spoken of in minutes.
struct ResourceReport {
  std::string id, name;
  uint32_t capacity = 0;
  uint64_t arrivals = 0, waited = 0, gave_up = 0, served = 0;
  std::vector<std::string> used_by;  // touchpoint ids
  Estimate utilization;      // busy server-hours / server-hours open
  Estimate wait_minutes;     // mean over arrivals, interval by batch means
  Estimate wait_p90_minutes;
  Estimate waited_share;     // found every server busy
  Estimate gave_up_share;
  Estimate mean_queue_length;
};

/// A resource's line in the time series: by bin, the mean number waiting
/// and the share of open server-time busy.
struct ResourceSeries {
  std::string id;
  std::vector<double> queue_length, utilization;
};

/// The run over calendar time (SeriesTally): bins from the journey's start.
struct SeriesReport {
  double bin_hours = 0.0;
  std::vector<double> hours;  // each bin's start, hours from the journey's start
  std::vector<std::string> times;  // the same on the journey's calendar and clock (ISO 8601)
  std::vector<uint64_t> arrivals, conversions, messages;
  std::vector<ResourceSeries> resources;

  bool empty() const { return hours.empty(); }
};

struct RunReport {
  std::string name, purpose, type;
  double horizon_days = 0.0;
  uint32_t max_steps = 0;
  std::string conversion;
  /// Everything that produced these numbers: versions, scenario files and
  /// hash, plugins and their libraries, seed, agents.
  RunManifest manifest;
  /// How the run was executed, when asked for (--manifest-execution).
  std::optional<Execution> execution;
  JourneyMetrics journey;
  /// Converters' time to convert (hours), exact: what the HTML report draws
  /// as a distribution. Not part of the JSON (its quantiles are).
  DurationHistogram time_to_convert;
  std::vector<StageReport> stages;
  std::vector<TouchpointReport> touchpoints;
  std::vector<PersonaReport> personas;
  std::vector<Opportunity> opportunities;
  std::vector<StepReport> steps;              // empty for a model-1 journey
  std::vector<ExperimentReport> experiments;  // by step order
  std::vector<ResourceReport> resources;      // by id; empty without [resources]
  SeriesReport series;                        // empty for a journey without a calendar
};

RunReport summarize(const SimulationModel& model, const RunTally& tally,
                    const RunOptions& options);

/// Which way a metric improves: what "worse" means for a regression check
/// and what a comparison's verdict calls a gain.
enum class Better { Higher, Lower, Neither };

/// One metric with its stable path, e.g. "conversion_rate",
/// "time_to_convert.p90_days", "touchpoints.checkout.drop_rate",
/// "personas.busy_parent.conversion_rate".
struct MetricRow {
  std::string path;
  std::string scope;   // journey | stage | touchpoint | persona
  std::string entity;  // stage, touchpoint or persona id; "" for journey
  std::string metric;  // the path's last part(s) within the scope
  Estimate estimate;
  bool is_count = false;  // an exact count: no interval
  Better better = Better::Neither;
};

/// The direction of improvement of a metric name (the last part of a path,
/// e.g. "drop_rate" or "time_to_convert.p90_days").
Better better_direction(const std::string& metric);

std::vector<MetricRow> metric_rows(const RunReport& report);

/// journeysim's own version.
const char* journeysim_version();

}  // namespace journeysim
