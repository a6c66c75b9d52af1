// A comparison as a pull-request comment: for each variant the verdict
// lines compare writes (compare/verdict.h), where friction moved, and a
// table of the changes that matter; the versions' manifests as a footer.
// The same selection and number formats as the terminal table.
#include "compare/verdict.h"
#include "journeysim/comparison.h"
#include "report/markdown_text.h"
#include "report/report_manifests.h"

namespace journeysim {
namespace {

using markdown::cell;
using markdown::code;

// Short enough for a comment someone reads; every metric is in the JSON.
constexpr size_t kMarkdownRows = 15;
constexpr size_t kFrictionLines = 6;

std::string variant_part(const VariantComparison& v) {
  std::string out = "### " + cell(v.report.name) + "\n\n";
  for (const std::string& line : v.verdict) {
    out += "- " + cell(line) + "\n";
  }
  if (!v.friction_moves.empty()) {
    out += "\n**Friction moved**\n\n";
    for (size_t i = 0; i < v.friction_moves.size() && i < kFrictionLines; ++i) {
      out += "- " + cell(v.friction_moves[i]) + "\n";
    }
  }
  const auto [shown, more, quiet] = select_changes(v, kMarkdownRows);
  if (shown.empty()) {
    return out + "\nNo metric changed significantly (" + std::to_string(quiet) + " compared).\n";
  }
  out += "\n| metric | baseline | variant | difference [95% interval] |\n|---|---:|---:|---|\n";
  for (const MetricChange* c : shown) {
    out += "| " + code(c->path) + " | " + format_value(c->path, c->baseline) + " | " +
           format_value(c->path, c->variant) + " | " + format_difference(c->path, c->difference) +
           (c->paired ? "" : " (unpaired)") + " |\n";
  }
  out +=
      "\nChanges whose 95% interval excludes zero: journey metrics first, the clearest "
      "(in standard errors) first";
  if (more > 0) {
    out += "; " + std::to_string(more) + " more not shown";
  }
  return out + "; " + std::to_string(quiet) +
         " metrics did not change significantly. Every metric: `--format json`.\n";
}

}  // namespace

std::string render_comparison_markdown(const ComparisonReport& report) {
  const RunReport& b = report.baseline;
  std::string title = cell(b.name) + " vs ";
  for (size_t v = 0; v < report.variants.size(); ++v) {
    title += (v ? ", " : "") + cell(report.variants[v].report.name);
  }
  std::string out = "## " + title + "\n\n" + std::to_string(b.manifest.agents) +
                    " agents per version · seed " + std::to_string(b.manifest.seed) +
                    " · the same customers meet every version, so a difference is the change, "
                    "not the noise\n\n";
  for (size_t v = 0; v < report.variants.size(); ++v) {
    out += (v ? "\n" : "") + variant_part(report.variants[v]);
  }
  return out + manifest_detail::markdown_footer(manifest_detail::comparison_manifests(report),
                                                report.execution ? &*report.execution : nullptr);
}

}  // namespace journeysim
