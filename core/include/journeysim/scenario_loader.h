// Reads scenario files (TOML) into the Scenario model.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "journeysim/scenario.h"

namespace journeysim {

struct LoadOptions {
  /// `--set path=value` overrides, applied after `extends` merging, with the
  /// same dotted paths a variant file would use (e.g.
  /// "touchpoints.checkout.params.steps=3"). The value is TOML, or a plain
  /// string when it does not parse as TOML ("journey.name=Summer sale").
  std::vector<std::string> overrides;
  /// Let `extends` reach files outside the directory tree of the top file
  /// (`--allow-outside`). Off by default so a scenario cannot pull in
  /// arbitrary files from elsewhere on the machine.
  bool allow_outside = false;
};

/// Loads a scenario file: parses it, deep-merges its `extends` chain (tables
/// merge key by key, arrays replace), applies overrides, rejects unknown keys
/// (suggesting the nearest valid one) and wrong types, and runs the
/// structural checks (see validate_structure). Throws InputError listing
/// every problem with file:line:column.
Scenario load_scenario(const std::filesystem::path& file,
                       const LoadOptions& options = {});

/// A scenario file read, parsed and merged with its `extends` chain once;
/// variants that differ only by overrides are made from it without touching
/// the files again (a sweep of a thousand points parses its base once).
class ScenarioTemplate {
 public:
  /// Throws InputError like load_scenario. `options.overrides` apply to
  /// every instance, before the instance's own.
  static ScenarioTemplate from_file(const std::filesystem::path& file,
                                    const LoadOptions& options = {});
  /// The scenario with these extra overrides; throws InputError.
  Scenario instantiate(const std::vector<std::string>& overrides = {}) const;

 private:
  struct Merged;
  std::shared_ptr<const Merged> merged_;
};

/// Same, from text already in memory; `name` stands in for the file name in
/// messages and `extends` paths resolve against `base_dir`.
Scenario load_scenario_text(const std::string& text, const std::string& name,
                            const std::filesystem::path& base_dir,
                            const LoadOptions& options = {});

/// Structural checks that need no plugin: unknown stage or edge target,
/// unreachable touchpoints, dead ends that are not exits, cycles with no way
/// out, persona shares not summing to 1 (+-0.001), non-positive edge weights,
/// no entry touchpoint, an unknown conversion milestone. Appends one
/// Diagnostic per problem.
void validate_structure(const Scenario& scenario,
                        std::vector<Diagnostic>& problems);

}  // namespace journeysim
