#pragma once
// What detente._core.Scenario holds: the scenario and its load warnings,
// shared so that a Simulation keeps its scenario alive (make_simulation
// requires the scenario to outlive the simulation).
#include <memory>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace detente::python {

struct LoadedScenario {
  scenario::Scenario scenario;
  std::vector<std::string> warnings;
};
using ScenarioHandle = std::shared_ptr<LoadedScenario>;

}  // namespace detente::python
