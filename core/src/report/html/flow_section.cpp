// The flow: a Sankey-style diagram of where customers went from each
// touchpoint. Link width is customers; the ends of journeys (dropped,
// completed, cut off) leave each node as short stubs of the same scale, so
// a large loss is visible where it happens instead of as a band across the
// whole diagram.
#include <algorithm>
#include <tuple>

#include "report/html/flow_layout.h"
#include "report/html/format.h"
#include "report/html/glyphs.h"
#include "report/html/sections.h"
#include "util/text.h"

namespace journeysim::html {
namespace {

constexpr double kDiagramWidth = 1264;

std::string box_attributes(const Box& b) {
  return "x=\"" + coord(b.x) + "\" y=\"" + coord(b.y) + "\" width=\"" + coord(b.width) +
         "\" height=\"" + coord(b.height) + "\"";
}

std::string link_path(const FlowLayout& layout, const FlowLink& link) {
  const FlowNode& from = layout.nodes[link.from];
  const FlowNode& to = layout.nodes[link.to];
  const double x0 = from.bar.right(), x1 = to.bar.x;
  if (!link.backward) {
    const double xm = (x0 + x1) / 2;
    return "M" + coord(x0) + "," + coord(link.y_from) + "C" + coord(xm) + "," + coord(link.y_from) +
           " " + coord(xm) + "," + coord(link.y_to) + " " + coord(x1) + "," + coord(link.y_to);
  }
  // Out to the right, down to its lane, back left under the nodes, up into
  // the target's left side.
  const double reach = 28 + link.width / 2;
  return "M" + coord(x0) + "," + coord(link.y_from) + "C" + coord(x0 + reach) + "," +
         coord(link.y_from) + " " + coord(x0 + reach) + "," + coord(link.lane_y) + " " + coord(x0) +
         "," + coord(link.lane_y) + "L" + coord(x1) + "," + coord(link.lane_y) + "C" +
         coord(x1 - reach) + "," + coord(link.lane_y) + " " + coord(x1 - reach) + "," +
         coord(link.y_to) + " " + coord(x1) + "," + coord(link.y_to);
}

// Gradients that fade the stubs out: an end of the journey, not a link to
// somewhere. Same-document references, nothing fetched.
std::string stub_gradients(const ReportView& view) {
  std::string out = "<defs>";
  const std::tuple<const char*, const char*, bool> kFades[] = {
      {"fade-entry", "#9fb1ea", true},
      {"fade-exit", kExitColour, false},
      {"fade-drop", kDropColour, false},
      {"fade-cutoff", kCutOffColour, false}};
  for (const auto& [id, colour, fade_in] : kFades) {
    out += "<linearGradient id=\"" + view.id(id) + "\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">" +
           "<stop offset=\"0\" stop-color=\"" + colour + "\" stop-opacity=\"" +
           (fade_in ? "0" : "0.85") + "\"/><stop offset=\"1\" stop-color=\"" + colour +
           "\" stop-opacity=\"" + (fade_in ? "0.85" : "0.05") + "\"/></linearGradient>";
  }
  return out + "</defs>";
}

const char* stub_words(FlowStub::Kind kind) {
  switch (kind) {
    case FlowStub::Kind::Entry:
      return "started here";
    case FlowStub::Kind::Exit:
      return "completed the journey here";
    case FlowStub::Kind::Drop:
      return "dropped here";
    case FlowStub::Kind::CutOff:
      return "cut off here (horizon or step limit)";
  }
  return "";
}

// A band as thick as its customers: entries come in from the left, exits go
// on to the right, drops and cut-offs slant down out of the journey. Short,
// so they stay inside the node's own slot.
std::string stub_shape(const ReportView& view, const FlowLayout& layout, const FlowStub& stub,
                       const std::string& tooltip) {
  const Box& bar = layout.nodes[stub.node].bar;
  const double w = std::max(stub.width, 1.0);
  const double top = stub.y - w / 2, bottom = stub.y + w / 2;
  const auto band = [&](const char* kind, const char* fill, double x0, double x1, double drop) {
    return std::string("<path class=\"stub ") + kind + "\" fill=\"url(#" + view.id(fill) + ")\" d=\"M" +
           coord(x0) + "," + coord(top) + "L" + coord(x1) + "," + coord(top + drop) + "L" +
           coord(x1) + "," + coord(bottom + drop) + "L" + coord(x0) + "," + coord(bottom) +
           "Z\"><title>" + tooltip + "</title></path>";
  };
  switch (stub.kind) {
    case FlowStub::Kind::Entry:
      return band("entry", "fade-entry", bar.x - 28, bar.x, 0);
    case FlowStub::Kind::Exit:
      return band("exit", "fade-exit", bar.right(), bar.right() + 26, 0);
    case FlowStub::Kind::Drop:
      return band("drop", "fade-drop", bar.right(), bar.right() + 30, 16);
    case FlowStub::Kind::CutOff:
      return band("cutoff", "fade-cutoff", bar.right(), bar.right() + 30, 16);
  }
  return "";
}

std::string node_label(const ReportView& view, const FlowNode& node) {
  const TouchpointReport& tp = view.report.touchpoints[node.touchpoint];
  const std::string& name = tp.name.empty() ? tp.id : tp.name;
  const bool roomy = node.label.width >= 150;
  std::string stats = (roomy ? grouped(node.visits) + " visits" : grouped(node.visits));
  // The share of its customers whose journey ended here unconverted (the
  // red stub beside it), not the channel's drop rate: a drop `on` routes on
  // is a flow onwards. Left out when it would not fit the (smaller) stats
  // font's share of the box.
  if (tp.lost_rate.has_value()) {
    const std::string lost =
        " \u00b7 " + percent(tp.lost_rate.value, 0) + (roomy ? " lost" : " \u2193");
    if (util::utf8_length(stats + lost) <= node.label_chars * 11 / 10) {
      stats += lost;
    }
  }
  // A nested <svg> clips anything that would still spill out of the box.
  return "<svg class=\"flow-label\" data-box=\"flow-label\" " + box_attributes(node.label) +
         " overflow=\"hidden\"><text class=\"fl-name\" x=\"1\" y=\"12\">" +
         escape(shorten(name, node.label_chars)) +
         "</text><text class=\"fl-stats\" x=\"1\" y=\"25\">" + stats + "</text></svg>";
}

// The display name of a node of the flow: a touchpoint's or a step's.
const std::string& flow_node_name(const ReportView& view, const FlowNode& node) {
  return node.is_step() ? view.report.steps[node.step].name
                        : view.touchpoint_name(view.report.touchpoints[node.touchpoint].id);
}

// A step of journey model 2 as a node: a diamond-capped bar in the step
// colour, its kind and what it does (duration, branches, arms) in its label.
std::string step_node(const ReportView& view, const FlowNode& node) {
  const StepReport& st = view.report.steps[node.step];
  return "<rect class=\"node step " + escape(st.kind) + "\" data-box=\"flow-node\" data-step=\"" +
         escape(st.id) + "\" " + box_attributes(node.bar) + " rx=\"6\"><title>" +
         escape(st.name) + " (" + escape(st.kind) + "): " + escape(st.description) + " \u2014 " +
         grouped(node.visits) + " arrivals</title></rect>";
}

std::string step_label(const FlowNode& node, const StepReport& st) {
  return "<svg class=\"flow-label\" data-box=\"flow-label\" " + box_attributes(node.label) +
         " overflow=\"hidden\"><text class=\"fl-name\" x=\"1\" y=\"12\">" +
         escape(shorten(st.kind + " " + st.name, node.label_chars)) +
         "</text><text class=\"fl-stats\" x=\"1\" y=\"25\">" + grouped(node.visits) +
         (st.kind == "wait" ? " \u00b7 " + escape(st.duration) : std::string()) +
         "</text></svg>";
}

// A route's label at the middle of its link: the event of an `on` route, a
// branch's condition, an arm and its weight, a wait's duration.
std::string route_label(const FlowLayout& layout, const FlowLink& link) {
  if (link.label.empty() || link.backward) {
    return "";
  }
  const FlowNode& from = layout.nodes[link.from];
  const FlowNode& to = layout.nodes[link.to];
  const double x = (from.bar.right() + to.bar.x) / 2, y = (link.y_from + link.y_to) / 2 - 3;
  return "<text class=\"route-label\" x=\"" + coord(x) + "\" y=\"" + coord(y) +
         "\" text-anchor=\"middle\">" + escape(shorten(link.label, 28)) + "</text>";
}

}  // namespace

std::string render_flow(const ReportView& view) {
  const FlowLayout layout = layout_flow(view.report, view.scenario, kDiagramWidth);
  std::string out =
      "<section id=\"" + view.id("flow") + "\"><h2>Flow</h2><p class=\"lede\">Where customers went from each "
      "touchpoint. Band width is customers; columns follow the order of the steps. "
      "Journeys end in short stubs: <span class=\"key drop\">dropped</span> <span class=\"key "
      "exit\">completed</span> <span class=\"key cutoff\">cut off by the horizon or step "
      "limit</span>; <span class=\"key entry\">started here</span> on the left; loops back to "
      "an earlier touchpoint run underneath.</p>";
  out += "<div class=\"flow-scroll\"><svg class=\"sankey\" id=\"" + view.id("flow-diagram") + "\" width=\"" +
         coord(layout.width) + "\" height=\"" + coord(layout.height) + "\" viewBox=\"0 0 " +
         coord(layout.width) + " " + coord(layout.height) +
         "\" role=\"img\" aria-label=\"flow of customers\" data-scale=\"" + exact(layout.scale) +
         "\">";
  out += stub_gradients(view);
  // Stubs under the links: a wide drop must not hide where the rest went.
  out += "<g class=\"stubs\">";
  for (const FlowStub& stub : layout.stubs) {
    const std::string& name = flow_node_name(view, layout.nodes[stub.node]);
    out += stub_shape(view, layout, stub,
                      escape(name) + ": " + grouped(stub.customers) + " " + stub_words(stub.kind));
  }
  out += "</g><g class=\"links\">";
  std::string route_labels;
  for (const FlowLink& link : layout.links) {
    const std::string& from = flow_node_name(view, layout.nodes[link.from]);
    const std::string& to = flow_node_name(view, layout.nodes[link.to]);
    if (!link.counted) {
      out += "<path class=\"link route\" d=\"" + link_path(layout, link) +
             "\" stroke-width=\"1\" stroke-dasharray=\"4 3\"><title>" + escape(from) + " \u2192 " +
             escape(to) + (link.label.empty() ? "" : " (" + escape(link.label) + ")") +
             ": not counted route by route</title></path>";
      route_labels += route_label(layout, link);
      continue;
    }
    out += "<path class=\"link" + std::string(link.backward ? " back" : "") + "\" d=\"" +
           link_path(layout, link) + "\" stroke-width=\"" + coord(std::max(link.width, 1.0)) +
           "\" data-customers=\"" + std::to_string(link.customers) + "\"><title>" + escape(from) +
           " \u2192 " + escape(to) + (link.label.empty() ? "" : " (" + escape(link.label) + ")") +
           ": " + grouped(link.customers) + " customers</title></path>";
    route_labels += route_label(layout, link);
  }
  if (!route_labels.empty()) {
    out += "</g><g class=\"route-labels\">" + route_labels;
  }
  out += "</g><g class=\"nodes\">";
  for (const FlowNode& node : layout.nodes) {
    if (node.is_step()) {
      out += step_node(view, node);
      continue;
    }
    const TouchpointReport& tp = view.report.touchpoints[node.touchpoint];
    const bool converts = !tp.milestone.empty() && tp.milestone == view.report.conversion;
    out += "<rect class=\"node" + std::string(converts ? " converts" : "") +
           "\" data-box=\"flow-node\" data-touchpoint=\"" + escape(tp.id) + "\" " +
           box_attributes(node.bar) + " rx=\"2\"><title>" + escape(view.touchpoint_name(tp.id)) +
           ": " + grouped(node.visits) + " visits, " + grouped(tp.continued) + " continued, " +
           grouped(tp.dropped) + " dropped</title></rect>";
  }
  for (const FlowNode& node : layout.nodes) {
    out += node.is_step() ? step_label(node, view.report.steps[node.step]) : node_label(view, node);
  }
  out += "</g></svg></div></section>";
  return out;
}

}  // namespace journeysim::html
