#include "engine/coupled_pass.h"

#include <string>

#include "engine/block_runner.h"
#include "engine/queue_step.h"
#include "engine/run_calendar.h"
#include "journeysim/engine.h"

namespace journeysim {
namespace {

// The coupled pass holds every agent's path (max_steps node indices of 4
// bytes) and state at once; past this it would take more memory than a
// run should.
constexpr double kMaxCoupledBytes = 8.0 * 1024 * 1024 * 1024;
constexpr double kAgentStateBytes = 256.0;

}  // namespace

std::shared_ptr<const CoupledPass> run_coupled_pass(const SimulationModel& model, uint64_t seed,
                                                    const RunCalendar& calendar,
                                                    uint64_t first_agent, uint64_t agents,
                                                    const ModelSteps* steps) {
  const Scenario& scenario = model.scenario();
  const double bytes = static_cast<double>(agents) *
                       (4.0 * scenario.journey.max_steps + kAgentStateBytes);
  if (agents > UINT32_MAX || bytes > kMaxCoupledBytes) {
    throw InputError({{scenario.resources.front().where,
                       "a journey with a queue (resource '" + scenario.resources.front().id +
                           "') walks all its customers together, and " +
                           std::to_string(agents) + " customers with max_steps = " +
                           std::to_string(scenario.journey.max_steps) +
                           " need more than 8 GiB; lower agents or max_steps"}});
  }
  auto pass = std::make_shared<CoupledPass>();
  LiveQueues live;
  for (const Resource& r : scenario.resources) {
    std::shared_ptr<const ShiftSchedule> shifts;
    if (!r.shifts.empty()) {
      shifts = std::make_shared<ShiftSchedule>(r.shifts, r.capacity, scenario.journey.start,
                                               scenario.journey.zone
                                                   ? scenario.journey.zone
                                                   : calendar::fixed_offset_zone(0));
    }
    live.queues.emplace_back(r.capacity, r.warm_up_hours, calendar.bins().hours(),
                             calendar.bins().count(), std::move(shifts));
  }
  if (agents > 0) {
    const auto count = static_cast<uint32_t>(agents);
    BlockRunner runner(model, seed, steps, count, /*timed=*/true);
    runner.set_live_queues(&live);
    runner.set_calendar(&calendar);
    RunTally scratch = empty_tally(model);
    runner.run(first_agent, count, scratch);
  }
  live.fates.seal();
  pass->fates = std::move(live.fates);
  for (const ResourceQueue& q : live.queues) {
    pass->resources.push_back(q.summary());
  }
  return pass;
}

}  // namespace journeysim
