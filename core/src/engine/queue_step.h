// A touchpoint whose customers queue for a resource (`uses`). Before the
// channel: each customer's fate in the queue — their wait, and whether
// their patience ran out first (they then leave by the channel's `gave_up`
// event without meeting it). After it: the wait is added to the
// interaction's time (the channel sees it in js_batch::queue_wait_hours and
// reports only its own time), and in the coupled pass the customer takes a
// server for the service time (the resource's `service`, else the time the
// channel reported) — unless the channel says they gave up.
//
// The coupled pass (engine/coupled_pass.h) meets the queues live, one agent
// at a time in time order, and records every fate; the ordinary blocks
// replay them, so the channel sees the same wait in both and every agent
// walks the same path.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/agent_paths.h"
#include "engine/block_agent.h"
#include "engine/model_queues.h"
#include "engine/queue_fates.h"
#include "engine/resource_queue.h"
#include "journeysim/channel_sdk.h"
#include "journeysim/random_stream.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

/// The queues as the coupled pass meets them, and what it records.
struct LiveQueues {
  std::vector<ResourceQueue> queues;  // by resource
  QueueFates fates;
};

class QueueStep {
 public:
  /// The customers who stayed to meet the channel, and their waits (hours).
  struct Stayed {
    std::vector<uint32_t> agents;
    std::vector<double> waits;
  };

  explicit QueueStep(const SimulationModel& model)
      : queues_(model.coupled() ? &model.queues() : nullptr) {}

  void set_live(LiveQueues* live) { live_ = live; }
  void set_fates(const QueueFates* fates) { fates_ = fates; }

  /// Meets the queue of touchpoint t for `count` agents (block positions
  /// `group`): who gives up leaves at once through left(i, visit, outcome),
  /// the outcome a drop by the channel's `gave_up` reason; the rest are
  /// stayed(), in group order.
  template <class Left>
  void meet(uint32_t t, const ModelTouchpoint& tp, const uint32_t* group, uint32_t count,
            BlockAgent* agents, AgentPaths& paths, uint64_t first_agent,
            const RandomStream& stream, Left&& left) {
    const TouchpointQueue& q = queues_->touchpoints[t];
    stayed_.agents.clear();
    stayed_.waits.clear();
    arrived_at_.clear();
    service_u_.clear();
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t i = group[k];
      BlockAgent& a = agents[i];
      const uint32_t visit = paths.visits(a, i, t);
      const uint64_t agent = first_agent + i;
      const double now = a.arrived + a.hours;
      double u[4];
      stream.quad(agent, tp.stream_key ^ kQueueStreamSalt, visit, 0, u);
      QueueFate fate;
      if (live_ != nullptr) {
        ResourceQueue& queue = live_->queues[tp.resource];
        const double wait = queue.wait_at(now);
        const double patience = q.has_patience ? sample_wait_hours(q.patience, u[0])
                                               : std::numeric_limits<double>::infinity();
        fate = wait > patience ? QueueFate{patience, true} : QueueFate{wait, false};
        live_->fates.record(agent, t, visit, fate);
        if (fate.gave_up) {
          queue.gave_up(now, patience);
        }
      } else {
        fate = fates_->find(agent, t, visit);
      }
      if (fate.gave_up) {
        js_outcome o{};
        o.next = JS_NEXT_DROP;
        o.reason = q.gave_up_reason;
        o.hours = fate.wait_hours;
        left(i, visit, o);
        continue;
      }
      stayed_.agents.push_back(i);
      stayed_.waits.push_back(fate.wait_hours);
      arrived_at_.push_back(now);
      service_u_.push_back(u[1]);
    }
  }

  const Stayed& stayed() const { return stayed_; }

  /// The k-th stayed agent's outcome `o` at the channel, as the journey
  /// takes it: its time is the wait and then the service (the resource's
  /// `service` when it has one, else the channel's own time) — unless they
  /// gave up at the channel: their time is then how long they held on. The
  /// coupled pass books their server.
  js_outcome after_channel(uint32_t t, const ModelTouchpoint& tp, uint32_t k,
                           const js_outcome& o) {
    const TouchpointQueue& q = queues_->touchpoints[t];
    const bool gave_up = q.gave_up_event != kNoResource && tp.event_of(o) == q.gave_up_event;
    const double wait = stayed_.waits[k];
    const ModelResource& r = queues_->resources[tp.resource];
    const double service =
        r.has_service ? sample_wait_hours(r.service, service_u_[k]) : o.hours;
    js_outcome out = o;
    if (!gave_up) {
      out.hours = wait + service;
    }
    if (live_ != nullptr) {
      ResourceQueue& queue = live_->queues[tp.resource];
      if (gave_up) {
        queue.gave_up(arrived_at_[k], o.hours);
      } else {
        queue.served(arrived_at_[k], wait, service);
      }
    }
    return out;
  }

 private:
  // A queue's draws (patience, service) come from a stream of their own,
  // keyed by the touchpoint's, so they shift no other draw.
  static constexpr uint32_t kQueueStreamSalt = 0x51ED270Bu;

  const ModelQueues* queues_;
  LiveQueues* live_ = nullptr;
  const QueueFates* fates_ = nullptr;
  Stayed stayed_;
  std::vector<double> arrived_at_;  // each stayed agent's clock at the queue
  std::vector<double> service_u_;   // and its draw for the service time
};

}  // namespace journeysim
