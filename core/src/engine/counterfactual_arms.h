// The counterfactual runs behind experiments' paired effects (issue 17):
// every block of agents a worker runs is walked again once per arm of each
// experiment, that arm forced on everyone (forced_arm.h), on the same random
// numbers; each agent's outcome under the first arm and under each arm is
// counted in pairs (StepTally::arm_pairs). Whatever else the forced runs
// count is thrown away; they show no progress and no trace.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/coupled_pass.h"
#include "engine/model_steps.h"
#include "journeysim/simulation_model.h"
#include "journeysim/tally.h"

namespace journeysim {

class CounterfactualArms {
 public:
  /// For a model with experiments (model.steps().experiments not empty).
  CounterfactualArms(const SimulationModel& model, uint64_t seed);
  ~CounterfactualArms();

  /// A journey with queues: the coupled passes of every forced arm (by
  /// experiment, then arm), each the world where everyone gets that arm.
  using ArmPasses = std::vector<std::vector<std::shared_ptr<const CoupledPass>>>;
  static ArmPasses coupled_passes(const SimulationModel& model, uint64_t seed,
                                  const RunCalendar& calendar, uint64_t first_agent,
                                  uint64_t agents);
  /// The forced runs keep the run's calendar (which must outlive this).
  void set_calendar(const RunCalendar* calendar);
  /// The forced runs replay `passes` (which must outlive this).
  void couple(const ArmPasses* passes) { passes_ = passes; }

  /// Walks agents [first_agent, first_agent + count), one block as
  /// BlockRunner::run takes it, through every arm of every experiment and
  /// adds the pairs to `tally` (shaped by empty_tally).
  void run(uint64_t first_agent, uint32_t count, RunTally& tally);

 private:
  struct Forced;  // one experiment's forced steps, their runner, a scratch tally
  const ModelSteps& steps_;
  std::vector<std::unique_ptr<Forced>> experiments_;  // by experiment index
  std::vector<ArmOutcome> first_;  // by block position: under the first arm
  const ArmPasses* passes_ = nullptr;
};

}  // namespace journeysim
