// The steps of a journey (wait, split, experiment, update, exit) made ready
// to run: durations in hours, conditions compiled, weights cumulative. Built
// once by the binder (step_binding.cpp), shared read-only by all workers.
// Internal to the core: the public SimulationModel only forward-declares it.
#pragma once

#include <cstdint>
#include <string>
#include <optional>
#include <vector>

#include "journeysim/scenario.h"
#include "steps/condition.h"
#include "steps/duration.h"

namespace journeysim {

/// One `update` assignment: attribute index and its value's code
/// (steps/agent_memory.h: attribute_code or a text value's index).
struct AttributeSet {
  uint32_t attribute = 0;
  double code = 0;
};

struct ModelStep {
  Step::Kind kind = Step::Kind::Exit;
  uint32_t stream_key = 0;          // hash of the id, as for touchpoints
  uint32_t stage = Step::kNoStage;  // a stage index, or none
  // Wait and update: where they go next.
  std::vector<uint32_t> edge_targets;
  std::vector<double> edge_cdf;          // cumulative, last = 1
  std::vector<double> edge_delay_hours;  // mean gap before each target
  bool has_delays = false;
  // Wait.
  WaitDuration wait;
  std::optional<SendWindow> window;  // the wait lasts on until it is open
  std::vector<double> race_rates;     // per day
  std::vector<uint32_t> race_targets;
  // Split: one condition per branch but the last (the default).
  std::vector<CompiledCondition> conditions;
  std::vector<uint32_t> branch_targets;
  // Experiment.
  uint32_t experiment = 0;  // index into ModelSteps::experiments
  std::vector<double> arm_cdf;
  std::vector<uint32_t> arm_targets;
  std::vector<std::string> arm_names;
  // Update.
  std::vector<AttributeSet> sets;
  // Exit.
  std::string reason;

  /// Whether an agent here needs random draws (ModelSteps::kDraws of them).
  bool draws() const {
    return kind == Step::Kind::Experiment ||
           ((kind == Step::Kind::Wait || kind == Step::Kind::Update) &&
            (edge_cdf.size() > 1 || has_delays ||
             (kind == Step::Kind::Wait &&
              (wait.distribution != WaitDistribution::Fixed || !race_rates.empty()))));
  }
};

struct ModelSteps {
  /// Uniforms an agent draws at a step: [0] the wait or the arm, [1] and
  /// [2] the race, [3] the edge, [4] the edge's gap.
  static constexpr uint32_t kDraws = 8;

  std::vector<ModelStep> steps;     // by step index (node - touchpoints)
  std::vector<uint32_t> experiments;  // step index of each experiment
  ConditionContext context;         // the names conditions were compiled against
};

}  // namespace journeysim
