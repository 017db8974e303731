#pragma once
// The tree → typed Scenario, field by field as the schema lists them: types,
// ranges, unknown keys (with a did-you-mean) and missing required keys.
// Checks that involve more than one key run afterwards (checks.hpp).
#include "scenario/detail/report.hpp"
#include "scenario/detail/value.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

Scenario read_scenario(const Value& root, Reporter& reporter);

}  // namespace detente::scenario::detail
