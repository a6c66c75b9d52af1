// Binding a scenario to its channels.
#include "journeysim/simulation_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace journeysim {
namespace {

uint32_t fnv1a32(const std::string& text) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash = (hash ^ c) * 16777619u;
  }
  return hash;
}

std::string format_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

const char* type_name(js_param_type type) {
  switch (type) {
    case JS_PARAM_INTEGER:
      return "an integer";
    case JS_PARAM_BOOLEAN:
      return "a boolean";
    case JS_PARAM_NUMBER:
      break;
  }
  return "a number";
}

const char* kind_name(ParamValue::Kind kind) {
  switch (kind) {
    case ParamValue::Kind::Integer:
      return "an integer";
    case ParamValue::Kind::Boolean:
      return "a boolean";
    case ParamValue::Kind::String:
      return "a string";
    case ParamValue::Kind::Number:
      break;
  }
  return "a number";
}

bool kind_fits(js_param_type type, ParamValue::Kind kind) {
  switch (type) {
    case JS_PARAM_NUMBER:
      return kind == ParamValue::Kind::Number || kind == ParamValue::Kind::Integer;
    case JS_PARAM_INTEGER:
      return kind == ParamValue::Kind::Integer;
    case JS_PARAM_BOOLEAN:
      return kind == ParamValue::Kind::Boolean;
  }
  return false;
}

// Resolves one touchpoint's params against its channel's declarations;
// appends a diagnostic per problem.
std::vector<double> resolve_params(const Touchpoint& tp, const Channel& channel,
                                   std::vector<Diagnostic>& problems) {
  const js_channel_descriptor& d = channel.descriptor();
  std::vector<double> values(d.param_count);
  for (uint32_t i = 0; i < d.param_count; ++i) {
    values[i] = d.params[i].default_value;
  }
  const std::string owner = "channel '" + channel.name() + "' " + channel.version();
  for (const auto& [key, value] : tp.params) {
    const int index = channel.find_param(key);
    if (index < 0) {
      auto names = channel.param_names();
      std::string known;
      for (const auto& n : names) {
        known += (known.empty() ? "" : ", ") + n;
      }
      problems.push_back({value.where,
                          "touchpoint '" + tp.id + "': unknown parameter '" + key +
                              "' for " + owner + did_you_mean(key, names) +
                              "; it accepts: " + (known.empty() ? "none" : known)});
      continue;
    }
    const js_param_spec& spec = d.params[index];
    if (!kind_fits(spec.type, value.kind)) {
      problems.push_back({value.where, "touchpoint '" + tp.id + "': parameter '" +
                                           key + "' must be " + type_name(spec.type) +
                                           ", got " + kind_name(value.kind)});
      continue;
    }
    if (spec.type != JS_PARAM_BOOLEAN &&
        (!std::isfinite(value.number) || value.number < spec.min_value ||
         value.number > spec.max_value)) {
      problems.push_back(
          {value.where, "touchpoint '" + tp.id + "': parameter '" + key + "' = " +
                            format_number(value.number) + " is outside [" +
                            format_number(spec.min_value) + ", " +
                            format_number(spec.max_value) + "] declared by " + owner});
      continue;
    }
    values[index] = value.number;
  }
  return values;
}

std::vector<double> cumulative(const std::vector<double>& weights) {
  std::vector<double> cdf(weights.size());
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double running = 0.0;
  for (size_t i = 0; i < weights.size(); ++i) {
    running += weights[i];
    cdf[i] = running / total;
  }
  if (!cdf.empty()) {
    cdf.back() = 1.0;  // no agent may fall off the end through rounding
  }
  return cdf;
}

double affinity(const Persona& persona, const std::string& channel) {
  auto it = persona.channels.find(channel);
  return it == persona.channels.end() ? kDefaultChannelAffinity : it->second;
}

double best_other_affinity(const Persona& persona, const std::string& channel) {
  double best = 0.0;
  for (const auto& [name, value] : persona.channels) {
    if (name != channel) {
      best = std::max(best, value);
    }
  }
  return best;
}

}  // namespace

