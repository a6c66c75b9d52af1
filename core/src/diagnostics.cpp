#include "journeysim/diagnostics.h"

#include <algorithm>
#include <utility>

namespace journeysim {
namespace {

std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) {
      out += '\n';
    }
    out += d.to_string();
  }
  return out;
}

// Optimal string alignment distance (Damerau-Levenshtein without repeated
// edits of a substring): a swapped pair of letters ("stpes") costs one edit,
// the commonest typo in hand-written keys.
size_t edit_distance(const std::string& a, const std::string& b) {
  const size_t n = a.size();
  const size_t m = b.size();
  // Three rolling rows: i-2, i-1 and i.
  std::vector<size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (size_t j = 0; j <= m; ++j) {
    previous[j] = j;
  }
  for (size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

}  // namespace

std::string SourceLocation::to_string() const {
  std::string out = file;
  if (line == 0) {
    return out;
  }
  out += ':' + std::to_string(line);
  if (column != 0) {
    out += ':' + std::to_string(column);
  }
  return out;
}

std::string Diagnostic::to_string() const {
  const std::string at = where.to_string();
  if (at.empty()) {
    return "error: " + message;
  }
  return at + ": error: " + message;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(diagnostics)),
      diagnostics_(std::move(diagnostics)) {}

InputError::InputError(SourceLocation where, std::string message)
    : InputError(std::vector<Diagnostic>{
          Diagnostic{std::move(where), std::move(message)}}) {}

std::string nearest_name(const std::string& name,
                         const std::vector<std::string>& known) {
  // A suggestion must look like a typo of `name`: within max(2, len/3) edits,
  // and not a complete rewrite (which any two short names are).
  const size_t limit = std::max<size_t>(2, name.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : known) {
    // The length difference is a lower bound on the distance.
    const size_t longer = std::max(name.size(), candidate.size());
    const size_t shorter = std::min(name.size(), candidate.size());
    if (longer - shorter > limit) {
      continue;
    }
    const size_t distance = edit_distance(name, candidate);
    if (distance >= std::max(name.size(), candidate.size())) {
      continue;
    }
    if (distance < best_distance ||
        (distance == best_distance && candidate < best)) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(const std::string& name,
                         const std::vector<std::string>& known) {
  const std::string best = nearest_name(name, known);
  if (best.empty()) {
    return "";
  }
  return " (did you mean '" + best + "'?)";
}

}  // namespace journeysim
