#include "cli_common.h"

#include <unistd.h>

#include <boost/dll/runtime_symbol_info.hpp>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "journeysim/output_file.h"
#include "results_stdout.h"

namespace journeysim::cli {

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

int last_stdout_error() { return results_error(); }

void write_stdout(const std::string& text) {
  // A failure is remembered by the stream and reported, with exit 2, as the
  // command ends (main.cpp).
  results() << text << std::flush;
}

void emit(const OutputTarget& target, const std::string& text, bool quiet) {
  if (target.out.empty()) {
    write_stdout(text);
    return;
  }
  write_output_file(target.out, text, quiet);
}

void write_output_file(const std::string& file, const std::string& text, bool quiet) {
  write_file_atomically(file, text);
  if (!quiet) {
    std::cerr << "wrote " << file << "\n";
  }
}

std::vector<std::string> input_files(const SimulationModel& model) {
  std::vector<std::string> files = model.scenario().files;
  for (const ChannelPtr& channel : model.channels()) {
    files.push_back(channel->origin());  // "<built-in>" exists nowhere: skipped
  }
  return files;
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

namespace {

// Past this many, more errors do not help: a file with 10^4 unknown keys
// would otherwise print gigabytes (each echoing its source line).
constexpr size_t kMaxPrintedErrors = 50;
// Source lines longer than this are echoed as a window around the column.
constexpr size_t kEchoHalfWidth = 60;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The lines of each file named by the errors, read once (scenario files are
// at most 16 MiB).
class SourceLines {
 public:
  // Line `n` (1-based) of `file`, or nullptr when it cannot be read.
  const std::string* line(const std::string& file, uint32_t n) {
    auto it = files_.find(file);
    if (it == files_.end()) {
      std::vector<std::string> lines;
      std::ifstream in(file, std::ios::binary);
      for (std::string text; in && std::getline(in, text);) {
        lines.push_back(std::move(text));
      }
      it = files_.emplace(file, std::move(lines)).first;
    }
    return n >= 1 && n <= it->second.size() ? &it->second[n - 1] : nullptr;
  }

 private:
  std::map<std::string, std::vector<std::string>> files_;
};

// Prints `line` with a caret under code point `column` (1-based; 0 = none),
// cut to a window around it when the line is long.
void echo_line(const std::string& line, uint32_t column) {
  size_t at = 0;  // byte offset of the column
  for (uint32_t c = 1; c < column && at < line.size(); ++c) {
    do {
      ++at;
    } while (at < line.size() && is_continuation(line[at]));
  }
  size_t begin = 0;
  size_t end = line.size();
  if (line.size() > 2 * kEchoHalfWidth) {
    begin = at > kEchoHalfWidth ? at - kEchoHalfWidth : 0;
    end = std::min(line.size(), at + kEchoHalfWidth);
    while (begin > 0 && is_continuation(line[begin])) {
      --begin;
    }
    while (end < line.size() && is_continuation(line[end])) {
      ++end;
    }
  }
  const std::string prefix = begin > 0 ? "..." : "";
  std::cerr << "  " << prefix << line.substr(begin, end - begin)
            << (end < line.size() ? "..." : "") << "\n";
  if (column > 0) {
    size_t caret = prefix.size();
    for (size_t k = begin; k < at; ++k) {
      caret += is_continuation(line[k]) ? 0 : 1;
    }
    std::cerr << "  " << std::string(caret, ' ') << "^\n";
  }
}

}  // namespace

void print_errors(const InputError& error) {
  SourceLines sources;
  const auto& diagnostics = error.diagnostics();
  for (size_t i = 0; i < diagnostics.size() && i < kMaxPrintedErrors; ++i) {
    const Diagnostic& d = diagnostics[i];
    std::cerr << d.to_string() << "\n";
    if (d.where.line == 0) {
      continue;
    }
    if (const std::string* line = sources.line(d.where.file, d.where.line)) {
      echo_line(*line, d.where.column);
    }
  }
  if (diagnostics.size() > kMaxPrintedErrors) {
    std::cerr << "journeysim: " << diagnostics.size() - kMaxPrintedErrors
              << " more errors not shown (" << diagnostics.size() << " in all)\n";
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
