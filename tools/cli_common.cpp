#include "cli_common.h"

#include <unistd.h>

#include <boost/dll/runtime_symbol_info.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "journeysim/output_file.h"

namespace journeysim::cli {

void add_scenario_options(CLI::App& command, ScenarioOptions& options) {
  command.add_option("--plugin-dir", options.plugin_dirs,
                     "Also load channel plugins from this directory (repeatable)");
  command.add_option("--set", options.overrides,
                     "Override a scenario value, e.g. touchpoints.checkout.params.steps=3 "
                     "(repeatable; same paths as a variant file)");
  command.add_flag("--allow-outside", options.allow_outside,
                   "Let `extends` reach files outside the scenario's directory");
}

void add_run_control(CLI::App& command, RunControl& control) {
  command.add_option("--agents,-n", control.agents,
                     "Number of agents, e.g. 200000 or 1e6 (default: the scenario's)");
  command.add_option("--seed", control.seed, "Random seed (default: the scenario's)")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--threads,-j", control.threads,
                     "Worker threads (0 = one per core; never changes results)");
  command.add_flag("--quiet,-q", control.quiet, "No progress or messages on stderr");
  command.add_flag("--progress", control.progress,
                   "Show progress even when stderr is not a terminal");
  command.add_flag("--no-progress", control.no_progress, "Never show progress");
}

RunOptions run_options(const RunControl& control, const Scenario& scenario) {
  RunOptions options;
  options.seed = control.seed >= 0 ? static_cast<uint64_t>(control.seed) : scenario.journey.seed;
  options.agents =
      control.agents.empty() ? scenario.journey.agents : parse_agent_count(control.agents);
  options.threads = control.threads;
  return options;
}

bool show_progress(const RunControl& control) {
  return !control.no_progress && !control.quiet && (control.progress || stderr_is_terminal());
}

void add_output_options(CLI::App& command, OutputTarget& target,
                        const std::vector<std::string>& formats) {
  command.add_option("--format,-f", target.format, "Output format")
      ->check(CLI::IsMember(formats));
  command.add_option("--out,-o", target.out, "Write to this file (atomically) instead of stdout");
}

void emit(const OutputTarget& target, const std::string& text, bool quiet) {
  if (target.out.empty()) {
    std::cout << text << std::flush;
    return;
  }
  write_file_atomically(target.out, text);
  if (!quiet) {
    std::cerr << "wrote " << target.out << "\n";
  }
}

std::vector<std::filesystem::path> plugin_directories(const ScenarioOptions& options) {
  std::vector<std::filesystem::path> dirs;
  const std::filesystem::path exe_dir = boost::dll::program_location().parent_path().string();
  for (const auto& candidate : {exe_dir / ".." / "plugins",
                                exe_dir / JOURNEYSIM_INSTALLED_PLUGIN_DIR}) {
    std::error_code ec;
    if (std::filesystem::is_directory(candidate, ec)) {
      dirs.push_back(std::filesystem::weakly_canonical(candidate, ec));
    }
  }
  if (const char* env = std::getenv("JOURNEYSIM_PLUGIN_PATH"); env != nullptr) {
    std::string list = env;
    size_t start = 0;
    while (start <= list.size()) {
      const size_t colon = std::min(list.find(':', start), list.size());
      if (colon > start) {
        dirs.emplace_back(list.substr(start, colon - start));
      }
      start = colon + 1;
    }
  }
  for (const auto& dir : options.plugin_dirs) {
    dirs.emplace_back(dir);
  }
  return dirs;
}

std::unique_ptr<SimulationModel> load_model(const std::string& file,
                                            const ScenarioOptions& options,
                                            const PluginCatalog& catalog) {
  LoadOptions load;
  load.overrides = options.overrides;
  load.allow_outside = options.allow_outside;
  return std::make_unique<SimulationModel>(load_scenario(file, load), catalog);
}

void print_errors(const InputError& error) {
  for (const Diagnostic& d : error.diagnostics()) {
    std::cerr << d.to_string() << "\n";
    if (d.where.line == 0) {
      continue;
    }
    std::ifstream in(d.where.file);
    std::string line;
    for (uint32_t n = 0; n < d.where.line && std::getline(in, line); ++n) {
    }
    if (in) {
      std::cerr << "  " << line << "\n";
      if (d.where.column > 0) {
        std::cerr << "  " << std::string(d.where.column - 1, ' ') << "^\n";
      }
    }
  }
}

uint64_t parse_agent_count(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c != '_') {
      digits += c;
    }
  }
  char* end = nullptr;
  const double value = std::strtod(digits.c_str(), &end);
  if (digits.empty() || end == nullptr || *end != '\0' || !std::isfinite(value) ||
      value != std::floor(value) || value < 1 || value > 1e12) {
    throw InputError(SourceLocation{"--agents", 0, 0},
                     "'" + text + "' is not a whole number of agents between 1 and 10^12");
  }
  return static_cast<uint64_t>(value);
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace journeysim::cli
