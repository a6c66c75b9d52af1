// The scenario model: what a journey file (after `extends` and overrides) says.
// Produced by the loader (scenario_loader.h), read by the plugin host and the
// engine. Plain data; every user-facing value keeps where it came from so
// later checks (plugin params, thresholds) can still point at file:line:col.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

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

/// One `next` edge.
struct Edge {
  std::string to;
  double weight = 1.0;              // > 0; normalised per touchpoint
  double delay_hours = 0.0;         // mean gap before the next touchpoint
                                    // (exponential); 0 = straight on
  uint32_t target = 0;              // index into Scenario::touchpoints
  SourceLocation where;
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
  SourceLocation where;             // of the touchpoint's table
  SourceLocation channel_where;     // of its `channel` value
  SourceLocation params_where;      // of its params table (or the touchpoint)
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
  std::vector<Threshold> thresholds;    // sorted by metric
  std::vector<std::string> files;       // the file, then each `extends` base
  std::vector<std::string> file_sha256;  // SHA-256 of each file's bytes, as `files`
  std::vector<std::string> overrides;   // `--set path=value`, in the order applied
  std::string hash;                     // SHA-256 of the canonical merged content
                                        // (after extends and overrides)

  /// Index of the touchpoint with this id, or -1.
  int find_touchpoint(const std::string& id) const;
  /// Index of the persona with this id, or -1.
  int find_persona(const std::string& id) const;
};

}  // namespace journeysim
