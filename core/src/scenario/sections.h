// One reader per top-level table of a scenario file, each in its own unit
// (read_<section>.cpp), called in this order by read_scenario (schema.cpp).
// A new table gets a reader here beside them; what one section needs from an
// earlier one is passed explicitly (DeclaredStages, the conversion node).
#pragma once

#include <cstdint>
#include <map>
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

/// [personas.<id>], sorted by id; at least one. `root_where` locates the
/// complaint when the table is missing.
void read_personas(FieldReader& in, const Node* table, const SourceLocation& root_where,
                   Scenario& scenario);

/// [touchpoints.<id>] with their params and next edges (targets resolved
/// later by resolve_edges).
void read_touchpoints(FieldReader& in, const Node* table, const SourceLocation& root_where,
                      const DeclaredStages& stages, Scenario& scenario);

/// [thresholds], sorted by metric.
void read_thresholds(FieldReader& in, const Node& table, Scenario& scenario);

/// journey.conversion: checks the given one names a milestone, or picks the
/// only milestone there is.
void resolve_conversion(FieldReader& in, const Node* conversion_node, Scenario& scenario);

/// Orders touchpoints as the journey map reads and resolves each edge's
/// target index.
void resolve_edges(FieldReader& in, Scenario& scenario);

}  // namespace journeysim::scenario
