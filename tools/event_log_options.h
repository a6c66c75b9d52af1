// Options shared by the commands that read event logs (calibrate,
// validate-fit, attribute --paths): column names, timestamp unit, --strict.
#pragma once

#include <string>

#include "journeysim/calibrate.h"

namespace journeysim::cli {

struct EventLogArgs {
  EventLogOptions log;
  PathLogColumns paths;
  std::string epoch_unit = "s";
  bool strict = false;
  bool path_format = false;  // --paths: the file is the aggregated path format
};

/// Reads `file` (event log or path format) into a summary; bad rows are
/// listed on stderr (the first 20) unless `quiet`. Throws InputError on a
/// missing file, a bad header, or any bad row under --strict.
LogSummary read_log_summary(const std::string& file, const EventLogArgs& args, bool quiet,
                            uint64_t& bad_rows);

}  // namespace journeysim::cli
