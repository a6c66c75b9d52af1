#include "event_log_options.h"

#include <fstream>
#include <iostream>

namespace journeysim::cli {

LogSummary read_log_summary(const std::string& file, const EventLogArgs& args, bool quiet,
                            uint64_t& bad_rows) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw InputError(SourceLocation{file, 0, 0}, "cannot read the file");
  }
  EventLogOptions options = args.log;
  options.epoch_unit = args.epoch_unit == "ms"   ? EpochUnit::Milliseconds
                       : args.epoch_unit == "us" ? EpochUnit::Microseconds
                                                 : EpochUnit::Seconds;
  BadRows bad(file, args.strict);
  LogSummary summary = args.path_format ? summarize_path_log(in, file, args.paths, bad)
                                        : summarize_event_log(in, file, options, bad);
  if (in.bad()) {
    throw InputError(SourceLocation{file, 0, 0}, "read error");
  }
  bad_rows = bad.count();
  if (bad.count() > 0 && !quiet) {
    std::cerr << bad.describe(20);
    std::cerr << file << ": " << bad.count()
              << " bad rows left out (--strict makes them an error)\n";
  }
  return summary;
}

}  // namespace journeysim::cli
