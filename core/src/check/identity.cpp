// Why a baseline may no longer apply: every input that differs between the
// run that produced it and this one, read from the two manifests. Versions
// and plugin libraries are warnings (the numbers may move for reasons
// outside the journey); the journey's own inputs are notes (editing it is
// what a regression check is for).
#include <algorithm>
#include <map>

#include "journeysim/check.h"
#include "manifest/manifest_text.h"

namespace journeysim {
namespace {

using manifest_detail::short_hash;

std::string abbreviated(const std::string& sha256) {
  return sha256.empty() ? "(unknown)" : short_hash(sha256) + "…";
}

std::string joined(const std::vector<std::string>& items) {
  if (items.empty()) {
    return "(none)";
  }
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : "; ") + item;
  }
  return out;
}

class Differences {
 public:
  void add(std::string what, std::string baseline, std::string current, bool warning,
           std::string meaning, std::string summary = "") {
    if (summary.empty()) {
      summary = what + " " + baseline + " → " + current;
    }
    out_.push_back({std::move(what), std::move(baseline), std::move(current), warning,
                    std::move(meaning), std::move(summary)});
  }
  // Adds a difference only when the values differ.
  void compare(const std::string& what, const std::string& baseline, const std::string& current,
               bool warning, const std::string& meaning) {
    if (baseline != current) {
      add(what, baseline, current, warning, meaning);
    }
  }
  std::vector<IdentityChange> take() { return std::move(out_); }

 private:
  std::vector<IdentityChange> out_;
};

void compare_plugins(const RunManifest& old, const RunManifest& now, bool hashes_known,
                     Differences& d) {
  std::map<std::string, std::pair<const ManifestPlugin*, const ManifestPlugin*>> by_name;
  for (const ManifestPlugin& p : old.plugins) {
    by_name[p.name].first = &p;
  }
  for (const ManifestPlugin& p : now.plugins) {
    by_name[p.name].second = &p;
  }
  for (const auto& [name, pair] : by_name) {
    const auto [was, is] = pair;
    if (was == nullptr || is == nullptr) {
      d.add("channel " + name, was ? was->version : "(none)", is ? is->version : "(none)", false,
            is ? "the journey now uses this channel" : "the journey no longer uses this channel",
            "channel " + name + (is ? " now used" : " no longer used"));
      continue;
    }
    const bool library_changed = hashes_known && was->sha256 != is->sha256;
    if (was->version != is->version) {
      d.add("plugin " + name, was->version, is->version, true,
            "the channel's model changed: results may differ for reasons outside the journey",
            "plugin " + name + " " + was->version + " → " + is->version +
                (hashes_known
                     ? library_changed ? " (library hash changed)" : " (library hash unchanged)"
                     : ""));
    } else if (library_changed) {
      d.add("plugin " + name + " library", was->sha256, is->sha256, true,
            "the library was rebuilt or changed without a new version: results may differ for "
            "reasons outside the journey",
            "plugin " + name + " " + is->version + ": library hash changed (" +
                abbreviated(was->sha256) + " → " + abbreviated(is->sha256) + "), same version");
    }
  }
}

// The extends chains compared link by link: the same content under another
// path (run from another directory) is the same input.
void compare_files(const RunManifest& old, const RunManifest& now, Differences& d) {
  const bool same_scenario = old.scenario_hash == now.scenario_hash;
  const size_t links = std::max(old.scenario_files.size(), now.scenario_files.size());
  for (size_t i = 0; i < links; ++i) {
    const ManifestFile* was = i < old.scenario_files.size() ? &old.scenario_files[i] : nullptr;
    const ManifestFile* is = i < now.scenario_files.size() ? &now.scenario_files[i] : nullptr;
    if (was == nullptr || is == nullptr) {
      const ManifestFile& f = was ? *was : *is;
      d.add("scenario file " + f.path, was ? was->sha256 : "(none)", is ? is->sha256 : "(none)",
            false, "the extends chain changed",
            "scenario file " + f.path +
                (is ? " added to the extends chain" : " no longer in the extends chain"));
      continue;
    }
    if (was->sha256 == is->sha256) {
      continue;
    }
    const std::string path = was->path == is->path ? is->path : was->path + " → " + is->path;
    d.add("scenario file " + is->path, was->sha256, is->sha256, false,
          same_scenario ? "only its text changed (formatting, comments, key order): the merged "
                          "scenario is the same"
                        : "the journey was edited here",
          "scenario file " + path + " changed (sha256 " + abbreviated(was->sha256) + " → " +
              abbreviated(is->sha256) + ")");
  }
}

}  // namespace

std::vector<IdentityChange> compare_identity(const Baseline& baseline,
                                             const std::string& current_name,
                                             const RunManifest& current) {
  const RunManifest& old = baseline.manifest;
  Differences d;
  if (!baseline.has_manifest) {
    d.add("manifest", "(none)", "present", false,
          "it was written by an older journeysim (" + baseline.schema +
              "): scenario file and plugin library hashes and overrides cannot be compared; "
              "rewrite it with --update-baseline",
          "baseline has no manifest");
  }
  d.compare("engine version", old.engine_version, current.engine_version, true,
            "the simulation engine changed: results may differ for reasons outside the journey");
  compare_plugins(old, current, baseline.has_manifest, d);
  if (baseline.has_manifest) {
    compare_files(old, current, d);
    if (old.overrides != current.overrides) {
      d.add("overrides", joined(old.overrides), joined(current.overrides), false,
            "other --set values on the command line",
            "overrides (--set) " + joined(old.overrides) + " → " + joined(current.overrides));
    }
  }
  if (old.scenario_hash != current.scenario_hash) {
    d.add("scenario hash", short_hash(old.scenario_hash), short_hash(current.scenario_hash), false,
          "the journey changed since the baseline (expected when you edit it)",
          "scenario hash " + abbreviated(old.scenario_hash) + " → " +
              abbreviated(current.scenario_hash));
  }
  d.compare("seed", std::to_string(old.seed), std::to_string(current.seed), false,
            "other random numbers: differences within noise are expected");
  d.compare("agents", std::to_string(old.agents), std::to_string(current.agents), false,
            "another sample size: intervals differ in width");
  d.compare("journeysim version", old.journeysim_version, current.journeysim_version, false,
            "a different release (the engine version says whether results for a seed changed)");
  d.compare("scenario name", baseline.name, current_name, false, "the journey was renamed");
  return d.take();
}

}  // namespace journeysim