SimulationModel::SimulationModel(Scenario scenario, const PluginCatalog& catalog)
    : scenario_(std::move(scenario)) {
  std::vector<Diagnostic> problems;
  for (const auto& tp : scenario_.touchpoints) {
    if (!tp.milestone.empty() &&
        std::find(milestones_.begin(), milestones_.end(), tp.milestone) ==
            milestones_.end()) {
      milestones_.push_back(tp.milestone);
    }
  }
  std::sort(milestones_.begin(), milestones_.end());

  touchpoints_.resize(scenario_.touchpoints.size());
  for (size_t t = 0; t < scenario_.touchpoints.size(); ++t) {
    const Touchpoint& tp = scenario_.touchpoints[t];
    ModelTouchpoint& m = touchpoints_[t];
    m.stage = tp.stage_index;
    m.stream_key = fnv1a32(tp.id);
    m.exit = tp.exit;
    if (!tp.milestone.empty()) {
      m.milestone = static_cast<int>(
          std::find(milestones_.begin(), milestones_.end(), tp.milestone) -
          milestones_.begin());
      m.converts = tp.milestone == scenario_.journey.conversion;
    }
    std::vector<double> weights;
    for (const Edge& e : tp.next) {
      m.edge_targets.push_back(e.target);
      m.edge_delay_hours.push_back(e.delay_hours);
      m.has_delays = m.has_delays || e.delay_hours > 0.0;
      weights.push_back(e.weight);
    }
    m.edge_cdf = cumulative(weights);
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    for (double w : weights) {
      m.edge_weights.push_back(w / total);
    }

    ChannelPtr channel = catalog.find(tp.channel);
    if (!channel) {
      auto names = catalog.names();
      std::string known;
      for (const auto& n : names) {
        known += (known.empty() ? "" : ", ") + n;
      }
      problems.push_back({tp.channel_where, "touchpoint '" + tp.id +
                                                "': unknown channel '" + tp.channel +
                                                "'" + did_you_mean(tp.channel, names) +
                                                "; available: " + known});
      continue;
    }
    const size_t before = problems.size();
    m.params = resolve_params(tp, *channel, problems);
    if (problems.size() != before) {
      continue;
    }
    for (const Persona& p : scenario_.personas) {
      m.personas.push_back({p.id.c_str(), p.patience, p.price_sensitivity,
                            p.tech_savvy, affinity(p, tp.channel),
                            best_other_affinity(p, tp.channel)});
    }
    m.uniforms = channel->descriptor().uniforms_per_interaction;
    m.reason_count = channel->descriptor().reason_count;
    const js_config_view view{tp.id.c_str(),
                              scenario_.stages[tp.stage_index].id.c_str(),
                              m.params.data(),
                              static_cast<uint32_t>(m.params.size()),
                              static_cast<uint32_t>(m.edge_weights.size()),
                              m.edge_weights.data()};
    try {
      m.channel = std::make_unique<ChannelInstance>(channel, view);
    } catch (const PluginError& e) {
      // The fix is in the scenario, so point at the touchpoint's params.
      problems.push_back({tp.params_where, e.diagnostics().front().message});
      continue;
    }
    if (std::find(channels_.begin(), channels_.end(), channel) == channels_.end()) {
      channels_.push_back(channel);
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  std::sort(channels_.begin(), channels_.end(),
            [](const ChannelPtr& a, const ChannelPtr& b) { return a->name() < b->name(); });

  std::vector<double> shares;
  for (const Persona& p : scenario_.personas) {
    shares.push_back(p.share);
  }
  persona_cdf_ = cumulative(shares);
  std::vector<double> entry_weights;
  for (size_t t = 0; t < scenario_.touchpoints.size(); ++t) {
    if (scenario_.touchpoints[t].entry > 0.0) {
      entries_.push_back(static_cast<uint32_t>(t));
      entry_weights.push_back(scenario_.touchpoints[t].entry);
    }
  }
  entry_cdf_ = cumulative(entry_weights);
}

std::vector<std::string> SimulationModel::reason_codes(uint32_t t) const {
  std::vector<std::string> codes;
  const auto& d = touchpoints_[t].channel->channel().descriptor();
  for (uint32_t r = 0; r < d.reason_count; ++r) {
    codes.emplace_back(d.reasons[r].code);
  }
  codes.emplace_back("horizon");
  codes.emplace_back("step_limit");
  return codes;
}

std::vector<std::string> SimulationModel::reason_labels(uint32_t t) const {
  std::vector<std::string> labels;
  const auto& d = touchpoints_[t].channel->channel().descriptor();
  for (uint32_t r = 0; r < d.reason_count; ++r) {
    labels.emplace_back(d.reasons[r].label);
  }
  labels.emplace_back("journey horizon reached");
  labels.emplace_back("step limit reached");
  return labels;
}

std::vector<std::string> SimulationModel::reason_suggestions(uint32_t t) const {
  std::vector<std::string> out;
  const auto& d = touchpoints_[t].channel->channel().descriptor();
  for (uint32_t r = 0; r < d.reason_count; ++r) {
    out.emplace_back(d.reasons[r].suggestion);
  }
  out.emplace_back("shorten the path or lengthen horizon_days");
  out.emplace_back("check for loops that customers cannot leave");
  return out;
}

}  // namespace journeysim
