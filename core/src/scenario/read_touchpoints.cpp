// [touchpoints.<id>]: where customers meet the business, the channel behind
// each, its params (checked later by the channel plugin) and its next edges.
#include <cmath>

#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

// Integers beyond 2^53 do not survive the trip through ParamValue::number.
constexpr int64_t kMaxExactInteger = int64_t{1} << 53;
constexpr double kMaxDelayHours = 876000.0;  // 100 years

const std::vector<std::string> kTouchpointKeys = {
    "stage", "channel", "name", "entry", "actions", "milestone", "exit", "params", "next", "via"};
const std::vector<std::string> kEdgeKeys = {"to", "weight", "delay_hours"};

// Param names are not checked here: only the channel plugin knows its own.
void read_params(FieldReader& in, const Node& table, const std::string& path, Touchpoint& tp) {
  for (const Member& m : table.members) {
    const std::string param_path = child(path, m.key);
    const Node& v = m.value;
    ParamValue param;
    param.where = v.where;
    switch (v.type) {
      case Node::Type::Integer:
        if (v.integer > kMaxExactInteger || v.integer < -kMaxExactInteger) {
          in.error(v.where, param_path + ": integer " + std::to_string(v.integer) +
                                " is too large (limit 2^53)");
          continue;
        }
        param.kind = ParamValue::Kind::Integer;
        param.number = static_cast<double>(v.integer);
        break;
      case Node::Type::Float:
        if (!std::isfinite(v.number)) {
          in.error(v.where,
                   param_path + ": expected a finite number, got " + format_number(v.number));
          continue;
        }
        param.kind = ParamValue::Kind::Number;
        param.number = v.number;
        break;
      case Node::Type::Boolean:
        param.kind = ParamValue::Kind::Boolean;
        param.number = v.boolean ? 1.0 : 0.0;
        break;
      case Node::Type::String:
        param.kind = ParamValue::Kind::String;
        param.text = v.text;
        break;
      default:
        in.type_error(v, param_path, "number, integer, boolean or string");
        continue;
    }
    tp.params[m.key] = std::move(param);
  }
}

// One {to, weight, delay_hours} table of `next`; false when it is left out.
bool read_edge_table(FieldReader& in, const Node& item, const std::string& item_path, Edge& edge) {
  in.check_keys(item, item_path, kEdgeKeys);
  const Node* to = item.find("to");
  if (to == nullptr) {
    in.error(item.where, "missing required key 'to' in " + item_path);
    return false;
  }
  auto target = in.non_empty_string(*to, child(item_path, "to"));
  if (!target) {
    return false;
  }
  edge.to = *target;
  edge.where = to->where;
  if (const Node* weight = item.find("weight")) {
    auto w = in.number(*weight, child(item_path, "weight"));
    if (!w) {
      return false;
    }
    if (*w <= 0.0) {
      in.error(weight->where,
               child(item_path, "weight") + " must be positive, got " + format_number(*w));
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

void read_next(FieldReader& in, const Node& node, const std::string& path, Touchpoint& tp) {
  if (!node.is_array()) {
    in.type_error(node, path, "array of touchpoint ids or {to, weight, delay_hours} tables");
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
      in.type_error(item, item_path, "touchpoint id or {to, weight, delay_hours} table");
      continue;
    }
    tp.next.push_back(std::move(edge));
  }
}

void read_touchpoint(FieldReader& in, const std::string& id, const Node& table,
                     const DeclaredStages& stages, Touchpoint& tp) {
  const std::string path = child("touchpoints", id);
  tp.id = id;
  tp.name = id;
  tp.where = table.where;
  tp.channel_where = table.where;
  tp.params_where = table.where;
  in.check_keys(table, table_label(path), kTouchpointKeys);

  if (const Node* stage = in.required(table, "stage", path)) {
    if (auto v = in.non_empty_string(*stage, child(path, "stage"))) {
      tp.stage = *v;
      auto it = stages.index.find(*v);
      if (it != stages.index.end()) {
        tp.stage_index = it->second;
      } else if (stages.known) {
        in.error(stage->where, "touchpoint '" + id + "': stage '" + *v +
                                   "' is not in journey.stages" + in.suggest(*v, stages.ids));
      }
    }
  }
  if (const Node* channel = in.required(table, "channel", path)) {
    tp.channel_where = channel->where;
    if (auto v = in.non_empty_string(*channel, child(path, "channel"))) {
      tp.channel = *v;
    }
  }
  const auto name = [&in](const Node& n, const std::string& p) {
    return in.non_empty_string(n, p);
  };
  in.optional_field(table, "name", path, tp.name, name);
  in.optional_field(table, "via", path, tp.via, name);
  in.optional_field(table, "entry", path, tp.entry, [&in](const Node& n, const std::string& p) {
    return in.number_in(n, p, 0.0, 1.0);
  });
  in.optional_field(table, "actions", path, tp.actions,
                    [&in](const Node& n, const std::string& p) { return in.strings(n, p); });
  in.optional_field(table, "milestone", path, tp.milestone, name);
  in.optional_field(table, "exit", path, tp.exit,
                    [&in](const Node& n, const std::string& p) { return in.boolean(n, p); });
  if (const Node* params = table.find("params")) {
    const std::string params_path = child(path, "params");
    if (in.expect_table(*params, params_path)) {
      tp.params_where = params->where;
      read_params(in, *params, params_path, tp);
    }
  }
  if (const Node* next = table.find("next")) {
    read_next(in, *next, child(path, "next"), tp);
  }
}

}  // namespace

void read_touchpoints(FieldReader& in, const Node* table, const SourceLocation& root_where,
                      const DeclaredStages& stages, Scenario& scenario) {
  in.each_entity(table, root_where, "touchpoints", [&](const std::string& id, const Node& entity) {
    read_touchpoint(in, id, entity, stages, scenario.touchpoints.emplace_back());
  });
}

}  // namespace journeysim::scenario
