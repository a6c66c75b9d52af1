// journeysim calibrate: fit a journey of fixed touchpoints to an event log.
#include "calibrate_command.h"

#include <filesystem>
#include <iostream>
#include <map>

#include "cli_common.h"
#include "event_log_options.h"
#include "journeysim/output_file.h"

namespace journeysim::cli {
namespace {

std::string segment_file(const std::string& out, const std::string& segment) {
  const std::filesystem::path path(out);
  return (path.parent_path() /
          (path.stem().string() + "." + touchpoint_id(segment) + path.extension().string()))
      .string();
}

}  // namespace

int run_calibrate(const CalibrateArgs& args) {
  uint64_t bad = 0;
  const LogSummary summary = read_log_summary(args.input, args.log, args.quiet, bad);
  const std::string source = std::filesystem::path(args.input).filename().string();
  auto fitted = [&](int segment) {
    FittedJourney j = fit_journey(summary, segment, args.input);
    j.source = source;
    j.bad_rows = bad;
    j.name = args.name.empty() ? "Fitted from " + source : args.name;
    if (segment >= 0) {
      j.name += " (" + summary.segments[static_cast<size_t>(segment)].name + ")";
    }
    return j;
  };
  const FittedJourney all = fitted(-1);
  // Every file is fitted before any is written: a failure leaves none.
  std::vector<std::pair<std::string, std::string>> files;
  if (args.per_segment) {
    if (args.out.empty()) {
      throw InputError(SourceLocation{}, "--per-segment needs --out (segment files go beside it)");
    }
    // Segment names are sanitised into file names ("new customer" and
    // "new.customer" both give new_customer): two segments must not write
    // one file, the second silently replacing the first.
    std::map<std::string, std::string> segment_of_file;
    for (size_t s = 0; s < summary.segments.size(); ++s) {
      const std::string& segment = summary.segments[s].name;
      const std::string file = segment_file(args.out, segment);
      const auto [known, fresh] = segment_of_file.emplace(file, segment);
      if (!fresh) {
        throw InputError(SourceLocation{args.input, 0, 0},
                         "segments '" + known->second + "' and '" + segment +
                             "' would both be written to " + file +
                             " (--per-segment); rename one of them in the log");
      }
      files.emplace_back(file, render_fitted_toml(fitted(static_cast<int>(s))));
    }
  }
  const std::string text = render_fitted_toml(all);
  std::vector<std::pair<std::string, std::string>> to_write = files;
  if (!args.out.empty()) {
    to_write.emplace_back(args.out, text);
  }
  std::vector<std::string> outputs;
  for (const auto& [file, content] : to_write) {
    outputs.push_back(file);
  }
  refuse_outputs_that_overwrite(outputs, {args.input});
  // All the files or none (output_file.h).
  write_files_atomically(to_write);
  if (args.out.empty()) {
    write_stdout(text);
  }
  if (!args.quiet) {
    size_t conversions = 0;
    for (const FittedTouchpoint& tp : all.touchpoints) {
      conversions += tp.converts ? 1 : 0;
    }
    std::cerr << args.input << ": " << all.events << " events of " << all.customers
              << " customers, " << bad << " bad rows; fitted " << all.touchpoints.size()
              << " touchpoints (" << conversions << " converting), " << all.personas.size()
              << (all.personas.size() == 1 ? " persona" : " personas") << "\n";
    for (const auto& [file, content] : files) {
      std::cerr << "wrote " << file << "\n";
    }
    if (!args.out.empty()) {
      std::cerr << "wrote " << args.out << "\n";
    }
  }
  return kOk;
}

}  // namespace journeysim::cli
