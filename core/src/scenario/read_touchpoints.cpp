// [touchpoints.<id>]: where customers meet the business, the channel behind
// each, its params (checked later by the channel plugin), its next edges and
// its `on` routes by outcome event.
#include "scenario/calendar_fields.h"
#include "scenario/key_tables.h"
#include "scenario/read_wait.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

const std::vector<std::string> kTouchpointKeys = key_names(touchpoint_keys());

// Param names are not checked here: only the channel plugin knows its own.
void read_params(FieldReader& in, const Node& table, const std::string& path, Touchpoint& tp) {
  for (const Member& m : table.members) {
    if (auto param = in.scalar(m.value, child(path, m.key))) {
      tp.params[m.key] = std::move(*param);
    }
  }
}

// Event names are not checked here: only the channel plugin knows its events.
void read_on(FieldReader& in, const Node& table, const std::string& path, Touchpoint& tp) {
  for (const Member& m : table.members) {
    const std::string event_path = child(path, m.key);
    if (m.key.empty()) {
      in.error(m.key_where, path + ": an event name must not be empty");
      continue;
    }
    auto to = in.non_empty_string(m.value, event_path);
    if (!to) {
      continue;
    }
    tp.on.push_back(EventRoute{m.key, m.key_where, NodeRef{*to, 0, m.value.where}});
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
    read_node_stage(in, *stage, child(path, "stage"), "touchpoint '" + id + "'", stages, tp.stage,
                    tp.stage_index);
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
    read_next(in, *next, child(path, "next"), "touchpoint", tp.next);
  }
  if (const Node* window = table.find("window")) {
    tp.window = read_window(in, *window, child(path, "window"));
  }
  if (const Node* uses = table.find("uses")) {
    tp.uses_where = uses->where;
    if (auto resource = in.non_empty_string(*uses, child(path, "uses"))) {
      tp.uses = *resource;
    }
  }
  if (const Node* patience = table.find("patience")) {
    tp.has_patience = true;
    read_wait_time(in, *patience, child(path, "patience"), tp.patience);
  }
  if (const Node* on = table.find("on")) {
    const std::string on_path = child(path, "on");
    if (in.expect_table(*on, on_path)) {
      read_on(in, *on, on_path, tp);
    }
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
