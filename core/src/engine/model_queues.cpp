#include "engine/model_queues.h"

#include "engine/step_binding.h"

namespace journeysim {
namespace {

// A duration the loader checked the form of, in hours; a problem if the
// binder still refuses it.
WaitDuration bound_duration(const WaitTime& w, std::vector<Diagnostic>& problems) {
  try {
    return wait_duration(w);
  } catch (const InputError& error) {
    problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    return {};
  }
}

}  // namespace

std::shared_ptr<const ModelQueues> bind_queues(const Scenario& scenario,
                                               std::vector<ModelTouchpoint>& touchpoints,
                                               std::vector<Diagnostic>& problems) {
  auto queues = std::make_shared<ModelQueues>();
  for (const Resource& r : scenario.resources) {
    ModelResource& m = queues->resources.emplace_back();
    m.id = r.id;
    m.capacity = r.capacity;
    m.has_service = r.has_service;
    if (r.has_service) {
      m.service = bound_duration(r.service, problems);
    }
  }
  queues->touchpoints.resize(touchpoints.size());
  for (size_t t = 0; t < touchpoints.size(); ++t) {
    const Touchpoint& tp = scenario.touchpoints[t];
    ModelTouchpoint& m = touchpoints[t];
    if (tp.uses.empty() || m.events == nullptr) {
      continue;
    }
    m.resource = tp.resource;
    TouchpointQueue& q = queues->touchpoints[t];
    if (const auto e = m.events->find("gave_up")) {
      q.gave_up_event = *e;
      for (uint32_t r = 0; r < m.reason_count; ++r) {
        if (m.events->reason_event(r) == *e) {
          q.gave_up_reason = r;
          break;
        }
      }
    }
    if (tp.has_patience) {
      if (q.gave_up_event == kNoResource) {
        problems.push_back(
            {tp.patience.where, "touchpoint '" + tp.id + "': patience needs a channel with a "
                                "`gave_up` event to leave the queue by, and channel '" +
                                    tp.channel + "' has none (the `support` channel has one)"});
        continue;
      }
      q.has_patience = true;
      q.patience = bound_duration(tp.patience, problems);
    }
  }
  return queues;
}

}  // namespace journeysim
