// run_agents: the agents of a run, spread over worker threads in blocks.
#include "journeysim/engine.h"

#include <vector>

#include "engine/block_runner.h"
#include "engine/block_scheduler.h"
#include "engine/counterfactual_arms.h"
#include "engine/coupled_pass.h"
#include "engine/run_calendar.h"
#include "engine/model_steps.h"

namespace journeysim {

// 2: survey noise from the SDK's Box-Muller pair (sdk::standard_normal_pair),
// so CSAT and NPS answers of every run changed.
const char* engine_version() { return "2"; }

RunTally empty_tally(const SimulationModel& model) {
  const auto& scenario = model.scenario();
  const size_t stages = scenario.stages.size();
  const size_t touchpoints = scenario.touchpoints.size();
  RunTally tally;
  tally.journey.milestones.resize(model.milestones().size());
  tally.stages.resize(stages);
  tally.touchpoints.resize(touchpoints);
  for (size_t t = 0; t < touchpoints; ++t) {
    const ModelTouchpoint& tp = model.touchpoints()[t];
    tally.touchpoints[t].reasons.resize(tp.reason_count + kCutoffCount);
    tally.touchpoints[t].lost_reasons.resize(tp.reason_count + kEndedReason + 1);
    tally.touchpoints[t].edges.resize(tp.edge_targets.size());
  }
  tally.steps.resize(scenario.steps.size());
  for (const uint32_t s : model.steps().experiments) {
    const size_t arms = scenario.steps[s].arms.size();
    tally.steps[s].arm_agents.resize(arms);
    tally.steps[s].arm_arrivals.resize(arms);
    tally.steps[s].arm_converted.resize(arms);
    tally.steps[s].arm_pairs.resize(arms * kArmOutcomes * kArmOutcomes);
  }
  tally.resources.resize(scenario.resources.size());
  tally.personas.resize(scenario.personas.size());
  for (PersonaTally& p : tally.personas) {
    p.journey.milestones.resize(model.milestones().size());
    p.stages.resize(stages);
    p.touchpoints.resize(touchpoints);
    for (size_t t = 0; t < touchpoints; ++t) {
      const uint32_t reasons = model.touchpoints()[t].reason_count;
      p.touchpoints[t].reasons.resize(reasons + kCutoffCount);
      p.touchpoints[t].lost_reasons.resize(reasons + kEndedReason + 1);
    }
  }
  return tally;
}

Population population_of(const RunOptions& options) {
  if (options.population == 0) {
    return {options.first_agent, options.agents};
  }
  return {options.population_first, options.population};
}

RunTally run_agents(const SimulationModel& model, const RunOptions& options) {
  const AlignedPieces pieces{options.first_agent, options.agents,
                             block_size(model.scenario().journey.max_steps)};
  const uint64_t blocks = pieces.pieces();
  const unsigned workers = worker_count(options.threads, blocks);

  std::vector<RunTally> tallies(workers, empty_tally(model));
  std::vector<std::unique_ptr<BlockRunner>> runners;
  // A journey with experiments also walks each block through every arm
  // (their paired effects); one without has none of this.
  std::vector<std::unique_ptr<CounterfactualArms>> counterfactuals;
  const bool experiments = model.has_steps() && !model.steps().experiments.empty();
  // A journey with queues: the coupled pass first, whose fates every block
  // replays (engine/coupled_pass.h).
  const Population population = population_of(options);
  const RunCalendar calendar(model, population.first, population.agents);
  std::shared_ptr<const CoupledPass> coupled;
  CounterfactualArms::ArmPasses arm_passes;
  if (model.coupled()) {
    coupled = run_coupled_pass(model, options.seed, calendar, population.first,
                               population.agents);
    if (experiments) {
      arm_passes = CounterfactualArms::coupled_passes(model, options.seed, calendar,
                                                      population.first, population.agents);
    }
  }
  for (unsigned w = 0; w < workers; ++w) {
    runners.push_back(std::make_unique<BlockRunner>(model, options.seed));
    runners.back()->set_progress(options.progress);
    runners.back()->set_trace(options.trace);
    runners.back()->set_calendar(&calendar);
    if (coupled) {
      runners.back()->set_queue_fates(&coupled->fates);
    }
    if (experiments) {
      counterfactuals.push_back(std::make_unique<CounterfactualArms>(model, options.seed));
      counterfactuals.back()->set_calendar(&calendar);
      if (coupled) {
        counterfactuals.back()->couple(&arm_passes);
      }
    }
  }
  for_each_block(
      blocks, workers,
      [&](unsigned w, uint64_t b) {
        const auto [first, count] = pieces.piece(b);
        runners[w]->run(first, count, tallies[w]);
        if (experiments) {
          counterfactuals[w]->run(first, count, tallies[w]);
        }
      },
      options.cancel);
  for (auto& runner : runners) {
    runner->flush_progress();
  }
  RunTally total = std::move(tallies[0]);
  for (unsigned w = 1; w < workers; ++w) {
    total.merge(tallies[w]);
  }
  // The queues were measured once for the whole run: the process holding
  // its first agent reports them.
  if (coupled && options.first_agent == population.first && options.agents > 0) {
    total.resources = coupled->resources;
  }
  return total;
}

}  // namespace journeysim
