#include "report/html/flow_layout.h"

#include "report/html/flow_graph.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>

namespace journeysim::html {
namespace {

constexpr double kLeft = 40;           // room for the entry stubs
constexpr double kRightReserve = 170;  // the last column's labels and exit stubs
constexpr double kLabelHeight = 30;    // two text lines above each bar
constexpr double kStubSpace = 20;      // drop stubs slant down into this
constexpr double kGap = 10;
constexpr double kMinBar = 3;
constexpr double kMinHeight = 380;
constexpr double kHeightPerNode = 104;
// Advance of the label's bold 11.5px sans-serif characters: errs wide, so
// a name shortened to fit never runs into its neighbour. 7.6 (the average)
// let names with wide letters ("Welcome e…") spill out of the narrow
// columns of journeys with steps.
constexpr double kCharWidth = 8.4;

// Routes that close a cycle (found depth-first from the entry touchpoints,
// in scenario order): a repeat purchase going back to the checkout. They are
// drawn as loops; every other route goes left to right.
std::vector<bool> back_routes(const Scenario& scenario, const FlowGraph& g,
                              const std::vector<std::vector<size_t>>& out_routes) {
  const size_t n = g.visits.size();
  std::vector<bool> back(g.routes.size(), false);
  enum class Mark { New, OnPath, Done };
  std::vector<Mark> mark(n, Mark::New);
  // Iterative, so a long chain of touchpoints cannot exhaust the stack.
  std::vector<std::pair<size_t, size_t>> stack;  // node, next route to follow
  auto visit = [&](size_t root) {
    mark[root] = Mark::OnPath;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [t, e] = stack.back();
      const auto& next = out_routes[t];
      if (e == next.size()) {
        mark[t] = Mark::Done;
        stack.pop_back();
        continue;
      }
      const size_t route = next[e++];
      const size_t to = g.routes[route].to;
      if (mark[to] == Mark::OnPath) {
        back[route] = true;
      } else if (mark[to] == Mark::New) {
        mark[to] = Mark::OnPath;
        stack.emplace_back(to, 0);
      }
    }
  };
  for (size_t t = 0; t < g.touchpoints; ++t) {
    if (scenario.touchpoints[t].entry > 0 && mark[t] == Mark::New) {
      visit(t);
    }
  }
  for (size_t t = 0; t < n; ++t) {
    if (mark[t] == Mark::New) {
      visit(t);
    }
  }
  return back;
}

// Column = the longest chain of forward routes leading to the node, so
// every forward link runs left to right (a step that can be skipped sits
// between the two it connects).
std::vector<int> columns_of(const FlowGraph& g, const std::vector<std::vector<size_t>>& out_routes,
                            const std::vector<bool>& back) {
  const size_t n = g.visits.size();
  std::vector<size_t> incoming(n, 0);
  for (size_t r = 0; r < g.routes.size(); ++r) {
    if (!back[r]) {
      ++incoming[g.routes[r].to];
    }
  }
  std::vector<int> column(n, 0);
  std::deque<size_t> ready;
  for (size_t t = 0; t < n; ++t) {
    if (incoming[t] == 0) {
      ready.push_back(t);
    }
  }
  while (!ready.empty()) {
    const size_t t = ready.front();
    ready.pop_front();
    for (const size_t r : out_routes[t]) {
      if (back[r]) {
        continue;
      }
      const size_t to = g.routes[r].to;
      column[to] = std::max(column[to], column[t] + 1);
      if (--incoming[to] == 0) {
        ready.push_back(to);
      }
    }
  }
  return column;
}

}  // namespace

bool Box::overlaps(const Box& o) const {
  return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
}

