// The references a node makes to others: `next` lists (ids or weighted
// edges) and single `to` ids. Targets are resolved to node indices once every
// touchpoint and step is read (resolve_targets).
#include <cmath>

#include "scenario/key_tables.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

constexpr double kMaxDelayHours = 876000.0;  // 100 years

const std::vector<std::string> kEdgeKeys = key_names(edge_keys());

// One {to, weight, delay_hours} table of `next`; false when it is left out.
bool read_edge_table(FieldReader& in, const Node& item, const std::string& item_path, Edge& edge) {
  in.check_keys(item, item_path, kEdgeKeys);
  auto to = read_to(in, item, item_path);
  if (!to) {
    return false;
  }
  edge.to = std::move(to->id);
  edge.where = to->where;
  if (const Node* weight = item.find("weight")) {
    auto w = in.positive(*weight, child(item_path, "weight"));
    if (!w) {
      return false;
    }
    edge.weight = *w;
  }
  if (const Node* delay = item.find("delay_hours")) {
    auto d = in.number(*delay, child(item_path, "delay_hours"));
    if (!d) {
      return false;
    }
    if (*d < 0.0 || *d > kMaxDelayHours) {
      in.error(delay->where, child(item_path, "delay_hours") +
                                 " must be between 0 and 876000 (100 years), got " +
                                 format_number(*d));
      return false;
    }
    edge.delay_hours = *d;
  }
  return true;
}

}  // namespace

std::optional<NodeRef> read_to(FieldReader& in, const Node& item, const std::string& item_path) {
  const Node* to = in.required_in_item(item, "to", item_path);
  if (to == nullptr) {
    return std::nullopt;
  }
  auto id = in.non_empty_string(*to, child(item_path, "to"));
  if (!id) {
    return std::nullopt;
  }
  return NodeRef{std::move(*id), 0, to->where};
}

void read_next(FieldReader& in, const Node& node, const std::string& path,
               const std::string& ids, std::vector<Edge>& next) {
  if (!node.is_array()) {
    in.type_error(node, path, "array of " + ids + " ids or {to, weight, delay_hours} tables");
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    const Node& item = node.items[i];
    const std::string item_path = element(path, i);
    Edge edge;
    if (item.type == Node::Type::String) {
      edge.to = item.text;
      edge.where = item.where;
    } else if (item.is_table()) {
      if (!read_edge_table(in, item, item_path, edge)) {
        continue;
      }
    } else {
      in.type_error(item, item_path, ids + " id or {to, weight, delay_hours} table");
      continue;
    }
    next.push_back(std::move(edge));
  }
  double total = 0.0;
  for (const Edge& e : next) {
    total += e.weight;
  }
  check_weight_sum(in, node, path, total);
}

void check_weight_sum(FieldReader& in, const Node& node, const std::string& path, double total) {
  // Each weight is finite; their sum must be too, or normalising them
  // would send everyone down one branch (1e308 + 1e308 is infinite).
  if (!std::isfinite(total)) {
    in.error(node.where, path + ": the weights sum to more than the largest number (about "
                             "1.8e308); scale them down, only their ratios matter");
  }
}

}  // namespace journeysim::scenario
