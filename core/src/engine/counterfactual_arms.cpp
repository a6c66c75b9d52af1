#include "engine/counterfactual_arms.h"

#include "engine/block_runner.h"
#include "engine/forced_arm.h"
#include "journeysim/engine.h"

namespace journeysim {

struct CounterfactualArms::Forced {
  Forced(const SimulationModel& model, uint64_t seed)
      : steps(model.steps()), runner(model, seed, &steps), scratch(empty_tally(model)) {}

  ModelSteps steps;    // the model's, with this experiment's arm forced
  BlockRunner runner;  // reads `steps`, so is declared after it
  RunTally scratch;    // what the forced runs count besides the pairs
};

CounterfactualArms::CounterfactualArms(const SimulationModel& model, uint64_t seed)
    : steps_(model.steps()) {
  for (size_t x = 0; x < steps_.experiments.size(); ++x) {
    experiments_.push_back(std::make_unique<Forced>(model, seed));
  }
}

CounterfactualArms::~CounterfactualArms() = default;

void CounterfactualArms::set_calendar(const RunCalendar* calendar) {
  for (auto& forced : experiments_) {
    forced->runner.set_calendar(calendar);
  }
}

CounterfactualArms::ArmPasses CounterfactualArms::coupled_passes(const SimulationModel& model,
                                                                 uint64_t seed,
                                                                 const RunCalendar& calendar,
                                                                 uint64_t first_agent,
                                                                 uint64_t agents) {
  ArmPasses passes;
  ModelSteps forced = model.steps();
  for (uint32_t x = 0; x < forced.experiments.size(); ++x) {
    const uint32_t step = forced.experiments[x];
    auto& arms = passes.emplace_back();
    for (uint32_t k = 0; k < forced.steps[step].arm_cdf.size(); ++k) {
      force_arm(forced, x, k);
      arms.push_back(run_coupled_pass(model, seed, calendar, first_agent, agents, &forced));
    }
    forced = model.steps();
  }
  return passes;
}

void CounterfactualArms::run(uint64_t first_agent, uint32_t count, RunTally& tally) {
  first_.resize(count);
  for (uint32_t x = 0; x < experiments_.size(); ++x) {
    Forced& forced = *experiments_[x];
    const uint32_t step = steps_.experiments[x];
    StepTally& here = tally.steps[step];
    const auto arms = static_cast<uint32_t>(steps_.steps[step].arm_cdf.size());
    // The first arm first: every other arm is paired with it.
    for (uint32_t k = 0; k < arms; ++k) {
      force_arm(forced.steps, x, k);
      if (passes_ != nullptr) {
        forced.runner.set_queue_fates(&(*passes_)[x][k]->fates);
      }
      forced.runner.run(first_agent, count, forced.scratch);
      for (uint32_t i = 0; i < count; ++i) {
        const ArmOutcome outcome = forced.runner.outcome_in(i, x);
        if (k == 0) {
          first_[i] = outcome;
        }
        ++here.arm_pairs[StepTally::arm_pair(k, first_[i], outcome)];
      }
    }
  }
}

}  // namespace journeysim
