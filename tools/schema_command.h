// journeysim schema: the scenario file's JSON Schema, for editors.
#pragma once

#include "cli_common.h"

namespace journeysim::cli {

struct SchemaArgs {
  ScenarioOptions scenario_options;  // only --plugin-dir is offered
};

int run_schema(const SchemaArgs& args);

}  // namespace journeysim::cli
