// What every journeysim subcommand shares: exit codes, finding plugins,
// loading a scenario into a runnable model, and printing errors users can
// act on.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "journeysim/engine.h"
#include "journeysim/output_path.h"
#include "journeysim/scenario_loader.h"
#include "journeysim/simulation_model.h"

namespace journeysim::cli {

/// Exit codes: documented in the README and in --help.
/// 3 and 4: plugin code took the process down (journeysim/plugin_guard.h);
/// one line on stderr names the plugin, the touchpoint and the callback.
enum ExitCode : int {
  kOk = 0,
  kFailed = 1,
  kBadInput = 2,
  kPluginCrashed = 3,   // a crash, abort or exit() inside a plugin call
  kPluginTimedOut = 4,  // a plugin call ran past --plugin-timeout
};

/// Options every command that loads scenarios accepts.
struct ScenarioOptions {
  std::vector<std::string> plugin_dirs;  // --plugin-dir
  std::vector<std::string> overrides;    // --set path=value
  bool allow_outside = false;            // --allow-outside
};

/// How a simulation runs: options shared by run, compare, sweep and check.
struct RunControl {
  std::string agents;  // "" = the scenario's
  int64_t seed = -1;   // -1 = the scenario's
  unsigned threads = kDefaultThreads;  // --threads
  bool quiet = false;
  bool progress = false;
  bool no_progress = false;
  bool manifest_execution = false;  // --manifest-execution
};

/// RunOptions for `scenario` (its agents and seed unless overridden).
RunOptions run_options(const RunControl& control, const Scenario& scenario);
/// Progress on stderr: on a terminal unless --quiet/--no-progress, or forced.
bool show_progress(const RunControl& control);

/// Where and how results are written.
struct OutputTarget {
  std::string format;  // the command's first format (report_formats.h) unless given
  std::string out;  // "" = stdout
};

/// Writes `text` to stdout (results_stdout.h), remembering why when it does not go out (a full
/// disk, a closed pipe): main reports it and exits 2 as the command ends.
void write_stdout(const std::string& text);
/// errno of the first failed write_stdout, 0 if none failed.
int last_stdout_error();

/// Writes `text` to stdout or, atomically, to --out.
void emit(const OutputTarget& target, const std::string& text, bool quiet);
/// Writes `text` to `file` atomically and, unless `quiet`, says so on stderr.
void write_output_file(const std::string& file, const std::string& text, bool quiet);

/// The files a model was read from: its scenario, each `extends` base, and
/// the plugin libraries it uses. Outputs may not overwrite any of them.
std::vector<std::string> input_files(const SimulationModel& model);

/// Plugin directories in search order: next to the executable (build tree
/// or installed layout), then JOURNEYSIM_PLUGIN_PATH, then --plugin-dir.
/// Never the current directory unless named.
std::vector<std::filesystem::path> plugin_directories(const ScenarioOptions& options);

/// Loads, validates and binds a scenario to the plugins. Throws InputError.
std::unique_ptr<SimulationModel> load_model(const std::string& file,
                                            const ScenarioOptions& options,
                                            const PluginCatalog& catalog);

/// Prints "file:line:col: error: message" for each problem, with the
/// offending source line and a caret when the file can be read.
void print_errors(const InputError& error);

/// Parses an agent count such as "200000", "2e5" or "1_000_000".
uint64_t parse_agent_count(const std::string& text);

/// True when stderr is a terminal.
bool stderr_is_terminal();

}  // namespace journeysim::cli
