#include "event_log_options.h"

#include <fstream>
#include <iostream>

namespace journeysim::cli {

void add_event_log_options(CLI::App& cmd, EventLogArgs& args, bool with_path_switch) {
  EventLogColumns& c = args.log.columns;
  cmd.add_option("--customer-column", c.customer, "Customer id column (default customer_id)");
  cmd.add_option("--timestamp-column", c.timestamp,
                 "Timestamp column: ISO 8601 or epoch (default timestamp)");
  cmd.add_option("--touchpoint-column", c.touchpoint,
                 "Touchpoint / event name column (default touchpoint or event)");
  cmd.add_option("--channel-column", c.channel, "Channel column (optional; default channel)");
  cmd.add_option("--segment-column", c.segment,
                 "Segment / persona column (optional; default persona or segment)");
  cmd.add_option("--revenue-column", c.revenue, "Revenue column (optional; default revenue)");
  cmd.add_option("--converted-column", c.converted,
                 "Conversion flag column, 1 on the converting event (default converted)");
  cmd.add_option("--conversion-event", args.log.conversion_event,
                 "Events with this touchpoint name convert");
  cmd.add_option("--epoch-unit", args.epoch_unit, "Unit of numeric timestamps")
      ->check(CLI::IsMember({"s", "ms", "us"}));
  cmd.add_flag("--strict", args.strict, "Any bad row is an error (exit 2) instead of a count");
  if (with_path_switch) {
    cmd.add_flag("--paths", args.path_format,
                 "The input is the aggregated path format (path,total_conversions,total_null"
                 "[,total_conversion_value])");
  }
  cmd.add_option("--path-column", args.paths.path, "Path format: path column (default path)");
  cmd.add_option("--conversions-column", args.paths.conversions,
                 "Path format: conversions column (default total_conversions)");
  cmd.add_option("--nulls-column", args.paths.nulls,
                 "Path format: non-conversions column (default total_null)");
  cmd.add_option("--value-column", args.paths.value,
                 "Path format: conversion value column (default total_conversion_value)");
}

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
