// Reading a whole input file (a scenario, a baseline) with a size limit and
// messages that say what was wrong with the path: missing, a loop of
// symbolic links, a directory, a device or a FIFO (which could be read
// forever: /dev/zero), too large.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace journeysim {

/// The bytes of `path`, at most `max_bytes` of them; nullopt with `error`
/// saying why not ("no such file", "a loop of symbolic links", "a
/// directory, not a file", "not a regular file (a device, FIFO or
/// socket)", "file is N bytes; ... limited to ...").
std::optional<std::string> read_input_file(const std::filesystem::path& path, size_t max_bytes,
                                           const std::string& what, std::string& error);

}  // namespace journeysim
