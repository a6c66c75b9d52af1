// [resources.<id>]: the servers customers queue for. Which touchpoints use
// them is read with the touchpoints and checked by resolve_resources.
#include <algorithm>

#include "scenario/calendar_fields.h"
#include "scenario/key_tables.h"
#include "scenario/read_wait.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

const std::vector<std::string> kResourceKeys = key_names(resource_keys());
// A team of a thousand is a call centre; the queue keeps one free time per
// server, and a shift's opening table one row per server.
constexpr int64_t kMaxServers = 1000;

const std::vector<std::string> kShiftKeys = key_names(shift_keys());

// Each shift is a window (read by the window's own reader) with a capacity.
void read_shifts(FieldReader& in, const Node& node, const std::string& path, Resource& r) {
  if (!node.is_array() || node.items.empty()) {
    in.type_error(node, path, "non-empty array of { days, hours, capacity } tables");
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    const Node& item = node.items[i];
    const std::string item_path = element(path, i);
    if (!in.expect_table(item, item_path)) {
      continue;
    }
    in.check_keys(item, item_path, kShiftKeys);
    Resource::Shift shift;
    shift.where = item.where;
    bool ok = false;
    if (const Node* capacity = in.required_in_item(item, "capacity", item_path)) {
      if (auto servers = in.integer_in(*capacity, child(item_path, "capacity"), 1, 1000)) {
        shift.capacity = static_cast<uint32_t>(*servers);
        ok = true;
      }
    }
    // The window's reader checks its keys: show it the shift without its
    // capacity.
    Node when = item;
    std::erase_if(when.members, [](const Member& m) { return m.key == "capacity"; });
    if (auto window = read_window(in, when, item_path); window && ok) {
      shift.when = *window;
      r.shifts.push_back(std::move(shift));
    }
  }
}

void read_resource(FieldReader& in, const std::string& id, const Node& table, Resource& r) {
  const std::string path = child("resources", id);
  r.id = id;
  r.name = id;
  r.where = table.where;
  in.check_keys(table, table_label(path), kResourceKeys);
  in.optional_field(table, "name", path, r.name,
                    [&in](const Node& n, const std::string& p) { return in.non_empty_string(n, p); });
  if (const Node* capacity = in.required(table, "capacity", path)) {
    if (auto servers = in.integer_in(*capacity, child(path, "capacity"), 1, kMaxServers)) {
      r.capacity = static_cast<uint32_t>(*servers);
    }
  }
  if (const Node* shifts = table.find("shifts")) {
    read_shifts(in, *shifts, child(path, "shifts"), r);
  }
  if (const Node* warm_up = table.find("warm_up")) {
    DurationText text;
    if (auto hours = read_duration(in, *warm_up, child(path, "warm_up"), text,
                                   /*zero_allowed=*/true)) {
      r.warm_up_hours = *hours;
    }
  }
  if (const Node* service = table.find("service")) {
    r.has_service = true;
    read_wait_time(in, *service, child(path, "service"), r.service);
  }
}

}  // namespace

void read_resources(FieldReader& in, const Node* table, Scenario& scenario) {
  if (table == nullptr || !in.expect_table(*table, "resources")) {
    return;
  }
  for (const Member& m : table->members) {
    if (!in.expect_id(m, "resources") || !in.expect_table(m.value, child("resources", m.key))) {
      continue;
    }
    read_resource(in, m.key, m.value, scenario.resources.emplace_back());
  }
  std::sort(scenario.resources.begin(), scenario.resources.end(),
            [](const Resource& a, const Resource& b) { return a.id < b.id; });
}

void resolve_resources(FieldReader& in, Scenario& scenario) {
  std::vector<bool> used(scenario.resources.size(), false);
  for (Touchpoint& tp : scenario.touchpoints) {
    if (tp.uses.empty()) {
      if (tp.has_patience) {
        in.error(tp.patience.where, "touchpoint '" + tp.id +
                                        "': patience is how long customers queue, but it uses "
                                        "no resource; add uses = \"<resource id>\"");
      }
      continue;
    }
    const int r = scenario.find_resource(tp.uses);
    if (r < 0) {
      std::vector<std::string> ids;
      for (const Resource& res : scenario.resources) {
        ids.push_back(res.id);
      }
      in.error(tp.uses_where, "touchpoint '" + tp.id + "' uses unknown resource '" + tp.uses +
                                  "'" + in.suggest(tp.uses, ids));
      continue;
    }
    tp.resource = static_cast<uint32_t>(r);
    used[static_cast<size_t>(r)] = true;
    if (tp.window) {
      in.error(tp.window->where, "touchpoint '" + tp.id +
                                     "': a send window is for messages, and customers queue "
                                     "here for '" + tp.uses +
                                     "'; give the resource shifts, or put the window on a wait "
                                     "step before it");
    }
  }
  for (size_t r = 0; r < used.size(); ++r) {
    if (!used[r]) {
      in.error(scenario.resources[r].where,
               "resource '" + scenario.resources[r].id +
                   "' is used by no touchpoint; add uses = \"" + scenario.resources[r].id +
                   "\" to the touchpoint where customers queue for it, or remove it");
    }
  }
}

}  // namespace journeysim::scenario
