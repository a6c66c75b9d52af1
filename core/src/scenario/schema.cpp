#include "scenario/schema.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "scenario/canonical_form.h"

namespace journeysim::scenario {
namespace {

constexpr int64_t kMaxAgents = 1'000'000'000'000;
constexpr int64_t kMaxSteps = 100'000;
constexpr double kMaxHorizonDays = 36'500.0;
constexpr int64_t kMaxAge = 120;
// Integers beyond 2^53 do not survive the trip through ParamValue::number.
constexpr int64_t kMaxExactInteger = int64_t{1} << 53;
constexpr size_t kMaxSuggestedProblems = 100;

const std::vector<std::string> kTopLevelKeys = {"extends", "journey", "stages", "personas",
                                                "touchpoints", "thresholds"};
const std::vector<std::string> kJourneyKeys = {"name", "purpose", "type", "horizon_days",
                                               "agents", "seed", "max_steps", "stages",
                                               "conversion"};
const std::vector<std::string> kJourneyTypes = {"purchase", "lead_generation", "engagement",
                                                "retention"};
const std::vector<std::string> kStageKeys = {"owner", "description"};
const std::vector<std::string> kPersonaKeys = {
    "share",       "age",        "gender",       "job",          "education",
    "goals",       "expectations", "fears",      "pain_points",  "motivation",
    "motivations", "channels",   "patience",     "price_sensitivity", "tech_savvy",
    "initial_satisfaction", "time_budget_minutes"};
const std::vector<std::string> kTouchpointKeys = {"stage",     "channel", "name",   "entry",
                                                  "actions",   "milestone", "exit", "params",
                                                  "next",      "via"};
const std::vector<std::string> kEdgeKeys = {"to", "weight", "delay_hours"};

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) {
      out += separator;
    }
    out += item;
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  quoted.reserve(items.size());
  for (const std::string& item : items) {
    quoted.push_back("'" + item + "'");
  }
  return join(quoted, ", ");
}

std::string child(const std::string& path, std::string_view key) {
  return path.empty() ? format_key(key) : path + "." + format_key(key);
}

