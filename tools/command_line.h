// The journeysim command line: every command's options and help, parsed into
// the command's plain options struct. The one unit that includes CLI11 (it
// costs seconds per unit that does), so the commands' logic never sees it.
#pragma once

#include <functional>

namespace journeysim::cli {

/// What parsing made of the command line.
struct ParsedCommandLine {
  /// The chosen command with its options; empty when parsing ended the
  /// program (help, version, or a parse error, already printed).
  std::function<int()> action;
  /// Then CLI11's exit code: 0 for --help and --version, else an error.
  int parse_exit_code = 0;
};

ParsedCommandLine parse_command_line(int argc, char** argv);

}  // namespace journeysim::cli
