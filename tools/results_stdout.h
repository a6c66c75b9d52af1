// stdout carries journeysim's results and nothing else. Plugin code shares
// the process — its printf, std::cout and write(1, ...) all reach fd 1 — so
// once a command starts, fd 1 is pointed at stderr and the results go to the
// original stdout through a descriptor kept aside (results()). A plugin's
// chatter then lands among the messages on stderr, never inside a JSON
// report. docs/reliability.md, "Plugins that take the process down".
#pragma once

#include <ostream>

namespace journeysim::cli {

/// Keeps the original stdout for results() and points fd 1 at stderr (at
/// /dev/null when stderr is closed). Called once, before any plugin loads.
void reserve_stdout_for_results();

/// True once reserve_stdout_for_results() ran.
bool stdout_reserved();

/// Where results go: the original stdout. Unbuffered beyond a flush: write
/// whole texts and flush (write_stdout in cli_common.h does).
std::ostream& results();

/// errno of the first write to results() that failed, 0 if none did.
int results_error();

/// True when the results go to a terminal.
bool results_are_a_terminal();

}  // namespace journeysim::cli
