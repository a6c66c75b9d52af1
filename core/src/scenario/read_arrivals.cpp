// [arrivals]: when the run's customers arrive. The pattern's own keys are
// refused on another pattern (over_days on a poisson stream), so a key that
// would be ignored never is; whether the weights leave any hour to arrive in
// is checked with the journey's start and agents (resolve_calendar).
#include <array>
#include <string>

#include "scenario/key_tables.h"
#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

constexpr double kMaxDays = 36'500.0;

const std::vector<std::string> kArrivalKeys = key_names(arrival_keys());
const std::vector<std::string> kBurstKeys = key_names(burst_keys());

// N weights >= 0, not all zero.
template <size_t N>
void read_weights(FieldReader& in, const Node& node, const std::string& path,
                  std::array<double, N>& out) {
  if (!node.is_array()) {
    in.type_error(node, path, "array of " + std::to_string(N) + " numbers");
    return;
  }
  if (node.items.size() != N) {
    in.error(node.where, path + " must have " + std::to_string(N) + " numbers, got " +
                             std::to_string(node.items.size()));
    return;
  }
  std::array<double, N> weights{};
  bool ok = true;
  double total = 0.0;
  for (size_t i = 0; i < N; ++i) {
    const auto w = in.number_in(node.items[i], element(path, i), 0.0, 1e12);
    ok = ok && w.has_value();
    weights[i] = w.value_or(0.0);
    total += weights[i];
  }
  if (ok && !(total > 0.0)) {
    in.error(node.where, path + ": the weights are all 0, so nobody could arrive");
    return;
  }
  if (ok) {
    out = weights;
  }
}

void read_bursts(FieldReader& in, const Node& node, const std::string& path,
                 ArrivalPattern& arrivals) {
  if (!node.is_array()) {
    in.type_error(node, path, "array of {day, share} tables");
    return;
  }
  double total = 0.0;
  for (size_t i = 0; i < node.items.size(); ++i) {
    const Node& item = node.items[i];
    const std::string item_path = element(path, i);
    if (!in.expect_table(item, item_path)) {
      continue;
    }
    in.check_keys(item, item_path, kBurstKeys);
    ArrivalPattern::Burst burst;
    burst.where = item.where;
    const Node* day = in.required_in_item(item, "day", item_path);
    const Node* share = in.required_in_item(item, "share", item_path);
    const auto d = day != nullptr ? in.integer_in(*day, child(item_path, "day"), 0,
                                                  static_cast<int64_t>(kMaxDays) - 1)
                                  : std::nullopt;
    const auto s = share != nullptr ? in.number_in(*share, child(item_path, "share"), 0.0, 1.0,
                                                   /*open_low=*/true)
                                    : std::nullopt;
    if (!d || !s) {
      continue;
    }
    burst.day = static_cast<uint32_t>(*d);
    burst.share = *s;
    total += *s;
    arrivals.bursts.push_back(burst);
  }
  if (total > 1.0 + 1e-9) {
    in.error(node.where,
             path + ": the shares sum to " + format_number(total) + ", more than all arrivals (1)");
  }
}

// A key that only `pattern` reads, found on another one.
void refuse_unless(FieldReader& in, const Node& table, const std::string& key, bool applies,
                   const std::string& needs, const std::string& pattern) {
  if (const Member* m = table.find_member(key); m != nullptr && !applies) {
    in.error(m->key_where,
             "arrivals." + key + " applies to " + needs + ", not to pattern = \"" + pattern + "\"");
  }
}

}  // namespace

void read_arrivals(FieldReader& in, const Node& table, Scenario& scenario) {
  const std::string path = "arrivals";
  ArrivalPattern& arrivals = scenario.arrivals;
  arrivals.where = table.where;
  in.check_keys(table, table_label(path), kArrivalKeys);
  std::string pattern = "at_start";
  if (const Node* kind = table.find("pattern")) {
    const auto name = in.one_of(*kind, child(path, "pattern"), "pattern", arrival_patterns());
    if (!name) {
      return;
    }
    pattern = *name;
  }
  const bool steady = pattern == "steady";
  const bool poisson = pattern == "poisson";
  arrivals.kind = steady    ? ArrivalPattern::Kind::Steady
                  : poisson ? ArrivalPattern::Kind::Poisson
                            : ArrivalPattern::Kind::AtStart;
  refuse_unless(in, table, "over_days", steady, "pattern = \"steady\"", pattern);
  refuse_unless(in, table, "per_hour", poisson, "pattern = \"poisson\"", pattern);
  refuse_unless(in, table, "per_day", poisson, "pattern = \"poisson\"", pattern);
  refuse_unless(in, table, "weekday_weights", steady || poisson,
                "pattern = \"steady\" or \"poisson\"", pattern);
  refuse_unless(in, table, "hourly_weights", steady || poisson || table.find("bursts") != nullptr,
                "pattern = \"steady\" or \"poisson\", or to bursts", pattern);

  if (steady) {
    if (const Node* over = in.required(table, "over_days", path)) {
      if (auto days = in.number_in(*over, child(path, "over_days"), 0.0, kMaxDays,
                                   /*open_low=*/true)) {
        arrivals.over_days = *days;
      }
    }
  }
  if (poisson) {
    const Node* per_hour = table.find("per_hour");
    const Node* per_day = table.find("per_day");
    if ((per_hour == nullptr) == (per_day == nullptr)) {
      in.error(per_hour != nullptr ? per_hour->where : table.where,
               "[arrivals] with pattern = \"poisson\" needs exactly one of "
               "per_hour and "
               "per_day");
    } else if (per_hour != nullptr) {
      arrivals.per_hour = in.positive(*per_hour, child(path, "per_hour")).value_or(0.0);
    } else {
      arrivals.per_hour = in.positive(*per_day, child(path, "per_day")).value_or(0.0) / 24.0;
    }
  }
  if (const Node* w = table.find("weekday_weights"); w != nullptr && (steady || poisson)) {
    read_weights(in, *w, child(path, "weekday_weights"), arrivals.weekday_weights);
  }
  if (const Node* w = table.find("hourly_weights")) {
    read_weights(in, *w, child(path, "hourly_weights"), arrivals.hourly_weights);
  }
  if (const Node* bursts = table.find("bursts")) {
    read_bursts(in, *bursts, child(path, "bursts"), arrivals);
  }
}

}  // namespace journeysim::scenario
