#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "journeysim/report_writers.h"
#include "manifest/manifest_json.h"

namespace journeysim {
namespace {

using Json = nlohmann::ordered_json;

// {value, ci95, n}; an estimate with no observations has nulls.
Json rate_json(const Estimate& e) {
  Json out;
  if (!e.has_value()) {
    out["value"] = nullptr;
    out["ci95"] = nullptr;
    out["n"] = 0;
    return out;
  }
  out["value"] = e.value;
  out["ci95"] = {e.low, e.high};
  out["n"] = e.n;
  return out;
}

// [{code, label, count, suggestion}], most frequent first.
Json reasons_json(const std::vector<ReasonShare>& reasons) {
  Json out = Json::array();
  for (const ReasonShare& r : reasons) {
    out.push_back(
        {{"code", r.code}, {"label", r.label}, {"count", r.count}, {"suggestion", r.suggestion}});
  }
  return out;
}

Json estimate_json(const MetricRow& row) {
  if (row.is_count) {
    // Whole counts print as integers; sums of money keep their decimals.
    const double v = row.estimate.value;
    if (v == static_cast<double>(static_cast<uint64_t>(v))) {
      return static_cast<uint64_t>(v);
    }
    return v;
  }
  return rate_json(row.estimate);
}

// A JSON object under construction whose keys are found through a hash
// index. ordered_json looks keys up by linear search, and a journey may have
// 10^5 touchpoints, each with rows of its own and per persona: the report
// would take minutes. Keys keep the order they were first met.
class JsonTree {
 public:
  Json value;  // what a node without children prints as

  JsonTree& operator[](const std::string& key) {
    const auto [it, added] = index_.try_emplace(key, children_.size());
    if (added) {
      children_.emplace_back(key, std::make_unique<JsonTree>());
    }
    return *children_[it->second].second;
  }

  // Follows a dotted path (`a.b.c`) down from this node.
  JsonTree& at_path(const std::string& dotted) {
    JsonTree* at = this;
    size_t start = 0;
    while (true) {
      const size_t dot = dotted.find('.', start);
      at = &(*at)[dotted.substr(start, dot - start)];
      if (dot == std::string::npos) {
        return *at;
      }
      start = dot + 1;
    }
  }

  Json build() && {
    if (children_.empty()) {
      return std::move(value);
    }
    Json out = Json::object();
    // The keys are unique by construction: append without ordered_map's
    // linear duplicate check.
    auto& pairs = static_cast<Json::object_t::Container&>(out.get_ref<Json::object_t&>());
    pairs.reserve(children_.size());
    for (auto& [key, child] : children_) {
      pairs.emplace_back(key, std::move(*child).build());
    }
    return out;
  }

