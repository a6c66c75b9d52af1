// How this process runs — threads, MPI ranks, its command line — for the
// `execution` block that --manifest-execution adds to the outputs. Kept out
// of them by default: none of it changes the results, and outputs must be
// byte-identical whatever the thread or rank count (docs/json-schema.md).
#pragma once

#include <optional>

#include "cli_common.h"
#include "journeysim/manifest.h"

namespace journeysim::cli {

/// Records the command line as the process received it (called by main).
void remember_command_line(int argc, char** argv);

/// The execution facts when --manifest-execution was given, else nullopt.
std::optional<Execution> execution_facts(const RunControl& control);

}  // namespace journeysim::cli
