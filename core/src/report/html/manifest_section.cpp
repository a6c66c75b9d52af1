// The manifest at the foot of every page: folded away by default (a
// <details> element: no script needed), one table per manifest naming the
// versions, every scenario file and plugin library with its SHA-256, the
// seed and the agents — and how the run was executed when that was asked
// for.
#include "manifest/manifest_text.h"
#include "report/html/format.h"
#include "report/html/sections.h"

namespace journeysim::html {
namespace {

std::string row(const std::string& what, const std::string& value_html) {
  return "<tr><th>" + escape(what) + "</th><td>" + value_html + "</td></tr>";
}

std::string code(const std::string& text) { return "<code>" + escape(text) + "</code>"; }

std::string manifest_table(const manifest_detail::NamedManifest& named, size_t index) {
  const RunManifest& m = *named.manifest;
  std::string out = named.label.empty() ? "" : "<h4>" + escape(named.label) + "</h4>";
  out += "<table class=\"data\" id=\"manifest-" + std::to_string(index + 1) +
         "\" data-scenario-hash=\"" + escape(m.scenario_hash) + "\"><tbody>";
  out += row("journeysim",
             escape(m.journeysim_version) + " (engine " + escape(m.engine_version) + ")");
  out += row("scenario hash", code(m.scenario_hash));
  for (const ManifestFile& f : m.scenario_files) {
    out += row("scenario file", code(f.path) + " sha256 " + code(f.sha256));
  }
  for (const std::string& o : m.overrides) {
    out += row("override", code("--set " + o));
  }
  for (const ManifestPlugin& p : m.plugins) {
    out += row("plugin " + p.name,
               escape(p.version) + (p.sha256.empty()
                                        ? " (built-in)"
                                        : " " + code(p.library) + " sha256 " + code(p.sha256)));
  }
  out += row("seed", std::to_string(m.seed));
  out += row("agents", grouped(m.agents));
  return out + "</tbody></table>";
}

}  // namespace

std::string render_manifest(const std::vector<manifest_detail::NamedManifest>& manifests,
                            const Execution* execution) {
  std::string out =
      "<details class=\"manifest\" id=\"manifest\"><summary>Manifest: what produced these "
      "numbers</summary>";
  for (size_t k = 0; k < manifests.size(); ++k) {
    out += manifest_table(manifests[k], k);
  }
  if (execution != nullptr) {
    out +=
        "<h4>Execution (does not change the numbers)</h4><table class=\"data\" "
        "id=\"manifest-execution\"><tbody>";
    out += row("threads", std::to_string(execution->threads));
    out += row("MPI ranks", std::to_string(execution->mpi_ranks));
    out += row("command line", code(manifest_detail::shell_line(execution->command_line)));
    out += "</tbody></table>";
  }
  return out + "</details>";
}

}  // namespace journeysim::html
