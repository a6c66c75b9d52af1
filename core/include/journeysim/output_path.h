// What an output path names, decided before anything is written there:
// outputs replace regular files only, and never an input of the same command.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace journeysim {

enum class OutputKind {
  kFile,    // a regular file, or nothing yet: written beside it and renamed over it
  kStream,  // a character device, a FIFO, or anything under /dev or /proc:
            // opened and written in place, never replaced
};

struct OutputPath {
  std::filesystem::path target;  // the path after following symlinks (a file),
                                 // or the path as given (a stream)
  OutputKind kind = OutputKind::kFile;
};

/// Where the process's own stdout is kept when fd 1 no longer is it: the CLI
/// points fd 1 at stderr so that plugin code cannot write into results, and
/// keeps stdout on `fd` (tools/results_stdout.h). From then on an output
/// path naming stdout — /dev/stdout, /dev/fd/1, /proc/self/fd/1 — is
/// written to `fd`. -1 (the default): fd 1 is stdout.
void set_kept_stdout_descriptor(int fd);

/// `given`, or /proc/self/fd/N when `given` names stdout and stdout is kept
/// on N: the path a stream output is opened at.
std::filesystem::path standard_output_alias(const std::filesystem::path& given);

/// Resolves an output path. Throws InputError naming the path when it is
/// empty, a directory, a socket, a block device, or a symlink loop.
OutputPath resolve_output_path(const std::filesystem::path& given);

/// Throws InputError, before anything is written, when an output that is a
/// file is the same file (device and inode, or the same resolved path when it
/// does not exist yet) as one of `inputs` or as another of `outputs`. Empty
/// names ("" = stdout, or not asked for) are skipped, as are inputs that do
/// not exist.
void refuse_outputs_that_overwrite(const std::vector<std::string>& outputs,
                                   const std::vector<std::string>& inputs);

/// The temporary file an output to `target` is written into before it is
/// renamed: ".<name>.journeysim-tmp-<pid>" beside it, so that a later write
/// to the same target can tell a stale one (its process gone) and remove it.
std::filesystem::path temporary_for(const std::filesystem::path& target, long pid);

/// Removes temporaries of `target` whose process no longer exists (left by
/// a crash or SIGKILL). Returns how many it removed.
size_t remove_stale_temporaries(const std::filesystem::path& target);

}  // namespace journeysim
