#include "scenario/calendar_fields.h"

#include <algorithm>

#include "calendar/civil_time.h"
#include "calendar/send_window.h"
#include "calendar/time_zone.h"
#include "scenario/key_tables.h"

namespace journeysim::scenario {
namespace {

const std::vector<std::string> kWindowKeys = key_names(window_keys());

void read_days(FieldReader& in, const Node& node, const std::string& path, SendWindow& window) {
  if (!node.is_array()) {
    in.type_error(node, path, "array of day names (\"mon\" ... \"sun\")");
    return;
  }
  if (node.items.empty()) {
    in.error(node.where, path + " must list at least one day (leave it out for every day)");
    return;
  }
  const std::vector<std::string>& names = calendar::day_names();
  std::array<bool, 7> days = {};
  bool ok = true;
  for (size_t i = 0; i < node.items.size(); ++i) {
    const auto day = in.one_of(node.items[i], element(path, i), "day", names);
    if (!day) {
      ok = false;
      continue;
    }
    const auto index =
        static_cast<size_t>(std::find(names.begin(), names.end(), *day) - names.begin());
    if (days[index]) {
      in.error(node.items[i].where, path + " lists '" + *day + "' more than once");
      ok = false;
    }
    days[index] = true;
  }
  if (ok) {
    window.days = days;
  }
}

}  // namespace

TimeZonePtr read_time_zone(FieldReader& in, const Node& node, const std::string& path) {
  const auto text = in.non_empty_string(node, path);
  if (!text) {
    return nullptr;
  }
  try {
    return calendar::find_time_zone(*text, node.where);
  } catch (const InputError& error) {
    in.errors_from(error, path);
    return nullptr;
  }
}

void read_start(FieldReader& in, const Node& node, const std::string& path, const TimeZonePtr& zone,
                Journey& journey) {
  const auto value = node.type == Node::Type::DateTime || node.type == Node::Type::Date
                         ? calendar::parse_toml_date_time(node.text)
                         : std::nullopt;
  if (!value) {
    in.type_error(node, path, "TOML date-time such as 2027-03-01T00:00:00+07:00 (unquoted)");
    return;
  }
  const int64_t local = calendar::local_seconds_of(*value);
  if (value->offset_seconds) {
    journey.start = local - *value->offset_seconds;
    journey.start_offset_seconds = *value->offset_seconds;
  } else if (zone != nullptr) {
    journey.start = zone->utc_of_local(local);
    journey.start_offset_seconds = zone->offset_seconds_at(journey.start);
  } else {
    journey.start = local;
    journey.start_offset_seconds = 0;
  }
  journey.start_where = node.where;
}

std::optional<SendWindow> read_window(FieldReader& in, const Node& node, const std::string& path) {
  if (!node.is_table()) {
    in.type_error(node, path, "{ hours = \"09:00-18:00\", days = [...] } table");
    return std::nullopt;
  }
  in.check_keys(node, table_label(path), kWindowKeys);
  SendWindow window;
  window.where = node.where;
  bool ok = true;
  if (const Node* hours = in.required(node, "hours", path)) {
    const std::string hours_path = child(path, "hours");
    if (auto text = in.string(*hours, hours_path)) {
      std::string error;
      if (auto parsed = calendar::parse_window_hours(*text, error)) {
        window.open_minute = parsed->open_minute;
        window.close_minute = parsed->close_minute;
        window.hours_text = *text;
      } else {
        in.error(hours->where, hours_path + ": '" + *text + "': " + error);
        ok = false;
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const Node* days = node.find("days")) {
    read_days(in, *days, child(path, "days"), window);
  }
  return ok ? std::optional(window) : std::nullopt;
}

}  // namespace journeysim::scenario
