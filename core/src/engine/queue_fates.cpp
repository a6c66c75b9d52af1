#include "engine/queue_fates.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>

namespace journeysim {
namespace {

template <class E>
auto key(const E& e) {
  return std::tie(e.agent, e.t, e.visit);
}

}  // namespace

void QueueFates::record(uint64_t agent, uint32_t t, uint32_t visit, QueueFate fate) {
  entries_.push_back({agent, t, visit, fate});
}

void QueueFates::seal() {
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return key(a) < key(b); });
}

QueueFate QueueFates::find(uint64_t agent, uint32_t t, uint32_t visit) const {
  const Entry probe{agent, t, visit, {}};
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), probe,
                                   [](const Entry& a, const Entry& b) { return key(a) < key(b); });
  if (it == entries_.end() || key(*it) != key(probe)) {
    throw std::logic_error("no queue fate for agent " + std::to_string(agent) +
                           " at touchpoint " + std::to_string(t) + ", visit " +
                           std::to_string(visit));
  }
  return it->fate;
}

}  // namespace journeysim
