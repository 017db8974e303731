#pragma once
// outputs.headline entries: the outcomes a scenario's question is about.
//
//   headline_outcome("political_space")     // {"political_space", "all"}
//   headline_outcome("mean/north->south")   // {"mean", "north->south"}
#include <string>
#include <string_view>
#include <utility>

namespace detente::scenario {

// (metric, subject) of an entry: "metric" stands for subject `all`.
std::pair<std::string, std::string> headline_outcome(std::string_view entry);

}  // namespace detente::scenario
