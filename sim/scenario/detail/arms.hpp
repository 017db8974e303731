#pragma once
// Building an arm's scenario from the base's tree: the arm's settings are
// applied like overrides, its removals drop interventions by name, and the
// result is read and checked like any scenario. Used when loading (to refuse
// a bad arm before anything runs, located in the file) and by resolve_arm.
#include <filesystem>
#include <string>

#include "scenario/detail/value.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

// The scenario of arm `index` of `root`'s `arms` list.
Scenario build_arm(const Value& root, std::size_t index, const std::string& display_name,
                   const std::filesystem::path& base_dir);

// Names unique and not `base`; then every arm built once, so that a bad
// setting or removal is refused with its place in the file.
void check_arms(const Value& root, const Scenario& base, const std::string& display_name,
                const std::filesystem::path& base_dir);

}  // namespace detente::scenario::detail
