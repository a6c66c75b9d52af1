// A scenario made ready to run: stream keys, milestones, cumulative weights
// of edges, personas and entries, and each touchpoint bound to its channel
// by the plugin host (plugins/touchpoint_binding.h).
#include "journeysim/simulation_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "engine/arm_streams.h"
#include "engine/model_queues.h"
#include "engine/model_steps.h"
#include "engine/step_binding.h"
#include "plugins/touchpoint_binding.h"

namespace journeysim {

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
    m.stream_key = node_stream_key(tp.id);
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
    m.edge_cdf = cumulative_weights(weights);
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    for (double w : weights) {
      m.edge_weights.push_back(w / total);
    }

    ChannelPtr channel = bind_touchpoint(scenario_, tp, catalog, m, problems);
    if (!channel) {
      continue;
    }
    const auto& caps = scenario_.policies.frequency_caps;
    for (size_t c = 0; c < caps.size(); ++c) {
      const auto& names = caps[c].channels;
      if (std::find(names.begin(), names.end(), tp.channel) != names.end() ||
          (!tp.via.empty() && std::find(names.begin(), names.end(), tp.via) != names.end())) {
        m.caps.push_back(static_cast<uint32_t>(c));
      }
    }
    bind_event_routes(tp, m, problems);
    if (std::find(channels_.begin(), channels_.end(), channel) == channels_.end()) {
      channels_.push_back(channel);
    }
  }
  // Conditions name touchpoints' events, so steps are bound only once every
  // touchpoint is.
  if (problems.empty()) {
    steps_ = bind_steps(scenario_, touchpoints_, problems);
  }
  share_arm_streams(scenario_, touchpoints_);
  queues_ = bind_queues(scenario_, touchpoints_, problems);
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  std::sort(channels_.begin(), channels_.end(),
            [](const ChannelPtr& a, const ChannelPtr& b) { return a->name() < b->name(); });

  std::vector<double> shares;
  for (const Persona& p : scenario_.personas) {
    shares.push_back(p.share);
  }
  persona_cdf_ = cumulative_weights(shares);
  std::vector<double> entry_weights;
  for (size_t t = 0; t < scenario_.touchpoints.size(); ++t) {
    if (scenario_.touchpoints[t].entry > 0.0) {
      entries_.push_back(static_cast<uint32_t>(t));
      entry_weights.push_back(scenario_.touchpoints[t].entry);
    }
  }
  entry_cdf_ = cumulative_weights(entry_weights);
}

bool SimulationModel::has_calendar() const {
  const Scenario& s = scenario_;
  const bool windows =
      std::any_of(s.touchpoints.begin(), s.touchpoints.end(),
                  [](const Touchpoint& t) { return t.window.has_value(); }) ||
      std::any_of(s.steps.begin(), s.steps.end(),
                  [](const Step& t) { return t.window.has_value(); });
  return coupled() || windows || s.arrivals.kind != ArrivalPattern::Kind::AtStart ||
         !s.arrivals.bursts.empty() || !s.policies.frequency_caps.empty() ||
         !s.journey.start_where.file.empty();
}

double SimulationModel::series_bin_hours() const {
  return scenario_.journey.horizon_days <= 14.0 ? 1.0 : 24.0;
}

std::vector<std::string> SimulationModel::reason_codes(uint32_t t) const {
  std::vector<std::string> codes;
  const auto& d = touchpoints_[t].channel->channel().descriptor();
  for (uint32_t r = 0; r < d.reason_count; ++r) {
    codes.emplace_back(d.reasons[r].code);
  }
  codes.emplace_back("horizon");
  codes.emplace_back("step_limit");
  codes.emplace_back("ended");
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
  labels.emplace_back("journey ended here without converting");
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
  out.emplace_back("give customers who end here a way on to the conversion");
  return out;
}

}  // namespace journeysim
