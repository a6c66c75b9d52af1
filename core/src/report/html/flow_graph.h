// The flow diagram's graph: touchpoints and steps as nodes (numbered as the
// scenario numbers them: touchpoints first, then steps), and every route
// between them — `next` edges, `on` event routes, split branches, experiment
// arms, a wait's races — with the customers who took it wherever the tallies
// determine that number exactly. Kept apart from the geometry (flow_layout)
// so both stay small.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "journeysim/run_report.h"
#include "journeysim/scenario.h"

namespace journeysim::html {

struct FlowRoute {
  size_t from = 0, to = 0;  // node indices
  uint64_t customers = 0;
  /// False when no tally says how many took this route (a split's branch
  /// with more than one unknown neighbour): drawn as a thin dashed line.
  bool counted = true;
  std::string label;  // "" for a plain `next` edge; the event, condition, arm, duration
};

struct FlowGraph {
  size_t touchpoints = 0;  // nodes [0, touchpoints) are touchpoints, the rest steps
  std::vector<uint64_t> visits;       // by node
  std::vector<uint64_t> ends;         // by node: journeys that ended there
  std::vector<bool> may_enter;        // by node: customers can start there
  std::vector<FlowRoute> routes;      // by source node, in the scenario's order
  /// True when the journey has steps or `on` routes (journey model 2): a
  /// model-1 journey's graph is its `next` edges, counted, as always.
  bool model2 = false;
};

FlowGraph flow_graph(const RunReport& report, const Scenario& scenario);

}  // namespace journeysim::html
