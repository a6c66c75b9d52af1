// The typed getters every section reader of a scenario shares. Each reads one
// value or says why it cannot (missing, wrong type, out of range, an unknown
// key with the nearest valid one) at the location where the value, key or
// table was written, so a new section reports problems like the old ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "journeysim/diagnostics.h"
#include "journeysim/scenario.h"
#include "scenario/document.h"

namespace journeysim::scenario {

/// The dotted path of `key` below `path` ("personas.busy_parent.share"),
/// the key quoted when it is not bare.
std::string child(const std::string& path, std::string_view key);
/// The path of array element `index` ("journey.stages[2]").
std::string element(const std::string& path, size_t index);
/// "[journey]" for a table header path.
std::string table_label(const std::string& path);
/// 'a', 'b', 'c'
std::string quoted_list(const std::vector<std::string>& items);

/// Reads values out of a document's nodes, appending one Diagnostic per
/// problem to the list it was given. Getters return nullopt after reporting.
class FieldReader {
 public:
  explicit FieldReader(std::vector<Diagnostic>& problems) : problems_(problems) {}

  void error(const SourceLocation& where, std::string message);
  /// Each problem of `thrown` (raised by a parser the loader shares with the
  /// engine: durations, time zones), its message prefixed "<path>: ".
  void errors_from(const InputError& thrown, const std::string& path);

  /// " (did you mean 'x'?)" for the nearest of `known`, or "" (also once a
  /// file has so many problems that it is not a draft with typos).
  std::string suggest(const std::string& name, const std::vector<std::string>& known) const;

  /// "<path>: expected <expected>, got <type>".
  void type_error(const Node& node, const std::string& path, const std::string& expected);
  bool expect_table(const Node& node, const std::string& path);
  /// An entity's id (a touchpoint's, persona's, step's) is shown in every
  /// report and terminal: a control character in it (a NUL, an escape
  /// that would drive the terminal) is refused at the key, escaped.
  bool expect_id(const Member& m, const std::string& section);

  /// Reports every key of `table` not in `allowed`, with the nearest
  /// allowed key or else all of them. `label` names the table ("" for the
  /// top level).
  void check_keys(const Node& table, const std::string& label,
                  const std::vector<std::string>& allowed);
  /// Reports the one key `m` as check_keys does.
  void unknown_key(const Member& m, const std::string& label,
                   const std::vector<std::string>& allowed);

  /// The member `key` of `table`, or nullptr after reporting it missing.
  const Node* required(const Node& table, std::string_view key, const std::string& path);
  /// Same for an inline table inside an array ("... in next[0]").
  const Node* required_in_item(const Node& item, std::string_view key,
                               const std::string& item_path);

  std::optional<std::string> string(const Node& node, const std::string& path);
  std::optional<std::string> non_empty_string(const Node& node, const std::string& path);
  /// An integer or a finite float.
  std::optional<double> number(const Node& node, const std::string& path);
  /// A number > 0 ("<path> must be positive, got -1").
  std::optional<double> positive(const Node& node, const std::string& path);
  /// A number within [lo, hi], or (lo, hi] when `open_low`.
  std::optional<double> number_in(const Node& node, const std::string& path, double lo, double hi,
                                  bool open_low = false);
  std::optional<int64_t> integer_in(const Node& node, const std::string& path, int64_t lo,
                                    int64_t hi);
  std::optional<bool> boolean(const Node& node, const std::string& path);
  std::optional<std::vector<std::string>> strings(const Node& node, const std::string& path);
  /// A string that is one of `choices`; otherwise "<path>: unknown <noun>
  /// 'x' (did you mean 'y'?); <noun>s: a, b, c".
  std::optional<std::string> one_of(const Node& node, const std::string& path,
                                    const std::string& noun,
                                    const std::vector<std::string>& choices);
  /// A number, integer (exact up to 2^53), boolean or string, as a plugin
  /// parameter or an attribute value holds it.
  std::optional<ParamValue> scalar(const Node& node, const std::string& path);

  /// Calls `read(id, entity_table)` for each [<section>.<id>] table in id
  /// order. A section that is missing (reported at `root_where`), empty or
  /// not a table, and entries that are not tables, are reported instead.
  template <typename Read>
  void each_entity(const Node* section_table, const SourceLocation& root_where,
                   const std::string& section, Read read) {
    if (section_table != nullptr && !expect_table(*section_table, section)) {
      return;
    }
    if (section_table == nullptr || section_table->members.empty()) {
      error(section_table != nullptr ? section_table->where : root_where,
            "no " + section + ": add at least one [" + section + ".<id>] table");
      return;
    }
    for (const Member& m : section_table->members) {  // members are sorted by id
      if (expect_table(m.value, child(section, m.key)) && expect_id(m, section)) {
        read(m.key, m.value);
      }
    }
  }

  /// When `table` has `key`, reads it with `read(node, path)` into `target`;
  /// an absent key leaves the default in place.
  template <typename T, typename Read>
  void optional_field(const Node& table, std::string_view key, const std::string& path, T& target,
                      Read read) {
    if (const Node* node = table.find(key)) {
      if (auto value = read(*node, child(path, key))) {
        target = std::move(*value);
      }
    }
  }

 private:
  std::vector<Diagnostic>& problems_;
};

}  // namespace journeysim::scenario
