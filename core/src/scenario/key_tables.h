// The keys a scenario file may hold, table by table, with the shape of each
// value and what it means. The section readers check keys against these
// tables and `journeysim schema` writes its JSON Schema from them, so the
// editor's completion and the loader can never disagree on a key.
#pragma once

#include <string>
#include <vector>

#include "journeysim/scenario.h"

namespace journeysim::scenario {

/// The form a key's value takes. The schema writer has one case per shape
/// (a switch without default), so a new shape cannot be left undescribed.
enum class ValueShape {
  Text,            // any string
  Name,            // a non-empty string
  NonNegative,     // a number >= 0
  Share,           // a number in [0, 1]
  Positive,        // a number > 0
  Count,           // an integer >= 1
  NonNegativeInteger,
  Boolean,
  Texts,           // an array of strings
  JourneyType,     // one of journey_types()
  StageList,       // journey.stages: a non-empty array of unique ids
  Age,             // [min, max] integers
  ChannelWeights,  // { <channel> = share }
  Params,          // a channel's parameters (the plugin's own keys)
  EventRoutes,     // on: { <event> = "<target id>" }
  Next,            // ids or {to, weight, delay_hours} tables
  WaitFor,         // a duration ("2d") or a distribution table
  Races,           // [{rate_per_day, to}]
  Branches,        // [{when, to}]
  Arms,            // [{name, weight, to}]
  Attributes,      // set: { <attribute> = scalar }
  Duration,        // "2d", "36h", "90m"
  StepKind,        // the `kind` of a step
  Distribution,    // the `distribution` of a wait
  DateTime,        // a TOML date-time (journey.start)
  TimeZone,        // an IANA zone name or an offset ("+07:00")
  Window,          // { hours = "09:00-18:00", days = [...] }
  Shifts,          // [{ hours, days, capacity }]
  WindowHours,     // "HH:MM-HH:MM"
  WeekDays,        // ["mon", ...]: a non-empty list of unique day names
  ArrivalKind,     // the `pattern` of [arrivals]
  WeekdayWeights,  // 7 numbers >= 0, Monday first
  HourlyWeights,   // 24 numbers >= 0, from 00:00
  Bursts,          // [{day, share}]
  FrequencyCaps,   // a {messages, per, channels} table or an array of them
  // the top-level sections
  JourneyTable,
  StageTables,
  PersonaTables,
  TouchpointTables,
  StepTables,
  ResourceTables,
  Thresholds,
  ArrivalsTable,
  PoliciesTable,
};

/// One key of a table.
struct KeySpec {
  std::string name;
  ValueShape shape;
  std::string description;
  bool required = false;
};

/// The names of `keys`, in table order (what check_keys takes).
std::vector<std::string> key_names(const std::vector<KeySpec>& keys);

/// The top-level keys (the sections of a file).
const std::vector<KeySpec>& top_level_key_specs();
const std::vector<KeySpec>& journey_keys();
/// The values journey.type accepts.
const std::vector<std::string>& journey_types();
const std::vector<KeySpec>& stage_keys();
const std::vector<KeySpec>& persona_keys();
const std::vector<KeySpec>& touchpoint_keys();
/// [resources.<id>]
const std::vector<KeySpec>& resource_keys();
/// One entry of a resource's `shifts`: a window's keys and its capacity.
const std::vector<KeySpec>& shift_keys();
/// One {to, weight, delay_hours} entry of a `next` list.
const std::vector<KeySpec>& edge_keys();

/// The keys every step has, whatever its kind.
const std::vector<KeySpec>& step_common_keys();
/// A step kind and the keys it adds to step_common_keys().
struct StepKindKeys {
  Step::Kind kind;
  std::string description;
  std::vector<KeySpec> keys;
};
const std::vector<StepKindKeys>& step_kinds();
const std::vector<KeySpec>& branch_keys();
const std::vector<KeySpec>& arm_keys();
const std::vector<KeySpec>& race_keys();

/// A wait's distribution (`for = { distribution = ..., ... }`) and its keys
/// (`distribution` included).
struct DistributionKeys {
  std::string name;
  std::string description;
  std::vector<KeySpec> keys;
};
const std::vector<DistributionKeys>& wait_distributions();

/// `window = { hours, days }` of a touchpoint or a wait step.
const std::vector<KeySpec>& window_keys();
/// [arrivals] and one entry of its `bursts`.
const std::vector<KeySpec>& arrival_keys();
/// The values arrivals.pattern accepts.
const std::vector<std::string>& arrival_patterns();
const std::vector<KeySpec>& burst_keys();
/// [policies] and one `frequency_cap` table.
const std::vector<KeySpec>& policy_keys();
const std::vector<KeySpec>& frequency_cap_keys();

}  // namespace journeysim::scenario
