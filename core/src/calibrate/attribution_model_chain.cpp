// A journey's removal-effect chain: its `fixed` touchpoints and the steps
// between them as the states of one absorbing Markov chain. Steps are not
// channels: they belong to no group, are never removed, and customers pass
// through them — a wait or an update is a move (time is not part of the
// chain), a race a branch with the probability that a return comes first, an
// experiment a branch by its arm weights, an exit an end. A split is a sure
// move once the persona is known, so when a split reads the persona the
// chain holds one copy of the journey per persona, entered by its share.
// What a chain cannot hold — a plugin's behaviour, a split on the customer's
// history, an arm kept across a second visit — is an obstacle, and the
// journey is simulated instead.
#include <algorithm>

#include "calibrate/attribution_internal.h"
#include "engine/model_steps.h"
#include "scenario/node_graph.h"
#include "steps/race.h"

namespace journeysim {
namespace {

// How likely each entry of a cumulative distribution is.
std::vector<double> shares_of(const std::vector<double>& cdf) {
  std::vector<double> out;
  double below = 0.0;
  for (double c : cdf) {
    out.push_back(c - below);
    below = c;
  }
  return out;
}

bool reads_history(const CompiledCondition& c) { return (c.reads & ~uint32_t{kReadsPersona}) != 0; }

bool splits_read_persona(const ModelSteps& steps) {
  return std::any_of(steps.steps.begin(), steps.steps.end(), [](const ModelStep& st) {
    return std::any_of(st.conditions.begin(), st.conditions.end(), [](const CompiledCondition& c) {
      return (c.reads & kReadsPersona) != 0;
    });
  });
}

uint32_t event_index(const ModelTouchpoint& tp, const std::string& name) {
  const std::vector<std::string>& names = tp.event_names();
  return static_cast<uint32_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// The node an `on` entry routes event `name` to, or kNoRoute.
uint32_t routed(const ModelTouchpoint& tp, const std::string& name) {
  const uint32_t e = event_index(tp, name);
  return e < tp.event_targets.size() ? tp.event_targets[e] : kNoRoute;
}

// A visit of a `fixed` touchpoint: it passes (converting when its milestone
// is the conversion) with 1 - drop, then goes where `on` routes `continued`,
// else along `next` (or ends, when it has none); a drop goes where `on`
// routes `dropped`, else ends.
void add_touchpoint(const ModelTouchpoint& tp, uint32_t offset, uint32_t state,
                    AttributionChain& chain) {
  // The fixed channel's parameters, in declaration order: drop, hours,
  // effort, emotion, value.
  const double drop = tp.params.at(0);
  const double pass = 1.0 - drop;
  chain.convert[state] = tp.converts ? pass : 0.0;
  chain.gain[state] = pass * tp.params.at(4);
  std::vector<ChainMove>& moves = chain.moves[state];
  if (const uint32_t to = routed(tp, "continued"); to != kNoRoute) {
    moves.push_back({offset + to, pass, tp.converts});
  } else {
    for (size_t e = 0; e < tp.edge_targets.size(); ++e) {
      moves.push_back({offset + tp.edge_targets[e], pass * tp.edge_weights[e], tp.converts});
    }
  }
  if (const uint32_t to = routed(tp, "dropped"); to != kNoRoute) {
    moves.push_back({offset + to, drop, false});
  }
}

void add_branches(const std::vector<uint32_t>& targets, const std::vector<double>& shares,
                  double scale, uint32_t offset, std::vector<ChainMove>& moves) {
  for (size_t k = 0; k < targets.size(); ++k) {
    moves.push_back({offset + targets[k], scale * shares[k], false});
  }
}

// A visit of a step by a customer of persona `persona`.
void add_step(const ModelStep& st, uint32_t persona, uint32_t offset, uint32_t state,
              AttributionChain& chain) {
  std::vector<ChainMove>& moves = chain.moves[state];
  switch (st.kind) {
    case Step::Kind::Wait: {
      double returned = 0.0;
      if (!st.race_rates.empty()) {
        returned = race_return_probability(st.wait, st.race_rates);
        double total = 0.0;
        for (double r : st.race_rates) {
          total += r;
        }
        if (total > 0.0) {
          for (size_t k = 0; k < st.race_targets.size(); ++k) {
            moves.push_back(
                {offset + st.race_targets[k], returned * st.race_rates[k] / total, false});
          }
        }
      }
      add_branches(st.edge_targets, shares_of(st.edge_cdf), 1.0 - returned, offset, moves);
      break;
    }
    case Step::Kind::Update:
      add_branches(st.edge_targets, shares_of(st.edge_cdf), 1.0, offset, moves);
      break;
    case Step::Kind::Experiment:
      add_branches(st.arm_targets, shares_of(st.arm_cdf), 1.0, offset, moves);
      break;
    case Step::Kind::Split: {
      AgentMemoryView customer;
      customer.persona = persona;
      size_t branch = 0;
      while (branch < st.conditions.size() &&
             !evaluate_condition(st.conditions[branch], customer)) {
        ++branch;
      }
      moves.push_back({offset + st.branch_targets[branch], 1.0, false});
      break;
    }
    case Step::Kind::Exit:
      break;
  }
}

}  // namespace

std::optional<Diagnostic> exact_attribution_obstacle(const SimulationModel& model) {
  const Scenario& s = model.scenario();
  for (const Touchpoint& tp : s.touchpoints) {
    if (tp.channel != "fixed") {
      return Diagnostic{tp.channel_where,
                        "touchpoint '" + tp.id + "' uses channel '" + tp.channel + "'"};
    }
  }
  for (size_t k = 0; k < s.steps.size(); ++k) {
    const Step& step = s.steps[k];
    const ModelStep& st = model.steps().steps[k];
    for (size_t c = 0; c < st.conditions.size(); ++c) {
      if (reads_history(st.conditions[c])) {
        return Diagnostic{step.branches[c].when_where,
                          "split '" + step.id + "' reads the customer's history (when = \"" +
                              step.branches[c].when + "\")"};
      }
    }
    const auto node = static_cast<uint32_t>(s.touchpoints.size() + k);
    if (step.kind == Step::Kind::Experiment &&
        scenario::reachable_from(scenario::node_successors(s), node)[node]) {
      return Diagnostic{step.where, "experiment '" + step.id +
                                        "' can be entered again, and a customer keeps their arm"};
    }
  }
  return std::nullopt;
}

AttributionChain chain_from_model(const SimulationModel& model) {
  if (const std::optional<Diagnostic> obstacle = exact_attribution_obstacle(model)) {
    throw InputError(obstacle->where, obstacle->message +
                                          ": exact attribution cannot solve this journey "
                                          "(use --simulate)");
  }
  const Scenario& s = model.scenario();
  const auto touchpoints = static_cast<uint32_t>(s.touchpoints.size());
  const auto nodes = static_cast<uint32_t>(s.node_count());
  // One copy of the journey per persona only when a split tells them apart.
  const std::vector<double> personas = splits_read_persona(model.steps())
                                           ? shares_of(model.persona_cdf())
                                           : std::vector<double>{1.0};
  const auto states = static_cast<size_t>(nodes) * personas.size();
  AttributionChain chain;
  chain.customers = static_cast<double>(s.journey.agents);
  chain.group.resize(states);
  chain.entry.assign(states, 0.0);
  chain.convert.assign(states, 0.0);
  chain.moves.resize(states);
  chain.gain.assign(states, 0.0);
  const std::vector<double> entries = shares_of(model.entry_cdf());
  for (uint32_t p = 0; p < personas.size(); ++p) {
    const uint32_t offset = p * nodes;
    for (size_t k = 0; k < entries.size(); ++k) {
      chain.entry[offset + model.entry_touchpoints()[k]] += personas[p] * entries[k];
    }
    for (uint32_t t = 0; t < touchpoints; ++t) {
      chain.group[offset + t] = touchpoint_group(s.touchpoints[t]);
      add_touchpoint(model.touchpoints()[t], offset, offset + t, chain);
    }
    for (uint32_t node = touchpoints; node < nodes; ++node) {
      add_step(model.steps().steps[node - touchpoints], p, offset, offset + node, chain);
    }
  }
  return chain;
}

}  // namespace journeysim
