#pragma once
// The two values with a YAML form of their own:
//   a Distribution is a number (constant) or {dist: uniform, low: 0.2, high: 0.6};
//   roles are a map of role name → share, {public: 0.9, student: 0.1}.
#include <string>
#include <vector>

#include "scenario/detail/report.hpp"
#include "scenario/detail/value.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

Distribution read_distribution(const Value& value, const std::string& path, Reporter& reporter);
// Only the parameters of its kind, so reading it back gives the same struct.
std::string distribution_yaml(const Distribution& distribution);
std::string distribution_expectation();

std::vector<RoleShare> read_roles(const Value& value, const std::string& path, Reporter& reporter);
std::string roles_yaml(const std::vector<RoleShare>& roles);
std::string roles_expectation();

}  // namespace detente::scenario::detail
