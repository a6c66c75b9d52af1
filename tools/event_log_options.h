// Options shared by the commands that read event logs (calibrate,
// validate-fit, attribute --paths): column names, timestamp unit, --strict.
#pragma once

#include <string>

#include "journeysim/calibrate.h"
#include "journeysim/path_set.h"

namespace journeysim::cli {

struct EventLogArgs {
  EventLogOptions log;
  PathLogColumns paths;
  std::string epoch_unit = "s";
  bool strict = false;
  bool path_format = false;  // --paths: the file is the aggregated path format
  std::string separator;     // path format: ",", ";" or "tab"; "" detects it
};

/// Reads `file` (event log or path format) into a summary; bad rows are
/// listed on stderr (the first 20) unless `quiet`. Throws InputError on a
/// missing file, a bad header, or any bad row under --strict.
LogSummary read_log_summary(const std::string& file, const EventLogArgs& args, bool quiet,
                            uint64_t& bad_rows);

/// Reads a path file (its columns and separator from `args`) into weighted
/// paths; bad rows are listed as by read_log_summary.
PathSet read_path_set_file(const std::string& file, const EventLogArgs& args, bool quiet);

}  // namespace journeysim::cli
