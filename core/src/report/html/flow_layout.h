// Where everything of the flow diagram goes, computed before anything is
// drawn: columns by distance from the entry touchpoints, node heights in
// proportion to visits, every node's label and drop-off stub kept inside its
// own slot so nothing overlaps however many touchpoints there are. Kept apart
// from the drawing so tests can check the geometry itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "journeysim/run_report.h"
#include "journeysim/scenario.h"

namespace journeysim::html {

struct Box {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
  /// True when the two boxes share interior area (touching edges do not).
  bool overlaps(const Box& other) const;
};

struct FlowNode {
  static constexpr size_t kNoStep = static_cast<size_t>(-1);
  size_t touchpoint = 0;  // index into RunReport::touchpoints (touchpoint nodes)
  size_t step = kNoStep;  // index into RunReport::steps (step nodes)
  bool is_step() const { return step != kNoStep; }
  int column = 0;
  Box bar;    // height in proportion to visits
  Box label;  // above the bar: name and numbers
  Box slot;   // label, bar and stubs: disjoint from other slots
  uint64_t visits = 0, entries = 0;
  size_t label_chars = 0;  // longest name that fits the label box
};

struct FlowLink {
  size_t from = 0, to = 0;  // node indices
  uint64_t customers = 0;
  double width = 0;             // in proportion to customers
  double y_from = 0, y_to = 0;  // band centres at the source's right and target's left side
  bool backward = false;        // to an earlier (or the same) column: a loop below the nodes
  double lane_y = 0;            // backward links: the lane's centre line
  /// False for a route no tally counts (drawn thin and dashed, no width).
  bool counted = true;
  std::string label;  // the route's event, condition, arm or wait ("" for a `next` edge)
};

/// The ends a journey can meet at a node: drawn as short stubs, not links.
struct FlowStub {
  enum class Kind { Entry, Exit, Drop, CutOff };
  Kind kind = Kind::Drop;
  size_t node = 0;
  uint64_t customers = 0;
  double width = 0, y = 0;  // band centre at the node's side
};

struct FlowLayout {
  double width = 0, height = 0;
  double node_width = 12;
  double scale = 0;             // pixels per customer
  std::vector<FlowNode> nodes;  // by node index: touchpoints, then steps
  std::vector<FlowLink> links;
  std::vector<FlowStub> stubs;
};

/// Lays the run's flows out in a `width`-pixel wide diagram.
FlowLayout layout_flow(const RunReport& report, const Scenario& scenario, double width);

}  // namespace journeysim::html
