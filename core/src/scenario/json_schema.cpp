// scenario_json_schema: the key tables (key_tables.h) and the channels'
// descriptors written as JSON Schema. Every table has additionalProperties
// false, as the loader refuses unknown keys.
#include <nlohmann/json.hpp>

#include "calendar/send_window.h"
#include "journeysim/scenario_schema.h"
#include "scenario/key_tables.h"

namespace journeysim {
namespace {

using Json = nlohmann::ordered_json;
using scenario::KeySpec;
using scenario::ValueShape;

// Draft-07: what Taplo (behind Even Better TOML) validates with; and no
// keyword here needs a later draft.
constexpr const char* kDraft = "http://json-schema.org/draft-07/schema#";
// Ids of tables and values of their entries are free names: the schema
// only says what each entry holds.
const Json kScalar = {{"type", Json::array({"number", "string", "boolean"})}};

// A reference to a definition, wrapped so that a description beside it is
// not ignored (draft-07 ignores the siblings of "$ref").
Json def_ref(const std::string& def) {
  return {{"allOf", Json::array({{{"$ref", "#/definitions/" + def}}})}};
}

Json string_list() { return {{"type", "array"}, {"items", {{"type", "string"}}}}; }

Json non_empty_string() { return {{"type", "string"}, {"minLength", 1}}; }

Json enum_of(const std::vector<std::string>& values) {
  return {{"type", "string"}, {"enum", values}};
}

// `count` relative weights (weekday_weights, hourly_weights).
Json weights(size_t count) {
  return {{"type", "array"},
          {"items", {{"type", "number"}, {"minimum", 0}}},
          {"minItems", count},
          {"maxItems", count}};
}

// The two flavours of every table: a complete file has its required keys; a
// variant (with `extends`) may give any subset.
enum class Flavour { Complete, Variant };

std::string flavoured(const std::string& def, Flavour flavour) {
  return flavour == Flavour::Complete ? def : def + "_variant";
}

Json value_schema(const KeySpec& key, Flavour flavour);

// An object with exactly `keys`, each described.
Json table_of(const std::vector<KeySpec>& keys, Flavour flavour) {
  Json properties = Json::object();
  Json required = Json::array();
  for (const KeySpec& key : keys) {
    Json schema = value_schema(key, flavour);
    schema["description"] = key.description;
    properties[key.name] = std::move(schema);
    if (key.required && flavour == Flavour::Complete) {
      required.push_back(key.name);
    }
  }
  Json table = {{"type", "object"}, {"properties", properties}, {"additionalProperties", false}};
  if (!required.empty()) {
    table["required"] = required;
  }
  return table;
}

// An array of tables with `keys` (next edges, branches, arms, races).
Json list_of_tables(const std::vector<KeySpec>& keys) {
  return {{"type", "array"}, {"items", table_of(keys, Flavour::Complete)}};
}

// [<section>.<id>] tables, each of definition `def`.
Json tables_of(const std::string& def) {
  return {{"type", "object"}, {"additionalProperties", def_ref(def)}};
}

std::vector<std::string> step_kind_names() {
  std::vector<std::string> names;
  for (const scenario::StepKindKeys& k : scenario::step_kinds()) {
    names.emplace_back(step_kind_name(k.kind));
  }
  return names;
}

std::vector<std::string> distribution_names() {
  std::vector<std::string> names;
  for (const scenario::DistributionKeys& d : scenario::wait_distributions()) {
    names.push_back(d.name);
  }
  return names;
}

Json value_schema(const KeySpec& key, Flavour flavour) {
  switch (key.shape) {
    case ValueShape::Text:
      return {{"type", "string"}};
    case ValueShape::Name:
      return non_empty_string();
    case ValueShape::NonNegative:
      return {{"type", "number"}, {"minimum", 0}};
    case ValueShape::Share:
      return {{"type", "number"}, {"minimum", 0}, {"maximum", 1}};
    case ValueShape::Positive:
      return {{"type", "number"}, {"exclusiveMinimum", 0}};
    case ValueShape::Count:
      return {{"type", "integer"}, {"minimum", 1}};
    case ValueShape::NonNegativeInteger:
      return {{"type", "integer"}, {"minimum", 0}};
    case ValueShape::Boolean:
      return {{"type", "boolean"}};
    case ValueShape::Texts:
      return string_list();
    case ValueShape::JourneyType:
      return enum_of(scenario::journey_types());
    case ValueShape::StageList:
      return {{"type", "array"},
              {"items", non_empty_string()},
              {"minItems", 1},
              {"uniqueItems", true}};
    case ValueShape::Age:
      return {{"type", "array"},
              {"items", {{"type", "integer"}, {"minimum", 0}, {"maximum", 120}}},
              {"minItems", 2},
              {"maxItems", 2}};
    case ValueShape::ChannelWeights:
      return {{"type", "object"},
              {"additionalProperties", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}}};
    case ValueShape::Params:
      return {{"type", "object"}, {"additionalProperties", kScalar}};
    case ValueShape::EventRoutes:
      return {{"type", "object"}, {"additionalProperties", non_empty_string()}};
    case ValueShape::Next:
      return {{"type", "array"},
              {"items",
               {{"anyOf", Json::array({non_empty_string(),
                                       list_of_tables(scenario::edge_keys())["items"]})}}}};
    case ValueShape::WaitFor:
      return {{"anyOf", Json::array({{{"type", "string"}}, def_ref("wait_distribution")})}};
    case ValueShape::Races:
      return list_of_tables(scenario::race_keys());
    case ValueShape::Branches:
      return list_of_tables(scenario::branch_keys());
    case ValueShape::Arms:
      return list_of_tables(scenario::arm_keys());
    case ValueShape::Attributes:
      return {{"type", "object"}, {"minProperties", 1}, {"additionalProperties", kScalar}};
    case ValueShape::Duration:
      return {{"type", "string"}};
    case ValueShape::StepKind:
      return enum_of(step_kind_names());
    case ValueShape::Distribution:
      return enum_of(distribution_names());
    case ValueShape::JourneyTable:
      return def_ref(flavoured("journey", flavour));
    case ValueShape::StageTables:
      return tables_of("stage");
    case ValueShape::PersonaTables:
      return tables_of(flavoured("persona", flavour));
    case ValueShape::TouchpointTables:
      return tables_of(flavoured("touchpoint", flavour));
    case ValueShape::StepTables:
      return tables_of(flavoured("step", flavour));
    case ValueShape::ResourceTables:
      return tables_of(flavoured("resource", flavour));
    case ValueShape::Thresholds:
      return def_ref("thresholds");
    case ValueShape::DateTime:
      // No "type": TOML date-times are not JSON strings to every validator
      // (Taplo and Python's tomllib give dates of their own).
      return {{"format", "date-time"}};
    case ValueShape::TimeZone:
      return non_empty_string();
    case ValueShape::Window:
      return def_ref("window");
    case ValueShape::Shifts:
      return {{"type", "array"}, {"items", def_ref("shift")}, {"minItems", 1}};
    case ValueShape::WindowHours:
      return {{"type", "string"},
              {"pattern", "^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"}};
    case ValueShape::WeekDays:
      return {{"type", "array"},
              {"items", enum_of(calendar::day_names())},
              {"minItems", 1},
              {"uniqueItems", true}};
    case ValueShape::ArrivalKind:
      return enum_of(scenario::arrival_patterns());
    case ValueShape::WeekdayWeights:
      return weights(7);
    case ValueShape::HourlyWeights:
      return weights(24);
    case ValueShape::Bursts:
      return list_of_tables(scenario::burst_keys());
    case ValueShape::FrequencyCaps: {
      const Json cap = table_of(scenario::frequency_cap_keys(), Flavour::Complete);
      return {{"anyOf", Json::array({cap, {{"type", "array"}, {"items", cap}, {"minItems", 1}}})}};
    }
    case ValueShape::ArrivalsTable:
      return table_of(scenario::arrival_keys(), Flavour::Complete);
    case ValueShape::PoliciesTable:
      return table_of(scenario::policy_keys(), Flavour::Complete);
  }
  return Json::object();
}

// A step: the common keys plus those of its kind, chosen by `kind`.
Json step_schema(Flavour flavour) {
  std::vector<KeySpec> every = scenario::step_common_keys();
  for (const scenario::StepKindKeys& k : scenario::step_kinds()) {
    for (const KeySpec& key : k.keys) {
      bool seen = false;
      for (const KeySpec& known : every) {
        seen = seen || known.name == key.name;
      }
      if (!seen) {
        KeySpec any_kind = key;
        any_kind.required = false;
        every.push_back(any_kind);
      }
    }
  }
  Json step = table_of(every, flavour);
  Json by_kind = Json::array();
  for (const scenario::StepKindKeys& k : scenario::step_kinds()) {
    std::vector<KeySpec> own = scenario::step_common_keys();
    own.insert(own.end(), k.keys.begin(), k.keys.end());
    Json then = table_of(own, flavour);
    then.erase("type");
    then["description"] = k.description;
    by_kind.push_back({{"if",
                        {{"properties", {{"kind", {{"const", step_kind_name(k.kind)}}}}},
                         {"required", {"kind"}}}},
                       {"then", then}});
  }
  step["allOf"] = by_kind;
  return step;
}

Json wait_distribution_schema() {
  Json by_name = Json::array();
  for (const scenario::DistributionKeys& d : scenario::wait_distributions()) {
    Json then = table_of(d.keys, Flavour::Complete);
    then["description"] = d.description;
    by_name.push_back({{"if",
                        {{"properties", {{"distribution", {{"const", d.name}}}}},
                         {"required", {"distribution"}}}},
                       {"then", then}});
  }
  return {{"type", "object"},
          {"properties", {{"distribution", enum_of(distribution_names())}}},
          {"required", {"distribution"}},
          {"allOf", by_name}};
}

Json param_schema(const js_param_spec& p) {
  Json schema = Json::object();
  if (p.type == JS_PARAM_BOOLEAN) {
    schema["type"] = "boolean";
    schema["default"] = p.default_value != 0.0;
  } else {
    schema["type"] = p.type == JS_PARAM_INTEGER ? "integer" : "number";
    schema["minimum"] = p.min_value;
    schema["maximum"] = p.max_value;
    schema["default"] = p.default_value;
  }
  if (p.description != nullptr) {
    schema["description"] = p.description;
  }
  return schema;
}

// A touchpoint: its keys, and for each installed channel (when `channel`
// names it) that channel's params and the events `on` may route.
Json touchpoint_schema(const PluginCatalog& catalog, Flavour flavour) {
  Json touchpoint = table_of(scenario::touchpoint_keys(), flavour);
  touchpoint["properties"]["channel"]["enum"] = catalog.names();
  Json by_channel = Json::array();
  for (const ChannelPtr& channel : catalog.channels()) {
    const js_channel_descriptor& d = channel->descriptor();
    Json params = {{"type", "object"}, {"additionalProperties", false}};
    params["properties"] = Json::object();
    for (uint32_t i = 0; i < d.param_count; ++i) {
      params["properties"][d.params[i].name] = param_schema(d.params[i]);
    }
    Json on = {{"type", "object"},
               {"propertyNames", {{"enum", channel->events().names()}}},
               {"additionalProperties", non_empty_string()}};
    by_channel.push_back(
        {{"if", {{"properties", {{"channel", {{"const", d.name}}}}}, {"required", {"channel"}}}},
         {"then", {{"properties", {{"params", params}, {"on", on}}}}}});
  }
  touchpoint["allOf"] = by_channel;
  return touchpoint;
}

// metric = "condition" or ["conditions"]; a metric path written unquoted
// nests tables, which read the same.
Json thresholds_schema() {
  Json conditions = {
      {"anyOf", Json::array({{{"type", "string"}},
                             {{"type", "array"}, {"items", {{"type", "string"}}},
                              {"minItems", 1}}})}};
  return {{"type", "object"},
          {"additionalProperties",
           {{"anyOf", Json::array({conditions, def_ref("thresholds")})}}}};
}

}  // namespace

