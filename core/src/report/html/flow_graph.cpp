#include "report/html/flow_graph.h"

#include <algorithm>

namespace journeysim::html {
namespace {

uint64_t less_or_zero(uint64_t a, uint64_t b) { return a > b ? a - b : 0; }

// Routes no tally counts are worked out from what is counted: what leaves
// a node (its visits less the journeys that ended there) and what reaches
// one that no customer starts at (its visits) is the sum of its routes, so
// a node with one uncounted route on a side fixes that route. Repeated
// until nothing more follows; what is left stays uncounted.
void infer_uncounted(FlowGraph& g) {
  const size_t n = g.visits.size();
  for (bool progress = true; progress;) {
    progress = false;
    for (size_t node = 0; node < n; ++node) {
      for (const bool outgoing : {true, false}) {
        if (!outgoing && g.may_enter[node]) {
          continue;
        }
        uint64_t known = 0;
        FlowRoute* unknown = nullptr;
        size_t unknowns = 0;
        for (FlowRoute& r : g.routes) {
          if ((outgoing ? r.from : r.to) != node) {
            continue;
          }
          if (r.counted) {
            known += r.customers;
          } else {
            unknown = &r;
            ++unknowns;
          }
        }
        if (unknowns == 1) {
          const uint64_t total =
              outgoing ? less_or_zero(g.visits[node], g.ends[node]) : g.visits[node];
          unknown->customers = less_or_zero(total, known);
          unknown->counted = true;
          progress = true;
        }
      }
    }
  }
}

}  // namespace

FlowGraph flow_graph(const RunReport& report, const Scenario& scenario) {
  FlowGraph g;
  const size_t t_count = std::min(report.touchpoints.size(), scenario.touchpoints.size());
  const size_t s_count = std::min(report.steps.size(), scenario.steps.size());
  g.touchpoints = t_count;
  g.model2 = s_count > 0;
  for (size_t t = 0; t < t_count; ++t) {
    g.model2 = g.model2 || !scenario.touchpoints[t].on.empty();
  }
  const size_t n = g.model2 ? t_count + s_count : t_count;
  g.visits.assign(n, 0);
  g.ends.assign(n, 0);
  g.may_enter.assign(n, false);
  const auto node_of = [&](uint32_t target) -> size_t {
    // Scenario node indices: touchpoints, then steps (after all touchpoints,
    // which the report may list fewer of only when it does not match).
    if (target < scenario.touchpoints.size()) {
      return target < t_count ? target : n;
    }
    const size_t s = target - scenario.touchpoints.size();
    return g.model2 && s < s_count ? t_count + s : n;
  };
  for (size_t t = 0; t < t_count; ++t) {
    const TouchpointReport& tp = report.touchpoints[t];
    g.visits[t] = tp.arrivals;
    g.ends[t] = tp.dropped - tp.rerouted + tp.cut_off + tp.exits;
    g.may_enter[t] = !g.model2 || scenario.touchpoints[t].entry > 0;
    const auto& edges = scenario.touchpoints[t].next;
    for (size_t e = 0; e < tp.flows.size() && e < edges.size(); ++e) {
      const size_t to = node_of(edges[e].target);
      if (to < n) {
        g.routes.push_back({t, to, tp.flows[e].second, true, ""});
      }
    }
    if (!g.model2) {
      continue;
    }
    for (const EventRoute& route : scenario.touchpoints[t].on) {
      const size_t to = node_of(route.to.index);
      if (to < n) {
        g.routes.push_back({t, to, 0, false, route.event});
      }
    }
  }
  if (!g.model2) {
    return g;
  }
  for (size_t s = 0; s < s_count; ++s) {
    const StepReport& st = report.steps[s];
    const Step& step = scenario.steps[s];
    const size_t node = t_count + s;
    g.visits[node] = st.arrivals;
    g.ends[node] = st.cut_off + st.exits;
    // Arms are counted as they are taken; every other step's routes are
    // worked out below.
    const ExperimentReport* experiment = nullptr;
    for (const ExperimentReport& x : report.experiments) {
      experiment = x.id == st.id ? &x : experiment;
    }
    for (size_t r = 0; r < st.routes.size(); ++r) {
      const int target = scenario.find_node(st.routes[r].to);
      const size_t to = target < 0 ? n : node_of(static_cast<uint32_t>(target));
      if (to >= n) {
        continue;
      }
      FlowRoute route{node, to, 0, false, st.routes[r].label};
      if (experiment != nullptr && step.kind == Step::Kind::Experiment &&
          r < experiment->arms.size()) {
        route.customers = experiment->arms[r].arrivals;
        route.counted = true;
      }
      g.routes.push_back(route);
    }
  }
  infer_uncounted(g);
  return g;
}

}  // namespace journeysim::html
