// journeysim validate: load and check scenarios without running them.
#include <iostream>

#include "cli_common.h"
#include "commands.h"

namespace journeysim::cli {
namespace {

struct ValidateArgs {
  std::vector<std::string> scenarios;
  ScenarioOptions scenario_options;
};

int validate(const ValidateArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  std::vector<Diagnostic> problems;
  for (const std::string& file : args.scenarios) {
    try {
      const auto model = load_model(file, args.scenario_options, catalog);
      const Scenario& s = model->scenario();
      std::cout << file << ": ok (" << s.touchpoints.size() << " touchpoints, "
                << s.personas.size() << " personas, " << s.stages.size() << " stages)\n";
    } catch (const InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  return kOk;
}

}  // namespace

void add_validate_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check scenario files (keys, types, graph, plugin parameters) without running");
  cmd->footer("Example:\n  journeysim validate scenarios/*.toml");
  cmd->add_option("scenarios", args->scenarios, "Scenario files (TOML)")->required();
  add_scenario_options(*cmd, args->scenario_options);
  cmd->callback([args, &action] { action = [args] { return validate(*args); }; });
}

}  // namespace journeysim::cli
