// load_scenario: read, parse, follow `extends`, apply overrides, check the
// schema and the structure. Every problem becomes a Diagnostic; whatever is
// wrong, the caller gets an InputError, never a half-loaded scenario.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

#include "journeysim/scenario_loader.h"

#include "journeysim/input_file.h"
#include "scenario/canonical_form.h"
#include "scenario/document.h"
#include "scenario/overrides.h"
#include "scenario/parse_document.h"
#include "scenario/schema.h"
#include "util/sha256.h"

namespace journeysim {
namespace {

namespace fs = std::filesystem;
using scenario::Member;
using scenario::Node;

// Far above any real scenario, low enough that a wrong path (a video, a
// disk image) fails fast instead of being read into memory.
constexpr size_t kMaxFileBytes = size_t{16} << 20;
constexpr size_t kMaxExtendsDepth = 32;

// Reads a whole file; on failure returns nullopt with `error` saying why.
std::optional<std::string> read_file(const fs::path& path, std::string& error) {
  return read_input_file(path, kMaxFileBytes, "scenario file", error);
}

bool is_inside(const fs::path& path, const fs::path& dir) {
  std::string prefix = dir.string();
  if (prefix.empty() || prefix.back() != '/') {
    prefix += '/';
  }
  return path.string().compare(0, prefix.size(), prefix) == 0;
}

// Follows `extends` chains; remembers which files were read.
class ExtendsResolver {
 public:
  ExtendsResolver(fs::path root_dir, bool allow_outside)
      : root_dir_(std::move(root_dir)), allow_outside_(allow_outside) {}

  /// Returns `doc` merged over its bases, with every `extends` removed.
  /// `sha256` fingerprints the bytes `doc` was parsed from.
  Node resolve(Node doc, const std::string& display, std::string sha256, const fs::path& dir,
               const fs::path& canonical) {
    files_.push_back(display);
    file_sha256_.push_back(std::move(sha256));
    chain_.push_back(Link{canonical, display});
    Member* extends = doc.find_member("extends");
    if (extends == nullptr) {
      return doc;
    }
    const Node spec = extends->value;
    doc.erase("extends");
    if (spec.type != Node::Type::String) {
      fail(spec.where, std::string("extends: expected string, got ") + type_name(spec.type));
    }
    if (spec.text.empty()) {
      fail(spec.where, "extends must not be empty");
    }

    const fs::path resolved = dir / fs::path(spec.text);
    const std::string base_display = resolved.lexically_normal().string();
    std::error_code ec;
    fs::path base_canonical = fs::weakly_canonical(fs::absolute(resolved), ec);
    if (ec) {
      base_canonical = fs::absolute(resolved).lexically_normal();
    }
    if (!allow_outside_ && !is_inside(base_canonical, root_dir_)) {
      fail(spec.where, "extends '" + spec.text + "' points outside " + root_dir_.string() +
                           "; pass --allow-outside to permit");
    }
    for (size_t i = 0; i < chain_.size(); ++i) {
      if (!chain_[i].canonical.empty() && chain_[i].canonical == base_canonical) {
        std::string cycle;
        for (size_t j = i; j < chain_.size(); ++j) {
          cycle += short_name(chain_[j]) + " → ";
        }
        fail(spec.where, "extends cycle: " + cycle + short_name(chain_[i]));
      }
    }
    if (chain_.size() >= kMaxExtendsDepth) {
      fail(spec.where, "extends chain is longer than " + std::to_string(kMaxExtendsDepth) +
                           " files");
    }

    std::string error;
    std::optional<std::string> text = read_file(resolved, error);
    if (!text) {
      fail(spec.where, "cannot read base '" + spec.text + "' (" + base_display + "): " + error);
    }
    scenario::ParsedDocument parsed = scenario::parse_document(*text, base_display);
    if (!parsed.ok) {
      fail(spec.where, "cannot parse base '" + spec.text + "': " +
                           parsed.error.where.to_string() + ": " + parsed.error.message);
    }
    Node base = resolve(std::move(parsed.root), base_display, util::sha256_hex(*text),
                        resolved.parent_path(), base_canonical);
    scenario::merge_into(base, std::move(doc));
    return base;
  }

  const std::vector<std::string>& files() const { return files_; }
  const std::vector<std::string>& file_sha256() const { return file_sha256_; }

 private:
  struct Link {
    fs::path canonical;  // empty for text given in memory
    std::string display;
  };

  [[noreturn]] static void fail(const SourceLocation& where, std::string message) {
    throw InputError(where, std::move(message));
  }

