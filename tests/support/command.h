// Runs the journeysim executable the way a user would and captures what it
// prints and its exit code.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "build_paths.h"

namespace journeysim::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// `text` split into lines, without their line breaks.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

/// Runs `journeysim <arguments>` (a shell-quoted string) with an optional
/// environment prefix such as "NO_COLOR=1".
inline CommandResult journeysim(const std::string& arguments, const std::string& env = "") {
  static int counter = 0;
  const auto err_file = std::filesystem::temp_directory_path() /
                        ("journeysim-test-stderr-" + std::to_string(::getpid()) + "-" +
                         std::to_string(counter++));
  const std::string command = env + " " + journeysim::testing::journeysim_exe() + " " + arguments + " 2>" +
                              err_file.string() + " </dev/null";
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.out.append(buffer.data(), n);
  }
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(err_file);
  std::filesystem::remove(err_file);
  return result;
}

}  // namespace journeysim::testing
