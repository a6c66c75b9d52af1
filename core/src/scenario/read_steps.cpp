// [steps.<id>]: the nodes of the journey graph that are not channels — wait,
// split, experiment, update, exit. Each kind has its own keys; a key of
// another kind is refused by name ("next" on an exit), any other unknown key
// with the nearest key of this kind. What relates entries to each other (the
// default branch last, two arms or more, arm names unique) is checked with
// the graph (validate_structure).
#include <algorithm>

#include "scenario/key_tables.h"
#include "scenario/read_wait.h"
#include "scenario/sections.h"
#include "util/text.h"

namespace journeysim::scenario {
namespace {

struct KindKeys {
  Step::Kind kind;
  std::vector<std::string> keys;  // besides kind, stage and name
};

std::vector<KindKeys> kinds_from_table() {
  std::vector<KindKeys> kinds;
  for (const StepKindKeys& k : step_kinds()) {
    kinds.push_back({k.kind, key_names(k.keys)});
  }
  return kinds;
}

const std::vector<KindKeys> kKinds = kinds_from_table();
const std::vector<std::string> kCommonKeys = key_names(step_common_keys());
const std::vector<std::string> kBranchKeys = key_names(branch_keys());
const std::vector<std::string> kArmKeys = key_names(arm_keys());

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (const KindKeys& k : kKinds) {
    names.emplace_back(step_kind_name(k.kind));
  }
  return names;
}

std::vector<std::string> keys_of(const KindKeys* kind) {
  std::vector<std::string> keys = kCommonKeys;
  for (const KindKeys& k : kKinds) {
    if (kind == nullptr || kind == &k) {
      for (const std::string& key : k.keys) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
          keys.push_back(key);
        }
      }
    }
  }
  return keys;
}

// Unknown keys, checked against the step's kind (every kind's keys when the
// kind itself is wrong). A key that belongs to another kind is named as such:
// its nearest-key suggestion would mislead.
void check_step_keys(FieldReader& in, const Node& table, const std::string& path,
                     const KindKeys* kind) {
  const std::vector<std::string> allowed = keys_of(kind);
  const std::vector<std::string> any = keys_of(nullptr);
  for (const Member& m : table.members) {
    if (std::find(allowed.begin(), allowed.end(), m.key) != allowed.end()) {
      continue;
    }
    if (std::find(any.begin(), any.end(), m.key) == any.end()) {
      in.unknown_key(m, table_label(path), allowed);
      continue;
    }
    const std::string name = step_kind_name(kind->kind);
    const bool vowel = name.front() == 'e' || name.front() == 'u';
    in.error(m.key_where, "key '" + m.key + "' in " + table_label(path) +
                              " does not apply to " + (vowel ? "an " : "a ") + name + " step" +
                              (kind->kind == Step::Kind::Exit && m.key == "next"
                                   ? " (an exit ends the journey)"
                                   : "") +
                              "; its keys: " + util::join(allowed, ", "));
  }
}

// An array of inline tables at `path`; calls read(item, item_path) for each.
template <typename Read>
void each_item(FieldReader& in, const Node& node, const std::string& path,
               const std::string& expected, Read read) {
  if (!node.is_array()) {
    in.type_error(node, path, expected);
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    const std::string item_path = element(path, i);
    if (in.expect_table(node.items[i], item_path)) {
      read(node.items[i], item_path);
    }
  }
}

// The non-empty string `key` of an entry and where it was written; false
// when it is wrong, or missing and `required`.
bool entry_text(FieldReader& in, const Node& item, const std::string& key,
                const std::string& item_path, bool required, std::string& text,
                SourceLocation& where) {
  const Node* node = required ? in.required_in_item(item, key, item_path) : item.find(key);
  if (node == nullptr) {
    return !required;
  }
  auto value = in.non_empty_string(*node, child(item_path, key));
  text = value.value_or("");
  where = node->where;
  return value.has_value();
}

void read_branches(FieldReader& in, const Node& node, const std::string& path, Step& step) {
  each_item(in, node, path, "array of {when, to} tables",
            [&](const Node& item, const std::string& item_path) {
              in.check_keys(item, item_path, kBranchKeys);
              Branch branch;
              branch.where = item.where;
              const bool ok = entry_text(in, item, "when", item_path, false, branch.when,
                                         branch.when_where);
              auto to = read_to(in, item, item_path);
              if (ok && to) {
                branch.to = std::move(*to);
                step.branches.push_back(std::move(branch));
              }
            });
}

