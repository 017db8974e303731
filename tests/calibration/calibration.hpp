#pragma once
// The calibration world: the baseline world every library scenario extends
// (scenarios/baseline.yaml), at a size that runs in seconds. Programmes are
// compared with a same-seed control arm: the same world with the programme
// turned off.
#include <string>
#include <vector>

#include "../unit/interventions/world.hpp"

namespace detente::calibration {

inline scenario::Scenario baseline(int size, int steps, const std::string& interventions,
                                   std::vector<std::string> sets = {}) {
  sets.push_back("population.groups.north.size=" + std::to_string(size));
  sets.push_back("population.groups.south.size=" + std::to_string(size));
  sets.push_back("steps=" + std::to_string(steps));
  sets.push_back("interventions=" + interventions);
  std::vector<scenario::Override> overrides;
  for (const auto& s : sets)
    overrides.push_back(scenario::parse_override(s));
  return scenario::load_file(std::string(DETENTE_SOURCE_DIR) + "/scenarios/baseline.yaml",
                             overrides);
}

// The same scenario with every intervention turned off.
inline scenario::Scenario control(scenario::Scenario s) {
  for (auto& i : s.interventions)
    i.enabled = false;
  return s;
}

}  // namespace detente::calibration
