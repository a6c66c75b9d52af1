// [thresholds]: the CI gates `journeysim check` evaluates, one per metric.
#include <algorithm>

#include "scenario/sections.h"

namespace journeysim::scenario {
namespace {

// Metric paths are usually quoted keys ("touchpoints.checkout.drop_rate");
// written unquoted they become nested tables, which read the same.
// `index` maps each metric read so far to its place in scenario.thresholds.
void read_nested(FieldReader& in, const Node& table, const std::string& metric_prefix,
                 std::map<std::string, size_t>& index, Scenario& scenario) {
  for (const Member& m : table.members) {
    const std::string metric = metric_prefix.empty() ? m.key : metric_prefix + "." + m.key;
    const std::string path = "thresholds." + format_key(metric);
    const Node& v = m.value;
    if (v.is_table()) {
      read_nested(in, v, metric, index, scenario);
      continue;
    }
    Threshold threshold;
    threshold.metric = metric;
    threshold.where = v.where;
    if (v.type == Node::Type::String) {
      threshold.conditions.push_back(v.text);
    } else if (v.is_array()) {
      auto conditions = in.strings(v, path);
      if (!conditions) {
        continue;
      }
      if (conditions->empty()) {
        in.error(v.where, path + " lists no conditions");
        continue;
      }
      threshold.conditions = std::move(*conditions);
    } else {
      in.type_error(v, path, "string or array of strings");
      continue;
    }
    auto [same, added] = index.emplace(metric, scenario.thresholds.size());
    if (!added) {
      in.error(v.where, "threshold '" + metric + "' is given twice (also at " +
                            scenario.thresholds[same->second].where.to_string() + ")");
      continue;
    }
    scenario.thresholds.push_back(std::move(threshold));
  }
}

}  // namespace

void read_thresholds(FieldReader& in, const Node& table, Scenario& scenario) {
  std::map<std::string, size_t> index;
  read_nested(in, table, "", index, scenario);
  std::sort(scenario.thresholds.begin(), scenario.thresholds.end(),
            [](const Threshold& a, const Threshold& b) { return a.metric < b.metric; });
}

}  // namespace journeysim::scenario
