// journeysim validate: load and check scenarios without running them.
#include "validate_command.h"

#include <iostream>

#include "cli_common.h"
#include "results_stdout.h"

namespace journeysim::cli {
int run_validate(const ValidateArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  std::vector<Diagnostic> problems;
  for (const std::string& file : args.scenarios) {
    try {
      const auto model = load_model(file, args.scenario_options, catalog);
      const Scenario& s = model->scenario();
      results() << file << ": ok (" << s.touchpoints.size() << " touchpoints, "
                << s.personas.size() << " personas, " << s.stages.size() << " stages)\n" << std::flush;
    } catch (const InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  return kOk;
}

}  // namespace journeysim::cli
