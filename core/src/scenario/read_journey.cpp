// [journey]: what the map answers, how long and how many customers, and the
// ordered stages every later section is checked against.
#include <algorithm>
#include <limits>

#include "scenario/calendar_fields.h"
#include "calendar/time_zone.h"
#include "scenario/key_tables.h"
#include "scenario/sections.h"
#include "util/text.h"

namespace journeysim::scenario {
namespace {

constexpr int64_t kMaxAgents = 1'000'000'000'000;
constexpr int64_t kMaxSteps = 100'000;
constexpr double kMaxHorizonDays = 36'500.0;

const std::vector<std::string> kJourneyKeys = key_names(journey_keys());
const std::vector<std::string>& kJourneyTypes = journey_types();

void read_type(FieldReader& in, const Node& table, Journey& journey) {
  const Node* type = table.find("type");
  if (type == nullptr) {
    return;
  }
  if (auto v = in.string(*type, "journey.type")) {
    if (std::find(kJourneyTypes.begin(), kJourneyTypes.end(), *v) == kJourneyTypes.end()) {
      std::string hint = did_you_mean(*v, kJourneyTypes);
      in.error(type->where,
               "journey.type: unknown journey type '" + *v + "'" +
                   (hint.empty() ? "; expected one of " + util::join(kJourneyTypes, ", ") : hint));
    } else {
      journey.type = *v;
    }
  }
}

void read_stage_list(FieldReader& in, const Node& table, const std::string& path,
                     DeclaredStages& stages) {
  const Node* list = in.required(table, "stages", path);
  if (list == nullptr) {
    return;
  }
  if (!list->is_array()) {
    in.type_error(*list, "journey.stages", "array of strings");
    return;
  }
  if (list->items.empty()) {
    in.error(list->where, "journey.stages must list at least one stage");
    return;
  }
  bool ok = true;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    auto id = in.non_empty_string(item, element("journey.stages", i));
    if (!id) {
      ok = false;
      continue;
    }
    if (!stages.index.emplace(*id, static_cast<uint32_t>(stages.ids.size())).second) {
      in.error(item.where, "journey.stages lists '" + *id + "' more than once");
      ok = false;
      continue;
    }
    stages.ids.push_back(*id);
    stages.wheres.push_back(item.where);
  }
  stages.known = ok;
}

// `timezone` first: a `start` without an offset is read on its clock. The
// journey's zone is the one named, else the start's own offset (UTC by
// default), so every customer has a clock even in an old scenario.
void read_calendar(FieldReader& in, const Node& table, const std::string& path,
                   Journey& journey) {
  if (const Node* timezone = table.find("timezone")) {
    journey.zone = read_time_zone(in, *timezone, child(path, "timezone"));
    if (journey.zone != nullptr) {
      journey.timezone = timezone->text;
      journey.timezone_where = timezone->where;
    }
  }
  if (const Node* start = table.find("start")) {
    read_start(in, *start, child(path, "start"), journey.zone, journey);
  }
  if (journey.zone == nullptr) {
    journey.zone = calendar::fixed_offset_zone(journey.start_offset_seconds);
  }
}

}  // namespace

void read_journey(FieldReader& in, const Node& table, Journey& journey, DeclaredStages& stages,
                  const Node*& conversion_node) {
  const std::string path = "journey";
  journey.where = table.where;
  in.check_keys(table, table_label(path), kJourneyKeys);

  if (const Node* name = in.required(table, "name", path)) {
    if (auto v = in.non_empty_string(*name, "journey.name")) {
      journey.name = *v;
    }
  }
  in.optional_field(table, "purpose", path, journey.purpose,
                    [&in](const Node& n, const std::string& p) { return in.string(n, p); });
  read_type(in, table, journey);
  in.optional_field(table, "horizon_days", path, journey.horizon_days,
                    [&in](const Node& n, const std::string& p) {
                      return in.number_in(n, p, 0.0, kMaxHorizonDays, /*open_low=*/true);
                    });
  in.optional_field(table, "agents", path, journey.agents,
                    [&in](const Node& n, const std::string& p) -> std::optional<uint64_t> {
                      if (auto v = in.integer_in(n, p, 1, kMaxAgents)) {
                        return static_cast<uint64_t>(*v);
                      }
                      return std::nullopt;
                    });
  in.optional_field(table, "seed", path, journey.seed,
                    [&in](const Node& n, const std::string& p) -> std::optional<uint64_t> {
                      if (auto v = in.integer_in(n, p, 0, std::numeric_limits<int64_t>::max())) {
                        return static_cast<uint64_t>(*v);
                      }
                      return std::nullopt;
                    });
  in.optional_field(table, "max_steps", path, journey.max_steps,
                    [&in](const Node& n, const std::string& p) -> std::optional<uint32_t> {
                      if (auto v = in.integer_in(n, p, 1, kMaxSteps)) {
                        return static_cast<uint32_t>(*v);
                      }
                      return std::nullopt;
                    });
  if (const Node* conversion = table.find("conversion")) {
    if (auto v = in.non_empty_string(*conversion, "journey.conversion")) {
      journey.conversion = *v;
      conversion_node = conversion;
    }
  }
  read_stage_list(in, table, path, stages);
  read_calendar(in, table, path, journey);
}

}  // namespace journeysim::scenario