  // The file's path relative to the top directory when it lies inside it.
  std::string short_name(const Link& link) const {
    if (!link.canonical.empty() && is_inside(link.canonical, root_dir_)) {
      return link.canonical.lexically_relative(root_dir_).string();
    }
    return link.display;
  }

  fs::path root_dir_;
  bool allow_outside_;
  std::vector<std::string> files_;
  std::vector<std::string> file_sha256_;
  std::vector<Link> chain_;
};

fs::path canonical_dir(const fs::path& dir) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(dir.empty() ? fs::path(".") : dir, ec);
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  if (ec) {
    canonical = absolute.lexically_normal();
  }
  // weakly_canonical keeps a trailing separator ("dir/" -> "dir/"); drop it.
  if (!canonical.has_filename() && canonical.has_parent_path() && canonical != canonical.root_path()) {
    canonical = canonical.parent_path();
  }
  return canonical;
}

// The document after parsing and `extends`, before overrides.
struct MergedDocument {
  Node doc;
  std::vector<std::string> files;
  std::vector<std::string> file_sha256;
};

MergedDocument merge(const std::string& text, const std::string& display, const fs::path& dir,
                     const fs::path& canonical, const LoadOptions& options) {
  if (text.size() > kMaxFileBytes) {
    throw InputError(SourceLocation{display, 0, 0},
                     "file is " + std::to_string(text.size()) +
                         " bytes; scenario files are limited to 16 MiB (" +
                         std::to_string(kMaxFileBytes) + " bytes)");
  }
  scenario::ParsedDocument parsed = scenario::parse_document(text, display);
  if (!parsed.ok) {
    throw InputError({parsed.error});
  }
  ExtendsResolver resolver(canonical_dir(dir), options.allow_outside);
  Node doc =
      resolver.resolve(std::move(parsed.root), display, util::sha256_hex(text), dir, canonical);
  return {std::move(doc), resolver.files(), resolver.file_sha256()};
}

// Overrides, schema and structure on a merged document (consumed).
Scenario finish(Node doc, const MergedDocument& sources,
                const std::vector<std::string>& overrides) {
  // Override and schema problems are reported together: a bad --set is left
  // out of the document, which is still worth checking.
  std::vector<Diagnostic> problems;
  scenario::apply_overrides(doc, overrides, problems);
  const std::string hash = util::sha256_hex(scenario::canonical_form(doc));

  Scenario result = scenario::read_scenario(doc, problems);
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  // Structure is checked on a schema-clean model only: on a broken one it
  // would mostly repeat the same mistakes as graph problems.
  validate_structure(result, problems);
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  result.files = sources.files;
  result.file_sha256 = sources.file_sha256;
  result.overrides = overrides;
  result.hash = hash;
  return result;
}

Scenario load(const std::string& text, const std::string& display, const fs::path& dir,
              const fs::path& canonical, const LoadOptions& options) {
  MergedDocument merged = merge(text, display, dir, canonical, options);
  Node doc = std::move(merged.doc);
  return finish(std::move(doc), merged, options.overrides);
}

std::string read_scenario_file(const fs::path& file) {
  std::string error;
  std::optional<std::string> text = read_file(file, error);
  if (!text) {
    throw InputError(SourceLocation{file.string(), 0, 0}, "cannot read scenario file: " + error);
  }
  return *text;
}

fs::path canonical_file(const fs::path& file) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(file), ec);
  return ec ? fs::path() : canonical;
}

}  // namespace

Scenario load_scenario(const std::filesystem::path& file, const LoadOptions& options) {
  return load(read_scenario_file(file), file.string(), file.parent_path(), canonical_file(file),
              options);
}

struct ScenarioTemplate::Merged {
  MergedDocument merged;
  std::vector<std::string> overrides;
};

ScenarioTemplate ScenarioTemplate::from_file(const std::filesystem::path& file,
                                             const LoadOptions& options) {
  MergedDocument merged = merge(read_scenario_file(file), file.string(), file.parent_path(),
                                canonical_file(file), options);
  ScenarioTemplate result;
  result.merged_ = std::make_shared<const Merged>(Merged{std::move(merged), options.overrides});
  return result;
}

Scenario ScenarioTemplate::instantiate(const std::vector<std::string>& overrides) const {
  std::vector<std::string> all = merged_->overrides;
  all.insert(all.end(), overrides.begin(), overrides.end());
  return finish(merged_->merged.doc, merged_->merged, all);
}

Scenario load_scenario_text(const std::string& text, const std::string& name,
                            const std::filesystem::path& base_dir, const LoadOptions& options) {
  return load(text, name, base_dir, fs::path(), options);
}

}  // namespace journeysim
