// [personas.<id>]: who the customers are, their share of arrivals and the
// traits channel plugins read.
#include "scenario/calendar_fields.h"
#include "scenario/key_tables.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

constexpr int64_t kMaxAge = 120;

const std::vector<std::string> kPersonaKeys = key_names(persona_keys());

void read_age(FieldReader& in, const Node& age, const std::string& age_path, Persona& persona) {
  if (!age.is_array() || age.items.size() != 2) {
    std::string got = type_name(age.type);
    if (age.is_array()) {
      got = "array of " + std::to_string(age.items.size());
    }
    in.error(age.where, age_path + ": expected [min, max] (two integers), got " + got);
    return;
  }
  auto lo = in.integer_in(age.items[0], element(age_path, 0), 0, kMaxAge);
  auto hi = in.integer_in(age.items[1], element(age_path, 1), 0, kMaxAge);
  if (lo && hi) {
    if (*lo > *hi) {
      in.error(age.where, age_path + ": minimum " + std::to_string(*lo) + " is above maximum " +
                              std::to_string(*hi));
    } else {
      persona.age_min = static_cast<uint32_t>(*lo);
      persona.age_max = static_cast<uint32_t>(*hi);
    }
  }
}

void read_persona(FieldReader& in, const std::string& id, const Node& table, Persona& persona) {
  const std::string path = child("personas", id);
  persona.id = id;
  persona.where = table.where;
  in.check_keys(table, table_label(path), kPersonaKeys);

  auto text = [&in](const Node& n, const std::string& p) { return in.string(n, p); };
  auto list = [&in](const Node& n, const std::string& p) { return in.strings(n, p); };
  auto unit = [&in](const Node& n, const std::string& p) { return in.number_in(n, p, 0.0, 1.0); };

  if (const Node* share = in.required(table, "share", path)) {
    if (auto v = in.number_in(*share, child(path, "share"), 0.0, 1.0, /*open_low=*/true)) {
      persona.share = *v;
    }
  }
  if (const Node* age = table.find("age")) {
    read_age(in, *age, child(path, "age"), persona);
  }
  in.optional_field(table, "gender", path, persona.gender, text);
  in.optional_field(table, "job", path, persona.job, text);
  in.optional_field(table, "education", path, persona.education, text);
  in.optional_field(table, "goals", path, persona.goals, list);
  in.optional_field(table, "expectations", path, persona.expectations, list);
  in.optional_field(table, "fears", path, persona.fears, list);
  in.optional_field(table, "pain_points", path, persona.pain_points, list);
  if (const Node* motivation = table.find("motivation")) {
    if (auto v = in.string(*motivation, child(path, "motivation"))) {
      persona.motivations.push_back(*v);
    }
  }
  if (const Node* motivations = table.find("motivations")) {
    if (auto v = in.strings(*motivations, child(path, "motivations"))) {
      persona.motivations.insert(persona.motivations.end(), v->begin(), v->end());
    }
  }
  if (const Node* channels = table.find("channels")) {
    const std::string channels_path = child(path, "channels");
    if (in.expect_table(*channels, channels_path)) {
      for (const Member& c : channels->members) {
        if (auto v = in.number_in(c.value, child(channels_path, c.key), 0.0, 1.0)) {
          persona.channels[c.key] = *v;
        }
      }
    }
  }
  in.optional_field(table, "patience", path, persona.patience, unit);
  in.optional_field(table, "price_sensitivity", path, persona.price_sensitivity, unit);
  in.optional_field(table, "tech_savvy", path, persona.tech_savvy, unit);
  in.optional_field(table, "initial_satisfaction", path, persona.initial_satisfaction, unit);
  in.optional_field(table, "time_budget_minutes", path, persona.time_budget_minutes,
                    [&in](const Node& n, const std::string& p) {
                      std::optional<double> v = in.number(n, p);
                      if (v && *v < 0.0) {
                        in.error(n.where, p + " must not be negative, got " + format_number(*v));
                        return std::optional<double>();
                      }
                      return v;
                    });
  if (const Node* timezone = table.find("timezone")) {
    if (TimeZonePtr zone = read_time_zone(in, *timezone, child(path, "timezone"))) {
      persona.timezone = timezone->text;
      persona.timezone_where = timezone->where;
      persona.zone = std::move(zone);
    }
  }
}

}  // namespace

void read_personas(FieldReader& in, const Node* table, const SourceLocation& root_where,
                   Scenario& scenario) {
  in.each_entity(table, root_where, "personas", [&](const std::string& id, const Node& entity) {
    Persona& persona = scenario.personas.emplace_back();
    persona.zone = scenario.journey.zone;  // unless the persona names its own
    read_persona(in, id, entity, persona);
  });
}

}  // namespace journeysim::scenario
