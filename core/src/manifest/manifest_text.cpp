#include "manifest/manifest_text.h"

#include "manifest/manifest_json.h"
#include "report/markdown_text.h"

namespace journeysim::manifest_detail {
namespace {

using markdown::cell;
using markdown::code;

std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

std::string plugin_words(const ManifestPlugin& p) {
  return p.name + " " + p.version + " " +
         (p.sha256.empty() ? "built-in" : p.sha256 + " " + p.library);
}

}  // namespace

std::string short_hash(const std::string& sha256) { return sha256.substr(0, 12); }

std::string shell_line(const std::vector<std::string>& arguments) {
  std::string out;
  for (const std::string& a : arguments) {
    const bool plain = !a.empty() && a.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789-_./=:,@+%") == std::string::npos;
    std::string quoted = "'";
    for (char c : a) {
      quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    out += (out.empty() ? "" : " ") + (plain ? a : quoted + "'");
  }
  return out;
}

std::string csv_comment_lines(const std::vector<NamedManifest>& manifests,
                              const Execution* execution) {
  std::string out;
  for (const NamedManifest& named : manifests) {
    const RunManifest& m = *named.manifest;
    out += std::string("# manifest: ") + kManifestSchema +
           (named.label.empty() ? "" : " (" + one_line(named.label) + ")") + "\n";
    out += "# journeysim_version: " + m.journeysim_version + "\n";
    out += "# engine_version: " + m.engine_version + "\n";
    out += "# scenario_hash: " + m.scenario_hash + "\n";
    // As sha256sum prints them: hash, two spaces, path.
    for (const ManifestFile& f : m.scenario_files) {
      out += "# scenario_file: " + f.sha256 + "  " + one_line(f.path) + "\n";
    }
    for (const std::string& o : m.overrides) {
      out += "# override: " + one_line(o) + "\n";
    }
    for (const ManifestPlugin& p : m.plugins) {
      out += "# plugin: " + plugin_words(p) + "\n";
    }
    out += "# seed: " + std::to_string(m.seed) + "\n";
    out += "# agents: " + std::to_string(m.agents) + "\n";
  }
  if (execution != nullptr) {
    out += "# execution.threads: " + std::to_string(execution->threads) + "\n";
    out += "# execution.mpi_ranks: " + std::to_string(execution->mpi_ranks) + "\n";
    out += "# execution.command_line: " + one_line(shell_line(execution->command_line)) + "\n";
  }
  return out;
}

std::string markdown_footer(const std::vector<NamedManifest>& manifests,
                            const Execution* execution) {
  if (manifests.empty()) {
    return "";
  }
  const RunManifest& first = *manifests.front().manifest;
  std::string out = "\n---\n\n<sub>Manifest: journeysim " + cell(first.journeysim_version) +
                    " · engine " + cell(first.engine_version) + "</sub>";
  for (const NamedManifest& named : manifests) {
    const RunManifest& m = *named.manifest;
    std::string line = named.label.empty() ? "" : "**" + cell(named.label) + "**: ";
    line += "scenario " + code(short_hash(m.scenario_hash)) + " · seed " + std::to_string(m.seed) +
            " · " + std::to_string(m.agents) + " agents · files";
    for (const ManifestFile& f : m.scenario_files) {
      line += " " + code(f.path) + " " + code(short_hash(f.sha256));
    }
    for (const std::string& o : m.overrides) {
      line += " · --set " + code(o);
    }
    line += " · plugins";
    for (size_t i = 0; i < m.plugins.size(); ++i) {
      const ManifestPlugin& p = m.plugins[i];
      line += std::string(i ? "," : "") + " " + cell(p.name) + " " + cell(p.version) +
              (p.sha256.empty() ? " (built-in)" : " " + code(short_hash(p.sha256)));
    }
    out += "<br>\n<sub>" + line + "</sub>";
  }
  if (execution != nullptr) {
    out += "<br>\n<sub>Execution: " + std::to_string(execution->threads) + " threads · " +
           std::to_string(execution->mpi_ranks) + " MPI rank" +
           (execution->mpi_ranks == 1 ? "" : "s") + " · " +
           code(shell_line(execution->command_line)) + "</sub>";
  }
  return out + "\n";
}

}  // namespace journeysim::manifest_detail
