// What a plugin library file must be before dlopen may map it: dlopen trusts
// the bytes, and a truncated library maps pages past the end of the file,
// whose first touch is a SIGBUS in the middle of loading, or worse.
#pragma once

#include <filesystem>

namespace journeysim {

/// Refuses (PluginError naming the file) a library that others may write to,
/// that is not an ELF shared object of this machine's kind (class, byte
/// order, architecture, type), or whose header, program or section headers
/// or loadable segments reach past the end of the file.
void check_library_file(const std::filesystem::path& file);

}  // namespace journeysim
