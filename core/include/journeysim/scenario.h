// The scenario model: what a journey file (after `extends` and overrides) says.
// Produced by the loader (scenario_loader.h), read by the plugin host and the
// engine. Plain data; every user-facing value keeps where it came from so
// later checks (plugin params, thresholds) can still point at file:line:col.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "journeysim/calendar.h"
#include "journeysim/diagnostics.h"

namespace journeysim {

/// [journey]
struct Journey {
  std::string name;                 // required
  std::string purpose;              // the question the map answers
  std::string type = "purchase";    // purchase | lead_generation | engagement | retention
  double horizon_days = 30.0;       // agents still walking past this are cut off
  uint64_t agents = 10000;          // synthetic customers to simulate
  uint64_t seed = 1;
  uint32_t max_steps = 200;         // bound on touchpoints per agent
  std::string conversion;           // milestone that counts as converting
  UtcSeconds start = kDefaultStartUtc;  // the instant the journey starts (hour 0)
  int32_t start_offset_seconds = 0; // the offset east of UTC the start was written in
                                    // (the zone's at start for a local date-time)
  SourceLocation start_where;       // of `start` (empty when not given)
  std::string timezone;             // as written; "" = not given
  SourceLocation timezone_where;
  TimeZonePtr zone;                 // the journey's clock (arrival weights, the default
                                    // customer zone): `timezone`'s, else fixed at the
                                    // start's offset. Set by the loader; null only in a
                                    // Scenario built by hand
  SourceLocation where;             // of the [journey] table
};

/// [stages.<id>]; order comes from journey.stages.
struct Stage {
  std::string id;
  std::string owner;                // team responsible
  std::string description;
  SourceLocation where;
};

/// [personas.<id>]
struct Persona {
  std::string id;
  double share = 0.0;               // of arriving customers; shares sum to 1
  uint32_t age_min = 0, age_max = 0;  // 0,0 = not given
  std::string gender, job, education;
  std::vector<std::string> goals, expectations, motivations, fears, pain_points;
  std::map<std::string, double> channels;  // channel -> affinity in [0, 1]
  double patience = 0.5;            // all traits in [0, 1]
  double price_sensitivity = 0.5;
  double tech_savvy = 0.5;
  double time_budget_minutes = 0.0; // 0 = not given
  double initial_satisfaction = 0.7;  // neutral-positive: CSAT 4
  std::string timezone;             // as written; "" = not given
  SourceLocation timezone_where;
  TimeZonePtr zone;                 // the customers' clock: `timezone`'s, else the
                                    // journey's zone (set by the loader)
  SourceLocation where;
};

/// A plugin parameter as written in a touchpoint's params table, before the
/// plugin host checks it against the channel's declared parameters.
struct ParamValue {
  enum class Kind { Number, Integer, Boolean, String };
  Kind kind = Kind::Number;
  double number = 0.0;              // Number, Integer (exact), Boolean (0/1)
  std::string text;                 // String
  SourceLocation where;
};

/// One `next` edge (of a touchpoint, a wait or an update).
struct Edge {
  std::string to;
  double weight = 1.0;              // > 0; normalised per node
  double delay_hours = 0.0;         // mean gap before the next node
                                    // (exponential); 0 = straight on
  uint32_t target = 0;              // node index (see Scenario::find_node)
  SourceLocation where;
};

/// A reference to a node (a touchpoint or a step) other than a `next` edge:
/// an `on` route, a branch, an arm, a race.
struct NodeRef {
  std::string id;                   // as written
  uint32_t index = 0;               // node index (see Scenario::find_node)
  SourceLocation where;             // of the id string
};

/// One `on = { <event> = "<node id>" }` entry of a touchpoint. The event
/// names come from the channel, so they are checked when the touchpoint is
/// bound to its plugin, not by the loader.
struct EventRoute {
  std::string event;
  SourceLocation event_where;       // of the key
  NodeRef to;
};

/// A duration as written ("30m", "4h", "2d", "1w"). The loader checks its
/// form; the binder turns it into hours.
struct DurationText {
  std::string text;
  SourceLocation where;             // of the string
};

/// A wait's `for`: a fixed duration, or a distribution of durations.
struct WaitTime {
  enum class Distribution { Fixed, Lognormal, Exponential, Uniform };
  Distribution distribution = Distribution::Fixed;
  DurationText fixed;               // Fixed: for = "2d"
  DurationText median, p90;         // Lognormal: p90 > median
  DurationText mean;                // Exponential
  DurationText min, max;            // Uniform: max > min >= 0
  SourceLocation where;             // of the `for` value
};

/// [touchpoints.<id>]
struct Touchpoint {
  std::string id;
  std::string name;                 // display name; defaults to id
  std::string stage;                // a stage id
  uint32_t stage_index = 0;         // index into Scenario::stages
  std::string channel;              // plugin name, or "fixed"
  std::string via;                  // the channel a `fixed` touchpoint stands for
                                    // (calibrated journeys); groups attribution
  double entry = 0.0;               // share of arrivals starting here
  std::vector<std::string> actions; // what the customer does here
  std::string milestone;            // "" = none
  bool exit = false;                // journey may end normally here
  std::map<std::string, ParamValue> params;
  std::vector<Edge> next;
  std::vector<EventRoute> on;       // sorted by event
  std::optional<SendWindow> window; // messages go out only inside it (customer's clock)
  // Never read from a file: the event names split conditions may test here
  // when they are not its channel's. Attribution removes a touchpoint by
  // running it as `fixed`, dropping everyone; conditions that test it keep
  // its own channel's names (no customer who reached it lives on to be
  // tested, so what it records there is never read).
  std::vector<std::string> condition_events;
  // `uses = "<resource id>"`: customers queue here for one of the
  // resource's servers (first come, first served). "" = no queue.
  std::string uses;
  SourceLocation uses_where;
  uint32_t resource = 0;            // index into Scenario::resources (with `uses`)
  // `patience`: how long a customer queues before giving up (a duration or
  // a distribution, like a wait's `for`). Not given: no limit of the
  // host's; the channel's own model of waiting still applies.
  bool has_patience = false;
  WaitTime patience;
  SourceLocation where;             // of the touchpoint's table
  SourceLocation channel_where;     // of its `channel` value
  SourceLocation params_where;      // of its params table (or the touchpoint)
};

/// One `race` entry of a wait: the customer's own return, at a rate, that
/// ends the wait early when it comes first.
struct Race {
  double rate_per_day = 0.0;        // > 0, finite
  SourceLocation rate_where;
  NodeRef to;
  SourceLocation where;             // of the entry's table
};

/// One `branches` entry of a split; the first whose condition holds wins.
struct Branch {
  std::string when;                 // condition text; "" = the default branch
  SourceLocation when_where;        // of the condition string (its opening quote)
  NodeRef to;
  SourceLocation where;             // of the entry's table
};

/// One `arms` entry of an experiment.
struct Arm {
  std::string name;                 // unique within the experiment, non-empty
  SourceLocation name_where;
  double weight = 1.0;              // > 0, finite; normalised per experiment
  SourceLocation weight_where;      // of `weight` (or the entry's table)
  NodeRef to;
  SourceLocation where;             // of the entry's table
};

/// [steps.<id>]: a node of the journey graph that is not a channel.
struct Step {
  enum class Kind { Wait, Split, Experiment, Update, Exit };
  static constexpr uint32_t kNoStage = UINT32_MAX;