std::string scenario_json_schema(const PluginCatalog& catalog) {
  Json defs = Json::object();
  for (Flavour flavour : {Flavour::Complete, Flavour::Variant}) {
    defs[flavoured("file", flavour)] = table_of(scenario::top_level_key_specs(), flavour);
    defs[flavoured("journey", flavour)] = table_of(scenario::journey_keys(), flavour);
    defs[flavoured("persona", flavour)] = table_of(scenario::persona_keys(), flavour);
    defs[flavoured("touchpoint", flavour)] = touchpoint_schema(catalog, flavour);
    defs[flavoured("step", flavour)] = step_schema(flavour);
    defs[flavoured("resource", flavour)] = table_of(scenario::resource_keys(), flavour);
  }
  defs["stage"] = table_of(scenario::stage_keys(), Flavour::Complete);
  defs["wait_distribution"] = wait_distribution_schema();
  defs["thresholds"] = thresholds_schema();
  defs["window"] = table_of(scenario::window_keys(), Flavour::Complete);
  defs["shift"] = table_of(scenario::shift_keys(), Flavour::Complete);

  Json schema = {
      {"$schema", kDraft},
      {"title", "journeysim scenario"},
      {"description",
       "A customer journey for journeysim: [journey], [stages.*], [personas.*], "
       "[touchpoints.*], [steps.*], [thresholds], [arrivals], [policies]. Generated by "
       "`journeysim schema`."},
      {"type", "object"},
      {"if", {{"required", {"extends"}}}},
      {"then", def_ref("file_variant")},
      {"else", def_ref("file")},
      {"definitions", defs},
  };
  return schema.dump(2) + "\n";
}

}  // namespace journeysim
