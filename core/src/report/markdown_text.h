// Text inside the Markdown outputs (run, compare and check summaries, the
// manifest footer): what GitHub and GitLab would otherwise read as markup.
#pragma once

#include <string>

namespace journeysim::markdown {

/// Text for a table cell or a line: a pipe would end the cell and a line
/// break the row.
std::string cell(const std::string& text);

/// Inline code: fenced with more backticks than any run inside.
std::string code(const std::string& text);

}  // namespace journeysim::markdown
