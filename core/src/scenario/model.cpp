#include "journeysim/scenario.h"

namespace journeysim {

const char* step_kind_name(Step::Kind kind) {
  switch (kind) {
    case Step::Kind::Wait:
      return "wait";
    case Step::Kind::Split:
      return "split";
    case Step::Kind::Experiment:
      return "experiment";
    case Step::Kind::Update:
      return "update";
    case Step::Kind::Exit:
      return "exit";
  }
  return "wait";
}

int Scenario::find_touchpoint(const std::string& id) const {
  for (size_t i = 0; i < touchpoints.size(); ++i) {
    if (touchpoints[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int Scenario::find_step(const std::string& id) const {
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int Scenario::find_node(const std::string& id) const {
  const int touchpoint = find_touchpoint(id);
  if (touchpoint >= 0) {
    return touchpoint;
  }
  const int step = find_step(id);
  return step < 0 ? -1 : static_cast<int>(touchpoints.size()) + step;
}

const std::string& Scenario::node_id(uint32_t node) const {
  return is_step(node) ? step_at(node).id : touchpoints[node].id;
}

int Scenario::find_persona(const std::string& id) const {
  for (size_t i = 0; i < personas.size(); ++i) {
    if (personas[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int Scenario::find_resource(const std::string& id) const {
  for (size_t i = 0; i < resources.size(); ++i) {
    if (resources[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace journeysim
