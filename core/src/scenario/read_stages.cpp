// [stages.<id>]: who owns each stage that journey.stages declared; and the
// `stage` a touchpoint or step belongs to.
#include "scenario/key_tables.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

const std::vector<std::string> kStageKeys = key_names(stage_keys());

}  // namespace

void read_stages(FieldReader& in, const Node* table, const DeclaredStages& stages,
                 Scenario& scenario) {
  for (size_t i = 0; i < stages.ids.size(); ++i) {
    scenario.stages.push_back(Stage{stages.ids[i], "", "", stages.wheres[i]});
  }
  if (table == nullptr || !in.expect_table(*table, "stages")) {
    return;
  }
  const auto text = [&in](const Node& n, const std::string& p) { return in.string(n, p); };
  for (const Member& m : table->members) {
    const std::string path = child("stages", m.key);
    if (!in.expect_table(m.value, path)) {
      continue;
    }
    in.check_keys(m.value, table_label(path), kStageKeys);
    auto it = stages.index.find(m.key);
    if (it == stages.index.end()) {
      if (stages.known) {
        in.error(m.key_where, "stage '" + m.key + "' is not listed in journey.stages" +
                                  in.suggest(m.key, stages.ids));
      }
      continue;
    }
    Stage& stage = scenario.stages[it->second];
    stage.where = m.value.where;
    in.optional_field(m.value, "owner", path, stage.owner, text);
    in.optional_field(m.value, "description", path, stage.description, text);
  }
}

void read_node_stage(FieldReader& in, const Node& node, const std::string& path,
                     const std::string& owner, const DeclaredStages& stages, std::string& id,
                     uint32_t& index) {
  auto v = in.non_empty_string(node, path);
  if (!v) {
    return;
  }
  id = *v;
  auto it = stages.index.find(*v);
  if (it != stages.index.end()) {
    index = it->second;
  } else if (stages.known) {
    in.error(node.where, owner + ": stage '" + *v + "' is not in journey.stages" +
                             in.suggest(*v, stages.ids));
  }
}

}  // namespace journeysim::scenario
