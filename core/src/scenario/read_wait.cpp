// [steps.<id>] with kind = "wait": `for = "2d"` or a distribution table
// (lognormal median/p90, exponential mean, uniform min/max), and
// `race = [{ rate_per_day, to }]`, and the send `window` it holds customers
// for once the time is up. The durations stay text in the model (the
// binder turns them into hours); here only their form is checked, so a bad
// one is refused at its file:line:column before anything runs.
#include "scenario/read_wait.h"

#include <algorithm>
#include <optional>

#include "scenario/calendar_fields.h"
#include "scenario/key_tables.h"
#include "scenario/sections.h"
#include "steps/duration.h"

namespace journeysim::scenario {
namespace {

// The keys of the distribution called `name` in wait_distributions().
std::vector<std::string> distribution_keys(const std::string& name) {
  for (const DistributionKeys& d : wait_distributions()) {
    if (d.name == name) {
      return key_names(d.keys);
    }
  }
  return {};
}

std::vector<std::string> any_distribution_keys() {
  std::vector<std::string> keys;
  for (const DistributionKeys& d : wait_distributions()) {
    for (const KeySpec& key : d.keys) {
      if (std::find(keys.begin(), keys.end(), key.name) == keys.end()) {
        keys.push_back(key.name);
      }
    }
  }
  return keys;
}

std::vector<std::string> distribution_names() {
  std::vector<std::string> names;
  for (const DistributionKeys& d : wait_distributions()) {
    names.push_back(d.name);
  }
  return names;
}

const std::vector<std::string> kDistributions = distribution_names();
const std::vector<std::string> kLognormalKeys = distribution_keys("lognormal");
const std::vector<std::string> kExponentialKeys = distribution_keys("exponential");
const std::vector<std::string> kUniformKeys = distribution_keys("uniform");
const std::vector<std::string> kAnyDistributionKeys = any_distribution_keys();
const std::vector<std::string> kRaceKeys = key_names(race_keys());

}  // namespace

// Hours as well as text, for the checks that compare two durations. A fixed
// wait may be zero (a variant can switch it off), and so may a uniform
// wait's minimum; a distribution's other durations may not.
std::optional<double> read_duration(FieldReader& in, const Node& node, const std::string& path,
                                    DurationText& out, bool zero_allowed) {
  auto text = in.string(node, path);
  if (!text) {
    return std::nullopt;
  }
  double hours = 0.0;
  try {
    hours = parse_duration_hours(*text, node.where);
  } catch (const InputError& error) {
    in.errors_from(error, path);
    return std::nullopt;
  }
  if (!zero_allowed && !(hours > 0.0)) {
    in.error(node.where, path + " must be longer than 0, got '" + *text + "'");
    return std::nullopt;
  }
  out = DurationText{*text, node.where};
  return hours;
}

namespace {

std::optional<double> required_duration(FieldReader& in, const Node& table,
                                        const std::string& key, const std::string& path,
                                        DurationText& out, bool zero_allowed = false) {
  const Node* node = in.required(table, key, path);
  return node != nullptr ? read_duration(in, *node, child(path, key), out, zero_allowed)
                         : std::nullopt;
}

// { distribution = "uniform", min = "1h", max = "3h" }: any time in between,
// equally likely; min may be zero, max must be longer than min.
void read_uniform(FieldReader& in, const Node& table, const std::string& path, WaitTime& wait) {
  wait.distribution = WaitTime::Distribution::Uniform;
  in.check_keys(table, table_label(path), kUniformKeys);
  const auto min = required_duration(in, table, "min", path, wait.min, /*zero_allowed=*/true);
  const auto max = required_duration(in, table, "max", path, wait.max);
  if (min && max && !(*max > *min)) {
    in.error(wait.max.where, child(path, "max") + " ('" + wait.max.text +
                                 "') must be longer than min ('" + wait.min.text + "')");
  }
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
  if (*name == "uniform") {
    read_uniform(in, table, path, wait);
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

}  // namespace

void read_wait_time(FieldReader& in, const Node& node, const std::string& path, WaitTime& wait) {
  wait.where = node.where;
  if (node.type == Node::Type::String) {
    wait.distribution = WaitTime::Distribution::Fixed;
    read_duration(in, node, path, wait.fixed, /*zero_allowed=*/true);
  } else if (node.is_table()) {
    read_distribution(in, node, path, wait);
  } else {
    in.type_error(node, path,
                  "duration (\"2d\") or { distribution = \"lognormal\" | \"exponential\" | "
                  "\"uniform\", ... } table");
  }
}

namespace {

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
    read_wait_time(in, *wait_for, child(path, "for"), step.wait_for);
  }
  if (const Node* race = table.find("race")) {
    read_race(in, *race, child(path, "race"), step);
  }
  if (const Node* window = table.find("window")) {
    step.window = read_window(in, *window, child(path, "window"));
  }
}

}  // namespace journeysim::scenario
