// journeysim schema: the JSON Schema of a scenario file, with the params of
// every channel the run would load (built-ins, installed plugins and
// --plugin-dir), printed for an editor to use.
#include "schema_command.h"

#include "journeysim/scenario_schema.h"

namespace journeysim::cli {

int run_schema(const SchemaArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  write_stdout(scenario_json_schema(catalog));
  return kOk;
}

}  // namespace journeysim::cli
