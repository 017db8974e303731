#pragma once
// The values with a YAML form of their own:
//   a Distribution is a number (constant) or {dist: uniform, low: 0.2, high: 0.6};
//   roles are a map of role name → share, {public: 0.9, student: 0.1};
//   an arm's settings are a map of key path → value, {interventions.camp.cohort: 60}.
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

std::vector<ArmSetting> read_arm_settings(const Value& value, const std::string& path,
                                          Reporter& reporter);
std::string arm_settings_yaml(const std::vector<ArmSetting>& settings);
std::string arm_settings_expectation();
// Any value as one line of flow YAML that reads back to the same tree.
std::string flow_yaml(const Value& value);

}  // namespace detente::scenario::detail
