// [steps.<id>] with kind = "wait": `for = "2d"` or a distribution table, and
// `race = [{ rate_per_day, to }]`. The durations stay text in the model (the
// binder turns them into hours); here only their form is checked, so a bad
// one is refused at its file:line:column before anything runs.
#include "scenario/read_wait.h"

#include <charconv>
#include <optional>

#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

const std::vector<std::string> kDistributions = {"lognormal", "exponential"};
const std::vector<std::string> kLognormalKeys = {"distribution", "median", "p90"};
const std::vector<std::string> kExponentialKeys = {"distribution", "mean"};
const std::vector<std::string> kAnyDistributionKeys = {"distribution", "median", "p90", "mean"};
const std::vector<std::string> kRaceKeys = {"rate_per_day", "to"};

// Hours in "30m", "4h", "2d", "1w" (a decimal number, then one unit), or
// nullopt. The loader's interim reading of the duration form: the shared
// duration parser replaces it when it lands, with the same messages.
std::optional<double> duration_hours(const std::string& text) {
  if (text.size() < 2) {
    return std::nullopt;
  }
  double unit = 0.0;
  switch (text.back()) {
    case 'm':
      unit = 1.0 / 60.0;
      break;
    case 'h':
      unit = 1.0;
      break;
    case 'd':
      unit = 24.0;
      break;
    case 'w':
      unit = 168.0;
      break;
    default:
      return std::nullopt;
  }
  const char* first = text.data();
  const char* last = text.data() + text.size() - 1;
  if (*first < '0' || *first > '9') {
    return std::nullopt;  // no sign, no leading point, no spaces
  }
  double value = 0.0;
  const auto result = std::from_chars(first, last, value, std::chars_format::fixed);
  if (result.ec != std::errc() || result.ptr != last) {
    return std::nullopt;
  }
  return value * unit;
}

// A duration string at `path`: its text, and its hours for the checks that
// compare two of them.
std::optional<double> read_duration(FieldReader& in, const Node& node, const std::string& path,
                                    DurationText& out) {
  auto text = in.string(node, path);
  if (!text) {
    return std::nullopt;
  }
  const auto hours = duration_hours(*text);
  if (!hours) {
    in.error(node.where, path + ": '" + *text +
                             "' is not a duration; write a number and a unit, e.g. 30m, 4h, "
                             "2d or 1w");
    return std::nullopt;
  }
  if (!(*hours > 0.0)) {
    in.error(node.where, path + " must be longer than 0, got '" + *text + "'");
    return std::nullopt;
  }
  out = DurationText{*text, node.where};
  return hours;
}

std::optional<double> required_duration(FieldReader& in, const Node& table,
                                        const std::string& key, const std::string& path,
                                        DurationText& out) {
  const Node* node = in.required(table, key, path);
  return node != nullptr ? read_duration(in, *node, child(path, key), out) : std::nullopt;
}

void read_distribution(FieldReader& in, const Node& table, const std::string& path,
                       WaitTime& wait) {
  const Node* kind = in.required(table, "distribution", path);
  const auto name = kind != nullptr
                        ? in.one_of(*kind, child(path, "distribution"), "distribution",
                                    kDistributions)
                        : std::nullopt;
  if (!name) {
    in.check_keys(table, table_label(path), kAnyDistributionKeys);
    return;
  }
  if (*name == "exponential") {
    wait.distribution = WaitTime::Distribution::Exponential;
    in.check_keys(table, table_label(path), kExponentialKeys);
    required_duration(in, table, "mean", path, wait.mean);
    return;
  }
  wait.distribution = WaitTime::Distribution::Lognormal;
  in.check_keys(table, table_label(path), kLognormalKeys);
  const auto median = required_duration(in, table, "median", path, wait.median);
  const auto p90 = required_duration(in, table, "p90", path, wait.p90);
  if (median && p90 && !(*p90 > *median)) {
    in.error(wait.p90.where, child(path, "p90") + " ('" + wait.p90.text +
                                 "') must be longer than the median ('" + wait.median.text +
                                 "')");
  }
}

void read_for(FieldReader& in, const Node& node, const std::string& path, WaitTime& wait) {
  wait.where = node.where;
  if (node.type == Node::Type::String) {
    wait.distribution = WaitTime::Distribution::Fixed;
    read_duration(in, node, path, wait.fixed);
  } else if (node.is_table()) {
    read_distribution(in, node, path, wait);
  } else {
    in.type_error(node, path,
                  "duration (\"2d\") or { distribution = \"lognormal\" | \"exponential\", ... } "
                  "table");
  }
}

void read_race(FieldReader& in, const Node& node, const std::string& path, Step& step) {
  if (!node.is_array()) {
    in.type_error(node, path, "array of {rate_per_day, to} tables");
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    const Node& item = node.items[i];
    const std::string item_path = element(path, i);
    if (!in.expect_table(item, item_path)) {
      continue;
    }
    in.check_keys(item, item_path, kRaceKeys);
    Race race;
    race.where = item.where;
    const Node* rate = in.required_in_item(item, "rate_per_day", item_path);
    const auto per_day =
        rate != nullptr ? in.positive(*rate, child(item_path, "rate_per_day")) : std::nullopt;
    auto to = read_to(in, item, item_path);
    if (!per_day || !to) {
      continue;
    }
    race.rate_per_day = *per_day;
    race.rate_where = rate->where;
    race.to = std::move(*to);
    step.race.push_back(std::move(race));
  }
}

}  // namespace

void read_wait(FieldReader& in, const Node& table, const std::string& path, Step& step) {
  if (const Node* wait_for = in.required(table, "for", path)) {
    read_for(in, *wait_for, child(path, "for"), step.wait_for);
  }
  if (const Node* race = table.find("race")) {
    read_race(in, *race, child(path, "race"), step);
  }
}

}  // namespace journeysim::scenario
