#include <nlohmann/json.hpp>

#include "journeysim/report_writers.h"

namespace journeysim {
namespace {

using Json = nlohmann::ordered_json;

Json estimate_json(const MetricRow& row) {
  if (row.is_count) {
    // Whole counts print as integers; sums of money keep their decimals.
    const double v = row.estimate.value;
    if (v == static_cast<double>(static_cast<uint64_t>(v))) {
      return static_cast<uint64_t>(v);
    }
    return v;
  }
  Json out;
  if (!row.estimate.has_value()) {
    out["value"] = nullptr;
    out["ci95"] = nullptr;
    out["n"] = 0;
    return out;
  }
  out["value"] = row.estimate.value;
  out["ci95"] = {row.estimate.low, row.estimate.high};
  out["n"] = row.estimate.n;
  return out;
}

// Places a metric at its dotted path inside `node`.
void place(Json& node, const std::string& dotted, Json value) {
  Json* at = &node;
  size_t start = 0;
  while (true) {
    const size_t dot = dotted.find('.', start);
    const std::string key = dotted.substr(start, dot - start);
    if (dot == std::string::npos) {
      (*at)[key] = std::move(value);
      return;
    }
    at = &(*at)[key];
    start = dot + 1;
  }
}

}  // namespace

std::string render_json(const RunReport& report) {
  Json doc;
  doc["schema"] = "journeysim.run/1";
  doc["journeysim_version"] = report.journeysim_version;
  doc["engine_version"] = report.engine_version;
  doc["scenario"] = {{"name", report.name},
                     {"purpose", report.purpose},
                     {"type", report.type},
                     {"hash", report.hash},
                     {"files", report.files},
                     {"horizon_days", report.horizon_days},
                     {"conversion_milestone", report.conversion}};
  doc["run"] = {{"seed", report.seed}, {"agents", report.agents}, {"max_steps", report.max_steps}};
  Json plugins = Json::array();
  for (const auto& [name, version] : report.plugins) {
    plugins.push_back({{"name", name}, {"version", version}});
  }
  doc["plugins"] = plugins;
  doc["metrics"] = Json::object();
  doc["stages"] = Json::object();
  for (const StageReport& s : report.stages) {
    doc["stages"][s.id] = {{"owner", s.owner}};
  }
  doc["touchpoints"] = Json::object();
  for (const TouchpointReport& t : report.touchpoints) {
    doc["touchpoints"][t.id] = {{"name", t.name},       {"stage", t.stage},
                                {"channel", t.channel}, {"milestone", t.milestone},
                                {"exit", t.exit},       {"actions", t.actions}};
  }
  doc["personas"] = Json::object();
  for (const PersonaReport& p : report.personas) {
    doc["personas"][p.id] = {{"share", p.share}};
  }
  for (const MetricRow& row : metric_rows(report)) {
    if (row.scope == "journey") {
      place(doc["metrics"], row.path, estimate_json(row));
    } else {
      place(doc, row.path, estimate_json(row));
    }
  }
  for (const TouchpointReport& t : report.touchpoints) {
    Json reasons = Json::array();
    for (const ReasonShare& r : t.reasons) {
      reasons.push_back({{"code", r.code},
                         {"label", r.label},
                         {"count", r.count},
                         {"suggestion", r.suggestion}});
    }
    Json flows = Json::object();
    for (const auto& [to, count] : t.flows) {
      flows[to] = count;
    }
    auto& node = doc["touchpoints"][t.id];
    node["drop_reasons"] = reasons;
    node["flows"] = flows;
    node["exits"] = t.exits;
    node["cut_off"] = t.cut_off;
  }
  Json ends = {{"exited", report.journey.exited},
               {"dropped", report.journey.dropped},
               {"horizon", report.journey.horizon},
               {"step_limit", report.journey.step_limit}};
  doc["metrics"]["endings"] = ends;
  Json opportunities = Json::array();
  for (const Opportunity& o : report.opportunities) {
    opportunities.push_back({{"touchpoint", o.touchpoint},
                             {"persona", o.persona},
                             {"problem", o.problem},
                             {"suggestion", o.suggestion},
                             {"impact", o.impact}});
  }
  doc["opportunities"] = opportunities;
  return doc.dump(2) + "\n";
}

}  // namespace journeysim
