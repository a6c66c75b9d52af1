#include "engine/step_binding.h"

#include <algorithm>
#include <numeric>

#include "steps/agent_memory.h"
#include "steps/race.h"

namespace journeysim {
namespace {

void collect(std::vector<Diagnostic>& into, const InputError& error) {
  into.insert(into.end(), error.diagnostics().begin(), error.diagnostics().end());
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    out += (out.empty() ? "" : ", ") + n;
  }
  return out;
}

AttributeType type_of(const ParamValue& value) {
  switch (value.kind) {
    case ParamValue::Kind::Boolean:
      return AttributeType::Bool;
    case ParamValue::Kind::String:
      return AttributeType::Text;
    case ParamValue::Kind::Number:
    case ParamValue::Kind::Integer:
      break;
  }
  return AttributeType::Number;
}

const char* type_name(AttributeType type) {
  switch (type) {
    case AttributeType::Bool:
      return "true/false";
    case AttributeType::Text:
      return "text";
    case AttributeType::Number:
      break;
  }
  return "a number";
}

template <class Attributes>
auto find_attribute(Attributes& attributes, const std::string& name) {
  return std::find_if(attributes.begin(), attributes.end(),
                      [&name](const ConditionAttribute& a) { return a.name == name; });
}

// The names conditions may use: personas, every node (touchpoints with their
// channel's events), and the attributes `update` steps set, each with one
// type across the journey (a second type is an error where it is set).
ConditionContext condition_context(const Scenario& scenario,
                                   const std::vector<ModelTouchpoint>& touchpoints,
                                   std::vector<Diagnostic>& problems) {
  ConditionContext context;
  for (const Persona& p : scenario.personas) {
    context.personas.push_back(p.id);
  }
  for (size_t t = 0; t < scenario.touchpoints.size(); ++t) {
    const Touchpoint& tp = scenario.touchpoints[t];
    const ModelTouchpoint& m = touchpoints[t];
    context.nodes.push_back({tp.id, !tp.condition_events.empty() ? tp.condition_events
                                    : m.events != nullptr        ? m.event_names()
                                                                 : std::vector<std::string>{}});
  }
  std::vector<SourceLocation> first_set;  // by attribute: where its type was fixed
  for (const Step& step : scenario.steps) {
    context.nodes.push_back({step.id, {}});
    for (const auto& [name, value] : step.set) {
      auto it = find_attribute(context.attributes, name);
      if (it == context.attributes.end()) {
        context.attributes.push_back({name, type_of(value), {}});
        first_set.push_back(value.where);
        it = context.attributes.end() - 1;
      } else if (it->type != type_of(value)) {
        problems.push_back(
            {value.where, "step '" + step.id + "': attribute '" + name + "' is set to " +
                              type_name(type_of(value)) + " here but to " + type_name(it->type) +
                              " at " +
                              first_set[static_cast<size_t>(it - context.attributes.begin())]
                                  .to_string() +
                              "; an attribute has one type"});
        continue;
      }
      if (it->type == AttributeType::Text &&
          std::find(it->values.begin(), it->values.end(), value.text) == it->values.end()) {
        it->values.push_back(value.text);
      }
    }
  }
  return context;
}


void bind_edges(const std::vector<Edge>& next, ModelStep& m) {
  std::vector<double> weights;
  for (const Edge& e : next) {
    m.edge_targets.push_back(e.target);
    m.edge_delay_hours.push_back(e.delay_hours);
    m.has_delays = m.has_delays || e.delay_hours > 0.0;
    weights.push_back(e.weight);
  }
  m.edge_cdf = cumulative_weights(weights);
}

void bind_update(const Step& step, const ConditionContext& context, ModelStep& m) {
  for (const auto& [name, value] : step.set) {
    const auto it = find_attribute(context.attributes, name);
    const auto index = static_cast<uint32_t>(it - context.attributes.begin());
    double code = value.number;
    if (it->type == AttributeType::Bool) {
      code = attribute_code(value.number != 0.0);
    } else if (it->type == AttributeType::Text) {
      code = static_cast<double>(
          std::find(it->values.begin(), it->values.end(), value.text) - it->values.begin());
    }
    m.sets.push_back({index, code});
  }
}

ModelStep bind_step(const Step& step, const ConditionContext& context,
                    std::vector<Diagnostic>& problems) {
  ModelStep m;
  m.kind = step.kind;
  m.stream_key = node_stream_key(step.id);
  m.stage = step.stage_index;
  bind_edges(step.next, m);
  try {
    switch (step.kind) {
      case Step::Kind::Wait:
        m.wait = wait_duration(step.wait_for);
        m.window = step.window;
        for (const Race& r : step.race) {
          m.race_rates.push_back(check_race_rate(r.rate_per_day, r.rate_where));
          m.race_targets.push_back(r.to.index);
        }
        break;
      case Step::Kind::Split:
        for (const Branch& b : step.branches) {
          m.branch_targets.push_back(b.to.index);
          if (b.when.empty()) {
            continue;
          }
          SourceLocation text_start = b.when_where;
          if (text_start.column != 0) {
            ++text_start.column;  // past the opening quote
          }
          try {
            m.conditions.push_back(compile_condition_at(b.when, context, text_start));
          } catch (const InputError& e) {
            collect(problems, e);
          }
        }
        break;
      case Step::Kind::Experiment: {
        std::vector<double> weights;
        for (const Arm& a : step.arms) {
          weights.push_back(a.weight);
          m.arm_targets.push_back(a.to.index);
          m.arm_names.push_back(a.name);
        }
        m.arm_cdf = cumulative_weights(weights);
        break;
      }
      case Step::Kind::Update:
        bind_update(step, context, m);
        break;
      case Step::Kind::Exit:
        m.reason = step.reason;
        break;
    }
  } catch (const InputError& e) {
    collect(problems, e);
  }
  return m;
}

}  // namespace