FlowLayout layout_flow(const RunReport& report, const Scenario& scenario, double width) {
  FlowLayout out;
  out.width = width;
  const FlowGraph g = flow_graph(report, scenario);
  const size_t n = g.visits.size();
  std::vector<std::vector<size_t>> out_routes(n);
  for (size_t r = 0; r < g.routes.size(); ++r) {
    out_routes[g.routes[r].from].push_back(r);
  }
  const std::vector<bool> back = back_routes(scenario, g, out_routes);
  const std::vector<int> column = columns_of(g, out_routes, back);
  const int columns = n == 0 ? 0 : *std::max_element(column.begin(), column.end()) + 1;

  // Links from the counted routes; what arrived beyond them entered here.
  // A route nobody counted is still drawn, thin, so the way is visible.
  std::vector<uint64_t> inflow(n, 0);
  for (size_t r = 0; r < g.routes.size(); ++r) {
    const FlowRoute& route = g.routes[r];
    if (route.counted && route.customers == 0) {
      continue;
    }
    FlowLink link;
    link.from = route.from;
    link.to = route.to;
    link.customers = route.customers;
    link.backward = back[r];
    link.counted = route.counted;
    link.label = route.label;
    out.links.push_back(link);
    inflow[link.to] += link.customers;
  }

  std::vector<std::vector<size_t>> by_column(static_cast<size_t>(columns));
  out.nodes.resize(n);
  for (size_t t = 0; t < n; ++t) {
    FlowNode& node = out.nodes[t];
    node.touchpoint = t < g.touchpoints ? t : 0;
    node.step = t < g.touchpoints ? FlowNode::kNoStep : t - g.touchpoints;
    node.column = column[t];
    node.visits = g.visits[t];
    node.entries = g.may_enter[t] && node.visits > inflow[t] ? node.visits - inflow[t] : 0;
    by_column[static_cast<size_t>(column[t])].push_back(t);
  }

  // One scale for the whole diagram, set by the fullest column.
  size_t most = 1;
  for (const auto& c : by_column) {
    most = std::max(most, c.size());
  }
  const double budget = std::max(kMinHeight, kHeightPerNode * static_cast<double>(most));
  double scale = std::numeric_limits<double>::max();
  for (const auto& c : by_column) {
    uint64_t visits = 0;
    for (size_t t : c) {
      visits += out.nodes[t].visits;
    }
    if (visits > 0) {
      const double room =
          budget - static_cast<double>(c.size()) * (kLabelHeight + kStubSpace + kGap);
      scale = std::min(scale, room / static_cast<double>(visits));
    }
  }
  out.scale = scale == std::numeric_limits<double>::max() ? 0 : scale;

  const double spacing =
      columns > 1 ? (width - kLeft - kRightReserve) / static_cast<double>(columns - 1) : 0;
  const double label_width = std::min(columns > 1 ? spacing - 14 : kRightReserve, 230.0);
  for (size_t t = 0; t < n; ++t) {
    FlowNode& node = out.nodes[t];
    node.bar.x = kLeft + spacing * node.column;
    node.bar.width = out.node_width;
    node.bar.height = std::max(kMinBar, static_cast<double>(node.visits) * out.scale);
    node.label.x = node.bar.x;
    node.label.width = label_width;
    node.label.height = kLabelHeight;
    node.label_chars = static_cast<size_t>(std::max(4.0, std::floor(label_width / kCharWidth)));
  }

  // Column by column, each node as close as it can get to the middle of
  // what feeds it, so a chain of touchpoints reads as a straight line; then
  // pushed down just enough to clear the node above.
  for (const auto& c : by_column) {
    std::vector<std::pair<double, size_t>> wanted;
    for (size_t t : c) {
      double weighted = 0, total = 0;
      for (const FlowLink& link : out.links) {
        if (link.to == t && !link.backward) {
          const FlowNode& from = out.nodes[link.from];
          weighted += static_cast<double>(link.customers) * (from.bar.y + from.bar.height / 2);
          total += static_cast<double>(link.customers);
        }
      }
      const FlowNode& node = out.nodes[t];
      const double top = total > 0 ? weighted / total - node.bar.height / 2 - kLabelHeight : 0;
      wanted.emplace_back(std::max(0.0, top), t);
    }
    std::stable_sort(wanted.begin(), wanted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    double floor_y = 0;
    for (const auto& [top, t] : wanted) {
      FlowNode& node = out.nodes[t];
      const double slot_top = std::max(top, floor_y);
      node.label.y = slot_top;
      node.bar.y = slot_top + kLabelHeight;
      node.slot = {node.bar.x, slot_top, label_width, kLabelHeight + node.bar.height + kStubSpace};
      floor_y = node.slot.bottom() + kGap;
    }
  }

  // Band positions along each node's sides: links in the order of the node
  // they reach (fewest crossings), then the journey's ends.
  auto centre = [&](size_t t) { return out.nodes[t].bar.y + out.nodes[t].bar.height / 2; };
  std::vector<size_t> order(out.links.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<double> out_offset(n, 0), in_offset(n, 0);
  for (size_t t = 0; t < n; ++t) {
    if (out.nodes[t].entries > 0) {
      FlowStub stub{FlowStub::Kind::Entry, t, out.nodes[t].entries,
                    static_cast<double>(out.nodes[t].entries) * out.scale, 0};
      stub.y = out.nodes[t].bar.y + stub.width / 2;
      in_offset[t] = stub.width;
      out.stubs.push_back(stub);
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const FlowLink& la = out.links[a];
    const FlowLink& lb = out.links[b];
    if (la.backward != lb.backward) {
      return !la.backward;
    }
    return centre(la.to) < centre(lb.to);
  });
  for (size_t i : order) {
    FlowLink& link = out.links[i];
    link.width = static_cast<double>(link.customers) * out.scale;
    link.y_from = out.nodes[link.from].bar.y + out_offset[link.from] + link.width / 2;
    out_offset[link.from] += link.width;
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const FlowLink& la = out.links[a];
    const FlowLink& lb = out.links[b];
    if (la.backward != lb.backward) {
      return !la.backward;
    }
    return centre(la.from) < centre(lb.from);
  });
  for (size_t i : order) {
    FlowLink& link = out.links[i];
    link.y_to = out.nodes[link.to].bar.y + in_offset[link.to] + link.width / 2;
    in_offset[link.to] += link.width;
  }
  for (size_t t = 0; t < n; ++t) {
    // A step's ends: an exit step's exits, and cut-offs (a wait past the
    // horizon). Steps never drop anyone; a touchpoint's drops that `on`
    // routed on are flows, not ends.
    static const TouchpointReport kNoTouchpoint;
    const TouchpointReport& tp = t < g.touchpoints ? report.touchpoints[t] : kNoTouchpoint;
    const StepReport* step = t < g.touchpoints ? nullptr : &report.steps[t - g.touchpoints];
    const std::pair<FlowStub::Kind, uint64_t> ends[] = {
        {FlowStub::Kind::Exit, step ? step->exits : tp.exits},
        {FlowStub::Kind::Drop, step ? 0 : tp.dropped - tp.rerouted},
        {FlowStub::Kind::CutOff, step ? step->cut_off : tp.cut_off}};
    for (const auto& [kind, customers] : ends) {
      if (customers == 0) {
        continue;
      }
      FlowStub stub{kind, t, customers, static_cast<double>(customers) * out.scale, 0};
      stub.y = out.nodes[t].bar.y + out_offset[t] + stub.width / 2;
      out_offset[t] += stub.width;
      out.stubs.push_back(stub);
    }
  }

  // Loops back to an earlier touchpoint run in lanes under everything.
  double bottom = 0;
  for (const FlowNode& node : out.nodes) {
    bottom = std::max(bottom, node.slot.bottom());
  }
  double lane = bottom + 12;
  for (FlowLink& link : out.links) {
    if (link.backward) {
      link.lane_y = lane + link.width / 2;
      lane += link.width + 10;
    }
  }
  out.height = lane + 8;
  return out;
}

}  // namespace journeysim::html
