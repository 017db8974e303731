#pragma once
// Checking one entry of `interventions[]` once its common fields (name, type,
// schedule) are read. The type lookup is a single function so that the
// interventions module can replace it with a lookup in its registry, which
// will also validate the type's own keys against that type's parameter table.
#include <string>

#include "scenario/detail/report.hpp"
#include "scenario/detail/value.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

// The schedule (`end` or `rounds`, end not before start), then the type.
void check_intervention(const Intervention& intervention, const Value& node,
                        const std::string& path, Reporter& reporter);

// Refuses a type this build does not know. `node` is the whole entry, with
// its type-specific keys.
void check_intervention_type(const Intervention& intervention, const Value& node,
                             const std::string& path, Reporter& reporter);

}  // namespace detente::scenario::detail