WaitDuration wait_duration(const WaitTime& w) {
  if (w.distribution == WaitTime::Distribution::Fixed) {
    return fixed_wait(w.fixed.text, w.fixed.where);
  }
  WaitDistributionFields fields;
  fields.table = w.where;
  auto field = [](const DurationText& d) { return WaitField{d.text, d.where}; };
  switch (w.distribution) {
    case WaitTime::Distribution::Lognormal:
      fields.distribution = WaitField{"lognormal", w.where};
      fields.median = field(w.median);
      fields.p90 = field(w.p90);
      break;
    case WaitTime::Distribution::Exponential:
      fields.distribution = WaitField{"exponential", w.where};
      fields.mean = field(w.mean);
      break;
    case WaitTime::Distribution::Uniform:
      fields.distribution = WaitField{"uniform", w.where};
      fields.min = field(w.min);
      fields.max = field(w.max);
      break;
    case WaitTime::Distribution::Fixed:
      break;  // handled above
  }
  return wait_from_fields(fields);
}

uint32_t node_stream_key(const std::string& id) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : id) {
    hash = (hash ^ c) * 16777619u;
  }
  return hash;
}

std::vector<double> cumulative_weights(const std::vector<double>& weights) {
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

void bind_event_routes(const Touchpoint& tp, ModelTouchpoint& m,
                       std::vector<Diagnostic>& problems) {
  if (tp.on.empty() || m.events == nullptr) {
    return;
  }
  const std::vector<std::string>& names = m.event_names();
  m.event_targets.assign(names.size(), kNoRoute);
  for (const EventRoute& route : tp.on) {
    // The host's own event: a message a frequency cap skipped.
    if (route.event == "capped" && !m.caps.empty() &&
        std::find(names.begin(), names.end(), route.event) == names.end()) {
      m.capped_target = route.to.index;
      continue;
    }
    const auto it = std::find(names.begin(), names.end(), route.event);
    if (it == names.end()) {
      problems.push_back({route.event_where,
                          "touchpoint '" + tp.id + "': channel '" + tp.channel +
                              "' has no event '" + route.event + "'" +
                              did_you_mean(route.event, names) + "; its events: " +
                              joined(names) +
                              (route.event == "capped"
                                   ? " (`capped` is the host's, for a touchpoint a "
                                     "[policies] frequency_cap counts)"
                                   : "")});
      continue;
    }
    m.event_targets[static_cast<size_t>(it - names.begin())] = route.to.index;
  }
}

std::shared_ptr<const ModelSteps> bind_steps(const Scenario& scenario,
                                             const std::vector<ModelTouchpoint>& touchpoints,
                                             std::vector<Diagnostic>& problems) {
  auto steps = std::make_shared<ModelSteps>();
  steps->context = condition_context(scenario, touchpoints, problems);
  for (size_t s = 0; s < scenario.steps.size(); ++s) {
    const Step& step = scenario.steps[s];
    steps->steps.push_back(bind_step(step, steps->context, problems));
    if (step.kind == Step::Kind::Experiment) {
      steps->steps.back().experiment = static_cast<uint32_t>(steps->experiments.size());
      steps->experiments.push_back(static_cast<uint32_t>(s));
    }
  }
  return steps;
}

}  // namespace journeysim
