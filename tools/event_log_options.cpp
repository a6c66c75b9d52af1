#include "event_log_options.h"

#include <fstream>
#include <iostream>

namespace journeysim::cli {
namespace {

std::ifstream open_log(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw InputError(SourceLocation{file, 0, 0}, "cannot read the file");
  }
  return in;
}

PathLogColumns path_columns(const EventLogArgs& args) {
  PathLogColumns columns = args.paths;
  columns.separator = args.separator == "tab" ? '\t'
                      : args.separator.empty() ? '\0'
                                               : args.separator.front();
  return columns;
}

void finish_reading(const std::ifstream& in, const std::string& file, const BadRows& bad,
                    bool quiet) {
  if (in.bad()) {
    throw InputError(SourceLocation{file, 0, 0}, "read error");
  }
  if (bad.count() > 0 && !quiet) {
    std::cerr << bad.describe(20);
    std::cerr << file << ": " << bad.count()
              << " bad rows left out (--strict makes them an error)\n";
  }
}

}  // namespace

LogSummary read_log_summary(const std::string& file, const EventLogArgs& args, bool quiet,
                            uint64_t& bad_rows) {
  std::ifstream in = open_log(file);
  EventLogOptions options = args.log;
  options.epoch_unit = args.epoch_unit == "ms"   ? EpochUnit::Milliseconds
                       : args.epoch_unit == "us" ? EpochUnit::Microseconds
                                                 : EpochUnit::Seconds;
  BadRows bad(file, args.strict);
  LogSummary summary = args.path_format
                           ? summarize_path_log(in, file, path_columns(args), bad)
                           : summarize_event_log(in, file, options, bad);
  finish_reading(in, file, bad, quiet);
  bad_rows = bad.count();
  return summary;
}

PathSet read_path_set_file(const std::string& file, const EventLogArgs& args, bool quiet) {
  std::ifstream in = open_log(file);
  BadRows bad(file, args.strict);
  PathSet set = read_path_set(in, file, path_columns(args), bad);
  finish_reading(in, file, bad, quiet);
  return set;
}

}  // namespace journeysim::cli