std::string element(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// "[journey]" for a table header path; the root has none.
std::string table_label(const std::string& path) { return "[" + path + "]"; }

class Reader {
 public:
  explicit Reader(std::vector<Diagnostic>& problems) : problems_(problems) {}

  Scenario read(const Node& root);

 private:
  void error(const SourceLocation& where, std::string message) {
    problems_.push_back(Diagnostic{where, std::move(message)});
  }

  // A typo suggestion costs an edit distance per known name; past the first
  // problems a file is not a draft with typos, so stop paying for them.
  std::string suggest(const std::string& name, const std::vector<std::string>& known) const {
    return problems_.size() < kMaxSuggestedProblems ? did_you_mean(name, known) : "";
  }

  void type_error(const Node& node, const std::string& path, const std::string& expected) {
    std::string got = type_name(node.type);
    if (node.type == Node::Type::Float) {
      got += " " + format_number(node.number);
    }
    error(node.where, path + ": expected " + expected + ", got " + got);
  }

  bool expect_table(const Node& node, const std::string& path) {
    if (!node.is_table()) {
      type_error(node, path, "table");
      return false;
    }
    return true;
  }

  // Unknown keys are errors: a misspelt key silently ignored is a default
  // silently used.
  void check_keys(const Node& table, const std::string& path,
                  const std::vector<std::string>& allowed) {
    for (const Member& m : table.members) {
      if (std::find(allowed.begin(), allowed.end(), m.key) != allowed.end()) {
        continue;
      }
      std::string message = path.empty() ? "unknown top-level key '" + m.key + "'"
                                         : "unknown key '" + m.key + "' in " + path;
      const std::string hint = suggest(m.key, allowed);
      message += hint.empty() ? "; valid keys: " + join(allowed, ", ") : hint;
      error(m.key_where, std::move(message));
    }
  }

  const Node* required(const Node& table, std::string_view key, const std::string& path) {
    const Node* node = table.find(key);
    if (node == nullptr) {
      error(table.where,
            "missing required key '" + std::string(key) + "' in " + table_label(path));
    }
    return node;
  }

  std::optional<std::string> string(const Node& node, const std::string& path) {
    if (node.type != Node::Type::String) {
      type_error(node, path, "string");
      return std::nullopt;
    }
    return node.text;
  }

  std::optional<std::string> non_empty_string(const Node& node, const std::string& path) {
    std::optional<std::string> s = string(node, path);
    if (s && s->empty()) {
      error(node.where, path + " must not be empty");
      return std::nullopt;
    }
    return s;
  }

  std::optional<double> number(const Node& node, const std::string& path) {
    if (node.type == Node::Type::Integer) {
      return static_cast<double>(node.integer);
    }
    if (node.type != Node::Type::Float) {
      type_error(node, path, "number");
      return std::nullopt;
    }
    if (!std::isfinite(node.number)) {
      error(node.where, path + ": expected a finite number, got " + format_number(node.number));
      return std::nullopt;
    }
    return node.number;
  }

  // A number within [lo, hi], or (lo, hi] when `open_low`.
  std::optional<double> number_in(const Node& node, const std::string& path, double lo,
                                  double hi, bool open_low = false) {
    std::optional<double> v = number(node, path);
    if (v && ((open_low ? *v <= lo : *v < lo) || *v > hi)) {
      error(node.where, path + " must be in " + (open_low ? "(" : "[") + format_number(lo) +
                            ", " + format_number(hi) + "], got " + format_number(*v));
      return std::nullopt;
    }
    return v;
  }

  std::optional<int64_t> integer_in(const Node& node, const std::string& path, int64_t lo,
                                    int64_t hi) {
    if (node.type != Node::Type::Integer) {
      type_error(node, path, "integer");
      return std::nullopt;
    }
    if (node.integer < lo || node.integer > hi) {
      error(node.where, path + " must be between " + std::to_string(lo) + " and " +
                            std::to_string(hi) + ", got " + std::to_string(node.integer));
      return std::nullopt;
    }
    return node.integer;
  }

  std::optional<bool> boolean(const Node& node, const std::string& path) {
    if (node.type != Node::Type::Boolean) {
      type_error(node, path, "boolean");
      return std::nullopt;
    }
    return node.boolean;
  }

  std::optional<std::vector<std::string>> strings(const Node& node, const std::string& path) {
    if (!node.is_array()) {
      type_error(node, path, "array of strings");
      return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (size_t i = 0; i < node.items.size(); ++i) {
      std::optional<std::string> s = string(node.items[i], element(path, i));
      if (s) {
        out.push_back(std::move(*s));
      } else {
        ok = false;
      }
    }
    return ok ? std::optional(std::move(out)) : std::nullopt;
  }

  template <typename T, typename Read>
  void optional_field(const Node& table, std::string_view key, const std::string& path,
                      T& target, Read read) {
    if (const Node* node = table.find(key)) {
      if (auto value = read(*node, child(path, key))) {
        target = std::move(*value);
      }
    }
  }

  void read_journey(const Node& table, Journey& journey);
  void read_stages(const Node* table, Scenario& scenario);
  void read_personas(const Node* table, const SourceLocation& root_where, Scenario& scenario);
  void read_persona(const std::string& id, const Node& table, Persona& persona);
  void read_touchpoints(const Node* table, const SourceLocation& root_where,
                        Scenario& scenario);
  void read_touchpoint(const std::string& id, const Node& table, Touchpoint& tp);
  void read_params(const Node& table, const std::string& path, Touchpoint& tp);
  void read_next(const Node& node, const std::string& path, Touchpoint& tp);
  void read_thresholds(const Node& table, const std::string& metric_prefix,
                       Scenario& scenario);
  void resolve_conversion(Scenario& scenario);
  void resolve_edges(Scenario& scenario);

  std::vector<Diagnostic>& problems_;
  // journey.stages as read, with where each name was written; empty when
  // journey.stages itself is broken (stage checks are then skipped rather
  // than repeated for every touchpoint).
  std::vector<std::string> stage_ids_;
  std::vector<SourceLocation> stage_wheres_;
  std::map<std::string, uint32_t> stage_index_;
  std::map<std::string, size_t> threshold_index_;
  bool stages_known_ = false;
  const Node* conversion_node_ = nullptr;
};

Scenario Reader::read(const Node& root) {
  Scenario scenario;
  check_keys(root, "", kTopLevelKeys);

  const Node* journey = root.find("journey");
  if (journey == nullptr) {
    error(root.where, "missing required table [journey]");
  } else if (expect_table(*journey, "journey")) {
    read_journey(*journey, scenario.journey);
  }
  read_stages(root.find("stages"), scenario);
  read_personas(root.find("personas"), root.where, scenario);
  read_touchpoints(root.find("touchpoints"), root.where, scenario);
  if (const Node* thresholds = root.find("thresholds")) {
    if (expect_table(*thresholds, "thresholds")) {
      read_thresholds(*thresholds, "", scenario);
      std::sort(scenario.thresholds.begin(), scenario.thresholds.end(),
                [](const Threshold& a, const Threshold& b) { return a.metric < b.metric; });
    }
  }
  if (journey != nullptr && journey->is_table()) {
    resolve_conversion(scenario);
  }
  resolve_edges(scenario);
  return scenario;
}

void Reader::read_journey(const Node& table, Journey& journey) {
  const std::string path = "journey";
  journey.where = table.where;
  check_keys(table, table_label(path), kJourneyKeys);

  if (const Node* name = required(table, "name", path)) {
    if (auto v = non_empty_string(*name, "journey.name")) {
      journey.name = *v;
    }
  }
  optional_field(table, "purpose", path, journey.purpose,
                 [this](const Node& n, const std::string& p) { return string(n, p); });
  if (const Node* type = table.find("type")) {
    if (auto v = string(*type, "journey.type")) {
      if (std::find(kJourneyTypes.begin(), kJourneyTypes.end(), *v) == kJourneyTypes.end()) {
        std::string hint = did_you_mean(*v, kJourneyTypes);
        error(type->where, "journey.type: unknown journey type '" + *v + "'" +
                               (hint.empty() ? "; expected one of " + join(kJourneyTypes, ", ")
                                             : hint));
      } else {
        journey.type = *v;
      }
    }
  }
  optional_field(table, "horizon_days", path, journey.horizon_days,
                 [this](const Node& n, const std::string& p) {
                   return number_in(n, p, 0.0, kMaxHorizonDays, /*open_low=*/true);
                 });
  optional_field(table, "agents", path, journey.agents,
                 [this](const Node& n, const std::string& p) -> std::optional<uint64_t> {
                   if (auto v = integer_in(n, p, 1, kMaxAgents)) {
                     return static_cast<uint64_t>(*v);
                   }
                   return std::nullopt;
                 });
  optional_field(table, "seed", path, journey.seed,
                 [this](const Node& n, const std::string& p) -> std::optional<uint64_t> {
                   if (auto v = integer_in(n, p, 0, std::numeric_limits<int64_t>::max())) {
                     return static_cast<uint64_t>(*v);
                   }
                   return std::nullopt;
                 });
  optional_field(table, "max_steps", path, journey.max_steps,
                 [this](const Node& n, const std::string& p) -> std::optional<uint32_t> {
                   if (auto v = integer_in(n, p, 1, kMaxSteps)) {
                     return static_cast<uint32_t>(*v);
                   }
                   return std::nullopt;
                 });
  if (const Node* conversion = table.find("conversion")) {
    if (auto v = non_empty_string(*conversion, "journey.conversion")) {
      journey.conversion = *v;
      conversion_node_ = conversion;
    }
  }

  const Node* stages = required(table, "stages", path);
  if (stages == nullptr) {
    return;
  }
  if (!stages->is_array()) {
    type_error(*stages, "journey.stages", "array of strings");
    return;
  }
  if (stages->items.empty()) {
    error(stages->where, "journey.stages must list at least one stage");
    return;
  }
  bool ok = true;
  for (size_t i = 0; i < stages->items.size(); ++i) {
    const Node& item = stages->items[i];
    auto id = non_empty_string(item, element("journey.stages", i));
    if (!id) {
      ok = false;
      continue;
    }
    if (!stage_index_.emplace(*id, static_cast<uint32_t>(stage_ids_.size())).second) {
      error(item.where, "journey.stages lists '" + *id + "' more than once");
      ok = false;
      continue;
    }
    stage_ids_.push_back(*id);
    stage_wheres_.push_back(item.where);
  }
  stages_known_ = ok;
}

void Reader::read_stages(const Node* table, Scenario& scenario) {
  for (size_t i = 0; i < stage_ids_.size(); ++i) {
    scenario.stages.push_back(Stage{stage_ids_[i], "", "", stage_wheres_[i]});
  }
  if (table == nullptr || !expect_table(*table, "stages")) {
    return;
  }
  for (const Member& m : table->members) {
    const std::string path = child("stages", m.key);
    if (!expect_table(m.value, path)) {
      continue;
    }
    check_keys(m.value, table_label(path), kStageKeys);
    auto it = stage_index_.find(m.key);
    if (it == stage_index_.end()) {
      if (stages_known_) {
        error(m.key_where, "stage '" + m.key + "' is not listed in journey.stages" +
                               suggest(m.key, stage_ids_));
      }
      continue;
    }
    Stage& stage = scenario.stages[it->second];
    stage.where = m.value.where;
    optional_field(m.value, "owner", path, stage.owner,
                   [this](const Node& n, const std::string& p) { return string(n, p); });
    optional_field(m.value, "description", path, stage.description,
                   [this](const Node& n, const std::string& p) { return string(n, p); });
  }
}

void Reader::read_personas(const Node* table, const SourceLocation& root_where,
                           Scenario& scenario) {
  if (table != nullptr && !expect_table(*table, "personas")) {
    return;
  }
  if (table == nullptr || table->members.empty()) {
    error(table != nullptr ? table->where : root_where,
          "no personas: add at least one [personas.<id>] table");
    return;
  }
  for (const Member& m : table->members) {  // members are sorted by id
    const std::string path = child("personas", m.key);
    if (!expect_table(m.value, path)) {
      continue;
    }
    Persona& persona = scenario.personas.emplace_back();
    read_persona(m.key, m.value, persona);
  }
}

void Reader::read_persona(const std::string& id, const Node& table, Persona& persona) {
  const std::string path = child("personas", id);
  persona.id = id;
  persona.where = table.where;
  check_keys(table, table_label(path), kPersonaKeys);

  auto text = [this](const Node& n, const std::string& p) { return string(n, p); };
  auto list = [this](const Node& n, const std::string& p) { return strings(n, p); };
  auto unit = [this](const Node& n, const std::string& p) { return number_in(n, p, 0.0, 1.0); };

  if (const Node* share = required(table, "share", path)) {
    if (auto v = number_in(*share, child(path, "share"), 0.0, 1.0, /*open_low=*/true)) {
      persona.share = *v;
    }
  }
  if (const Node* age = table.find("age")) {
    const std::string age_path = child(path, "age");
    if (!age->is_array() || age->items.size() != 2) {
      std::string got = type_name(age->type);
      if (age->is_array()) {
        got = "array of " + std::to_string(age->items.size());
      }
      error(age->where, age_path + ": expected [min, max] (two integers), got " + got);
    } else {
      auto lo = integer_in(age->items[0], element(age_path, 0), 0, kMaxAge);
      auto hi = integer_in(age->items[1], element(age_path, 1), 0, kMaxAge);
      if (lo && hi) {
        if (*lo > *hi) {
          error(age->where, age_path + ": minimum " + std::to_string(*lo) +
                                " is above maximum " + std::to_string(*hi));
        } else {
          persona.age_min = static_cast<uint32_t>(*lo);
          persona.age_max = static_cast<uint32_t>(*hi);
        }
      }
    }
  }
  optional_field(table, "gender", path, persona.gender, text);
  optional_field(table, "job", path, persona.job, text);
  optional_field(table, "education", path, persona.education, text);
  optional_field(table, "goals", path, persona.goals, list);
  optional_field(table, "expectations", path, persona.expectations, list);
  optional_field(table, "fears", path, persona.fears, list);
  optional_field(table, "pain_points", path, persona.pain_points, list);
  if (const Node* motivation = table.find("motivation")) {
    if (auto v = string(*motivation, child(path, "motivation"))) {
      persona.motivations.push_back(*v);
    }
  }
  if (const Node* motivations = table.find("motivations")) {
    if (auto v = strings(*motivations, child(path, "motivations"))) {
      persona.motivations.insert(persona.motivations.end(), v->begin(), v->end());
    }
  }
  if (const Node* channels = table.find("channels")) {
    const std::string channels_path = child(path, "channels");
    if (expect_table(*channels, channels_path)) {
      for (const Member& c : channels->members) {
        if (auto v = number_in(c.value, child(channels_path, c.key), 0.0, 1.0)) {
          persona.channels[c.key] = *v;
        }
      }
    }
  }
  optional_field(table, "patience", path, persona.patience, unit);
  optional_field(table, "price_sensitivity", path, persona.price_sensitivity, unit);
  optional_field(table, "tech_savvy", path, persona.tech_savvy, unit);
  optional_field(table, "initial_satisfaction", path, persona.initial_satisfaction, unit);
  optional_field(table, "time_budget_minutes", path, persona.time_budget_minutes,
                 [this](const Node& n, const std::string& p) {
                   std::optional<double> v = number(n, p);
                   if (v && *v < 0.0) {
                     error(n.where, p + " must not be negative, got " + format_number(*v));
                     return std::optional<double>();
                   }
                   return v;
                 });
}

void Reader::read_touchpoints(const Node* table, const SourceLocation& root_where,
                              Scenario& scenario) {
  if (table != nullptr && !expect_table(*table, "touchpoints")) {
    return;
  }
  if (table == nullptr || table->members.empty()) {
    error(table != nullptr ? table->where : root_where,
          "no touchpoints: add at least one [touchpoints.<id>] table");
    return;
  }
  for (const Member& m : table->members) {
    const std::string path = child("touchpoints", m.key);
    if (!expect_table(m.value, path)) {
      continue;
    }
    Touchpoint& tp = scenario.touchpoints.emplace_back();
    read_touchpoint(m.key, m.value, tp);
  }
}

void Reader::read_touchpoint(const std::string& id, const Node& table, Touchpoint& tp) {
  const std::string path = child("touchpoints", id);
  tp.id = id;
  tp.name = id;
  tp.where = table.where;
  tp.channel_where = table.where;
  tp.params_where = table.where;
  check_keys(table, table_label(path), kTouchpointKeys);

  if (const Node* stage = required(table, "stage", path)) {
    if (auto v = non_empty_string(*stage, child(path, "stage"))) {
      tp.stage = *v;
      auto it = stage_index_.find(*v);
      if (it != stage_index_.end()) {
        tp.stage_index = it->second;
      } else if (stages_known_) {
        error(stage->where, "touchpoint '" + id + "': stage '" + *v +
                                "' is not in journey.stages" + suggest(*v, stage_ids_));
      }
    }
  }
  if (const Node* channel = required(table, "channel", path)) {
    tp.channel_where = channel->where;
    if (auto v = non_empty_string(*channel, child(path, "channel"))) {
      tp.channel = *v;
    }
  }
  optional_field(table, "name", path, tp.name,
                 [this](const Node& n, const std::string& p) { return non_empty_string(n, p); });
  optional_field(table, "via", path, tp.via,
                 [this](const Node& n, const std::string& p) { return non_empty_string(n, p); });
  optional_field(table, "entry", path, tp.entry,
                 [this](const Node& n, const std::string& p) { return number_in(n, p, 0.0, 1.0); });
  optional_field(table, "actions", path, tp.actions,
                 [this](const Node& n, const std::string& p) { return strings(n, p); });
  optional_field(table, "milestone", path, tp.milestone,
                 [this](const Node& n, const std::string& p) { return non_empty_string(n, p); });
  optional_field(table, "exit", path, tp.exit,
                 [this](const Node& n, const std::string& p) { return boolean(n, p); });
  if (const Node* params = table.find("params")) {
    const std::string params_path = child(path, "params");
    if (expect_table(*params, params_path)) {
      tp.params_where = params->where;
      read_params(*params, params_path, tp);
    }
  }
  if (const Node* next = table.find("next")) {
    read_next(*next, child(path, "next"), tp);
  }
}

// Param names are not checked here: only the channel plugin knows its own.
void Reader::read_params(const Node& table, const std::string& path, Touchpoint& tp) {
  for (const Member& m : table.members) {
    const std::string param_path = child(path, m.key);
    const Node& v = m.value;
    ParamValue param;
    param.where = v.where;
    switch (v.type) {
      case Node::Type::Integer:
        if (v.integer > kMaxExactInteger || v.integer < -kMaxExactInteger) {
          error(v.where, param_path + ": integer " + std::to_string(v.integer) +
                             " is too large (limit 2^53)");
          continue;
        }
        param.kind = ParamValue::Kind::Integer;
        param.number = static_cast<double>(v.integer);
        break;
      case Node::Type::Float:
        if (!std::isfinite(v.number)) {
          error(v.where,
                param_path + ": expected a finite number, got " + format_number(v.number));
          continue;
        }
        param.kind = ParamValue::Kind::Number;
        param.number = v.number;
        break;
      case Node::Type::Boolean:
        param.kind = ParamValue::Kind::Boolean;
        param.number = v.boolean ? 1.0 : 0.0;
        break;
      case Node::Type::String:
        param.kind = ParamValue::Kind::String;
        param.text = v.text;
        break;
      default:
        type_error(v, param_path, "number, integer, boolean or string");
        continue;
    }
    tp.params[m.key] = std::move(param);
  }
}

void Reader::read_next(const Node& node, const std::string& path, Touchpoint& tp) {
  if (!node.is_array()) {
    type_error(node, path, "array of touchpoint ids or {to, weight, delay_hours} tables");
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    const Node& item = node.items[i];
    const std::string item_path = element(path, i);
    Edge edge;
    if (item.type == Node::Type::String) {
      edge.to = item.text;
      edge.where = item.where;
    } else if (item.is_table()) {
      check_keys(item, item_path, kEdgeKeys);
      const Node* to = item.find("to");
      if (to == nullptr) {
        error(item.where, "missing required key 'to' in " + item_path);
        continue;
      }
      auto target = non_empty_string(*to, child(item_path, "to"));
      if (!target) {
        continue;
      }
      edge.to = *target;
      edge.where = to->where;
      if (const Node* weight = item.find("weight")) {
        auto w = number(*weight, child(item_path, "weight"));
        if (!w) {
          continue;
        }
        if (*w <= 0.0) {
          error(weight->where, child(item_path, "weight") + " must be positive, got " +
                                   format_number(*w));
          continue;
        }
        edge.weight = *w;
      }
      if (const Node* delay = item.find("delay_hours")) {
        auto d = number(*delay, child(item_path, "delay_hours"));
        if (!d) {
          continue;
        }
        if (*d < 0.0 || *d > 876000.0) {
          error(delay->where, child(item_path, "delay_hours") +
                                  " must be between 0 and 876000 (100 years), got " +
                                  format_number(*d));
          continue;
        }
        edge.delay_hours = *d;
      }
    } else {
      type_error(item, item_path, "touchpoint id or {to, weight, delay_hours} table");
      continue;
    }
    tp.next.push_back(std::move(edge));
  }
}

// Metric paths are usually quoted keys ("touchpoints.checkout.drop_rate");
// written unquoted they become nested tables, which read the same.
void Reader::read_thresholds(const Node& table, const std::string& metric_prefix,
                             Scenario& scenario) {
  for (const Member& m : table.members) {
    const std::string metric = metric_prefix.empty() ? m.key : metric_prefix + "." + m.key;
    const std::string path = "thresholds." + format_key(metric);
    const Node& v = m.value;
    if (v.is_table()) {
      read_thresholds(v, metric, scenario);
      continue;
    }
    Threshold threshold;
    threshold.metric = metric;
    threshold.where = v.where;
    if (v.type == Node::Type::String) {
      threshold.conditions.push_back(v.text);
    } else if (v.is_array()) {
      auto conditions = strings(v, path);
      if (!conditions) {
        continue;
      }
      if (conditions->empty()) {
        error(v.where, path + " lists no conditions");
        continue;
      }
      threshold.conditions = std::move(*conditions);
    } else {
      type_error(v, path, "string or array of strings");
      continue;
    }
    auto [same, added] = threshold_index_.emplace(metric, scenario.thresholds.size());
    if (!added) {
      error(v.where, "threshold '" + metric + "' is given twice (also at " +
                         scenario.thresholds[same->second].where.to_string() + ")");
      continue;
    }
    scenario.thresholds.push_back(std::move(threshold));
  }
}

void Reader::resolve_conversion(Scenario& scenario) {
  std::set<std::string> milestones;
  for (const Touchpoint& tp : scenario.touchpoints) {
    if (!tp.milestone.empty()) {
      milestones.insert(tp.milestone);
    }
  }
  std::vector<std::string> names(milestones.begin(), milestones.end());
  Journey& journey = scenario.journey;
  if (conversion_node_ != nullptr) {
    if (milestones.count(journey.conversion) == 0) {
      error(conversion_node_->where, "journey.conversion: no touchpoint has milestone '" +
                                         journey.conversion + "'" +
                                         suggest(journey.conversion, names));
    }
    return;
  }
  if (scenario.touchpoints.empty() || !journey.conversion.empty()) {
    return;
  }
  if (names.empty()) {
    error(journey.where, "no touchpoint has a milestone; nothing can convert");
  } else if (names.size() > 1) {
    error(journey.where, "touchpoints have several milestones (" + quoted_list(names) +
                             "); set journey.conversion to the one that counts as converting");
  } else {
    journey.conversion = names.front();
  }
}

// Touchpoints are listed as a journey map reads: by stage, and within a
// stage in the order customers first meet them (breadth-first from the
// entries, biggest entry share first), so reports follow the journey.
std::map<std::string, size_t> journey_order(const Scenario& scenario) {
  std::map<std::string, const Touchpoint*> by_id;
  std::vector<const Touchpoint*> entries;
  for (const Touchpoint& tp : scenario.touchpoints) {
    by_id[tp.id] = &tp;
    if (tp.entry > 0.0) {
      entries.push_back(&tp);
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Touchpoint* a, const Touchpoint* b) {
    return a->entry != b->entry ? a->entry > b->entry : a->id < b->id;
  });
  std::map<std::string, size_t> rank;
  std::vector<const Touchpoint*> queue;
  for (const Touchpoint* tp : entries) {
    if (rank.emplace(tp->id, rank.size()).second) {
      queue.push_back(tp);
    }
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    for (const Edge& edge : queue[head]->next) {
      auto it = by_id.find(edge.to);
      if (it != by_id.end() && rank.emplace(edge.to, rank.size()).second) {
        queue.push_back(it->second);
      }
    }
  }
  return rank;
}

void Reader::resolve_edges(Scenario& scenario) {
  const auto rank = journey_order(scenario);
  const auto rank_of = [&](const Touchpoint& tp) {
    auto it = rank.find(tp.id);
    return it == rank.end() ? rank.size() : it->second;  // unreachable last
  };
  std::stable_sort(scenario.touchpoints.begin(), scenario.touchpoints.end(),
                   [&](const Touchpoint& a, const Touchpoint& b) {
                     if (a.stage_index != b.stage_index) {
                       return a.stage_index < b.stage_index;
                     }
                     const size_t ra = rank_of(a), rb = rank_of(b);
                     return ra != rb ? ra < rb : a.id < b.id;
                   });
  std::map<std::string, uint32_t> index;
  std::vector<std::string> ids;
  for (size_t i = 0; i < scenario.touchpoints.size(); ++i) {
    index.emplace(scenario.touchpoints[i].id, static_cast<uint32_t>(i));
    ids.push_back(scenario.touchpoints[i].id);
  }
  for (Touchpoint& tp : scenario.touchpoints) {
    for (Edge& edge : tp.next) {
      auto it = index.find(edge.to);
      if (it == index.end()) {
        error(edge.where, "touchpoint '" + tp.id + "': next target '" + edge.to +
                              "' is not a touchpoint" + suggest(edge.to, ids));
        continue;
      }
      edge.target = it->second;
    }
  }
}

}  // namespace

const std::vector<std::string>& top_level_keys() { return kTopLevelKeys; }

Scenario read_scenario(const Node& root, std::vector<Diagnostic>& problems) {
  Reader reader(problems);
  return reader.read(root);
}

}  // namespace journeysim::scenario
