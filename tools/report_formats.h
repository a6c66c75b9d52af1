// The --format values of each report kind and the writer each one names, in
// one table per kind: the options unit lists a table's names as the allowed
// values, the command renders with the chosen entry. Adding a format is one
// line in report_formats.cpp.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace journeysim {
struct Attribution;
struct CheckReport;
struct ComparisonReport;
struct RunReport;
struct SweepReport;
}  // namespace journeysim

namespace journeysim::cli {

/// One --format value: its name and the writer that renders a `Report` as it.
template <class Report>
struct ReportFormat {
  const char* name;
  std::string (*render)(const Report&);
};

/// A table of formats; the first is the command's default.
template <class Report>
using ReportFormats = std::span<const ReportFormat<Report>>;

/// What `check` renders: its text summary is coloured only on a terminal.
struct CheckSummary {
  const CheckReport& report;
  bool colour = false;
};

ReportFormats<RunReport> run_report_formats();         // run
ReportFormats<ComparisonReport> comparison_formats();  // compare
ReportFormats<SweepReport> sweep_formats();            // sweep
ReportFormats<CheckSummary> check_formats();           // check
ReportFormats<Attribution> attribution_formats();      // attribute

/// The names of `formats`, in table order (the allowed --format values).
template <class Report>
std::vector<std::string> format_names(ReportFormats<Report> formats) {
  std::vector<std::string> names;
  for (const ReportFormat<Report>& format : formats) {
    names.emplace_back(format.name);
  }
  return names;
}

/// Renders `report` in the format called `name`. The options unit admits only
/// names from the table; anything else gets the default, as the if-chains
/// these tables replaced did.
template <class Report>
std::string render_as(ReportFormats<Report> formats, const std::string& name,
                      const Report& report) {
  for (const ReportFormat<Report>& format : formats) {
    if (name == format.name) {
      return format.render(report);
    }
  }
  return formats.front().render(report);
}

}  // namespace journeysim::cli
