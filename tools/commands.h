// The subcommands. Each registers itself on the app and, when chosen, sets
// the action main() runs (so errors are handled in one place).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace journeysim::cli {

void add_run_command(CLI::App& app, std::function<int()>& action);
void add_validate_command(CLI::App& app, std::function<int()>& action);
void add_plugins_command(CLI::App& app, std::function<int()>& action);
void add_compare_command(CLI::App& app, std::function<int()>& action);
void add_sweep_command(CLI::App& app, std::function<int()>& action);
void add_plugin_test_command(CLI::App& app, std::function<int()>& action);
void add_check_command(CLI::App& app, std::function<int()>& action);
void add_calibrate_command(CLI::App& app, std::function<int()>& action);
void add_validate_fit_command(CLI::App& app, std::function<int()>& action);
void add_attribute_command(CLI::App& app, std::function<int()>& action);

}  // namespace journeysim::cli
