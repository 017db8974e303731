#pragma once
// Arms of a scenario (design §3): named variants of the base that differ by
// policy only. An arm sets values by key path (the paths of `--set`) and
// removes interventions by name; everything else, the random streams
// included, is the base's, so arms compare under common random numbers.
//
//   arms:
//     - name: no_campaign
//       remove: [campaign]
//     - name: competitive
//       set: {interventions.camp.conditions.framing: competitive}
#include <string>
#include <vector>

namespace detente::scenario {

// One `path: value` of an arm's `set`; the value is YAML text (a number, a
// name, a flow list or map).
struct ArmSetting {
  std::string path;
  std::string value;
  friend bool operator==(const ArmSetting&, const ArmSetting&) = default;
};

struct Arm {
  std::string name;
  std::vector<ArmSetting> set;
  std::vector<std::string> remove;  // intervention names
  friend bool operator==(const Arm&, const Arm&) = default;
};

}  // namespace detente::scenario
