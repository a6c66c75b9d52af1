// Writing results so that a reader never sees half a file.
#pragma once

#include <filesystem>
#include <string_view>

namespace journeysim {

/// Writes `content` to a temporary file beside `target`, flushes it to disk
/// and renames it over `target`: readers see the old file or the new one,
/// never a truncated one. Throws InputError (bad path) naming the file.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace journeysim
