#pragma once
// The calibration world: the world the strategy library shares (two rival
// communities, hostile national media, thin cross-border contact; see
// scenarios/routine_vs_episodic.yaml), built from scenarios/baseline.yaml at
// a size that runs in seconds, with the default parameters of everything not
// declared there. baseline.yaml itself tunes its society to be more stubborn
// and its media more hostile (scenarios/README.md); the calibration targets
// are about programmes, so they are measured in the library's world.
// Programmes are compared with a same-seed control arm: the same world with
// the programme turned off.
#include <string>
#include <vector>

#include "../unit/interventions/world.hpp"

namespace detente::calibration {

inline scenario::Scenario baseline(int size, int steps, const std::string& interventions,
                                   std::vector<std::string> sets = {}) {
  for (const char* world :
       {"population.groups.north.stubbornness=0.1", "population.groups.south.stubbornness=0.1",
        "dynamics.influence.confidence=0.3", "dynamics.influence.repulsion_threshold=0.6",
        "dynamics.media.influence=0.02", "dynamics.consolidation.rate=0.01",
        "media.north_national_tv.slant=-0.4", "media.south_national_tv.slant=-0.5"})
    sets.insert(sets.begin(), world);
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
