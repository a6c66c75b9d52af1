// The manifest in the text outputs: comment lines after a CSV table and a
// short footer under a Markdown summary.
#pragma once

#include <string>
#include <vector>

#include "journeysim/manifest.h"

namespace journeysim::manifest_detail {

/// A manifest and what it describes, for outputs holding several (a
/// comparison's versions, a check's scenarios); "" when there is one.
struct NamedManifest {
  std::string label;
  const RunManifest* manifest = nullptr;
};

/// The first 12 hex digits of a hash: enough for a person to tell two apart.
std::string short_hash(const std::string& sha256);

/// Arguments joined with spaces, each quoted for a POSIX shell when needed.
std::string shell_line(const std::vector<std::string>& arguments);

/// `# key: value` lines, one fact each, to follow a CSV table (see
/// docs/json-schema.md, "CSV"). A labelled manifest's first line names it.
std::string csv_comment_lines(const std::vector<NamedManifest>& manifests,
                              const Execution* execution);

/// A short Markdown footer: a rule, then one small line per manifest (and
/// one for the execution, when given).
std::string markdown_footer(const std::vector<NamedManifest>& manifests,
                            const Execution* execution);

}  // namespace journeysim::manifest_detail
