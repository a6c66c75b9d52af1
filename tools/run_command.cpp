// journeysim run: simulate a journey and print its map.
#include "run_command.h"

#include <iostream>

#include "cli_common.h"
#include "distributed_run.h"
#include "execution.h"
#include "interrupt.h"
#include "journeysim/atomic_output.h"
#include "journeysim/engine.h"
#include "journeysim/event_trace.h"
#include "journeysim/manifest.h"
#include "journeysim/report_writers.h"
#include "mpi_runtime.h"
#include "progress_bar.h"
#include "report_formats.h"

namespace journeysim::cli {
namespace {

// --manifest-only: everything is loaded and checked as for a run (bad input
// exits 2 the same way), then the manifest is printed instead of simulating.
int print_manifest(const RunArgs& args, const SimulationModel& model, const RunOptions& options,
                   const std::optional<Execution>& execution) {
  if (args.format_given && args.output.format != "json") {
    throw InputError(SourceLocation{"--manifest-only", 0, 0},
                     "prints the manifest as JSON; drop --format " + args.output.format);
  }
  if (mpi::is_root()) {
    emit(args.output,
         render_manifest_json(make_manifest(model, options), execution ? &*execution : nullptr),
         args.control.quiet);
  }
  return kOk;
}

}  // namespace

int run_run(const RunArgs& args) {
  // Under mpirun every rank loads and checks the inputs, runs its share of
  // the agents, and rank 0 reports for all (docs/mpi.md); alone, this is
  // the whole run.
  const auto model = load_on_every_rank([&] {
    const PluginCatalog catalog =
        PluginCatalog::discover(plugin_directories(args.scenario_options));
    return load_model(args.scenario, args.scenario_options, catalog);
  });
  if (!model) {
    return kBadInput;  // a rank could not load the inputs (diagnostics printed)
  }
  // Before anything is simulated or written: no output may replace an input
  // or another output (docs/reliability.md).
  refuse_outputs_that_overwrite({args.events, args.report, args.series, args.output.out},
                                input_files(*model));
  if (!args.series.empty() && !model->has_calendar()) {
    throw InputError(SourceLocation{args.series, 0, 0},
                     "--series needs a journey with calendar time (resources, arrivals over "
                     "time, send windows or frequency caps); " + args.scenario +
                         " has none, so there is no time series to write");
  }
  const RunOptions options = run_options(args.control, model->scenario());
  const std::optional<Execution> execution = execution_facts(args.control);
  if (args.manifest_only) {
    return print_manifest(args, *model, options, execution);
  }
  if (!same_on_every_rank(*model, options)) {
    return kBadInput;
  }
  RunOptions share = this_rank_share(options);
  std::atomic<uint64_t> done{0};
  share.progress = &done;
  share.cancel = cancel_flag();
  // --events: streamed in agent order into a temporary file, renamed into
  // place once the run is complete (docs/calibrate.md).
  std::unique_ptr<AtomicOutputFile> events_file;
  std::unique_ptr<CsvEventWriter> events_writer;
  std::unique_ptr<OrderedTrace> trace;
  if (!args.events.empty()) {
    if (mpi::size() > 1) {
      throw InputError(SourceLocation{args.events, 0, 0},
                       "--events needs a single process (run without mpirun)");
    }
    events_file = std::make_unique<AtomicOutputFile>(args.events);
    events_writer = std::make_unique<CsvEventWriter>(events_file->stream(), *model);
    events_writer->header();
    trace = std::make_unique<OrderedTrace>(
        share.first_agent, [&](const std::vector<TraceEvent>& e) { events_writer->write(e); });
    share.trace = trace.get();
  }
  RunTally tally;
  with_progress(share.agents, done, show_progress(args.control) && mpi::is_root(),
                [&] { tally = run_and_reduce(*model, share); });
  if (!mpi::is_root()) {
    return kOk;  // rank 0 writes the results of the whole job
  }
  RunReport report = summarize(*model, tally, options);
  report.execution = execution;
  const std::string text = render_as(run_report_formats(), args.output.format, report);
  throw_if_interrupted();  // a signal while reporting: keep the old files
  if (events_file) {
    events_file->commit();
    if (!args.control.quiet) {
      std::cerr << "wrote " << args.events << " (" << events_writer->rows() << " events)\n";
    }
  }
  if (!args.report.empty()) {
    // Written before stdout so a bad --report path fails the run whole.
    write_output_file(args.report, render_html(report, model->scenario()), args.control.quiet);
  }
  if (!args.series.empty()) {
    write_output_file(args.series, render_series_csv(report), args.control.quiet);
  }
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace journeysim::cli
