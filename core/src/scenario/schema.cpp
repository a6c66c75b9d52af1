// read_scenario: the sections of a scenario file read in a fixed order (each
// by its reader in read_<section>.cpp), then the references between them
// resolved, so problems are always reported in the same order.
#include "scenario/schema.h"

#include "scenario/key_tables.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

const std::vector<std::string> kTopLevelKeys = key_names(top_level_key_specs());

}  // namespace

const std::vector<std::string>& top_level_keys() { return kTopLevelKeys; }

Scenario read_scenario(const Node& root, std::vector<Diagnostic>& problems) {
  FieldReader in(problems);
  Scenario scenario;
  in.check_keys(root, "", kTopLevelKeys);

  DeclaredStages stages;
  const Node* conversion_node = nullptr;
  const Node* journey = root.find("journey");
  if (journey == nullptr) {
    in.error(root.where, "missing required table [journey]");
  } else if (in.expect_table(*journey, "journey")) {
    read_journey(in, *journey, scenario.journey, stages, conversion_node);
  }
  read_stages(in, root.find("stages"), stages, scenario);
  read_personas(in, root.find("personas"), root.where, scenario);
  read_touchpoints(in, root.find("touchpoints"), root.where, stages, scenario);
  read_steps(in, root.find("steps"), stages, scenario);
  read_resources(in, root.find("resources"), scenario);
  if (const Node* thresholds = root.find("thresholds")) {
    if (in.expect_table(*thresholds, "thresholds")) {
      read_thresholds(in, *thresholds, scenario);
    }
  }
  if (const Node* arrivals = root.find("arrivals")) {
    if (in.expect_table(*arrivals, "arrivals")) {
      read_arrivals(in, *arrivals, scenario);
    }
  }
  if (const Node* policies = root.find("policies")) {
    if (in.expect_table(*policies, "policies")) {
      read_policies(in, *policies, scenario);
    }
  }
  if (journey != nullptr && journey->is_table()) {
    resolve_conversion(in, conversion_node, scenario);
  }
  resolve_targets(in, scenario);
  resolve_resources(in, scenario);
  resolve_calendar(in, scenario);
  return scenario;
}

}  // namespace journeysim::scenario
