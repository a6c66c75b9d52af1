// One reader per top-level table of a scenario file, each in its own unit
// (read_<section>.cpp), called in this order by read_scenario (schema.cpp).
// A new table gets a reader here beside them; what one section needs from an
// earlier one is passed explicitly (DeclaredStages, the conversion node).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "journeysim/scenario.h"
#include "scenario/canonical_form.h"
#include "scenario/document.h"
#include "scenario/field_reader.h"

namespace journeysim::scenario {

/// journey.stages as read, with where each name was written: what [stages]
/// and each touchpoint's `stage` are checked against.
struct DeclaredStages {
  std::vector<std::string> ids;
  std::vector<SourceLocation> wheres;
  std::map<std::string, uint32_t> index;
  /// False when journey.stages itself is broken: stage checks are then
  /// skipped rather than repeated for every touchpoint.
  bool known = false;
};

/// [journey]. Sets `stages` from journey.stages and `conversion_node` to
/// journey.conversion when it is given (checked once milestones are known).
void read_journey(FieldReader& in, const Node& table, Journey& journey, DeclaredStages& stages,
                  const Node*& conversion_node);

/// [stages.<id>]: one Stage per declared stage, in journey.stages order.
void read_stages(FieldReader& in, const Node* table, const DeclaredStages& stages,
                 Scenario& scenario);

/// The `stage` value of a touchpoint or step (`owner`: "touchpoint 'x'"):
/// sets `id`, and `index` when journey.stages lists it.
void read_node_stage(FieldReader& in, const Node& node, const std::string& path,
                     const std::string& owner, const DeclaredStages& stages, std::string& id,
                     uint32_t& index);

/// [personas.<id>], sorted by id; at least one. `root_where` locates the
/// complaint when the table is missing.
void read_personas(FieldReader& in, const Node* table, const SourceLocation& root_where,
                   Scenario& scenario);

/// [touchpoints.<id>] with their params, next edges and `on` routes
/// (targets resolved later by resolve_targets).
void read_touchpoints(FieldReader& in, const Node* table, const SourceLocation& root_where,
                      const DeclaredStages& stages, Scenario& scenario);

/// [steps.<id>] (optional), each checked against the keys of its kind
/// (targets resolved later by resolve_targets).
void read_steps(FieldReader& in, const Node* table, const DeclaredStages& stages,
                Scenario& scenario);

/// A `next` list at `path`: ids or {to, weight, delay_hours} tables. `ids`
/// says what the ids name in type errors ("touchpoint").
void read_next(FieldReader& in, const Node& node, const std::string& path,
               const std::string& ids, std::vector<Edge>& next);

/// Weights (of `next` edges, of arms) whose sum at `path` overflows are an
/// error at `node`: only their ratios matter.
void check_weight_sum(FieldReader& in, const Node& node, const std::string& path, double total);

/// The required `to` id of the table `item` at `item_path`.
std::optional<NodeRef> read_to(FieldReader& in, const Node& item, const std::string& item_path);

/// [resources.<id>] (optional), sorted by id.
void read_resources(FieldReader& in, const Node* table, Scenario& scenario);

/// Each touchpoint's `uses` names a resource (its index set) and every
/// resource is used somewhere; `patience` only where a queue is.
void resolve_resources(FieldReader& in, Scenario& scenario);

/// [thresholds], sorted by metric.
void read_thresholds(FieldReader& in, const Node& table, Scenario& scenario);

/// [arrivals]: the pattern and its keys (checked against the journey by
/// resolve_calendar).
void read_arrivals(FieldReader& in, const Node& table, Scenario& scenario);

/// [policies]: frequency caps (their channels checked by resolve_calendar).
void read_policies(FieldReader& in, const Node& table, Scenario& scenario);

/// What the calendar needs from several sections: arrivals that can happen
/// with the journey's start, zone and agents; cap channels that touchpoints
/// use.
void resolve_calendar(FieldReader& in, Scenario& scenario);

/// journey.conversion: checks the given one names a milestone, or picks the
/// only milestone there is.
void resolve_conversion(FieldReader& in, const Node* conversion_node, Scenario& scenario);

/// Orders touchpoints and steps as the journey map reads, refuses a step
/// that shares its id with a touchpoint, and resolves every target (next
/// edges, `on` routes, races, branches, arms) to its node index.
void resolve_targets(FieldReader& in, Scenario& scenario);

}  // namespace journeysim::scenario