  std::string id;                   // shares one namespace with touchpoint ids
  std::string name;                 // display name; defaults to id
  Kind kind = Kind::Wait;
  std::string stage;                // a stage id, or "" when not given
  uint32_t stage_index = kNoStage;  // index into Scenario::stages
  WaitTime wait_for;                // Wait
  std::vector<Race> race;           // Wait
  std::optional<SendWindow> window; // Wait: the wait also lasts until it is open
  std::vector<Branch> branches;     // Split: the last one has no condition
  std::vector<Arm> arms;            // Experiment: at least two
  std::map<std::string, ParamValue> set;  // Update: attribute -> value
  std::string reason;               // Exit; "" = not given
  std::vector<Edge> next;           // Wait, Update
  SourceLocation where;             // of the step's table
  SourceLocation kind_where;        // of its `kind` value
};

/// "wait", "split", "experiment", "update", "exit".
const char* step_kind_name(Step::Kind kind);

/// [resources.<id>]: servers customers queue for (a support team, a call
/// centre's lines), first come, first served.
struct Resource {
  std::string id;
  std::string name;                 // display name; defaults to id
  uint32_t capacity = 1;            // servers, >= 1 (the whole team)
  // `shifts`: when who works, on the journey's clock. Given, the servers at
  // work at any moment are the open shifts' capacities added up (at most
  // `capacity`), and none outside every shift.
  struct Shift {
    SendWindow when;                // hours and days, as a send window's
    uint32_t capacity = 1;
    SourceLocation where;
  };
  std::vector<Shift> shifts;
  // `service`: how long one customer holds a server. Not given: the time
  // the channel reports for the interaction (after the queue).
  bool has_service = false;
  WaitTime service;
  // `warm_up`: customers arriving this long after the journey's start are
  // served but left out of the resource's statistics (the queue starts
  // empty, which a steady state is not).
  double warm_up_hours = 0.0;
  SourceLocation where;             // of the resource's table
};

/// One `[thresholds]` entry: metric path -> conditions (evaluated by `check`).
struct Threshold {
  std::string metric;               // e.g. "touchpoints.checkout.drop_rate"
  std::vector<std::string> conditions;  // e.g. ">= 0.04 @95%"
  SourceLocation where;
};

/// A fully loaded, structurally valid scenario.
struct Scenario {
  Journey journey;
  std::vector<Stage> stages;            // in journey.stages order
  std::vector<Persona> personas;        // sorted by id
  std::vector<Touchpoint> touchpoints;  // by stage, then as first met
  std::vector<Step> steps;              // as first met, then by id
  std::vector<Threshold> thresholds;    // sorted by metric
  std::vector<Resource> resources;      // sorted by id
  ArrivalPattern arrivals;              // [arrivals]; at_start when absent
  Policies policies;                    // [policies]
  std::vector<std::string> files;       // the file, then each `extends` base
  std::vector<std::string> file_sha256;  // SHA-256 of each file's bytes, as `files`
  std::vector<std::string> overrides;   // `--set path=value`, in the order applied
  std::string hash;                     // SHA-256 of the canonical merged content
                                        // (after extends and overrides)

  // Touchpoints and steps are the nodes of one graph, numbered touchpoints
  // first ([0, T), so a journey without steps numbers as it always did),
  // then steps ([T, T + S)). Every target in the model is a node index.

  /// Index of the touchpoint with this id, or -1.
  int find_touchpoint(const std::string& id) const;
  /// Index of the step with this id into `steps`, or -1.
  int find_step(const std::string& id) const;
  /// Node index of the touchpoint or step with this id, or -1.
  int find_node(const std::string& id) const;
  size_t node_count() const { return touchpoints.size() + steps.size(); }
  bool is_step(uint32_t node) const { return node >= touchpoints.size(); }
  /// The step at node index `node` (is_step(node) must hold).
  const Step& step_at(uint32_t node) const { return steps[node - touchpoints.size()]; }
  /// The id of the touchpoint or step at node index `node`.
  const std::string& node_id(uint32_t node) const;
  /// Index of the persona with this id, or -1.
  int find_persona(const std::string& id) const;
  /// Index of the resource with this id, or -1.
  int find_resource(const std::string& id) const;
};

}  // namespace journeysim
