#pragma once
// The scenarios a command will build, for the memory check made before
// anything is allocated: the arms it runs, a sweep's points, compare's
// futures. Each carries the keys that set it apart from the scenario file and
// the entry of the file that sets them, so that a refusal points at what
// makes the largest of them too large (a swept or uncertain group size, an
// arm's setting), not at the scenario as written.
//
//   auto planned = planned_arms(base, scenario::arm_names(base));
//   check_planned_memory(planned, {.runs = 20, .parallel = 4}, memory_limit(std::nullopt),
//                        "scenarios/big.yaml", overrides);  // throws a located InputError
#include <span>
#include <string>
#include <vector>

#include "experiment/memory_estimate.hpp"
#include "scenario/load.hpp"
#include "scenario/scenario.hpp"

namespace detente {

// A key a planned scenario sets over the file: its --set path and value, and
// the file's entry that sets it (arms[1].set.population.groups.0.size,
// sweep.parameters[0], uncertain[2]).
struct SetBy {
  std::string path;
  std::string value;
  std::string entry;
};

struct PlannedScenario {
  scenario::Scenario scenario;
  std::string label;  // "" for the scenario as written; "arm big", "sweep point 3", "future 7"
  std::vector<SetBy> set_by;
};

// The scenario of each arm named (arm_names order; "base" is the scenario
// as written).
std::vector<PlannedScenario> planned_arms(const scenario::Scenario& base,
                                          const std::vector<std::string>& names);

// Every point of the scenario's sweep, loaded from `file` with `overrides` as
// the sweep loads it; only the scenario as written when no swept key can
// change the memory estimate (may_change_memory).
std::vector<PlannedScenario> planned_sweep_points(const scenario::Scenario& base,
                                                  const std::string& file,
                                                  std::span<const scenario::Override> overrides);

// Each named arm in each of `futures` futures of the uncertain: block, as
// compare --futures builds them; none when no uncertain key can change the
// memory estimate (the arms as written are then as large).
std::vector<PlannedScenario> planned_futures(const scenario::Scenario& base,
                                             const std::vector<std::string>& arms,
                                             std::size_t futures);

// Throws InputError when the largest of `planned`, `count` runs of it,
// needs more than `limit`:
//   FILE:LINE:COLUMN: KEY: SUBJECT needs about … (memory_refusal)
// KEY is the entry that sets the key driving the estimate (an arm's setting,
// a swept or uncertain key) or else that key itself, located where `file` or
// `overrides` give it.
void check_planned_memory(const std::vector<PlannedScenario>& planned, const RunCount& count,
                          double limit, const std::string& file,
                          std::span<const scenario::Override> overrides);

}  // namespace detente
