// Writing results so that a reader never sees half a file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journeysim {

/// Writes `content` to a temporary file beside `target`, flushes it to disk
/// and renames it over `target`: readers see the old file or the new one,
/// never a truncated one. Throws InputError (bad path) naming the file.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

/// Writes several files as one: each is written and flushed to disk beside
/// its target before any is renamed into place, so a failure while writing
/// (a full disk, a path that cannot be written) leaves every old file as it
/// was. Only the renames, which follow one another, remain to fail.
void write_files_atomically(
    const std::vector<std::pair<std::string, std::string>>& files_and_contents);

}  // namespace journeysim
