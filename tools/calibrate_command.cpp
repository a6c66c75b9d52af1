// journeysim calibrate: fit a journey of fixed touchpoints to an event log.
#include <filesystem>
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "event_log_options.h"
#include "journeysim/output_file.h"

namespace journeysim::cli {
namespace {

struct CalibrateArgs {
  std::string input;
  std::string out;
  std::string name;
  bool per_segment = false;
  bool quiet = false;
  EventLogArgs log;
};

std::string segment_file(const std::string& out, const std::string& segment) {
  const std::filesystem::path path(out);
  return (path.parent_path() /
          (path.stem().string() + "." + touchpoint_id(segment) + path.extension().string()))
      .string();
}

int calibrate(const CalibrateArgs& args) {
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
    for (size_t s = 0; s < summary.segments.size(); ++s) {
      files.emplace_back(segment_file(args.out, summary.segments[s].name),
                         render_fitted_toml(fitted(static_cast<int>(s))));
    }
  }
  const std::string text = render_fitted_toml(all);
  for (const auto& [file, content] : files) {
    write_file_atomically(file, content);
  }
  if (args.out.empty()) {
    std::cout << text;
  } else {
    write_file_atomically(args.out, text);
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

}  // namespace

void add_calibrate_command(CLI::App& app, std::function<int()>& action) {
  auto args = std::make_shared<CalibrateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "calibrate", "Fit a journey of fixed touchpoints to an event log (or a path file)");
  cmd->footer(
      "Example:\n  journeysim calibrate events.csv --out fitted.toml\n"
      "  journeysim calibrate export.csv --customer-column user_pseudo_id "
      "--timestamp-column event_timestamp --epoch-unit us --touchpoint-column event_name "
      "--conversion-event purchase --out fitted.toml\n"
      "  journeysim calibrate paths.csv --paths --out fitted.toml\n"
      "Bad rows are counted and listed with file:line:column; --strict makes them exit 2.");
  cmd->add_option("input", args->input, "Event log (CSV with a header)")->required();
  cmd->add_option("--out,-o", args->out, "Write the fitted journey here (atomically)");
  cmd->add_option("--name", args->name, "Journey name (default: Fitted from <file>)");
  cmd->add_flag("--per-segment", args->per_segment,
                "Also fit each segment alone: <out>.<segment>.toml beside --out");
  cmd->add_flag("--quiet,-q", args->quiet, "No summary on stderr");
  add_event_log_options(*cmd, args->log, true);
  cmd->callback([args, &action] { action = [args] { return calibrate(*args); }; });
}

}  // namespace journeysim::cli
