#include "journeysim/scenario.h"

namespace journeysim {

int Scenario::find_touchpoint(const std::string& id) const {
  for (size_t i = 0; i < touchpoints.size(); ++i) {
    if (touchpoints[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int Scenario::find_persona(const std::string& id) const {
  for (size_t i = 0; i < personas.size(); ++i) {
    if (personas[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace journeysim
