#include "report_formats.h"

#include "journeysim/attribution.h"
#include "journeysim/check.h"
#include "journeysim/comparison.h"
#include "journeysim/report_writers.h"
#include "journeysim/run_report.h"
#include "journeysim/sweep.h"

namespace journeysim::cli {
namespace {

// The order is the order `--help` and the unknown-format error list them in.
constexpr ReportFormat<RunReport> kRunReportFormats[] = {
    {"table", render_table},       {"json", render_json},       {"csv", render_csv},
    {"markdown", render_markdown}, {"mermaid", render_mermaid},
};

constexpr ReportFormat<ComparisonReport> kComparisonFormats[] = {
    {"table", render_comparison_table},
    {"json", render_comparison_json},
    {"csv", render_comparison_csv},
    {"markdown", render_comparison_markdown},
};

constexpr ReportFormat<SweepReport> kSweepFormats[] = {
    {"table", render_sweep_table},
    {"json", render_sweep_json},
    {"csv", render_sweep_csv},
};

constexpr ReportFormat<CheckSummary> kCheckFormats[] = {
    {"text", [](const CheckSummary& s) { return render_check_text(s.report, s.colour); }},
    {"json", [](const CheckSummary& s) { return render_check_json(s.report); }},
    {"markdown", [](const CheckSummary& s) { return render_check_markdown(s.report); }},
};

constexpr ReportFormat<Attribution> kAttributionFormats[] = {
    {"table", render_attribution_table},
    {"json", render_attribution_json},
    {"csv", render_attribution_csv},
    {"html", render_attribution_html},
};

}  // namespace

ReportFormats<RunReport> run_report_formats() { return kRunReportFormats; }
ReportFormats<ComparisonReport> comparison_formats() { return kComparisonFormats; }
ReportFormats<SweepReport> sweep_formats() { return kSweepFormats; }
ReportFormats<CheckSummary> check_formats() { return kCheckFormats; }
ReportFormats<Attribution> attribution_formats() { return kAttributionFormats; }

}  // namespace journeysim::cli
