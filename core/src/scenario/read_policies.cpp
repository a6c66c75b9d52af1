// [policies]: rules over all of a customer's messages. `frequency_cap` is
// one {messages, per, channels} table or an array of them; each channel must
// be one a touchpoint uses, checked once touchpoints are read
// (resolve_calendar).
#include <algorithm>

#include "scenario/key_tables.h"
#include "scenario/read_wait.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

constexpr int64_t kMaxCapMessages = 1'000'000;

const std::vector<std::string> kPolicyKeys = key_names(policy_keys());
const std::vector<std::string> kCapKeys = key_names(frequency_cap_keys());

void read_channels(FieldReader& in, const Node& node, const std::string& path, FrequencyCap& cap) {
  if (!node.is_array()) {
    in.type_error(node, path, "array of channel names");
    return;
  }
  if (node.items.empty()) {
    in.error(node.where, path + " must name at least one channel");
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    const auto name = in.non_empty_string(node.items[i], element(path, i));
    if (!name) {
      continue;
    }
    if (std::find(cap.channels.begin(), cap.channels.end(), *name) != cap.channels.end()) {
      in.error(node.items[i].where, path + " lists '" + *name + "' more than once");
      continue;
    }
    cap.channels.push_back(*name);
    cap.channel_wheres.push_back(node.items[i].where);
  }
}

void read_cap(FieldReader& in, const Node& table, const std::string& path, Policies& policies) {
  in.check_keys(table, path, kCapKeys);
  FrequencyCap cap;
  cap.where = table.where;
  bool ok = true;
  if (const Node* messages = in.required_in_item(table, "messages", path)) {
    const auto n = in.integer_in(*messages, child(path, "messages"), 1, kMaxCapMessages);
    ok = ok && n.has_value();
    cap.messages = static_cast<uint32_t>(n.value_or(0));
  } else {
    ok = false;
  }
  if (const Node* per = in.required_in_item(table, "per", path)) {
    DurationText text;
    const auto hours = read_duration(in, *per, child(path, "per"), text);
    ok = ok && hours.has_value();
    cap.per_hours = hours.value_or(0.0);
    cap.per_text = text.text;
  } else {
    ok = false;
  }
  if (const Node* channels = in.required_in_item(table, "channels", path)) {
    read_channels(in, *channels, child(path, "channels"), cap);
  } else {
    ok = false;
  }
  if (ok) {
    policies.frequency_caps.push_back(std::move(cap));
  }
}

}  // namespace

void read_policies(FieldReader& in, const Node& table, Scenario& scenario) {
  const std::string path = "policies";
  scenario.policies.where = table.where;
  in.check_keys(table, table_label(path), kPolicyKeys);
  const Node* caps = table.find("frequency_cap");
  if (caps == nullptr) {
    return;
  }
  const std::string caps_path = child(path, "frequency_cap");
  if (caps->is_table()) {
    read_cap(in, *caps, caps_path, scenario.policies);
  } else if (caps->is_array() && !caps->items.empty()) {
    for (size_t i = 0; i < caps->items.size(); ++i) {
      if (in.expect_table(caps->items[i], element(caps_path, i))) {
        read_cap(in, caps->items[i], element(caps_path, i), scenario.policies);
      }
    }
  } else {
    in.type_error(*caps, caps_path,
                  "{ messages, per, channels } table or a non-empty array of them");
  }
}

}  // namespace journeysim::scenario
