// The queues of a journey made ready to run: each resource's servers and
// service time, and for each touchpoint that uses one, its patience and the
// channel's `gave_up` event a customer leaves the queue by.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "journeysim/diagnostics.h"
#include "journeysim/scenario.h"
#include "journeysim/simulation_model.h"
#include "steps/duration.h"

namespace journeysim {

struct ModelResource {
  std::string id;
  uint32_t capacity = 1;
  bool has_service = false;  // else the channel's time is the service
  WaitDuration service;
};

/// A touchpoint's queue (meaningful where ModelTouchpoint::resource is set).
struct TouchpointQueue {
  bool has_patience = false;
  WaitDuration patience;  // how long a customer queues at most
  // The channel's `gave_up` event and its first drop reason, or
  // kNoResource when the channel has none (then nobody can give up).
  uint32_t gave_up_event = kNoResource;
  uint32_t gave_up_reason = 0;
};

struct ModelQueues {
  std::vector<ModelResource> resources;  // Scenario::resources' order
  std::vector<TouchpointQueue> touchpoints;  // by touchpoint
};

/// Binds `scenario`'s resources and sets each bound touchpoint's
/// `resource`. Appends a diagnostic for a bad duration and for `patience`
/// on a channel that has no `gave_up` event to leave by.
std::shared_ptr<const ModelQueues> bind_queues(const Scenario& scenario,
                                               std::vector<ModelTouchpoint>& touchpoints,
                                               std::vector<Diagnostic>& problems);

}  // namespace journeysim
