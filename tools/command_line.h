// The journeysim command line: every command's options and help, parsed into
// the command's plain options struct. The one unit that includes CLI11 (it
// costs seconds per unit that does), so the commands' logic never sees it.
#pragma once

#include <functional>

#include "plugin_isolation.h"

namespace journeysim::cli {

/// What parsing made of the command line.
struct ParsedCommandLine {
  /// The chosen command with its options; empty when parsing ended the
  /// program (help, version, or a parse error, already printed).
  std::function<int()> action;
  /// Then CLI11's exit code: 0 for --help and --version, else an error.
  int parse_exit_code = 0;
  /// --plugin-timeout of the chosen command (seconds per plugin call; 0 =
  /// no limit).
  double plugin_timeout_seconds = kDefaultPluginTimeoutSeconds;
};

ParsedCommandLine parse_command_line(int argc, char** argv);

}  // namespace journeysim::cli
