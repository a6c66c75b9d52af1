#include "plugins/touchpoint_binding.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>
#include <string>

namespace journeysim {
namespace {

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

void bind_events(const Channel& channel, ModelTouchpoint& m) {
  m.events = &channel.events();
  if (channel.events().reason_selects_success()) {
    m.success_reason_limit = static_cast<uint32_t>(channel.events().success_events().size());
  }
}

ChannelPtr bind_touchpoint(const Scenario& scenario, const Touchpoint& tp,
                           const PluginCatalog& catalog, ModelTouchpoint& m,
                           std::vector<Diagnostic>& problems) {
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
    return nullptr;
  }
  const size_t before = problems.size();
  m.params = resolve_params(tp, *channel, problems);
  if (problems.size() != before) {
    return nullptr;
  }
  for (const Persona& p : scenario.personas) {
    m.personas.push_back({p.id.c_str(), p.patience, p.price_sensitivity,
                          p.tech_savvy, affinity(p, tp.channel),
                          best_other_affinity(p, tp.channel)});
  }
  m.uniforms = channel->descriptor().uniforms_per_interaction;
  m.reason_count = channel->descriptor().reason_count;
  bind_events(*channel, m);
  const js_config_view view{tp.id.c_str(),
                            scenario.stages[tp.stage_index].id.c_str(),
                            m.params.data(),
                            static_cast<uint32_t>(m.params.size()),
                            static_cast<uint32_t>(m.edge_weights.size()),
                            m.edge_weights.data()};
  try {
    m.channel = std::make_unique<ChannelInstance>(channel, view);
  } catch (const PluginError& e) {
    // The fix is in the scenario, so point at the touchpoint's params.
    problems.push_back({tp.params_where, e.diagnostics().front().message});
    return nullptr;
  }
  return channel;
}

}  // namespace journeysim
