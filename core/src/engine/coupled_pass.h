// Journeys whose customers share a queue (a resource) are the one place
// agents interact: a customer's wait depends on everyone who came before.
// They run in two passes. The coupled pass walks every agent of the run
// together, one step at a time in time order (calendar time, then agent
// index), meeting each queue first come, first served, and records what
// happened to each customer at each queue (QueueFates) and what each queue
// did (ResourceTally). Then the ordinary parallel blocks run as for any
// journey, replaying the recorded fates: every agent walks exactly the path
// it walked in the coupled pass (its draws are keyed by agent, node and
// visit), and the counts come from the same code as every other journey's.
//
// The coupled pass is one thread and holds every agent at once; it is the
// same in every thread and process, so results stay byte-identical for any
// --threads and MPI rank count (each process runs it in full). It costs
// about one more run of the journey on one thread; docs/capacity.md.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/queue_fates.h"
#include "journeysim/simulation_model.h"
#include "journeysim/tally.h"

namespace journeysim {

struct ModelSteps;
class RunCalendar;

struct CoupledPass {
  QueueFates fates;
  std::vector<ResourceTally> resources;  // by resource
};

/// Runs agents [first_agent, first_agent + agents) of `model` (with `steps`
/// when given, as BlockRunner) together in time order. Throws InputError
/// when they cannot all be held at once.
std::shared_ptr<const CoupledPass> run_coupled_pass(const SimulationModel& model, uint64_t seed,
                                                    const RunCalendar& calendar,
                                                    uint64_t first_agent, uint64_t agents,
                                                    const ModelSteps* steps = nullptr);

}  // namespace journeysim
