#pragma once
// Checking one entry of `interventions[]` once its common fields (name, type,
// schedule) are read. The types and their own parameter tables are in
// detail/intervention_schema.hpp; read.cpp then reads the type's keys from
// the same entry.
#include <string>

#include "scenario/detail/report.hpp"
#include "scenario/detail/value.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

// The schedule (`end` or `rounds`, end not before start), then the type.
void check_intervention(const Intervention& intervention, const Value& node,
                        const std::string& path, Reporter& reporter);

// Refuses a type that is not in the registry (with a did-you-mean). `node` is
// the whole entry, with its type-specific keys.
void check_intervention_type(const Intervention& intervention, const Value& node,
                             const std::string& path, Reporter& reporter);

}  // namespace detente::scenario::detail