void read_arms(FieldReader& in, const Node& node, const std::string& path, Step& step) {
  each_item(in, node, path, "array of {name, weight, to} tables",
            [&](const Node& item, const std::string& item_path) {
              in.check_keys(item, item_path, kArmKeys);
              Arm arm;
              arm.where = item.where;
              arm.weight_where = item.where;
              bool ok = entry_text(in, item, "name", item_path, true, arm.name,
                                   arm.name_where);
              if (const Node* weight = item.find("weight")) {
                auto w = in.positive(*weight, child(item_path, "weight"));
                ok = ok && w.has_value();
                arm.weight = w.value_or(0.0);
                arm.weight_where = weight->where;
              }
              auto to = read_to(in, item, item_path);
              if (ok && to) {
                arm.to = std::move(*to);
                step.arms.push_back(std::move(arm));
              }
            });
  double total = 0.0;
  for (const Arm& arm : step.arms) {
    total += arm.weight;
  }
  check_weight_sum(in, node, path, total);
}

void read_set(FieldReader& in, const Node& node, const std::string& path, Step& step) {
  if (!in.expect_table(node, path)) {
    return;
  }
  if (node.members.empty()) {
    in.error(node.where, path + " must set at least one attribute");
  }
  for (const Member& m : node.members) {
    if (m.key.empty()) {
      in.error(m.key_where, path + ": an attribute name must not be empty");
    } else if (auto value = in.scalar(m.value, child(path, m.key))) {
      step.set[m.key] = std::move(*value);
    }
  }
}

void read_kind_keys(FieldReader& in, const Node& table, const std::string& path, Step& step) {
  switch (step.kind) {
    case Step::Kind::Wait:
      read_wait(in, table, path, step);
      break;
    case Step::Kind::Split:
      if (const Node* branches = in.required(table, "branches", path)) {
        read_branches(in, *branches, child(path, "branches"), step);
      }
      break;
    case Step::Kind::Experiment:
      if (const Node* arms = in.required(table, "arms", path)) {
        read_arms(in, *arms, child(path, "arms"), step);
      }
      break;
    case Step::Kind::Update:
      if (const Node* set = in.required(table, "set", path)) {
        read_set(in, *set, child(path, "set"), step);
      }
      break;
    case Step::Kind::Exit:
      in.optional_field(table, "reason", path, step.reason,
                        [&in](const Node& n, const std::string& p) {
                          return in.non_empty_string(n, p);
                        });
      break;
  }
  if (step.kind == Step::Kind::Wait || step.kind == Step::Kind::Update) {
    if (const Node* next = table.find("next")) {
      read_next(in, *next, child(path, "next"), "touchpoint or step", step.next);
    }
  }
}

// The kind's entry in kKinds, or nullptr after reporting it missing or wrong.
const KindKeys* read_kind(FieldReader& in, const Node& table, const std::string& path,
                          Step& step) {
  const Node* kind = in.required(table, "kind", path);
  if (kind == nullptr) {
    return nullptr;
  }
  step.kind_where = kind->where;
  const auto name = in.one_of(*kind, child(path, "kind"), "step kind", kind_names());
  if (!name) {
    return nullptr;
  }
  for (const KindKeys& k : kKinds) {
    if (*name == step_kind_name(k.kind)) {
      step.kind = k.kind;
      return &k;
    }
  }
  return nullptr;
}

void read_step(FieldReader& in, const std::string& id, const Node& table,
               const DeclaredStages& stages, Step& step) {
  const std::string path = child("steps", id);
  step.id = id;
  step.name = id;
  step.where = table.where;
  step.kind_where = table.where;
  const KindKeys* kind = read_kind(in, table, path, step);
  check_step_keys(in, table, path, kind);
  if (const Node* stage = table.find("stage")) {
    read_node_stage(in, *stage, child(path, "stage"), "step '" + id + "'", stages, step.stage,
                    step.stage_index);
  }
  in.optional_field(table, "name", path, step.name,
                    [&in](const Node& n, const std::string& p) {
                      return in.non_empty_string(n, p);
                    });
  if (kind != nullptr) {
    read_kind_keys(in, table, path, step);
  }
}

}  // namespace

void read_steps(FieldReader& in, const Node* table, const DeclaredStages& stages,
                Scenario& scenario) {
  if (table == nullptr || !in.expect_table(*table, "steps")) {
    return;
  }
  for (const Member& m : table->members) {  // members are sorted by id
    if (in.expect_table(m.value, child("steps", m.key)) && in.expect_id(m, "steps")) {
      read_step(in, m.key, m.value, stages, scenario.steps.emplace_back());
    }
  }
}

}  // namespace journeysim::scenario
