#pragma once
// Where a key of a loaded scenario was given, for messages about a scenario
// that has already loaded (the memory check before a run):
//
//   locate_key("scenarios/big.yaml", {}, "population.groups[1].size")  // "scenarios/big.yaml:9:13"
#include <span>
#include <string>

#include "scenario/load.hpp"

namespace detente::scenario {

// Where the key at `path` (as messages write it: population.groups[1].size)
// was given when `file` was loaded with `overrides`: "FILE:LINE:COLUMN" in the
// file, or the override that set it ("--set population.groups.north.size=5");
// for a key the file leaves out, where its nearest given parent is.
// (Implemented in load.cpp, which reads the file the same way.)
std::string locate_key(const std::string& file, std::span<const Override> overrides,
                       const std::string& path);

}  // namespace detente::scenario