 private:
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::pair<std::string, std::unique_ptr<JsonTree>>> children_;
};

// The node of a metric row: journey metrics under "metrics", the others
// under their entity (ids may contain dots, so they are not split).
JsonTree& row_node(JsonTree& doc, const MetricRow& row) {
  if (row.scope == "journey") {
    return doc["metrics"].at_path(row.metric);
  }
  return doc[row.scope == "stage"      ? "stages"
             : row.scope == "persona"  ? "personas"
             : row.scope == "resource" ? "resources"
                                       : "touchpoints"][row.entity]
      .at_path(row.metric);
}

// An experiment's arms after the first against it: the paired difference
// {value, ci95} and the A/B sample size per arm (null when there is none).
void add_effects(const ExperimentReport& x, JsonTree& node) {
  JsonTree& effects = node["effects"];
  effects.value = Json::object();
  for (const ArmEffect& e : x.effects) {
    Json difference;
    difference["value"] = e.conversion_rate.has_value() ? Json(e.conversion_rate.value) : Json();
    difference["ci95"] = e.conversion_rate.has_value()
                             ? Json{e.conversion_rate.low, e.conversion_rate.high}
                             : Json();
    effects[e.arm]["conversion_rate"].value = std::move(difference);
  }
  JsonTree& sizes = node["sample_size_per_arm"];
  sizes.value = Json::object();
  for (const ArmEffect& e : x.effects) {
    sizes[e.arm].value = e.sample_size_per_arm ? Json(*e.sample_size_per_arm) : Json();
  }
}

// Journey model 2's keys, only for a journey with steps, so a model-1
// journey's JSON keeps its bytes.
void add_steps(const RunReport& report, JsonTree& doc) {
  if (report.steps.empty()) {
    return;
  }
  doc["steps"].value = Json::object();
  for (const StepReport& s : report.steps) {
    JsonTree& node = doc["steps"][s.id];
    node["kind"].value = s.kind;
    node["arrivals"].value = s.arrivals;
    node["agents"].value = s.agents;
    node["cut_off"].value = s.cut_off;
    if (s.kind == "exit") {
      node["exits"].value = s.exits;
    }
    if (s.kind == "wait") {
      node["mean_hours"].value = s.mean_hours ? Json(*s.mean_hours) : Json(nullptr);
      node["returned"].value = s.returned;
    }
  }
  doc["experiments"].value = Json::object();
  for (const ExperimentReport& x : report.experiments) {
    JsonTree& arms = doc["experiments"][x.id]["arms"];
    for (const ArmReport& a : x.arms) {
      JsonTree& node = arms[a.name];
      node["agents"].value = a.agents;
      node["arrivals"].value = a.arrivals;
      node["converted"].value = a.converted;
      node["conversion_rate"].value = rate_json(a.conversion_rate);
    }
    add_effects(x, doc["experiments"][x.id]);
  }
}

// The run over calendar time, only for a journey with a calendar.
void add_series(const SeriesReport& series, JsonTree& doc) {
  if (series.empty()) {
    return;
  }
  JsonTree& node = doc["series"];
  node["bin_hours"].value = series.bin_hours;
  node["hours"].value = series.hours;
  node["times"].value = series.times;
  node["arrivals"].value = series.arrivals;
  node["conversions"].value = series.conversions;
  node["messages"].value = series.messages;
  node["resources"].value = Json::object();
  for (const ResourceSeries& r : series.resources) {
    node["resources"][r.id]["queue_length"].value = r.queue_length;
    node["resources"][r.id]["utilization"].value = r.utilization;
  }
}

}  // namespace

std::string render_json(const RunReport& report) {
  JsonTree doc;
  doc["schema"].value = "journeysim.run/3";
  doc["manifest"].value = manifest_detail::manifest_json(report.manifest);
  if (report.execution) {
    doc["execution"].value = manifest_detail::execution_json(*report.execution);
  }
  doc["scenario"].value = {{"name", report.name},
                           {"purpose", report.purpose},
                           {"type", report.type},
                           {"horizon_days", report.horizon_days},
                           {"max_steps", report.max_steps},
                           {"conversion_milestone", report.conversion}};
  doc["metrics"].value = Json::object();
  doc["stages"].value = Json::object();
  for (const StageReport& s : report.stages) {
    doc["stages"][s.id]["owner"].value = s.owner;
  }
  doc["touchpoints"].value = Json::object();
  for (const TouchpointReport& t : report.touchpoints) {
    JsonTree& node = doc["touchpoints"][t.id];
    node["name"].value = t.name;
    node["stage"].value = t.stage;
    node["channel"].value = t.channel;
    node["milestone"].value = t.milestone;
    node["exit"].value = t.exit;
    node["actions"].value = t.actions;
  }
  doc["personas"].value = Json::object();
  for (const PersonaReport& p : report.personas) {
    doc["personas"][p.id]["share"].value = p.share;
  }
  // Only a journey with queues has the key, so other journeys keep their bytes.
  for (const ResourceReport& r : report.resources) {
    JsonTree& node = doc["resources"][r.id];
    node["name"].value = r.name;
    node["capacity"].value = r.capacity;
    node["used_by"].value = r.used_by;
    node["waited"].value = r.waited;
    node["served"].value = r.served;
  }
  for (const MetricRow& row : metric_rows(report)) {
    if (row.scope == "step" || row.scope == "experiment") {
      continue;  // add_steps writes journey model 2's keys in their own shape
    }
    row_node(doc, row).value = estimate_json(row);
  }
  for (const TouchpointReport& t : report.touchpoints) {
    Json flows = Json::object();
    for (const auto& [to, count] : t.flows) {
      flows[to] = count;
    }
    JsonTree& node = doc["touchpoints"][t.id];
    node["drop_reasons"].value = reasons_json(t.reasons);
    node["lost_reasons"].value = reasons_json(t.lost_reasons);
    node["flows"].value = flows;
    node["exits"].value = t.exits;
    node["cut_off"].value = t.cut_off;
  }
  doc["metrics"]["endings"].value = {{"exited", report.journey.exited},
                                     {"dropped", report.journey.dropped},
                                     {"horizon", report.journey.horizon},
                                     {"step_limit", report.journey.step_limit}};
  Json opportunities = Json::array();
  for (const Opportunity& o : report.opportunities) {
    opportunities.push_back({{"touchpoint", o.touchpoint},
                             {"persona", o.persona},
                             {"problem", o.problem},
                             {"suggestion", o.suggestion},
                             {"impact", o.impact}});
  }
  doc["opportunities"].value = opportunities;
  add_steps(report, doc);
  add_series(report.series, doc);
  return std::move(doc).build().dump(2) + "\n";
}

}  // namespace journeysim
