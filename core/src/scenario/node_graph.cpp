#include "scenario/node_graph.h"

#include "scenario/field_reader.h"

namespace journeysim::scenario {

std::string role_label(const TargetRole& role) {
  switch (role.kind) {
    case TargetRole::Kind::Next:
      return "next";
    case TargetRole::Kind::On:
      return child("on", role.event != nullptr ? *role.event : "");
    case TargetRole::Kind::Race:
      return element("race", role.position);
    case TargetRole::Kind::Branch:
      return element("branches", role.position);
    case TargetRole::Kind::Arm:
      return element("arms", role.position);
  }
  return "next";
}

std::string unknown_target(const std::string& owner, const std::string& owner_id,
                           const TargetRole& role, const std::string& to, bool has_steps) {
  return owner + " '" + owner_id + "': " + role_label(role) + " target '" + to + "' is not " +
         (has_steps ? "a touchpoint or step" : "a touchpoint");
}

}  // namespace journeysim::scenario
